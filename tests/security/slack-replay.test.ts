/**
 * Issue 16, item 5: Slack's signed requests in time and once. Bolt verifies the signature and refuses a
 * timestamp more than five minutes old; a timestamp more than five minutes ahead is refused too, and a signed
 * request sent again (the same timestamp and signature) is acknowledged but answered once (a slash command is
 * answered in its ack, a click through its response_url): the signature is
 * remembered in the store for the window, so this holds across instances sharing a Redis.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../adapters/slack/support/fake-slack.js";
import { fixture } from "../adapters/slack/support/fixtures.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";
import { type RedisServer, redisAvailable, startRedis } from "../store/support/redis-server.js";
import { startTestServer, type TestServer } from "./support/server.js";

const SECRET = "replay-test-signing-secret";
const now = () => Math.floor(Date.now() / 1000);

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
});

const slackEnv = () => ({
  HOST: "127.0.0.1",
  SLACK_BOT_TOKEN: "xoxb-replay-test",
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: slack.apiUrl,
});

/** A slash command as Slack sends it: the body and its signed headers, to send as often as a test likes. */
function signedCommand(name: string, timestamp = now()) {
  const body = new URLSearchParams({
    ...fixture<Record<string, string>>("slash-command"),
    response_url: slack.responseUrl(name),
  }).toString();
  return { body, headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SECRET, body, timestamp) } };
}

function signedClick(name: string) {
  const payload = { ...fixture("block-actions-ephemeral"), response_url: slack.responseUrl(name) };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { body, headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SECRET, body) } };
}

const send = (server: TestServer, req: { body: string; headers: Record<string, string> }) =>
  fetch(`${server.url}/slack/events`, { method: "POST", headers: req.headers, body: req.body });

/**
 * A slash command is answered in its ack (the HTTP response); a refused or replayed one gets an empty ack.
 * Returns the status and whether the ack carried an answer.
 */
async function command(server: TestServer, req: { body: string; headers: Record<string, string> }) {
  const res = await send(server, req);
  const text = await res.text();
  return { status: res.status, answered: /Database administrator/.test(text) };
}

const answersTo = (name: string) => slack.calls.filter((c) => c.method === "response_url" && c.path.endsWith(`/${name}`));

/** Wait long enough for a second answer to have arrived, if one were coming. */
const settle = () => new Promise((r) => setTimeout(r, 750));

describe("one server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(slackEnv());
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  it("refuses a signed request dated more than five minutes ahead with 401, and answers nothing", async () => {
    for (const ahead of [6 * 60, 24 * 3600, 365 * 24 * 3600]) {
      const res = await send(server, signedCommand(`future-${ahead}`, now() + ahead));
      expect(res.status, `${ahead} s ahead`).toBe(401);
    }
    await settle();
    expect(slack.work()).toEqual([]);
    expect(server.logger.lines.some((l) => /dated in the future/.test(l.msg))).toBe(true);
  });

  it("still accepts a clock a little ahead (within five minutes) and refuses one too far behind", async () => {
    expect(await command(server, signedCommand("ahead-4m", now() + 4 * 60))).toEqual({ status: 200, answered: true });
    expect((await send(server, signedCommand("behind-6m", now() - 6 * 60))).status).toBe(401);
  });

  it("answers a replayed slash command once", async () => {
    const signed = signedCommand("replayed-command");
    expect(await command(server, signed)).toEqual({ status: 200, answered: true });
    // Acknowledged (Slack must not retry it), not answered.
    expect(await command(server, signed)).toEqual({ status: 200, answered: false });
    await settle();
    expect(answersTo("replayed-command")).toEqual([]);
    expect(server.logger.lines.some((l) => /replayed/.test(l.msg))).toBe(true);
  });

  it("answers a replayed button click once", async () => {
    const click = signedClick("replayed-click");
    const [first, second] = await Promise.all([send(server, click), send(server, click)]);
    expect([first?.status, second?.status]).toEqual([200, 200]);
    await slack.waitFor((c) => c.path.endsWith("/replayed-click"));
    await settle();
    expect(answersTo("replayed-click")).toHaveLength(1);
  });

  it("answers two different commands with the same text both (a replay is the same signature, not the same words)", async () => {
    expect(await command(server, signedCommand("twice-a"))).toEqual({ status: 200, answered: true });
    expect(await command(server, signedCommand("twice-b"))).toEqual({ status: 200, answered: true });
  });
});

describe.skipIf(!redisAvailable())("two instances sharing a Redis", () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestServer({ ...slackEnv(), REDIS_URL: redis.url });
    b = await startTestServer({ ...slackEnv(), REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
  });

  it("a request replayed to the other instance is answered once", async () => {
    slack.calls.length = 0;
    const signed = signedCommand("across-instances");
    expect(await command(a, signed)).toEqual({ status: 200, answered: true });
    expect(await command(b, signed)).toEqual({ status: 200, answered: false });
    await settle();
    expect(answersTo("across-instances")).toEqual([]);
  });
});
