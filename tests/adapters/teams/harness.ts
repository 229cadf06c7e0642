/**
 * Loopback test rig for the Teams adapter: the real adapter on an express app, a fake Bot Connector that
 * records what the bot sends, and helpers to load fixture activities. Everything listens on 127.0.0.1:0.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { type LogFields, type Logger, silentLogger } from "../../../src/adapters/adapter.js";
import { type BotFrameworkEndpoints, createTeamsAdapter } from "../../../src/adapters/teams/index.js";
import { createWhodoes, loadKnowledge, type Whodoes } from "../../../src/core/index.js";
import type { TeamsConfig } from "../../../src/server/config.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import type { Store } from "../../../src/store/store.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "teams");

let sharedWhodoes: Whodoes | undefined;
/** The real core over the repo's intents/, loaded once per test file. */
export function realWhodoes(): Whodoes {
  sharedWhodoes ??= createWhodoes(loadKnowledge());
  return sharedWhodoes;
}

export type Activity = Record<string, unknown>;

export function fixture(name: string, serviceUrl?: string): Activity {
  const activity = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as Activity;
  return serviceUrl ? { ...activity, serviceUrl } : activity;
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface ConnectorCall {
  method: string;
  /** Decoded path, e.g. /v3/conversations/a:1pL6…/activities/1764062047437 */
  path: string;
  conversationId: string;
  replyToId?: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/**
 * A fake Bot Connector: records POST /v3/conversations/{id}/activities[/{replyToId}] and answers { id },
 * or, with `failWith`, records and answers that HTTP status (to test a connector that rejects replies);
 * `delayMs` holds each answer back, to keep a turn in progress.
 */
export async function startFakeConnector(options: { failWith?: number; delayMs?: number } = {}) {
  const calls: ConnectorCall[] = [];
  const unexpected: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      raw += chunk;
    });
    req.on("end", async () => {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const path = decodeURIComponent((req.url ?? "").split("?")[0] ?? "");
      const m = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/]+))?$/.exec(path);
      if (req.method !== "POST" || !m) {
        unexpected.push(`${req.method} ${path}`);
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"NotFound"}}');
        return;
      }
      calls.push({
        method: req.method,
        path,
        conversationId: m[1] ?? "",
        ...(m[2] ? { replyToId: m[2] } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: JSON.parse(raw) as Record<string, unknown>,
      });
      if (options.failWith) {
        res
          .writeHead(options.failWith, { "content-type": "application/json" })
          .end('{"error":{"code":"BadArgument","message":"rejected by the test"}}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `sent-${calls.length}` }));
    });
  });
  const url = await listen(server);
  return {
    url,
    serviceUrl: `${url}/`,
    calls,
    unexpected,
    reset() {
      calls.length = 0;
      unexpected.length = 0;
    },
    close: () => close(server),
  };
}
export type FakeConnector = Awaited<ReturnType<typeof startFakeConnector>>;

/** A logger that keeps what it is given, to assert on feedback and refusals. */
export function recordingLogger(): Logger & { lines: { level: string; msg: string; fields?: LogFields }[] } {
  const lines: { level: string; msg: string; fields?: LogFields }[] = [];
  const at =
    (level: string) =>
    (msg: string, fields?: LogFields): void => {
      lines.push({ level, msg, ...(fields ? { fields } : {}) });
    };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export interface BotOptions {
  config?: TeamsConfig;
  logger?: Logger;
  store?: Store;
  endpoints?: BotFrameworkEndpoints;
  whodoes?: Whodoes;
}

/** The adapter mounted on its own express app, served on loopback like main.ts would. */
export async function startBot(options: BotOptions = {}) {
  const app = express();
  const adapter = createTeamsAdapter({
    whodoes: options.whodoes ?? realWhodoes(),
    config: options.config ?? { appType: "MultiTenant" },
    logger: options.logger ?? silentLogger,
    store: options.store ?? createMemoryStore(),
    app,
    ...(options.endpoints ? { endpoints: options.endpoints } : {}),
  });
  await adapter.start();
  const server = http.createServer(app);
  const url = await listen(server);
  return {
    url,
    adapter,
    post(body: unknown, headers: Record<string, string> = {}) {
      return fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    },
    async close() {
      await adapter.stop();
      await close(server);
    },
  };
}
export type TestBot = Awaited<ReturnType<typeof startBot>>;
