/**
 * The shared store against a real redis-server: two store instances stand for two bot instances
 * behind a load balancer.
 */
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/adapters/cli/report.js";
import { EVENT_CLAIM_TTL_MS } from "../../src/adapters/slack/settings.js";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { createStore } from "../../src/store/create-store.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import type { Store } from "../../src/store/store.js";
import { recordingWhodoes } from "../../src/usage/recorder.js";
import { waitFor } from "../helpers/wait-for.js";
import { captureLogger } from "./support/capture-logger.js";
import { freePort, type RedisServer, redisAvailable, startRedis } from "./support/redis-server.js";

describe.runIf(redisAvailable())("Redis store", () => {
  let redis: RedisServer;
  let raw: ReturnType<typeof createClient>;
  const stores: Store[] = [];
  const open = async (keyPrefix: string, logger = captureLogger()) => {
    const store = await createRedisStore({ url: redis.url, keyPrefix, logger, reconnectDelayMs: () => 100 });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    redis = await startRedis();
    raw = createClient({ url: redis.url });
    raw.on("error", () => {}); // the outage test kills the server under it
    await raw.connect();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close().catch(() => {})));
    raw?.destroy();
    await redis?.stop();
  });

  it("claims atomically across instances: of many concurrent claims exactly one wins", async () => {
    const [a, b] = [await open("t1:"), await open("t1:")];
    for (const key of ["slack:event:Ev1", "slack:event:Ev2", "teams:welcome:29:abc"]) {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => ((i % 2 ? a : b) as Store).claimOnce(key, EVENT_CLAIM_TTL_MS)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it("keeps a Slack claim for the adapter's ttl (at least 10 minutes) and a welcome forever", async () => {
    const store = await open("t2:");
    expect(EVENT_CLAIM_TTL_MS).toBeGreaterThanOrEqual(10 * 60 * 1000);
    expect(await store.claimOnce("slack:event:Ev9", EVENT_CLAIM_TTL_MS)).toBe(true);
    const pttl = await raw.pTTL("t2:claim:slack:event:Ev9");
    expect(pttl).toBeGreaterThan(10 * 60 * 1000);
    expect(pttl).toBeLessThanOrEqual(EVENT_CLAIM_TTL_MS);
    expect(await store.claimOnce("teams:welcome:u1")).toBe(true);
    expect(await raw.pTTL("t2:claim:teams:welcome:u1")).toBe(-1); // no expiry
    expect(await store.claimOnce("teams:welcome:u1")).toBe(false);
  });

  it("lets a claim go when its ttl runs out", async () => {
    const store = await open("t3:");
    expect(await store.claimOnce("k", 100)).toBe(true);
    expect(await store.claimOnce("k", 100)).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(await store.claimOnce("k", 100)).toBe(true);
  });

  it("shares remembered values across instances, with the ttl in Redis itself", async () => {
    const [a, b] = [await open("t6:"), await open("t6:")];
    await a.remember("conversation:T1:D1", '{"intent":"describe_role"}', 60_000);
    expect(await b.recall("conversation:T1:D1")).toBe('{"intent":"describe_role"}');
    const pttl = await raw.pTTL("t6:value:conversation:T1:D1");
    expect(pttl).toBeGreaterThan(50_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await b.remember("short", "x", 100);
    await new Promise((r) => setTimeout(r, 200));
    expect(await a.recall("short")).toBeUndefined();
  });

  it("shares usage: feedback given through one instance is reported through the other", async () => {
    const knowledge = loadKnowledge();
    const [a, b] = [await open("whodoes:"), await open("whodoes:")];
    const botA = recordingWhodoes(createWhodoes(knowledge), a, { platform: "slack" });
    const botB = recordingWhodoes(createWhodoes(knowledge), b, { platform: "teams" });
    botA.ask("who restores a dropped table?");
    botB.ask("what time is the all-hands?");
    botA.act({ do: "feedback", vote: "down", intent: "who_does", role: "database-administrator" });
    botA.act({ do: "feedback", vote: "down", intent: "who_does", role: "database-administrator" });
    botB.act({ do: "feedback", vote: "up", intent: "who_does", role: "database-administrator" });
    // Two identical events in the same millisecond are two uses, not one.
    await waitFor("five events", async () => (await b.events(new Date(0))).length === 5);
    const fromB = await b.events(new Date(0));
    expect(fromB.filter((e) => e.type === "feedback").map((e) => e.platform)).toEqual(
      expect.arrayContaining(["slack", "slack", "teams"]),
    );
    expect(await a.events(new Date(Date.now() + 60_000))).toEqual([]);

    // The report, reading the same Redis with its own store, as `REDIS_URL=... whodoes report --json` does.
    let printed = "";
    const code = await runReport({ json: true, redisUrl: redis.url, stdout: (t) => (printed += t) });
    expect(code).toBe(0);
    const report = JSON.parse(printed);
    expect(report.disliked).toEqual([{ intent: "who_does", role: "database-administrator", up: 1, down: 2 }]);
    expect(report.totals).toMatchObject({ questions: 2, answered: 1, unanswered: 1, up: 1, down: 2 });
    expect(report.unanswered[0]).toMatchObject({ count: 1, outOfScope: 1 });
    expect(JSON.stringify(report)).not.toMatch(/all-hands/);
  });

  it("the factory picks Redis when REDIS_URL is set", async () => {
    const store = await createStore({ redisUrl: redis.url, dataDir: "/nonexistent/never-created", keyPrefix: "t5:" });
    stores.push(store);
    expect(await store.claimOnce("x")).toBe(true);
    expect(await raw.exists("t5:claim:x")).toBe(1);
  });

  it("starts without Redis (serving from memory, one warning) and uses it once it comes up", async () => {
    const port = await freePort();
    const logger = captureLogger();
    const started = Date.now();
    const store = await createRedisStore({
      url: `redis://127.0.0.1:${port}`,
      logger,
      startupWaitMs: 300,
      reconnectDelayMs: () => 100,
    });
    stores.push(store);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await store.claimOnce("early")).toBe(true);
    expect(await store.claimOnce("early")).toBe(false);
    expect(logger.at("warn")).toEqual([expect.stringMatching(/unreachable; de-duplicating in memory/)]);

    const late = await startRedis(port);
    try {
      await waitFor("the store to connect", () => logger.at("info").some((m) => /is back/.test(m)));
      expect(await store.claimOnce("late")).toBe(true);
      const check = createClient({ url: late.url });
      await check.connect();
      expect(await check.exists("whodoes:claim:late")).toBe(1);
      check.destroy();
      expect(logger.at("warn")).toHaveLength(1);
    } finally {
      await store.close();
      await late.stop();
    }
  });

  it("uses Redis again once it takes writes after refusing them (out of memory), rather than staying in memory", async () => {
    const logger = captureLogger();
    const [a, b] = [await open("t7:", logger), await open("t7:")];
    await raw.configSet("maxmemory", "1"); // every write now refused: OOM, the connection stays up
    try {
      expect(await a.claimOnce("during", 60_000)).toBe(true);
      await a.record({ type: "feedback", at: Date.now(), platform: "slack", vote: "up", intent: "who_does" });
      expect(a.status().ok).toBe(false);
      expect(logger.at("warn")).toEqual([expect.stringMatching(/Redis at 127\.0\.0\.1:\d+ is refusing writes/)]);
    } finally {
      await raw.configSet("maxmemory", "0");
    }
    await waitFor("the store to use Redis again", () => a.status().ok);
    // Shared again: a turn kept through one instance is read through the other, and the held event landed.
    await a.remember("conversation:T7", "after", 60_000);
    expect(await b.recall("conversation:T7")).toBe("after");
    await waitFor("the held event", async () => (await raw.zCard("t7:events")) === 1);
    expect(logger.at("info")).toEqual([expect.stringMatching(/using Redis/), expect.stringMatching(/is back/)]);
  });

  it("a wrong password is said to leave Redis unreachable, and the password is not logged", async () => {
    await raw.configSet("requirepass", "the-right-secret"); // connections already open stay signed in
    try {
      const logger = captureLogger();
      const url = redis.url.replace("redis://", "redis://:a-wrong-secret@");
      stores.push(await createRedisStore({ url, logger, startupWaitMs: 300, reconnectDelayMs: () => 100 }));
      await waitFor("the warning", () => logger.at("warn").length > 0);
      expect(logger.at("warn")).toEqual([expect.stringMatching(/Redis at 127\.0\.0\.1:\d+ is unreachable/)]);
      expect(JSON.stringify(logger.lines)).not.toMatch(/secret/);
    } finally {
      await raw.configSet("requirepass", "");
    }
  });

  it("keeps answering when Redis dies (memory claims, one warning) and uses Redis again when it returns", async () => {
    const logger = captureLogger();
    const store = await open("t6:", logger);
    const other = await open("t6:");
    expect(await store.claimOnce("before", 60_000)).toBe(true);
    expect(logger.at("info")).toEqual([expect.stringMatching(/using Redis at 127\.0\.0\.1:\d+/)]);

    await redis.kill();
    // Every claim still gets an answer at once, from memory, and de-duplicates there.
    const t0 = Date.now();
    expect(await store.claimOnce("during", 60_000)).toBe(true);
    expect(await store.claimOnce("during", 60_000)).toBe(false);
    for (let i = 0; i < 20; i++) expect(await store.claimOnce(`during-${i}`, 60_000)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2_000);
    await store.record({ type: "feedback", at: Date.now(), platform: "slack", vote: "down", intent: "who_does" });
    await store.remember("conversation:T6:D6", "kept during", 60_000);
    await new Promise((r) => setTimeout(r, 500)); // several reconnect attempts fail meanwhile
    expect(await store.claimOnce("during-late")).toBe(true);
    const warnings = logger.at("warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Redis at 127\.0\.0\.1:\d+ is unreachable; de-duplicating in memory/);
    await expect(store.events(new Date(0))).rejects.toThrow(/unreachable/);

    await redis.restart();
    await waitFor("the store to reconnect", () => logger.at("info").some((m) => /is back/.test(m)));
    expect(await store.claimOnce("after", 60_000)).toBe(true);
    expect(await raw.exists("t6:claim:after")).toBe(1); // in Redis again, not in memory
    // A claim taken in memory during the outage still holds, on the other instances too, and what was
    // remembered then is read there.
    expect(await store.claimOnce("during", 60_000)).toBe(false);
    await waitFor("the outage's state in Redis", async () => (await raw.exists("t6:claim:during")) === 1);
    expect(await other.claimOnce("during", 60_000)).toBe(false);
    expect(await other.recall("conversation:T6:D6")).toBe("kept during");
    expect(await raw.pTTL("t6:value:conversation:T6:D6")).toBeGreaterThan(50_000);
    // The event held during the outage reached Redis.
    await waitFor("the held event", async () => (await raw.zCard("t6:events")) === 1);
    expect(logger.at("warn")).toHaveLength(1);
  });
});
