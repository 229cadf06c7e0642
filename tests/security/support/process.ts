/**
 * The built server (dist/, as `npm start` runs it) as a child process, with its stderr kept line by line:
 * what an operator's terminal or log shipper would see. `npm test` builds first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../../dist/src/server/main.js", import.meta.url));

/** The environment without anything of this machine's that would change what the server starts. */
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) =>
      !/^(SLACK_|MICROSOFT_APP_|TEAMS_|PORT$|HOST$|INTENTS_DIR$|WEB_CHAT$|DATA_DIR$|REDIS_URL$|NODE_ENV$|LOG_LEVEL$)/.test(k),
  ),
);

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every stderr line so far. */
  lines: string[];
  exited: Promise<number | null>;
  /** Lines logged since `from` (an index into `lines`), once none has arrived for `quietMs`. */
  linesSince(from: number, quietMs?: number): Promise<string[]>;
  kill(): void;
}

/** Start with `env` (PORT=0 and, unless given, a temporary DATA_DIR removed when the server exits). */
export async function startServerProcess(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "whodoes-server-process-"));
  const child = spawn(process.execPath, [MAIN], {
    env: { ...CLEAN_ENV, PORT: "0", LOG_LEVEL: "info", DATA_DIR: dataDir, ...env },
    cwd: "/",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  let partial = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL logged:\n${lines.join("\n")}`)), 20_000);
    child.once("exit", (code) => reject(new Error(`the server exited (${code}):\n${lines.join("\n")}`)));
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        const m = line.match(/listening on (http:\/\/[^\s"]+)/);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    });
  });
  const server: ServerProcess = {
    child,
    url,
    lines,
    exited,
    async linesSince(from, quietMs = 300) {
      let seen = lines.length;
      let quietSince = Date.now();
      for (;;) {
        await new Promise((r) => setTimeout(r, 25));
        if (lines.length !== seen) {
          seen = lines.length;
          quietSince = Date.now();
        } else if (Date.now() - quietSince >= quietMs) return lines.slice(from);
      }
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
  // The start-up lines that follow "listening on" (one per adapter) belong to no test.
  await server.linesSince(0);
  return server;
}
