/**
 * Usage events recorded while Redis is away, held in memory as the sorted-set members they become, so adding
 * one twice when Redis returns is a no-op. Bounded: beyond `max` the oldest are dropped, with one warning per
 * outage.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "../logging/logger.js";
import type { UsageEvent } from "./usage-event.js";

/** A usage event as stored: its time as the score, the event (with a nonce) as the value. */
export interface Member {
  score: number;
  value: string;
}

export function member(e: UsageEvent): Member {
  // Identical events in the same millisecond are distinct uses: a nonce keeps both in the set.
  return { score: e.at, value: JSON.stringify({ ...e, n: randomBytes(6).toString("base64url") }) };
}

export interface HeldEvents {
  hold(events: readonly Member[]): void;
  /** Everything held, emptying the buffer (hold it again if it cannot be written). */
  take(): Member[];
  readonly size: number;
  all(): readonly Member[];
  /** A new outage: its first drop warns again. */
  newOutage(): void;
}

export function createHeldEvents(max: number, logger: Logger): HeldEvents {
  let held: Member[] = [];
  let warned = false;
  return {
    hold(events) {
      held.push(...events);
      if (held.length <= max) return;
      const dropped = held.length - max;
      held = held.slice(dropped);
      if (!warned) {
        warned = true;
        logger.warn(`store: Redis is still away; dropping the oldest usage events beyond ${max}`, { dropped });
      }
    },
    take() {
      const all = held;
      held = [];
      return all;
    },
    get size() {
      return held.length;
    },
    all: () => held,
    newOutage() {
      warned = false;
    },
  };
}
