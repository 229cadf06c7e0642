/** In-process values with expiry: the memory and file stores' `remember`/`recall`, and Redis's fallback. */

export interface Values {
  set(key: string, value: string, ttlMs: number): void;
  /** The value under `key`, or undefined when there is none or it has expired. */
  get(key: string): string | undefined;
  /** Every value still live, with the time it has left. */
  live(): { key: string; value: string; ttlMs: number }[];
  /** Forget `key` if it still holds `value` (not if it was written again meanwhile). */
  forget(key: string, value: string): void;
  clear(): void;
}

/** Sweep expired values every this many writes, so a long-running bot does not grow without bound. */
const SWEEP_EVERY = 1000;
/**
 * The most values kept in memory: beyond it the oldest written go first, even before their ttl. Every
 * answered question is kept for two hours (for its buttons), so under a load of 1,000 questions a second
 * memory would otherwise grow by tens of megabytes (a value is 300 to 800 bytes with its key). 5,000 is
 * 40 questions a minute for two hours, more than one team's bot is asked, in about 3 MB. Instances
 * sharing Redis keep every value for its whole ttl there.
 */
export const MAX_VALUES = 5_000;

export function createValues(now: () => number = Date.now, max = MAX_VALUES): Values {
  const values = new Map<string, { value: string; expiresAt: number }>();
  let writes = 0;
  const sweep = () => {
    const t = now();
    for (const [k, v] of values) if (v.expiresAt <= t) values.delete(k);
  };
  return {
    set(key, value, ttlMs) {
      if (++writes % SWEEP_EVERY === 0) sweep();
      // Written again, a value counts as the newest.
      values.delete(key);
      // Full: the oldest written go (a Map keeps writing order). No sweep here: full of live values, it
      // would scan them all on every write.
      for (const oldest of values.keys()) {
        if (values.size < max) break;
        values.delete(oldest);
      }
      values.set(key, { value, expiresAt: now() + ttlMs });
    },
    get(key) {
      const v = values.get(key);
      if (v === undefined) return undefined;
      if (v.expiresAt > now()) return v.value;
      values.delete(key);
      return undefined;
    },
    live() {
      const t = now();
      return [...values].filter(([, v]) => v.expiresAt > t).map(([key, v]) => ({ key, value: v.value, ttlMs: v.expiresAt - t }));
    },
    forget(key, value) {
      if (values.get(key)?.value === value) values.delete(key);
    },
    clear() {
      values.clear();
    },
  };
}
