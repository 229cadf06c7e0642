/**
 * Everything the bot remembers goes through this interface, so one instance can keep it in memory
 * and a file (the default) and several can share it (Redis) without the adapters knowing which.
 */
import type { UsageEvent } from "./usage-event.js";

export type { UsageEvent } from "./usage-event.js";

export interface Store {
  /**
   * Atomically claim `key`: true the first time, false while an earlier claim holds.
   * Used to answer a retried Slack event once and to welcome a person once.
   * @param ttlMs how long the claim holds; forever when omitted.
   */
  claimOnce(key: string, ttlMs?: number): Promise<boolean>;
  /**
   * Keep a small value (a short JSON string) under `key` for `ttlMs`, replacing any earlier one: what a
   * conversation's last turn was about, a cached lookup. Lost on a restart unless the store is Redis.
   */
  remember(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value remembered under `key`, or undefined when there is none or it has expired. */
  recall(key: string): Promise<string | undefined>;
  /**
   * Remember a usage event for `whodoes report`. Implementations that can lose their backend buffer
   * or drop with a logged warning rather than throw; callers still treat it as fire-and-forget.
   */
  record(event: UsageEvent): Promise<void>;
  /** Usage events that happened at or after `since`, oldest first. */
  events(since: Date): Promise<UsageEvent[]>;
  /** Which store this is and whether it answers now (for /readyz and /metrics). */
  status(): StoreStatus;
  /**
   * This installation's key for hashing what must not be kept in the clear (unanswered questions): random,
   * made on first use and kept with the state, so every instance sharing the state hashes alike. Never logged.
   */
  hashKey(): Promise<Buffer>;
  close(): Promise<void>;
}

export interface StoreStatus {
  mode: "memory" | "file" | "redis";
  /** False while a shared store (Redis) is unreachable and the instance works from memory. */
  ok: boolean;
}

/** A store that cannot do what was asked (e.g. Redis unreachable when the report reads it). */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: "STORE_UNAVAILABLE" | "STORE_IO",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StoreError";
  }
}
