/**
 * `npm start` as a user runs it: the built server as a child process with no platform credentials.
 * The local chat, its JSON endpoint, /healthz, one log line per adapter, and a clean SIGTERM that
 * lets an in-flight request finish.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../../dist/src/server/main.js", import.meta.url));
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(SLACK_|MICROSOFT_APP_|PORT$|HOST$|INTENTS_DIR$|WEB_CHAT$)/.test(k)),
);

interface Server {
  child: ChildProcess;
  url: string;
  logs: string[];
  exited: Promise<number | null>;
}

async function startServer(): Promise<Server> {
  // PORT=0: any free port; the server logs the URL it got. cwd without a .env file.
  const child = spawn(process.execPath, [MAIN], { env: { ...CLEAN_ENV, PORT: "0", LOG_LEVEL: "info" }, cwd: "/" });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL logged:\n${logs.join("\n")}`)), 20_000);
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) {
        logs.push(line);
        const m = line.match(/listening on (http:\/\/[^\s"]+)/);
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
  it("serves the local chat, its JSON endpoint and /healthz, and logs one line per adapter", async () => {
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

    const lines = server.logs.map((l) => JSON.parse(l) as { msg: string; adapter?: string });
    expect(
      lines
        .filter((l) => l.msg.startsWith("on: "))
        .map((l) => l.adapter)
        .sort(),
    ).toEqual(["teams", "web"]);
    expect(lines.some((l) => /try the bot in your browser at http/.test(l.msg))).toBe(true);
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
});
