/**
 * A fake Slack on 127.0.0.1: the Web API (every method answers ok and is recorded) and the
 * response_url endpoint (posts recorded). Tests wait for recorded calls instead of sleeping.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import { authTestReply } from "../../../../scripts/loadtest/fakes.js";

export const BOT_USER_ID = "U0LAN0Z89";
export const BOT_ID = "B0LAN0Z89";
export const TEAM_ID = "T0001";

export interface RecordedCall {
  /** Web API method (e.g. "chat.postMessage"), or "response_url" for posts to a response URL. */
  method: string;
  /** Parsed body; JSON-valued form fields (blocks, view) are parsed too. */
  body: Record<string, unknown>;
  /** The response URL's path, for response_url posts. */
  path: string;
  authorization: string | undefined;
  /** When the call arrived (Date.now()). */
  at: number;
}

type Reply = (call: RecordedCall) => Record<string, unknown> | undefined;

export interface FakeSlack {
  /** Base URL of the Web API, with the trailing slash WebClient expects. */
  apiUrl: string;
  /** A response_url pointing at this fake, unique per `name`. */
  responseUrl(name: string): string;
  calls: RecordedCall[];
  /** Calls other than the start-up ones (auth.test, apps.connections.open). */
  work(): RecordedCall[];
  /** Override the answer to a method (return undefined to keep the default). */
  on(method: string, reply: Reply): void;
  /** Answer the next call to `method` (e.g. "response_url") with an HTTP error, as Slack does for an expired URL. */
  failNext(method: string, status: number, text: string, headers?: Record<string, string>): void;
  /** Wait until `count` calls match, or fail after `timeoutMs`. */
  waitFor(match: (c: RecordedCall) => boolean, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

const JSON_FIELDS = ["blocks", "view", "attachments", "metadata"];

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const form = parseQuery(raw) as Record<string, unknown>;
  for (const f of JSON_FIELDS) if (typeof form[f] === "string") form[f] = JSON.parse(form[f] as string);
  return form;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const replies = new Map<string, Reply>();
  const failures = new Map<string, { status: number; text: string; headers?: Record<string, string> }[]>();
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const isApi = url.pathname.startsWith("/api/");
      const call: RecordedCall = {
        method: isApi ? url.pathname.slice("/api/".length) : "response_url",
        body: parseBody(Buffer.concat(chunks).toString("utf8"), req.headers["content-type"]),
        path: url.pathname,
        authorization: req.headers.authorization,
        at: Date.now(),
      };
      calls.push(call);
      const failure = failures.get(call.method)?.shift();
      if (failure) {
        res.writeHead(failure.status, { "content-type": "text/plain", ...failure.headers });
        res.end(failure.text);
        return;
      }
      const custom = replies.get(call.method)?.(call);
      const defaults: Record<string, Record<string, unknown>> = {
        "auth.test": authTestReply({ team: TEAM_ID, user: BOT_USER_ID, bot: BOT_ID }),
        "chat.postMessage": { ok: true, channel: call.body.channel, ts: `1515450000.${String(++n).padStart(6, "0")}` },
        "chat.postEphemeral": { ok: true, message_ts: `1515450000.${String(++n).padStart(6, "0")}` },
        "chat.update": { ok: true, channel: call.body.channel, ts: call.body.ts, text: call.body.text },
        "views.publish": { ok: true, view: { id: "V0PKB1ZFV", type: "home" } },
        // A person, unless a test says otherwise (the bot's own user is a bot).
        "users.info": {
          ok: true,
          user: { id: call.body.user, team_id: TEAM_ID, name: "someone", is_bot: call.body.user === BOT_USER_ID, deleted: false },
        },
        "conversations.info": { ok: true, channel: { id: call.body.channel, name: "general", is_channel: true } },
      };
      const body = custom ?? defaults[call.method] ?? { ok: true };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (name) => `${base}/response/${encodeURIComponent(name)}`,
    calls,
    work: () => calls.filter((c) => c.method !== "auth.test" && c.method !== "apps.connections.open"),
    on: (method, reply) => {
      replies.set(method, reply);
    },
    failNext: (method, status, text, headers) => {
      failures.set(method, [...(failures.get(method) ?? []), { status, text, ...(headers ? { headers } : {}) }]);
    },
    async waitFor(match, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          throw new Error(
            `timed out waiting for ${count} matching Slack call(s); recorded: ${calls.map((c) => c.method).join(", ")}`,
          );
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
