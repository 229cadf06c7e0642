/**
 * The real Slack adapter in HTTP mode on a loopback express server, talking to the fake Slack.
 * Requests are signed as Slack signs them; every server and socket is closed in close().
 */

import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll } from "vitest";
import type { PlatformAdapter } from "../../../../src/adapters/adapter.js";
import type { LiveDirectory } from "../../../../src/adapters/live-directory.js";
import type { SlackConfig } from "../../../../src/adapters/slack/config.js";
import { createSlackAdapter, type SlackAdapterOptions } from "../../../../src/adapters/slack/index.js";
import { createWhodoes, loadKnowledge, type Whodoes } from "../../../../src/core/index.js";
import type { LogFields, Logger } from "../../../../src/logging/logger.js";
import { createMemoryStore } from "../../../../src/store/memory-store.js";
import type { Store } from "../../../../src/store/store.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { signedHeaders } from "./signing.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-test-0000-token";

/** The environment of a whole server (startServer) with Slack in HTTP mode against a fake Web API, on loopback. */
export function slackServerEnv(apiUrl: string, signingSecret: string): Record<string, string> {
  return { PORT: "0", HOST: "127.0.0.1", SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: apiUrl };
}

export interface LogLine {
  level: keyof Logger;
  msg: string;
  fields?: LogFields;
}

export function createRecordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: keyof Logger) =>
    (msg: string, fields?: LogFields): void => {
      lines.push({ level, msg, ...(fields ? { fields } : {}) });
    };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

let sharedWhodoes: Whodoes | undefined;
/** The real core over the repo's intents/ (loaded once per test file). */
export function realWhodoes(): Whodoes {
  sharedWhodoes ??= createWhodoes(loadKnowledge());
  return sharedWhodoes;
}

export interface HttpHarness {
  slack: FakeSlack;
  adapter: PlatformAdapter;
  logger: ReturnType<typeof createRecordingLogger>;
  baseUrl: string;
  /** POST a raw body to /slack/events, signed unless `headers` override the signature. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  postEvent(payload: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  postCommand(fields: Record<string, string>): Promise<{ status: number; text: string }>;
  postAction(payload: unknown): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  whodoes?: Whodoes;
  /** Extra Slack settings, e.g. onboardingChannels. */
  config?: Partial<Pick<SlackConfig, "onboardingChannels">>;
  /** PUBLIC_URL: comparison answers show the picture from there. */
  publicUrl?: string;
  /** Metrics, rate-limit and welcome pacing settings for the adapter under test. */
  adapter?: Pick<SlackAdapterOptions, "metrics" | "rateLimits" | "welcomeIntervalMs">;
  /** The store (default: a fresh memory store), e.g. one with a test clock or a shared Redis. */
  store?: Store;
  /** How long a conversation's last turn is kept (default the adapter's). */
  conversationTtlMs?: number;
  /** The live directory the server would hand over (default: the adapter's own, on the store). */
  live?: LiveDirectory;
}

export async function startHttpHarness(options: HarnessOptions = {}): Promise<HttpHarness> {
  const slack = await startFakeSlack();
  const logger = createRecordingLogger();
  const app = express();
  const adapter = createSlackAdapter({
    whodoes: options.whodoes ?? realWhodoes(),
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl, ...options.config },
    logger,
    store: options.store ?? createMemoryStore(),
    app,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...options.adapter,
    ...(options.conversationTtlMs !== undefined ? { conversationTtlMs: options.conversationTtlMs } : {}),
    ...(options.live ? { live: options.live } : {}),
  });
  await adapter.start();
  const server = http.createServer(app);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Slack signs each delivery as it sends it, so a retry of the same body never has the same timestamp and
  // signature (that would be a replay, which the adapter answers once): each post here gets its own second.
  let lastTimestamp = 0;
  const post: HttpHarness["post"] = async (body, contentType, headers = {}) => {
    lastTimestamp = Math.max(Math.floor(Date.now() / 1000), lastTimestamp + 1);
    const res = await fetch(`${baseUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": contentType, ...signedHeaders(SIGNING_SECRET, body, lastTimestamp), ...headers },
      body,
    });
    return { status: res.status, text: await res.text() };
  };

  return {
    slack,
    adapter,
    logger,
    baseUrl,
    post,
    postEvent: (payload, headers) => post(JSON.stringify(payload), "application/json", headers),
    postCommand: (fields) => post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded"),
    postAction: (payload) =>
      post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded"),
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack.close();
    },
  };
}

/**
 * One harness for the enclosing describe block, started before its tests and closed after them. The
 * options are read when it starts, so they may depend on what an earlier beforeAll prepared.
 */
export function useHttpHarness(options: () => HarnessOptions = () => ({})): HttpHarness {
  let harness: HttpHarness | undefined;
  beforeAll(async () => {
    harness = await startHttpHarness(options());
  });
  afterAll(async () => {
    await harness?.close();
  });
  return new Proxy({} as HttpHarness, {
    get(_, key) {
      if (!harness) throw new Error("useHttpHarness: not started yet (use it inside a test or a later hook)");
      const value = Reflect.get(harness, key);
      return typeof value === "function" ? value.bind(harness) : value;
    },
  });
}
