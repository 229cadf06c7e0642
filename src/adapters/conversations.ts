/**
 * Each conversation's last turn, so a follow-up ("and the architect?", "who approves that?") is read
 * against it. The core does the reading; this keeps what it returns (`answer.context`) in the store
 * with a time-to-live, so it works on any instance sharing a Redis and is forgotten after a while.
 *
 * Only the core's TurnContext is kept (intent, role ids and scores, the task's responsibility ids),
 * under a hash of the conversation's ids: never what anyone typed, and nothing of it is logged.
 * Follow-ups are a nicety: if the store fails, the message is answered on its own.
 */
import { createHash } from "node:crypto";
import { type ActionRef, type Answer, parseTurnContext, type TurnContext, type Whodoes } from "../core/index.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import type { Store } from "../store/store.js";

/** How long a conversation's last turn is kept by default (CONVERSATION_TTL_MINUTES): a chat's pause, not a day's. */
export const DEFAULT_CONVERSATION_TTL_MS = 30 * 60_000;

/**
 * What identifies one conversation on a platform, most general first: e.g. Slack's team, channel and
 * thread, and the person where a channel is shared. Undefined where there is none to keep (a reply
 * nobody can follow up on).
 */
export type ConversationKey = readonly string[];

export interface Conversations {
  /** Answer `text`, read against the conversation's last turn, and keep this turn for the next. */
  ask(key: ConversationKey | undefined, text: string): Promise<Answer>;
  /** A button's answer; it becomes the conversation's last turn where it says what that was about. */
  act(key: ConversationKey | undefined, action: ActionRef): Promise<Answer>;
}

export interface ConversationsOptions {
  /** The core, as the platform answers with it (wrapped for usage records and the turn log). */
  whodoes: Whodoes;
  store: Store;
  /** Which platform's conversations, so two platforms' ids never meet. */
  platform: string;
  /** How long a last turn is kept; 0 turns follow-ups off. Default (also when undefined) DEFAULT_CONVERSATION_TTL_MS. */
  ttlMs?: number | undefined;
  logger?: Logger;
}

export function createConversations(options: ConversationsOptions): Conversations {
  const { whodoes, store, platform } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_CONVERSATION_TTL_MS;
  const logger = options.logger ?? silentLogger;
  const storeKey = (key: ConversationKey) =>
    `turn:${platform}:${createHash("sha256").update(key.join("\u0000")).digest("base64url").slice(0, 32)}`;

  async function recall(key: ConversationKey | undefined): Promise<TurnContext | undefined> {
    if (!key || ttlMs <= 0) return undefined;
    try {
      return parseTurnContext(await store.recall(storeKey(key)));
    } catch (err) {
      logger.warn("conversations: could not recall the last turn; answering on its own", { platform, error: message(err) });
      return undefined;
    }
  }

  async function keep(key: ConversationKey | undefined, answer: Answer): Promise<void> {
    if (!key || ttlMs <= 0 || !answer.context) return;
    try {
      await store.remember(storeKey(key), JSON.stringify(answer.context), ttlMs);
    } catch (err) {
      logger.warn("conversations: could not keep the turn for a follow-up", { platform, error: message(err) });
    }
  }

  return {
    async ask(key, text) {
      const previous = await recall(key);
      const answer = whodoes.ask(text, previous ? { previous } : {});
      await keep(key, answer);
      return answer;
    },
    async act(key, action) {
      // The last turn too, so a button's answer keeps the role the asker is starting in.
      const previous = await recall(key);
      const answer = whodoes.act(action, previous ? { previous } : {});
      await keep(key, answer);
      return answer;
    },
  };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
