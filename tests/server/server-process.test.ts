/**
 * `npm start` as a user runs it: the built server as a child process with no platform credentials.
 * The local chat, its JSON endpoint, the probes, one friendly start-up line, a clean SIGTERM that lets an
 * in-flight request finish, and `npm start` itself stopping the server when npm is told to stop.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../../dist/src/server/main.js", import.meta.url));
const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(SLACK_|MICROSOFT_APP_|PORT$|HOST$|INTENTS_DIR$|WEB_CHAT$)/.test(k)),
);

interface Server {
  child: ChildProcess;
  url: string;
  logs: string[];
  exited: Promise<number | null>;
}

/** The URL in the one line a newcomer sees ("whodoes is running: open http://127.0.0.1:PORT/ ..."). */
const RUNNING = /whodoes is running: open (http:\/\/[^\s"/]+)\//;

/** `node dist/src/server/main.js`, or with `npm: true` `npm start` in the project, as the README says. */
async function startServer(options: { npm?: boolean } = {}): Promise<Server> {
  // PORT=0: any free port; the server logs the URL it got. cwd without a .env file.
  const env = { ...CLEAN_ENV, PORT: "0", LOG_LEVEL: "info" };
  const child = options.npm
    ? spawn("npm", ["start", "--silent"], { env, cwd: PROJECT })
    : spawn(process.execPath, [MAIN], { env, cwd: "/" });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL logged:\n${logs.join("\n")}`)), options.npm ? 60_000 : 20_000);
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) {
        logs.push(line);
        const m = line.match(RUNNING);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    });
  });
  return { child, url, logs, exited };
}

let server: Server | undefined;
afterEach(() => {
  server?.child.kill("SIGKILL");
  server = undefined;
});

describe("npm start with no credentials", () => {
  it("serves the local chat, its JSON endpoint and /healthz, and says in one friendly line what runs where", async () => {
    server = await startServer();
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);

    const chat = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "who restores a dropped table?" }),
    });
    expect(chat.status).toBe(200);
    const body = (await chat.json()) as { answer: { intent: string; roles: { id: string }[] } };
    expect(body.answer.intent).toBe("who_does");
    expect(body.answer.roles[0]?.id).toBe("database-administrator");

    const bad = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(bad.status).toBe(400);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: "ok",
      version: expect.any(String),
      adapters: expect.arrayContaining(["teams", "web"]),
    });

    const lines = server.logs.map((l) => JSON.parse(l) as { msg: string; level: string; adapter?: string });
    // A newcomer with no credentials: one line at start, no warning about Teams running unauthenticated.
    const beforeTurns = lines.slice(
      0,
      lines.findIndex((l) => l.msg === "turn"),
    );
    expect(beforeTurns.map((l) => l.msg)).toEqual([expect.stringMatching(RUNNING)]);
    expect(lines.filter((l) => l.level === "warn" || l.level === "error")).toEqual([]);
    // One structured line per turn, and never the question itself.
    const turn = lines.find((l) => l.msg === "turn") as Record<string, unknown> | undefined;
    expect(turn).toMatchObject({
      platform: "web",
      intent: "who_does",
      role: "database-administrator",
      score: expect.any(Number),
      ms: expect.any(Number),
    });
    expect(server.logs.join("\n")).not.toMatch(/dropped table/);
  });

  it("on SIGTERM finishes the request in flight, refuses new connections, and exits 0", async () => {
    server = await startServer();
    const { url } = server;
    const payload = JSON.stringify({ text: "who owns the nightly ETL?" });
    // Send the headers and half the body, signal, then the rest: the request is in flight.
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${url}/api/chat`,
        { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.write(payload.slice(0, 10));
      setTimeout(() => {
        server?.child.kill("SIGTERM");
        setTimeout(() => req.end(payload.slice(10)), 300);
      }, 200);
    });
    const done = await response;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body).answer.roles[0].id).toBe("data-warehouse-engineer");
    expect(await server.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("stops the server cleanly when `npm start` is stopped (the signal reaches node)", { timeout: 90_000 }, async () => {
    server = await startServer({ npm: true });
    const { url } = server;
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    // As `kill <pid of npm start>` does: npm forwards the signal, and node is npm's own child (exec), not a shell's.
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.logs.some((l) => /SIGTERM: finishing in-flight requests/.test(l))).toBe(true);
    await expect(fetch(`${url}/livez`)).rejects.toThrow();
  });
});

describe("npm start with a data directory it cannot write", () => {
  it("refuses to start, in one line, rather than answer and lose every usage record and welcome", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "whodoes-readonly-"));
    chmodSync(dataDir, 0o555);
    // Root may write anywhere: run the server as nobody then, as a container's user on a volume it does not own.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    try {
      const child = spawn(process.execPath, [MAIN], {
        env: { ...CLEAN_ENV, PORT: "0", LOG_LEVEL: "info", DATA_DIR: dataDir },
        cwd: "/",
        ...asNobody,
      });
      server = { child, url: "", logs: [], exited: new Promise((resolve) => child.on("exit", resolve)) };
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
      const started = new Promise<string>((resolve) => child.stderr.on("data", () => RUNNING.test(stderr) && resolve("started")));
      expect(await Promise.race([server.exited, started])).toBe(1);
      const lines = stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? "")).toMatchObject({
        level: "error",
        msg: "could not start",
        error: expect.stringContaining(`cannot write in the data directory ${dataDir}`),
        code: "STORE_IO",
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
