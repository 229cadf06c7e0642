import { randomBytes } from "node:crypto";
import { createClaims } from "./claims.js";
import type { Store } from "./store.js";
import type { UsageEvent } from "./usage-event.js";
import { createValues } from "./values.js";

/** The memory store keeps only the latest events, so a long run (or a load test) stays flat. */
export const MEMORY_EVENT_LIMIT = 10_000;

/** In-process store: enough for one instance that need not remember anything across a restart (tests). */
export function createMemoryStore(now: () => number = Date.now): Store {
  const claims = createClaims(now);
  const values = createValues(now);
  let events: UsageEvent[] = [];
  // Nothing outlives the process here, the key included.
  const key = randomBytes(32);
  return {
    hashKey: async () => key,
    async claimOnce(key, ttlMs) {
      return claims.claim(key, ttlMs);
    },
    async remember(key, value, ttlMs) {
      values.set(key, value, ttlMs);
    },
    async recall(key) {
      return values.get(key);
    },
    async record(event) {
      events.push(event);
      // Trim in chunks rather than shifting one at a time.
      if (events.length > MEMORY_EVENT_LIMIT * 1.1) events = events.slice(-MEMORY_EVENT_LIMIT);
    },
    async events(since) {
      const from = since.getTime();
      return events.filter((e) => e.at >= from).sort((a, b) => a.at - b.at);
    },
    status: () => ({ mode: "memory", ok: true }),
    async close() {
      claims.clear();
      values.clear();
      events = [];
    },
  };
}
