/**
 * A memory store on a test clock that records what follow-ups keep in it: every remembered value,
 * so a test can check that a conversation's turn is kept with the right ttl and holds no message text.
 */
import { createMemoryStore } from "../../src/store/memory-store.js";
import type { Store } from "../../src/store/store.js";

export interface ConversationStore extends Store {
  /** Every remember() call, in order. */
  remembered: { key: string; value: string; ttlMs: number }[];
  /** Move the store's clock on (the ttl runs on it). */
  advance(ms: number): void;
}

export function conversationStore(): ConversationStore {
  let now = Date.now();
  const store = createMemoryStore(() => now);
  const remembered: ConversationStore["remembered"] = [];
  return {
    ...store,
    remembered,
    async remember(key, value, ttlMs) {
      remembered.push({ key, value, ttlMs });
      await store.remember(key, value, ttlMs);
    },
    advance(ms) {
      now += ms;
    },
  };
}
