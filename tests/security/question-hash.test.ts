/**
 * Issue 16, item 8: unanswered questions are kept as a keyed hash (HMAC-SHA256 with a random key made once
 * per installation and kept with the state: DATA_DIR/hash-key, or in the shared Redis), not a plain SHA-256
 * that anyone can recompute for a guessed question. Equal questions still group: across restarts, and across
 * instances sharing a Redis.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseQuestion } from "../../src/usage/question-hash.js";
import { type RedisServer, redisAvailable, startRedis } from "../store/support/redis-server.js";
import { startTestServer, type TestServer } from "./support/server.js";

const OFF_TOPIC = "What time is the all-hands on Friday?";
const sha256 = (text: string) => createHash("sha256").update(normaliseQuestion(text)).digest("hex");

const ask = (server: TestServer, text: string) =>
  fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  }).then((r) => expect(r.status).toBe(200));

function storedHashes(dataDir: string): string[] {
  return readdirSync(dataDir)
    .filter((f) => f.startsWith("events-"))
    .flatMap((f) => readFileSync(join(dataDir, f), "utf8").trim().split("\n"))
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; hash?: string })
    .filter((e) => e.type === "unanswered")
    .map((e) => e.hash as string);
}

describe("the file store (one instance)", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "whodoes-hash-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keys the hash with the installation's own key; equal questions group, across a restart too", async () => {
    let server = await startTestServer({ DATA_DIR: dataDir });
    await ask(server, OFF_TOPIC);
    await ask(server, "  what TIME is the all-hands on friday ");
    await ask(server, "Where is the coffee machine?");
    await server.stop();
    server = await startTestServer({ DATA_DIR: dataDir });
    await ask(server, OFF_TOPIC);
    await server.stop();

    const [first, again, coffee, afterRestart] = storedHashes(dataDir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toBe(first);
    expect(afterRestart).toBe(first);
    expect(coffee).not.toBe(first);
    // Not what anyone can compute from a guess.
    expect(first).not.toBe(sha256(OFF_TOPIC));
    // The key lives with the state, readable by the bot's user only.
    const key = statSync(join(dataDir, "hash-key"));
    expect(key.mode & 0o777).toBe(0o600);
  });
});

describe.runIf(redisAvailable())("two instances sharing a Redis", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("share one key, so the same question asked of either has one hash, and no plain SHA-256", async () => {
    const a = await startTestServer({ REDIS_URL: redis.url });
    const b = await startTestServer({ REDIS_URL: redis.url });
    try {
      await ask(a, OFF_TOPIC);
      await ask(b, OFF_TOPIC.toUpperCase());
    } finally {
      await a.stop();
      await b.stop();
    }
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      const events = (await raw.zRange("whodoes:events", 0, -1)).map((l) => JSON.parse(l) as { type: string; hash?: string });
      const hashes = events.filter((e) => e.type === "unanswered").map((e) => e.hash);
      expect(hashes).toHaveLength(2);
      expect(hashes[0]).toBe(hashes[1]);
      expect(hashes[0]).not.toBe(sha256(OFF_TOPIC));
      expect(await raw.exists("whodoes:hash-key")).toBe(1);
    } finally {
      raw.destroy();
    }
  });
});
