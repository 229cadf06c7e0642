/**
 * Issue 16, item 9: the local web chat. Each client gets a rate limit (429 with Retry-After and the JSON error
 * the page reads); when the server listens on loopback only, a request naming another host (a DNS-rebinding
 * page: evil.example resolving to 127.0.0.1) is refused; and JSON answers carry nosniff like the page does.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatRateLimit } from "../../src/adapters/web/guards.js";
import { type ChatErrorBody, WEB_CHAT_RATE_LIMIT } from "../../src/adapters/web/index.js";
import { recordingLogger, startTestServer, type TestServer } from "./support/server.js";

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with the Host header and source address of our choosing (fetch does not let a caller set Host). */
function request(
  url: string,
  path: string,
  options: { method?: string; host?: string; from?: string; body?: unknown } = {},
): Promise<Reply> {
  const target = new URL(path, url);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: options.method ?? (body ? "POST" : "GET"),
        headers: {
          host: options.host ?? target.host,
          ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}),
        },
        ...(options.from ? { localAddress: options.from } : {}),
        agent: false,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
const question = { text: "who restores a dropped table?" };
/** The documented limit: 60 chat requests a minute per client. */
const LIMIT = 60;
const WINDOW_S = 60;

describe("served on loopback (no platform configured: npm start's default)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({});
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a Host that is not this machine (DNS rebinding), on the page and on the API", async () => {
    for (const host of [`evil.example:${server.port}`, "evil.example", `127.0.0.1.nip.io:${server.port}`]) {
      const page = await request(server.url, "/", { host });
      expect(page.status, host).toBe(403);
      const chat = await request(server.url, "/api/chat", { host, body: question });
      expect(chat.status, host).toBe(403);
      expect(chat.body).not.toMatch(/Database administrator/);
    }
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, "localhost"]) {
      expect((await request(server.url, "/", { host })).status, host).toBe(200);
      expect((await request(server.url, "/api/chat", { host, body: question })).status, host).toBe(200);
    }
  });

  it("sends nosniff on JSON answers too", async () => {
    const chat = await request(server.url, "/api/chat", { body: question });
    expect(chat.headers["content-type"]).toMatch(/^application\/json/);
    expect(chat.headers["x-content-type-options"]).toBe("nosniff");
    const health = await request(server.url, "/healthz");
    expect(health.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("limits each client: 429 with Retry-After past the limit, other clients unaffected", async () => {
    // A client of its own (a second loopback address), so the other tests' requests do not count.
    const from = "127.0.0.3";
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await request(server.url, "/api/chat", { from, body: question })).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const limited = await request(server.url, "/api/chat", { from, body: question });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_S);
    expect((JSON.parse(limited.body) as ChatErrorBody).error.code).toBe("rate_limited");
    // A client that goes on asking is refused every time, and said in the log once, not once a request.
    for (let i = 0; i < 20; i++) expect((await request(server.url, "/api/chat", { from, body: question })).status).toBe(429);
    expect(server.logger.lines.filter((l) => l.msg === "web: a client asked too often")).toHaveLength(1);
    expect((await request(server.url, "/api/chat", { from: "127.0.0.4", body: question })).status).toBe(200);
    expect(WEB_CHAT_RATE_LIMIT).toEqual({ limit: LIMIT, windowMs: WINDOW_S * 1000 });
  });
});

describe("the rate limit's log line", () => {
  it("is one for a client stepping through the addresses of its IPv6 /56, as the limit counts them as one", async () => {
    // Loopback has one IPv6 address, so the addresses come in X-Forwarded-For through a proxy trusted on loopback.
    const logger = recordingLogger();
    const app = express();
    app.set("trust proxy", "loopback");
    app.post("/ask", chatRateLimit(logger), (_req, res) => {
      res.json({});
    });
    const listening = app.listen(0, "127.0.0.1");
    await once(listening, "listening");
    const { port } = listening.address() as AddressInfo;
    const ask = (i: number) =>
      fetch(`http://127.0.0.1:${port}/ask`, {
        method: "POST",
        headers: { "x-forwarded-for": `2001:db8:0:${i.toString(16)}::1` },
      });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 20; i++) statuses.push((await ask(i % 200)).status);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
      expect(logger.lines.filter((l) => l.msg === "web: a client asked too often")).toHaveLength(1);
    } finally {
      listening.closeAllConnections();
      await new Promise((resolve) => listening.close(resolve));
    }
  });
});

describe("served on all interfaces (HOST=0.0.0.0, WEB_CHAT=on)", () => {
  it("takes any Host: the operator chose to serve it under its own name", async () => {
    const server = await startTestServer({ HOST: "0.0.0.0", WEB_CHAT: "on" });
    try {
      expect((await request(server.url, "/", { host: "whodoes.example.org" })).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
