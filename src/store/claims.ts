/** In-process claims with expiry: the memory store's, the file store's, and Redis's fallback. */

export interface Claims {
  /** Claim `key` unless a live claim holds it; forever when `ttlMs` is omitted. */
  claim(key: string, ttlMs?: number): boolean;
  /** Whether a live claim holds `key`. */
  holds(key: string): boolean;
  /** Set a claim without checking (replaying persisted claims). */
  restore(key: string, expiresAt?: number): void;
  /** Every claim still live, with the time it has left (none: forever). */
  live(): { key: string; ttlMs?: number }[];
  readonly size: number;
  clear(): void;
}

/** Sweep expired claims every this many claims, so a long-running bot does not grow without bound. */
const SWEEP_EVERY = 1000;

export function createClaims(now: () => number = Date.now): Claims {
  const expiries = new Map<string, number>(); // key -> expiry (ms since epoch), Infinity = forever
  let counter = 0;
  const sweep = () => {
    const t = now();
    for (const [k, exp] of expiries) if (exp <= t) expiries.delete(k);
  };
  const holds = (key: string) => {
    const exp = expiries.get(key);
    return exp !== undefined && exp > now();
  };
  return {
    claim(key, ttlMs) {
      if (++counter % SWEEP_EVERY === 0) sweep();
      if (holds(key)) return false;
      expiries.set(key, ttlMs === undefined ? Number.POSITIVE_INFINITY : now() + ttlMs);
      return true;
    },
    holds,
    restore(key, expiresAt) {
      expiries.set(key, expiresAt ?? Number.POSITIVE_INFINITY);
    },
    live() {
      const t = now();
      return [...expiries]
        .filter(([, exp]) => exp > t)
        .map(([key, exp]) => (exp === Number.POSITIVE_INFINITY ? { key } : { key, ttlMs: exp - t }));
    },
    get size() {
      return expiries.size;
    },
    clear() {
      expiries.clear();
    },
  };
}
