import type { Store } from "./store.js";

/** In-process store: enough for one instance. */
export function createMemoryStore(now: () => number = Date.now): Store {
  const claims = new Map<string, number>(); // key -> expiry (ms since epoch), Infinity = forever
  let sweepCounter = 0;
  const sweep = () => {
    const t = now();
    for (const [k, exp] of claims) if (exp <= t) claims.delete(k);
  };
  return {
    async claimOnce(key, ttlMs) {
      // Sweep now and then so a long-running bot does not grow without bound.
      if (++sweepCounter % 1000 === 0) sweep();
      const exp = claims.get(key);
      if (exp !== undefined && exp > now()) return false;
      claims.set(key, ttlMs === undefined ? Number.POSITIVE_INFINITY : now() + ttlMs);
      return true;
    },
    async close() {
      claims.clear();
    },
  };
}
