/**
 * Issue 16, item 3: a Redis that stops answering (SIGSTOP on a real redis-server: its connections stay open,
 * nothing comes back) costs each claim at most the claim timeout once: the store warns once, de-duplicates in
 * memory, holds usage events, and goes back to Redis (flushing what it held) when Redis answers again
 * (SIGCONT). node-redis's own command timeout does not help here: it is dropped once a command is written.
 */
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_TIMEOUT_MS, createRedisStore } from "../../src/store/redis-store.js";
import type { Store } from "../../src/store/store.js";
import { startFakeSlack } from "../adapters/slack/support/fake-slack.js";
import { fixture } from "../adapters/slack/support/fixtures.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";
import { waitFor } from "../helpers/wait-for.js";
import { captureLogger } from "../store/support/capture-logger.js";
import { type RedisServer, redisAvailable, startRedis } from "../store/support/redis-server.js";
import { startTestServer } from "./support/server.js";

/** Room for a loaded two-core machine. */
const MARGIN_MS = 1500;

async function timed<T>(work: Promise<T>, patienceMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${patienceMs} ms`)), patienceMs)),
  ]);
  return { value, ms: Date.now() - started };
}

describe.runIf(redisAvailable())("a Redis that stops answering", () => {
  let redis: RedisServer;
  const stores: Store[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    redis?.resume();
    await Promise.all(stores.map((s) => s.close().catch(() => {})));
    await redis?.stop();
  });

  it("claims stay bounded and de-duplicate in memory, with one warning; Redis is used again once it answers", async () => {
    const logger = captureLogger();
    const store = await createRedisStore({ url: redis.url, keyPrefix: "stall1:", logger });
    stores.push(store);
    expect(await store.claimOnce("before", 60_000)).toBe(true);

    redis.pause();
    try {
      const first = await timed(store.claimOnce("during", 60_000), CLAIM_TIMEOUT_MS + 5000);
      expect(first.value).toBe(true);
      expect(first.ms).toBeLessThan(CLAIM_TIMEOUT_MS + MARGIN_MS);
      // Known to be stalled now: the rest are answered from memory at once, and de-duplicate there.
      const rest = await timed(
        (async () => {
          const results = [await store.claimOnce("during", 60_000)];
          for (let i = 0; i < 20; i++) results.push(await store.claimOnce(`during-${i}`, 60_000));
          return results;
        })(),
        CLAIM_TIMEOUT_MS + 5000,
      );
      expect(rest.value).toEqual([false, ...Array.from({ length: 20 }, () => true)]);
      expect(rest.ms).toBeLessThan(CLAIM_TIMEOUT_MS + MARGIN_MS);
      const recorded = await timed(
        store.record({ type: "feedback", at: Date.now(), platform: "slack", vote: "up", intent: "who_does" }),
        5000,
      );
      expect(recorded.ms).toBeLessThan(CLAIM_TIMEOUT_MS + MARGIN_MS);
      expect(logger.at("warn")).toEqual([expect.stringMatching(/Redis at 127\.0\.0\.1:\d+ .*not answering|unreachable/)]);
    } finally {
      redis.resume();
    }

    await waitFor("the store to use Redis again", () => logger.at("info").some((m) => /is back/.test(m)));
    expect(await store.claimOnce("after", 60_000)).toBe(true);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      expect(await raw.exists("stall1:claim:after")).toBe(1);
      // The claim taken in memory during the stall still holds; the event held then reached Redis, once.
      expect(await store.claimOnce("during", 60_000)).toBe(false);
      await waitFor("the held event in Redis", async () => (await raw.zCard("stall1:events")) === 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(await raw.zCard("stall1:events")).toBe(1);
    } finally {
      raw.destroy();
    }
    expect(logger.at("warn")).toHaveLength(1);
  });

  it("closing the store (shutdown) does not wait for a stalled Redis", async () => {
    const store = await createRedisStore({ url: redis.url, keyPrefix: "stall2:", logger: captureLogger() });
    redis.pause();
    try {
      // A claim and an event on their way to Redis when shutdown begins.
      const claim = store.claimOnce("in-flight", 60_000);
      const record = store.record({ type: "feedback", at: Date.now(), platform: "web", vote: "down", intent: "help" });
      const closed = await timed(store.close(), 10_000);
      await timed(Promise.all([claim, record]), 5000);
      expect(closed.ms).toBeLessThan(2000 + MARGIN_MS);
    } finally {
      redis.resume();
    }
  });

  it("a Slack message is still answered promptly while Redis is stalled", async () => {
    const slack = await startFakeSlack();
    const secret = "stall-test-signing-secret";
    const server = await startTestServer({
      HOST: "127.0.0.1",
      SLACK_BOT_TOKEN: "xoxb-stall-test",
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: slack.apiUrl,
      REDIS_URL: redis.url,
    });
    redis.pause();
    try {
      const event = JSON.stringify(fixture("app-mention"));
      const started = Date.now();
      const res = await fetch(`${server.url}/slack/events`, {
        method: "POST",
        headers: { "content-type": "application/json", ...signedHeaders(secret, event) },
        body: event,
      });
      expect(res.status).toBe(200);
      await slack.waitFor((c) => c.method === "chat.postMessage", 1, 3 * CLAIM_TIMEOUT_MS + 5000);
      // Two claims (the event, the message) and the answer: bounded by the claim timeout, not by Redis.
      expect(Date.now() - started).toBeLessThan(2 * CLAIM_TIMEOUT_MS + MARGIN_MS);
    } finally {
      redis.resume();
      await server.stop();
      await slack.close();
    }
  });
});
