/**
 * Issue 16, items 2 and 11: every outbound call is bounded. Each dependency here accepts the connection and
 * never answers (a local silent server): Bot Framework's OpenID metadata, its signing keys, the Bot Connector,
 * Slack's Web API and a response_url. The request that needed it gets its answer (or its failure logged) within
 * the timeout, concurrent requests share one metadata fetch, and the bot closes the sockets it gave up on.
 * The adapters take a short `outboundTimeoutMs` here; the defaults and the drain bound are shutdown.test.ts's.
 * And a `http://[::1]:PORT/` serviceUrl, which local mode accepts, gets its replies.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../src/adapters/slack/index.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { fixture as slackFixture } from "../adapters/slack/support/fixtures.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";
import { channelClaims, newRsaKey, signJwt } from "../adapters/teams/fake-openid.js";
import { realWhodoes, startBot, type TestBot } from "../adapters/teams/harness.js";
import { waitFor } from "../helpers/wait-for.js";
import { type HungServer, json, startHungServer } from "./support/hung-server.js";
import { recordingLogger } from "./support/server.js";

/** What the adapters are given here: short, so that a test waits a second, not the production five. */
const TIMEOUT_MS = 400;
/** Room for a loaded two-core machine on top of what the timeouts allow. */
const SLACK_MS = 3000;

const APP_ID = "6d2f1c0a-8b7e-4f3a-9c1d-2e5b7a8c9d01";
const key = newRsaKey();

let hung: HungServer | undefined;
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  await hung?.close();
  bot = undefined;
  hung = undefined;
});

/** POST to the bot, timing it; a test that waits for a bounded answer must not itself wait forever. */
async function timedPost(b: TestBot, body: unknown, headers: Record<string, string> = {}, patienceMs = 6000) {
  const started = Date.now();
  const res = await fetch(`${b.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(patienceMs),
  });
  return { status: res.status, ms: Date.now() - started };
}

const teamsActivity = (serviceUrl: string) => ({
  type: "message",
  id: `m-${Math.random()}`,
  text: "who restores a dropped table?",
  channelId: "msteams",
  serviceUrl,
  from: { id: "29:user", name: "Ana" },
  recipient: { id: "28:bot", name: "whodoes" },
  conversation: { id: "a:conversation", conversationType: "personal" },
});

describe("Teams: Bot Framework's signing keys", () => {
  const authenticated = async (metadataUrl: string) => {
    bot = await startBot({
      config: { appId: APP_ID, appPassword: "not-a-real-secret", appType: "MultiTenant" },
      endpoints: { channelOpenIdMetadataUrl: metadataUrl, emulatorOpenIdMetadataUrl: metadataUrl },
      outboundTimeoutMs: TIMEOUT_MS,
      logger: recordingLogger(),
    });
    const serviceUrl = "https://smba.trafficmanager.net/emea/";
    const token = signJwt(channelClaims(APP_ID, serviceUrl), key, "some-key");
    // Five at once: they must share one fetch, not open five sockets.
    return Promise.all(
      Array.from({ length: 5 }, () => timedPost(bot as TestBot, teamsActivity(serviceUrl), { authorization: `Bearer ${token}` })),
    );
  };

  /** Every request got 503 within the timeout, from one fetch that hung at `path`, whose socket was then closed. */
  async function expectOneBoundedFetch(silent: HungServer, path: string) {
    const replies = await authenticated(`${silent.url}/v1/.well-known/openidconfiguration`);
    for (const r of replies) {
      expect(r.status).toBe(503);
      expect(r.ms).toBeLessThan(TIMEOUT_MS + 2500);
    }
    expect(silent.hung).toEqual([path]);
    await waitFor(`the socket of ${path} closed`, () => silent.open === 0, 2000);
  }

  it("a metadata endpoint that never answers: 503 within the timeout, one shared fetch, its socket closed", async () => {
    hung = await startHungServer();
    await expectOneBoundedFetch(hung, "/v1/.well-known/openidconfiguration");
  });

  it("a keys endpoint that never answers: the same", async () => {
    hung = await startHungServer((req, res) => {
      if (req.url !== "/v1/.well-known/openidconfiguration") return false;
      return json(res, { issuer: "https://api.botframework.com", jwks_uri: `${hung?.url}/v1/keys` });
    });
    await expectOneBoundedFetch(hung, "/v1/keys");
  });
});

describe("Teams: the Bot Connector", () => {
  it("a connector that never answers: each turn ends within the timeout, no apology waits as long again, sockets closed", async () => {
    hung = await startHungServer();
    const logger = recordingLogger();
    bot = await startBot({ outboundTimeoutMs: TIMEOUT_MS, logger });
    const replies = await Promise.all([1, 2, 3].map(() => timedPost(bot as TestBot, teamsActivity(`${hung?.url}/`))));
    for (const r of replies) expect(r.ms).toBeLessThan(2 * TIMEOUT_MS + 2500);
    expect(hung.hung).toHaveLength(3);
    expect(logger.lines.filter((l) => l.msg === "teams: turn failed")).toHaveLength(3);
    await waitFor("the connector sockets closed", () => hung?.open === 0, 2000);
  });

  it("replies to a http://[::1]:PORT/ serviceUrl (local mode accepts it, so it must work)", async () => {
    const received: string[] = [];
    const connector = http.createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      req.resume();
      req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"id":"1"}'));
    });
    connector.listen(0, "::1");
    await once(connector, "listening");
    try {
      bot = await startBot({ outboundTimeoutMs: TIMEOUT_MS });
      const { port } = connector.address() as AddressInfo;
      const r = await timedPost(bot, teamsActivity(`http://[::1]:${port}/`));
      expect(r.status).toBe(200);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/^POST \/v3\/conversations\/a%3Aconversation\/activities/);
    } finally {
      connector.closeAllConnections();
      connector.close();
    }
  });
});

describe("Slack: the Web API and response_url", () => {
  let server: http.Server;
  let url: string;
  let stop: () => Promise<void>;
  const logger = recordingLogger();
  const SECRET = "outbound-test-signing-secret";

  beforeAll(async () => {
    // Slack answers auth.test at start-up, then nothing else ever.
    hung = undefined;
  });
  afterAll(async () => {
    await stop?.();
  });

  async function startSlack(silent: HungServer) {
    const app = express();
    const adapter = createSlackAdapter({
      whodoes: realWhodoes(),
      config: { botToken: "xoxb-outbound-test", signingSecret: SECRET, apiUrl: `${silent.url}/api/` },
      logger,
      store: createMemoryStore(),
      app,
      outboundTimeoutMs: TIMEOUT_MS,
    });
    await adapter.start();
    server = http.createServer(app);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    stop = async () => {
      await adapter.stop(1000);
      server.closeAllConnections();
      server.close();
    };
  }
  const silentSlack = () =>
    startHungServer((req, res) =>
      req.url === "/api/auth.test" ? json(res, { ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0001" }) : false,
    );
  const post = (body: string, contentType: string) =>
    fetch(url, { method: "POST", headers: { "content-type": contentType, ...signedHeaders(SECRET, body) }, body });

  it("a Web API that never answers: the answer is given up within its retries' timeouts, sockets closed", async () => {
    hung = await silentSlack();
    await startSlack(hung);
    const event = slackFixture("message-im");
    const started = Date.now();
    expect((await post(JSON.stringify(event), "application/json")).status).toBe(200);
    await waitFor(
      "gave up",
      () => logger.lines.some((l) => l.msg === "slack: failed to answer"),
      3 * TIMEOUT_MS + 1500 + SLACK_MS,
    );
    expect(Date.now() - started).toBeLessThan(3 * TIMEOUT_MS + 1500 + SLACK_MS);
    await stop();
    await waitFor("the Web API sockets closed", () => hung?.open === 0, 2000);
  });

  it("a response_url that never answers (a button's answer): given up within the timeout, socket closed", async () => {
    hung = await silentSlack();
    await startSlack(hung);
    logger.lines.length = 0;
    // A slash command is answered in its ack; a click still goes through its response_url.
    const click = { ...slackFixture("block-actions-ephemeral"), response_url: `${hung.url}/actions/1` };
    const form = new URLSearchParams({ payload: JSON.stringify(click) });
    const started = Date.now();
    expect((await post(form.toString(), "application/x-www-form-urlencoded")).status).toBe(200);
    await waitFor("gave up", () => logger.lines.some((l) => l.msg === "slack: failed to answer"), TIMEOUT_MS + SLACK_MS);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    await stop();
    await waitFor("the response_url sockets closed", () => hung?.open === 0, 2000);
  });
});
