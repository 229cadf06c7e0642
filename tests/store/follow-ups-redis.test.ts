/**
 * Follow-ups across instances: two real Slack adapters (each on its own loopback port, with its own
 * fake Slack), one real redis-server. A DM answered by one instance is followed up through the other;
 * the last turn lives in Redis with its time-to-live, holds no message text, and is gone after it.
 */
import { setTimeout as delay } from "node:timers/promises";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTurnContext } from "../../src/core/index.js";
import { silentLogger } from "../../src/logging/logger.js";
import { createStore } from "../../src/store/create-store.js";
import type { Store } from "../../src/store/store.js";
import { fixture } from "../adapters/slack/support/fixtures.js";
import { type HttpHarness, realWhodoes, startHttpHarness } from "../adapters/slack/support/harness.js";
import { type RedisServer, redisAvailable, startRedis } from "./support/redis-server.js";

const TTL_MS = 1_500;
const PREFIX = "follow-ups-test:";
type EventCallback = { event_id: string; event: Record<string, unknown> };

describe.runIf(redisAvailable())("follow-ups across two instances sharing one Redis", () => {
  let redis: RedisServer;
  const stores: Store[] = [];
  let a: HttpHarness;
  let b: HttpHarness;
  let seq = 0;

  beforeAll(async () => {
    redis = await startRedis();
    for (let i = 0; i < 2; i++) stores.push(await createStore({ redisUrl: redis.url, keyPrefix: PREFIX, logger: silentLogger }));
    a = await startHttpHarness({ store: stores[0], conversationTtlMs: TTL_MS });
    b = await startHttpHarness({ store: stores[1], conversationTtlMs: TTL_MS });
  }, 30_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const s of stores) await s.close();
    await redis?.stop();
  });

  /** A DM from one person to instance `h`; the fallback text of its answer. */
  async function dm(h: HttpHarness, text: string, user = "U061F7AUR"): Promise<string> {
    const base = fixture<EventCallback>("message-im");
    const ts = `1700000100.${String(++seq).padStart(6, "0")}`;
    const before = h.slack.calls.length;
    const event = { ...base.event, text, ts, event_ts: ts, user, channel: `D0REDIS${user.slice(-2)}` };
    expect((await h.postEvent({ ...base, event_id: `Ev0REDIS${seq}`, event })).status).toBe(200);
    const [post] = await h.slack.waitFor((c) => h.slack.calls.indexOf(c) >= before && c.method === "chat.postMessage");
    return String(post?.body.text);
  }
  const summary = (text: string) => realWhodoes().ask(text).summary;

  it("a follow-up sent to the other instance leans on the turn the first one answered", async () => {
    expect(await dm(a, "who restores a dropped table?")).toBe(summary("who restores a dropped table?"));
    const described = realWhodoes().act({ do: "describe", role: "database-administrator" }).summary;
    expect(await dm(b, "what else do they do?")).toBe(described);
    expect(await dm(a, "how do they work with the architect?")).toBe(
      realWhodoes().act({ do: "collaborate", role: "database-administrator", with: "data-architect" }).summary,
    );
  });

  it("keeps the last turn in Redis under a hashed key, with Redis's own ttl, holding no text", async () => {
    await dm(b, "how do they work together?");
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys(`${PREFIX}value:turn:slack:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).not.toMatch(/D0REDIS|U061F7AUR/);
        const ttl = await client.pTTL(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(TTL_MS);
        const value = (await client.get(key)) ?? "";
        expect(parseTurnContext(value)).toBeDefined();
        expect(value).not.toMatch(/restores|dropped|else|together/i);
      }
    } finally {
      await client.close();
    }
  });

  it("forgets the conversation once its ttl has passed, on every instance", async () => {
    await dm(a, "who designs the partitioning?", "U0LATER22");
    await delay(TTL_MS + 300);
    expect(await dm(b, "what else do they do?", "U0LATER22")).toBe(summary("what else do they do?"));
  });

  it("a new topic sent to the other instance is not forced into the old one", async () => {
    await dm(a, "what does a data architect do?", "U0TOPIC33");
    expect(await dm(b, "who restores a dropped table?", "U0TOPIC33")).toBe(summary("who restores a dropped table?"));
  });
  // Last: it stops the shared Redis.
  it("a follow-up to the instance that answered the turn still leans on it while Redis is down", async () => {
    const store = await createStore({ redisUrl: redis.url, keyPrefix: PREFIX, logger: silentLogger });
    stores.push(store);
    const c = await startHttpHarness({ store });
    try {
      expect(await dm(c, "who restores a dropped table?", "U0OUTAGE4")).toBe(summary("who restores a dropped table?"));
      await redis.kill();
      const described = realWhodoes().act({ do: "describe", role: "database-administrator" }).summary;
      expect(await dm(c, "what else do they do?", "U0OUTAGE4")).toBe(described);
    } finally {
      await c.close();
      await redis.restart();
    }
  });
});
