/**
 * Everything the bot remembers goes through this interface, so one instance can keep it in memory
 * and several can share it (e.g. Redis) without the adapters knowing which.
 */
export interface Store {
  /**
   * Atomically claim `key`: true the first time, false while an earlier claim holds.
   * Used to answer a retried Slack event once and to welcome a person once.
   * @param ttlMs how long the claim holds; forever when omitted.
   */
  claimOnce(key: string, ttlMs?: number): Promise<boolean>;
  close(): Promise<void>;
}
