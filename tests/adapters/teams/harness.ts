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
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { TeamsConfig } from "../../../src/adapters/teams/config.js";
import { type BotFrameworkEndpoints, createTeamsAdapter, type TeamsAdapterOptions } from "../../../src/adapters/teams/index.js";
import { createWhodoes, loadKnowledge, type Whodoes } from "../../../src/core/index.js";
import { type LogFields, type Logger, silentLogger } from "../../../src/logging/logger.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import type { Store } from "../../../src/store/store.js";
import { startFakeOpenId } from "./fake-openid.js";

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
  /** POST sends a message (a reply when the path names the message replied to); PUT updates one. */
  method: string;
  /** Decoded path, e.g. /v3/conversations/a:1pL6…/activities/1764062047437 */
  path: string;
  conversationId: string;
  /** POST: the message replied to. */
  replyToId?: string;
  /** PUT: the message updated. */
  activityId?: string;
  /** The id the connector gave the message (a new one for a POST, the same for a PUT): what a later card submit's replyToId names. */
  messageId: string;
  /** POST /v3/conversations: the bot started a conversation (a one-to-one chat); conversationId is the new one's. */
  created?: boolean;
  authorization?: string;
  body: Record<string, unknown>;
}

/**
 * A fake Bot Connector: records POST /v3/conversations/{id}/activities[/{replyToId}] (send, reply),
 * PUT /v3/conversations/{id}/activities/{activityId} (update) and POST /v3/conversations (create a chat)
 * and answers { id }, or, with `failWith`, records
 * and answers that HTTP status (to test a connector that rejects replies); `failUpdatesWith` does the same
 * for updates only (a card Teams will not let the bot change); `delayMs` holds each answer back, to keep a
 * turn in progress.
 */
export async function startFakeConnector(
  options: {
    failWith?: number;
    failUpdatesWith?: number;
    delayMs?: number;
    /** The first requests get these answers, in order (e.g. 429 with Retry-After); the rest are served. */
    script?: { status: number; headers?: Record<string, string> }[];
  } = {},
) {
  const script = [...(options.script ?? [])];
  const calls: ConnectorCall[] = [];
  const unexpected: string[] = [];
  // Message ids stay unique across reset(), as Teams' do.
  let sent = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      raw += chunk;
    });
    req.on("end", async () => {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const path = decodeURIComponent((req.url ?? "").split("?")[0] ?? "");
      const method = req.method ?? "";
      if (method === "POST" && path === "/v3/conversations") {
        // Create a conversation (a proactive one-to-one chat): answered with the new conversation's id.
        const conversationId = `a:created-${++sent}`;
        calls.push({
          method,
          path,
          messageId: "",
          conversationId,
          created: true,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          body: JSON.parse(raw) as Record<string, unknown>,
        });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: conversationId }));
        return;
      }
      const m = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/]+))?$/.exec(path);
      const update = method === "PUT" && m?.[2] !== undefined;
      if (!m || !(method === "POST" || update)) {
        unexpected.push(`${req.method} ${path}`);
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"NotFound"}}');
        return;
      }
      const messageId = update ? (m[2] ?? "") : `sent-${++sent}`;
      calls.push({
        method,
        path,
        messageId,
        conversationId: m[1] ?? "",
        ...(m[2] ? (update ? { activityId: m[2] } : { replyToId: m[2] }) : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: JSON.parse(raw) as Record<string, unknown>,
      });
      const scripted = script.shift();
      if (scripted) {
        res
          .writeHead(scripted.status, { "content-type": "application/json", ...scripted.headers })
          .end('{"error":{"code":"ServiceError","message":"scripted by the test"}}');
        return;
      }
      const fail = options.failWith ?? (update ? options.failUpdatesWith : undefined);
      if (fail) {
        res
          .writeHead(fail, { "content-type": "application/json" })
          .end('{"error":{"code":"BadArgument","message":"rejected by the test"}}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: messageId }));
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
  /** PUBLIC_URL: comparison answers show the picture from there. */
  publicUrl?: string;
  /** Metrics and connector retry settings for the adapter under test. */
  adapter?: Pick<TeamsAdapterOptions, "metrics" | "retry">;
  /** How long the bot waits for Bot Framework and the Bot Connector; default the adapter's. */
  outboundTimeoutMs?: number;
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
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...options.adapter,
    ...(options.outboundTimeoutMs ? { outboundTimeoutMs: options.outboundTimeoutMs } : {}),
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

/** A value a file-wide hook has set, or a clear error when a test reaches for it too early. */
function started<T>(helper: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`${helper}: not started yet (use it inside a test)`);
  return value;
}

/**
 * One bot and one fake connector for a whole test file, closed after it; the connector's record (and the
 * logger's, when given) is cleared before each test.
 */
export function useBot(options: BotOptions & { logger?: ReturnType<typeof recordingLogger> } = {}): {
  readonly bot: TestBot;
  readonly connector: FakeConnector;
} {
  let bot: TestBot | undefined;
  let connector: FakeConnector | undefined;
  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startBot(options);
  });
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });
  beforeEach(() => {
    connector?.reset();
    if (options.logger) options.logger.lines.length = 0;
  });
  return {
    get bot() {
      return started("useBot", bot);
    },
    get connector() {
      return started("useBot", connector);
    },
  };
}

/**
 * One bot with `appId` for a whole test file, whose tokens botbuilder checks for real against a loopback
 * stand-in for Bot Framework's OpenID keys (fake-openid.ts); both closed after it.
 */
export function useAuthenticatedBot(
  appId: string,
  logger: Logger,
): { readonly bot: TestBot; readonly openId: Awaited<ReturnType<typeof startFakeOpenId>> } {
  let openId: Awaited<ReturnType<typeof startFakeOpenId>> | undefined;
  let bot: TestBot | undefined;
  beforeAll(async () => {
    openId = await startFakeOpenId();
    bot = await startBot({
      config: { appId, appPassword: "not-a-real-secret", appType: "MultiTenant" },
      endpoints: { channelOpenIdMetadataUrl: openId.metadataUrl, emulatorOpenIdMetadataUrl: openId.metadataUrl },
      logger,
    });
  });
  afterAll(async () => {
    await bot?.close();
    await openId?.close();
  });
  return {
    get bot() {
      return started("useAuthenticatedBot", bot);
    },
    get openId() {
      return started("useAuthenticatedBot", openId);
    },
  };
}

/**
 * A person talking to the bot in one conversation: types messages and clicks card buttons, as Teams sends
 * them (a click on an Action.Submit is a message whose `value` is the button's data and whose `replyToId`
 * names the message holding the card). Each returns the connector calls the bot made for it.
 */
export function conversation(bot: TestBot, connector: FakeConnector, options: { fixture?: string; id?: string } = {}) {
  const base = fixture(options.fixture ?? "personal-message", connector.serviceUrl);
  const conversationOf = options.id ? { ...(base.conversation as object), id: options.id } : base.conversation;
  let n = 0;
  async function send(activity: Activity): Promise<ConnectorCall[]> {
    const before = connector.calls.length;
    const res = await bot.post({ ...activity, conversation: conversationOf });
    expect(res.status).toBe(200);
    return connector.calls.slice(before);
  }
  return {
    say(text: string) {
      return send({ ...base, id: `user-msg-${++n}`, text });
    },
    /** Click a button (its `data`) on the card held by message `messageId`. */
    click(data: unknown, messageId: string) {
      const submit = fixture("card-submit", connector.serviceUrl);
      return send({ ...submit, from: base.from, id: `user-click-${++n}`, replyToId: messageId, value: data });
    },
  };
}
