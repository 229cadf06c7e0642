/**
 * Issue 16, item 4: bad input costs nothing. Every route caps its body before reading it (413 as soon as the
 * headers say too much, and a streamed body is cut at the cap); a JSON null, a Content-Encoding we do not read
 * and a client that gives up mid-upload each get a 4xx (or nothing, when the client is gone) and exactly one
 * structured log line. Never a 500, a stack trace or express's HTML error page, in any NODE_ENV.
 *
 * The built server runs as a child process so that its real stderr is what is checked.
 */

import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../adapters/slack/support/fake-slack.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";
import { type ServerProcess, startServerProcess } from "./support/process.js";

const SECRET = "bodies-test-signing-secret";
const KiB = 1024;

interface Route {
  path: string;
  /** The route's own cap, in bytes. */
  limit: number;
  /** Sign the body as Slack does. */
  signed?: boolean;
}
const ROUTES: Route[] = [
  { path: "/slack/events", limit: 512 * KiB, signed: true },
  { path: "/api/messages", limit: 512 * KiB },
  { path: "/api/chat", limit: 16 * KiB },
];

interface Reply {
  status: number;
  type: string;
  body: string;
}

/** One request over node:http, so that Content-Length, chunking and aborting are ours to choose. */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: number; chunk?: Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: options.method ?? "POST", headers: options.headers ?? {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body }));
    });
    // The server may answer (and close) before the whole body is written: that is the point.
    req.on("error", (err) => (err.message.includes("EPIPE") || err.message.includes("ECONNRESET") ? undefined : reject(err)));
    if (options.chunks && options.chunk) {
      let left = options.chunks;
      const pump = () => {
        while (left > 0) {
          left--;
          if (!req.write(options.chunk)) return req.once("drain", pump);
        }
        req.end();
      };
      pump();
    } else if (options.body !== undefined) req.end(options.body);
    else req.flushHeaders();
  });
}

/** Send the headers and part of the body, then give up. */
function abortMidUpload(base: string, path: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request(`${base}${path}`, { method: "POST", headers: { ...headers, "content-length": "4000" } });
    req.on("error", () => {});
    req.write('{"text": "who rest');
    setTimeout(() => {
      req.destroy();
      resolve();
    }, 150);
  });
}

const headersFor = (route: Route, body: string, contentType = "application/json"): Record<string, string> => ({
  "content-type": contentType,
  ...(route.signed ? signedHeaders(SECRET, body) : {}),
});

/** Nothing in a response may look like express's error page or a stack trace. */
function expectNoLeak(reply: Reply): void {
  expect(reply.body).not.toMatch(/<html|<!DOCTYPE|<pre>/i);
  expect(reply.body).not.toMatch(/\n\s+at |node_modules|\/src\/|\/dist\//);
  if (reply.body !== "") expect(reply.type).toMatch(/^application\/json/);
}

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
});

for (const nodeEnv of [undefined, "development", "production"]) {
  describe(`NODE_ENV=${nodeEnv ?? "(unset)"}`, () => {
    let server: ServerProcess;
    beforeAll(async () => {
      server = await startServerProcess({
        NODE_ENV: nodeEnv,
        HOST: "127.0.0.1",
        SLACK_BOT_TOKEN: "xoxb-bodies-test",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        TEAMS_LOCAL_MODE: "on",
        WEB_CHAT: "on",
      });
    });
    afterAll(() => server?.kill());

    /** Run `act`; the server must log exactly `count` structured lines for it (and nothing unstructured). */
    async function logsFor(act: () => Promise<unknown>, count = 1): Promise<Record<string, unknown>[]> {
      const from = server.lines.length;
      await act();
      const lines = await server.linesSince(from);
      const parsed = lines.map((l) => {
        expect(() => JSON.parse(l), `not a structured log line: ${l}`).not.toThrow();
        return JSON.parse(l) as Record<string, unknown>;
      });
      expect(parsed, lines.join("\n")).toHaveLength(count);
      return parsed;
    }

    it.each(ROUTES)("$path: 413 from the headers alone when Content-Length is over its cap", async (route) => {
      await logsFor(async () => {
        const reply = await send(server.url, route.path, {
          headers: { "content-type": "application/json", "content-length": String(route.limit + 1) },
        });
        expect(reply.status).toBe(413);
        expectNoLeak(reply);
      });
    });

    it.each(ROUTES)("$path: 413 for a streamed body that passes its cap", async (route) => {
      const chunk = Buffer.alloc(64 * KiB, "a");
      await logsFor(async () => {
        const reply = await send(server.url, route.path, {
          headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
          chunks: Math.ceil((route.limit * 2) / chunk.length),
          chunk,
        });
        expect(reply.status).toBe(413);
        expectNoLeak(reply);
      });
    });

    it("a path nobody serves: a JSON 404, and 413 past the largest cap", async () => {
      const missing = await send(server.url, "/wp-login.php", { method: "GET" });
      expect(missing.status).toBe(404);
      expectNoLeak(missing);
      await logsFor(async () => {
        const big = await send(server.url, "/healthz", { headers: { "content-length": String(64 * 1024 * KiB) } });
        expect(big.status).toBe(413);
        expectNoLeak(big);
      });
    });

    it.each(ROUTES)("$path: a JSON null body is a 400", async (route) => {
      await logsFor(async () => {
        const reply = await send(server.url, route.path, { headers: headersFor(route, "null"), body: "null" });
        expect(reply.status).toBe(400);
        expectNoLeak(reply);
      });
    });

    it("/slack/events: a signed form whose payload is null is a 400", async () => {
      const body = "payload=null";
      await logsFor(async () => {
        const reply = await send(server.url, "/slack/events", {
          headers: headersFor(ROUTES[0] as Route, body, "application/x-www-form-urlencoded"),
          body,
        });
        expect(reply.status).toBe(400);
        expectNoLeak(reply);
      });
    });

    it.each(ROUTES.flatMap((r) => ["gzip", "br", "bogus"].map((encoding) => ({ ...r, encoding }))))(
      "$path: Content-Encoding $encoding with a body that is not one is a 4xx",
      async (route) => {
        const body = '{"text":"who restores a dropped table?"}';
        await logsFor(async () => {
          const reply = await send(server.url, route.path, {
            headers: { ...headersFor(route, body), "content-encoding": route.encoding },
            body,
          });
          expect(reply.status).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
          expectNoLeak(reply);
        });
      },
    );

    it.each(ROUTES)("$path: a client that gives up mid-upload costs one log line, no 500, no stack", async (route) => {
      const [line] = await logsFor(() => abortMidUpload(server.url, route.path, headersFor(route, "")));
      expect(line?.level).not.toBe("error");
      // Not the timestamp: its milliseconds may read 500.
      const { time: _time, ...said } = line ?? {};
      expect(said.status).not.toBe(500);
      expect(JSON.stringify(said)).not.toMatch(/\bat |\b500\b/);
    });

    it("still answers a good request afterwards", async () => {
      const reply = await send(server.url, "/api/chat", {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "who restores a dropped table?" }),
      });
      expect(reply.status).toBe(200);
    });
  });
}

/** Headers and the start of a body, then a byte a second; resolves with what the server said, and when. */
function trickle(base: string, path: string): Promise<{ reply: string; seconds: number }> {
  return new Promise((resolve) => {
    const { port } = new URL(base);
    const socket = net.connect(Number(port), "127.0.0.1");
    const started = Date.now();
    let reply = "";
    let timer: NodeJS.Timeout | undefined;
    socket.on("connect", () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{`);
      timer = setInterval(() => socket.write(" "), 1_000);
    });
    socket.on("data", (d) => {
      reply += d.toString();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ reply, seconds: (Date.now() - started) / 1000 });
    });
  });
}

describe("a client that sends its request slowly", () => {
  let server: ServerProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "whodoes-slow-client-"));
    server = await startServerProcess({ HOST: "127.0.0.1", WEB_CHAT: "on", LOG_LEVEL: "debug", DATA_DIR: dataDir });
  });
  afterAll(async () => {
    server?.kill();
    await server?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Node's own bound is five minutes: a few hundred such clients would hold the server's sockets for that long.
  it("cannot hold a connection open by trickling its body: 408 and closed, long before Node's five minutes", async () => {
    const { reply, seconds } = await trickle(server.url, "/api/chat");
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(seconds).toBeLessThan(60);
  }, 90_000);
});
