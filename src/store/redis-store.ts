/**
 * The shared store: any number of instances behind a load balancer claim and record through one
 * Redis. Claims are `SET key 1 NX [PX ttl]` (atomic set-if-absent); remembered values are `SET key
 * value PX ttl`; usage events live in one sorted set scored by time, so a report reads a window with
 * one ZRANGE BYSCORE.
 *
 * Redis going away must not stop the bot answering: claims and values fall back to memory and events are held
 * in memory (bounded, held-events.ts) until it returns, with one warning per outage and one line when it is back.
 * Values this instance wrote to Redis are kept in memory too (bounded, values.ts) and read only while Redis is
 * away, so a follow-up in a thread whose last turn was answered here still reads against it.
 * Three kinds of outage: a closed connection (the client reconnects by itself, capped exponential backoff);
 * a Redis that keeps the connection and stops answering (a paused or overloaded host): every command races a
 * timer (redis-deadline.ts) and the first one that loses marks Redis as stalled; and a Redis that answers but
 * refuses writes (OOM at maxmemory, MISCONF when its disk is full, READONLY after a failover). The last two
 * send no event when they are over (the connection never closed), so a small write every second asks.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { createClient, ErrorReply } from "redis";
import { type Logger, silentLogger } from "../logging/logger.js";
import { createClaims } from "./claims.js";
import { createHeldEvents, member } from "./held-events.js";
import { errorText, RedisStalledError, within } from "./redis-deadline.js";
import { type Store, StoreError } from "./store.js";
import { parseUsageEventLine, type UsageEvent } from "./usage-event.js";
import { createValues } from "./values.js";

/** A claim decides whether to answer before Slack's 3-second ack: give Redis this long, then use memory. */
export const CLAIM_TIMEOUT_MS = 500;
/** While Redis is stalled or refusing writes, how often a probe write asks whether it takes them again. */
export const PROBE_INTERVAL_MS = 1_000;
/** How long a report's read, and closing on shutdown, wait for Redis. */
export const READ_TIMEOUT_MS = 5_000;
export const CLOSE_TIMEOUT_MS = 1_000;
/** How long start-up waits for a first connection before serving from memory (and connecting on). */
export const STARTUP_WAIT_MS = 2_000;
/** Events held in memory while Redis is away; beyond this the oldest are dropped (with a warning). */
export const MAX_HELD_EVENTS = 10_000;
/** Events older than this are trimmed from Redis, every TRIM_EVERY records. */
export const EVENT_RETENTION_MS = 400 * 24 * 60 * 60 * 1000;
const TRIM_EVERY = 1_000;

/** Wait before reconnect attempt `n`: 100 ms doubling to 3 s, so a restarted Redis is used again within seconds. */
export const defaultReconnectDelay = (attempt: number) => Math.min(100 * 2 ** attempt, 3_000);

export interface RedisStoreOptions {
  /** REDIS_URL, e.g. redis://localhost:6379 or rediss://user:pass@host:6380/0. */
  url: string;
  logger?: Logger;
  now?: () => number;
  /** Prefix of every key, so several bots (or tests) can share a Redis. Default "whodoes:". */
  keyPrefix?: string;
  /** Fail with a StoreError when Redis cannot be reached at start, instead of serving from memory (the report). */
  requireConnection?: boolean;
  /** Default STARTUP_WAIT_MS. */
  startupWaitMs?: number;
  reconnectDelayMs?: (attempt: number) => number;
}

/** Where Redis is, for logs: host and port only, never the password in the URL. */
export function redisLocation(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw new Error("not redis");
    return `${u.hostname}:${u.port || "6379"}`;
  } catch {
    throw new StoreError("REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)", "STORE_UNAVAILABLE");
  }
}

export async function createRedisStore(options: RedisStoreOptions): Promise<Store> {
  const where = redisLocation(options.url);
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const prefix = options.keyPrefix ?? "whodoes:";
  const eventsKey = `${prefix}events`;
  const hashKeyKey = `${prefix}hash-key`;
  const probeKey = `${prefix}probe`;
  const reconnectDelay = options.reconnectDelayMs ?? defaultReconnectDelay;
  const giveUpAfter = options.requireConnection ? 2 : Number.POSITIVE_INFINITY;

  const client = createClient({
    url: options.url,
    // Fail commands at once while disconnected: a claim must fall back now, not wait for a reconnect.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (attempt, cause) => (attempt >= giveUpAfter ? cause : reconnectDelay(attempt)),
    },
  });
  const fallback = createClaims(now);
  const fallbackValues = createValues(now);
  const written = createValues(now);
  const held = createHeldEvents(MAX_HELD_EVENTS, logger);
  let down = false;
  let everReady = false;
  let recorded = 0;
  let closing = false;

  let probe: NodeJS.Timeout | undefined;
  const wentDown = (err: unknown) => {
    if (down || closing) return;
    down = true;
    held.newOutage();
    const stalled = err instanceof RedisStalledError;
    // An error reply on a ready connection is a refused command; before it (a wrong password) Redis is as good as unreachable.
    const refusing = err instanceof ErrorReply && client.isReady;
    const how = stalled ? "not answering" : refusing ? "refusing writes" : "unreachable";
    logger.warn(`store: Redis at ${where} is ${how}; de-duplicating in memory and holding usage events until it returns`, {
      error: errorText(err),
    });
    // A closed connection says when it is back ("ready"); a stalled or refusing Redis does not: ask it. Only
    // then: an interval left running would keep a failed `whodoes report` from exiting.
    if (stalled || refusing) probe = setInterval(askIfBack, PROBE_INTERVAL_MS);
  };
  let asking = false;
  async function askIfBack() {
    if (asking || !client.isReady) return;
    asking = true;
    try {
      // A write, not a PING: a Redis out of memory or disk still answers PING.
      await within(
        CLAIM_TIMEOUT_MS,
        client.set(probeKey, "1", { expiration: { type: "PX", value: PROBE_INTERVAL_MS } }),
        "a probe",
      );
      cameBack();
    } catch {
      // Still stalled (or gone: then the client reconnects and "ready" says when it is back).
    } finally {
      asking = false;
    }
  }
  const cameBack = () => {
    if (!everReady) {
      everReady = true;
      if (!down) logger.info(`store: using Redis at ${where}`);
    }
    if (!down) return;
    down = false;
    clearInterval(probe);
    logger.info(`store: Redis at ${where} is back; using it again`, { heldEvents: held.size });
    void flushHeld();
    void handOver();
  };
  // The client emits "error" for every failed (re)connect; without a listener Node would crash.
  client.on("error", wentDown);
  client.on("ready", cameBack);

  async function flushHeld(timeoutMs = READ_TIMEOUT_MS) {
    if (held.size === 0 || !client.isReady) return;
    const batch = held.take();
    try {
      await within(timeoutMs, client.zAdd(eventsKey, batch), "a batch of held events");
    } catch (err) {
      // Held again as the same members: if the batch did land after all, adding it again changes nothing.
      held.hold(batch);
      wentDown(err);
    }
  }

  /**
   * What was claimed and remembered in memory during an outage goes to Redis when it returns, so the other
   * instances see it too: a Slack retry landing on one of them is not answered twice, a follow-up there reads
   * the turn answered here. Values handed over are read from Redis again; claims stay held here as well.
   */
  async function handOver() {
    const claims = fallback.live();
    const values = fallbackValues.live();
    if ((claims.length === 0 && values.length === 0) || !client.isReady) return;
    const px = (ms: number) => ({ type: "PX" as const, value: Math.max(1, Math.ceil(ms)) });
    const multi = client.multi();
    for (const c of claims)
      multi.set(c.key, "1", c.ttlMs === undefined ? { condition: "NX" } : { condition: "NX", expiration: px(c.ttlMs) });
    for (const v of values) multi.set(v.key, v.value, { expiration: px(v.ttlMs) });
    try {
      await within(READ_TIMEOUT_MS, multi.exec(), "what was kept in memory");
    } catch (err) {
      wentDown(err);
      return;
    }
    for (const v of values) {
      written.set(v.key, v.value, v.ttlMs);
      fallbackValues.forget(v.key, v.value);
    }
  }

  async function claimOnce(key: string, ttlMs?: number): Promise<boolean> {
    const k = `${prefix}claim:${key}`;
    // A claim taken in memory during an outage still counts after Redis returns.
    if (fallback.holds(k)) return false;
    if (client.isReady && !down) {
      try {
        const set = client.set(
          k,
          "1",
          ttlMs === undefined
            ? { condition: "NX" }
            : { condition: "NX", expiration: { type: "PX", value: Math.max(1, Math.ceil(ttlMs)) } },
        );
        const reply = await within(CLAIM_TIMEOUT_MS, set, "a claim");
        cameBack();
        return reply === "OK";
      } catch (err) {
        // A Redis error reply (e.g. out of memory) is as bad as no Redis for this claim.
        wentDown(err);
      }
    } else if (!client.isReady) wentDown(new Error("not connected"));
    return fallback.claim(k, ttlMs);
  }

  async function remember(key: string, value: string, ttlMs: number): Promise<void> {
    const k = `${prefix}value:${key}`;
    if (client.isReady && !down) {
      try {
        const set = client.set(k, value, { expiration: { type: "PX", value: Math.max(1, Math.ceil(ttlMs)) } });
        await within(CLAIM_TIMEOUT_MS, set, "a value");
        written.set(k, value, ttlMs);
        cameBack();
        return;
      } catch (err) {
        wentDown(err);
      }
    } else if (!client.isReady) wentDown(new Error("not connected"));
    fallbackValues.set(k, value, ttlMs);
  }

  async function recall(key: string): Promise<string | undefined> {
    const k = `${prefix}value:${key}`;
    // A value remembered in memory during an outage is the newest one.
    const local = fallbackValues.get(k);
    if (local !== undefined) return local;
    if (!client.isReady || down) return written.get(k);
    try {
      const value = await within(CLAIM_TIMEOUT_MS, client.get(k), "a value");
      cameBack();
      return value ?? undefined;
    } catch (err) {
      wentDown(err);
      return written.get(k);
    }
  }

  async function record(event: UsageEvent): Promise<void> {
    const m = member(event);
    if (!client.isReady || down) {
      if (!client.isReady) wentDown(new Error("not connected"));
      held.hold([m]);
      return;
    }
    try {
      await within(CLAIM_TIMEOUT_MS, client.zAdd(eventsKey, m), "an event");
      if (++recorded % TRIM_EVERY === 0)
        void client.zRemRangeByScore(eventsKey, "-inf", now() - EVENT_RETENTION_MS).catch(() => {});
      cameBack();
    } catch (err) {
      wentDown(err);
      held.hold([m]);
    }
  }

  async function events(since: Date): Promise<UsageEvent[]> {
    if (!client.isReady) throw new StoreError(`Redis at ${where} is unreachable`, "STORE_UNAVAILABLE");
    const from = since.getTime();
    let lines: string[];
    try {
      lines = await within(READ_TIMEOUT_MS, client.zRange(eventsKey, from, "+inf", { BY: "SCORE" }), "the usage events");
    } catch (err) {
      throw new StoreError(`could not read usage events from Redis at ${where}: ${errorText(err)}`, "STORE_UNAVAILABLE", {
        cause: err,
      });
    }
    const out: UsageEvent[] = [];
    for (const line of lines) {
      const e = parseUsageEventLine(line);
      if (e) out.push(e);
    }
    // Events held here during an outage are part of the picture too.
    for (const m of held.all()) {
      const e = m.score >= from ? parseUsageEventLine(m.value) : undefined;
      if (e) out.push(e);
    }
    return out.sort((a, b) => a.at - b.at);
  }

  let hashKey: Buffer | undefined;
  /** The shared key: the first instance to ask sets it (SET NX), every instance reads the same one. */
  async function getHashKey(): Promise<Buffer> {
    if (hashKey) return hashKey;
    if (!client.isReady || down) throw new StoreError(`Redis at ${where} is unreachable: no hash key yet`, "STORE_UNAVAILABLE");
    const made = randomBytes(32).toString("hex");
    await within(CLAIM_TIMEOUT_MS, client.set(hashKeyKey, made, { condition: "NX" }), "the hash key");
    const stored = await within(CLAIM_TIMEOUT_MS, client.get(hashKeyKey), "the hash key");
    if (typeof stored !== "string" || !/^[0-9a-f]{64}$/.test(stored))
      throw new StoreError(`Redis key ${hashKeyKey} does not hold a hash key`, "STORE_UNAVAILABLE");
    hashKey = Buffer.from(stored, "hex");
    return hashKey;
  }

  async function close() {
    closing = true;
    clearInterval(probe);
    // One second in all (shutdown's budget for the store): flush what is held, then close.
    const until = Date.now() + CLOSE_TIMEOUT_MS;
    if (!down) await flushHeld(CLOSE_TIMEOUT_MS);
    if (held.size > 0) logger.warn(`store: Redis at ${where} is away; ${held.size} usage event(s) held in memory are lost`);
    // close() waits for every reply still due, which a stalled Redis never sends: give it what is left, then drop.
    if (client.isReady && !down) await within(Math.max(1, until - Date.now()), client.close(), "QUIT").catch(() => {});
    if (client.isOpen) client.destroy();
    fallback.clear();
    fallbackValues.clear();
    written.clear();
  }

  const connecting = client.connect().then(
    () => undefined,
    (err: unknown) => err,
  );
  if (options.requireConnection) {
    const failed = await connecting;
    if (failed !== undefined) {
      if (client.isOpen) client.destroy();
      throw new StoreError(`cannot reach Redis at ${where}: ${errorText(failed)}`, "STORE_UNAVAILABLE", { cause: failed });
    }
  } else {
    // Serve from memory rather than refuse to start; the client keeps connecting in the background.
    const waited = new AbortController();
    await Promise.race([
      connecting,
      delay(options.startupWaitMs ?? STARTUP_WAIT_MS, undefined, { signal: waited.signal }).catch(() => {}),
    ]);
    waited.abort();
  }
  // Fetched now if Redis is there, so an outage later does not stop unanswered questions being recorded.
  if (client.isReady) await getHashKey().catch(() => {});
  return {
    claimOnce,
    remember,
    recall,
    record,
    events,
    hashKey: getHashKey,
    close,
    status: () => ({ mode: "redis", ok: client.isReady && !down }),
  };
}
