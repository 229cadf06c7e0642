/**
 * Spacing calls out per key: `wait(key)` resolves at once for the first call and `intervalMs` after the
 * previous one for each next, so a burst becomes a steady trickle. In-process only: instances sharing a
 * Redis pace separately (two instances may each send one a second).
 */
export interface Pacer {
  wait(key: string): Promise<void>;
}

export function createPacer(intervalMs: number, now: () => number = Date.now): Pacer {
  /** Per key: the earliest time the next call may go. */
  const next = new Map<string, number>();
  return {
    async wait(key) {
      const t = now();
      const at = Math.max(t, next.get(key) ?? 0);
      next.set(key, at + intervalMs);
      // Forget keys whose turn is long past, so the map stays as small as the bursts in progress.
      for (const [k, v] of next) if (v < t) next.delete(k);
      if (at > t) await new Promise((resolve) => setTimeout(resolve, at - t));
    },
  };
}
