/**
 * Issue 16, item 10: what reaches the operator's log. botbuilder (and jsonwebtoken through it) prints rejected
 * tokens' details to the console, the signing key included, several lines each; that goes into the structured
 * log at debug instead, one line per event, with no key. And a Slack that cannot be reached at start (refused,
 * or a proxy answering for it) is said to be unreachable, not to have rejected the token.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSlackAdapter, SlackAdapterError } from "../../src/adapters/slack/index.js";
import { createLogger } from "../../src/logging/logger.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { channelClaims, newRsaKey, signJwt } from "../adapters/teams/fake-openid.js";
import { fixture, realWhodoes, useAuthenticatedBot } from "../adapters/teams/harness.js";
import { json, startHungServer } from "./support/hung-server.js";
import { startServerProcess } from "./support/process.js";
import { recordingLogger } from "./support/server.js";

const APP_ID = "0b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

describe("botbuilder's console output about rejected tokens", () => {
  const printed: unknown[][] = [];
  const logger = recordingLogger();
  // Whatever reaches the console (and so the process's stdout/stderr) is recorded here and kept off the
  // screen; installed before the bot starts, as a process's console is.
  beforeAll(() => {
    for (const method of ["error", "warn", "log", "info", "debug"] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args);
      });
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });
  const rig = useAuthenticatedBot(APP_ID, logger);

  const serviceUrl = "https://smba.trafficmanager.net/emea/";
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => string][] = [
    [
      "a token signed by another key under Bot Framework's key id",
      () => signJwt(channelClaims(APP_ID, serviceUrl), newRsaKey(), rig.openId.kid),
    ],
    [
      "an expired token",
      () => signJwt(channelClaims(APP_ID, serviceUrl, { exp: now() - 3600, nbf: 0, iat: 0 }), rig.openId.key, rig.openId.kid),
    ],
  ];

  it.each(cases)("%s: 401, nothing printed, one debug line without the key", async (_name, token) => {
    printed.length = 0;
    const before = logger.lines.length;
    const res = await rig.bot.post(fixture("personal-message", serviceUrl), { authorization: `Bearer ${token()}` });
    expect(res.status).toBe(401);
    expect(printed).toEqual([]);
    const lines = logger.lines.slice(before);
    const sdk = lines.filter((l) => l.fields?.source === "botbuilder");
    expect(sdk).toHaveLength(1);
    expect(sdk[0]?.level).toBe("debug");
    expect(sdk[0]?.msg).not.toContain("\n");
    const all = JSON.stringify(lines);
    expect(all).not.toMatch(/BEGIN|PUBLIC KEY|MII[A-Za-z0-9+/]{20}/);
    expect(lines.some((l) => l.msg === "teams: refused a request that failed authentication")).toBe(true);
  });
});

describe("Slack that cannot be reached at start", () => {
  const start = async (apiUrl: string) => {
    const adapter = createSlackAdapter({
      whodoes: realWhodoes(),
      config: { botToken: "xoxb-unreachable-test", signingSecret: "unreachable-test-secret", apiUrl },
      logger: recordingLogger(),
      store: createMemoryStore(),
      app: express(),
      outboundTimeoutMs: 500,
    });
    try {
      return await adapter.start().then(
        () => undefined,
        (e: unknown) => e as SlackAdapterError,
      );
    } finally {
      await adapter.stop(0);
    }
  };

  it("nothing listening (as a failed DNS lookup or a dead proxy): says Slack cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await start(`http://127.0.0.1:${port}/api/`);
    expect(error).toBeInstanceOf(SlackAdapterError);
    expect(error?.code).toBe("SLACK_UNREACHABLE");
    expect(error?.message).toMatch(/cannot reach Slack/i);
    expect(error?.message).toMatch(/ECONNREFUSED/);
    expect(error?.message).not.toMatch(/did not accept|token/i);
  });

  it("a proxy answering in Slack's place (HTTP 502, not Slack's JSON): says Slack cannot be reached", async () => {
    const proxy = await startHungServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html", connection: "close" }).end("<html>Bad Gateway</html>");
      return true;
    });
    try {
      const error = await start(`${proxy.url}/api/`);
      expect(error?.code).toBe("SLACK_UNREACHABLE");
      expect(error?.message).toMatch(/cannot reach Slack.*HTTP 502/i);
    } finally {
      await proxy.close();
    }
  });

  it("Slack itself refusing the token still says so", async () => {
    const slack = await startHungServer((_req, res) => json(res, { ok: false, error: "invalid_auth" }));
    try {
      const error = await start(`${slack.url}/api/`);
      expect(error?.code).toBe("SLACK_AUTH_FAILED");
      expect(error?.message).toMatch(/did not accept SLACK_BOT_TOKEN.*invalid_auth/);
    } finally {
      await slack.close();
    }
  });

  it("npm start exits 1 with one line saying Slack cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = startServerProcess({
      HOST: "127.0.0.1",
      SLACK_BOT_TOKEN: "xoxb-unreachable-test",
      SLACK_SIGNING_SECRET: "unreachable-test-secret",
      SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
    });
    await expect(run).rejects.toThrow(/exited \(1\)[\s\S]*cannot reach Slack/i);
    await expect(run).rejects.not.toThrow(/did not accept/);
  });
});

describe("what a client sends, in a log line", () => {
  // A Host header's bytes are read as Latin-1: 0xC2 0x9B arrives as "Â" and U+009B, the C1 control that starts a
  // terminal escape, and the web chat logs the Host it refuses.
  const host = Buffer.from("evil.example\xc2\x9b2J", "latin1");
  const obeyed = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

  it("is escaped in the JSON log, which still parses to what was sent", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "whodoes-log-escapes-"));
    const server = await startServerProcess({ HOST: "127.0.0.1", WEB_CHAT: "on", LOG_LEVEL: "debug", DATA_DIR: dataDir });
    try {
      const from = server.lines.length;
      const status = await new Promise<string>((resolve) => {
        const socket = connect(Number(new URL(server.url).port), "127.0.0.1", () =>
          socket.write(
            Buffer.concat([Buffer.from("GET / HTTP/1.1\r\nHost: "), host, Buffer.from("\r\nConnection: close\r\n\r\n")]),
          ),
        );
        let reply = "";
        socket.on("data", (d) => {
          reply += d.toString("latin1");
        });
        socket.on("close", () => resolve(reply.split("\r\n")[0] ?? ""));
      });
      expect(status).toMatch(/ 403 /);
      const [line] = (await server.linesSince(from)).filter((l) => l.includes("another host name"));
      expect(line).toBeDefined();
      expect(line).not.toMatch(obeyed);
      expect(JSON.parse(line as string).host).toBe(host.toString("latin1"));
    } finally {
      server.kill();
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("cannot start a line of its own, or reach the terminal raw, in the readable log", () => {
    const lines: string[] = [];
    createLogger({ pretty: true, write: (l) => lines.push(l) }).warn("web: refused", {
      host: 'x\n{"level":"error","msg":"forged"}\u001b[2J\u202e',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(obeyed);
  });
});
