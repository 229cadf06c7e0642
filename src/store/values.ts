/** In-process values with expiry: the memory and file stores' `remember`/`recall`, and Redis's fallback. */

export interface Values {
  set(key: string, value: string, ttlMs: number): void;
  /** The value under `key`, or undefined when there is none or it has expired. */
  get(key: string): string | undefined;
  clear(): void;
}

/** Sweep expired values every this many writes, so a long-running bot does not grow without bound. */
const SWEEP_EVERY = 1000;

export function createValues(now: () => number = Date.now): Values {
  const values = new Map<string, { value: string; expiresAt: number }>();
  let writes = 0;
  const sweep = () => {
    const t = now();
    for (const [k, v] of values) if (v.expiresAt <= t) values.delete(k);
  };
  return {
    set(key, value, ttlMs) {
      if (++writes % SWEEP_EVERY === 0) sweep();
      values.set(key, { value, expiresAt: now() + ttlMs });
    },
    get(key) {
      const v = values.get(key);
      if (v === undefined) return undefined;
      if (v.expiresAt > now()) return v.value;
      values.delete(key);
      return undefined;
    },
    clear() {
      values.clear();
    },
  };
}
