/**
 * A Teams message activity → what the person asked for. Two kinds arrive as messages: text the user typed,
 * and the `value` of an Adaptive Card Action.Submit (`{ whodoes: ActionRef }`). Decisions only; answering
 * and sending are bot.ts's.
 */
import { type ActionRef, parseActionRef } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import type { ConversationKey } from "../conversations.js";
import { isRecord } from "../is-record.js";
import { questionText } from "./text.js";

/**
 * Raw text longer than this is not decoded: a bound on the work, not the question limit (the core's,
 * which it answers). Teams caps a message near 28 KB, and HTML markup can roughly double a question's
 * length, so nothing a person typed as a question comes near it.
 */
export const MAX_RAW_TEXT_CHARS = 20_000;

/** The parts of a message activity we read; every field is untrusted. */
export interface IncomingMessage {
  text?: unknown;
  value?: unknown;
  entities?: unknown;
  recipient?: { id?: string } | undefined;
  /** On a card submit, the id of the message that holds the card. */
  replyToId?: unknown;
  /** Where it was sent: a personal chat, a group chat or a channel thread (its id names the thread). */
  conversation?: { id?: unknown; conversationType?: unknown } | undefined;
  from?: { id?: unknown; aadObjectId?: unknown } | undefined;
}

/** Longest id we key a conversation by; Teams' conversation ids are well under this. */
const MAX_CONVERSATION_ID_CHARS = 500;
const text = (v: unknown) => (typeof v === "string" && v !== "" && v.length <= MAX_CONVERSATION_ID_CHARS ? v : undefined);

/**
 * Which conversation a message belongs to, for follow-ups: a personal chat is one person and the bot; in
 * a group chat or a channel thread (the conversation id names the thread) each person has their own.
 */
export function conversationOf(message: IncomingMessage): ConversationKey | undefined {
  const id = text(message.conversation?.id);
  if (!id) return undefined;
  if (message.conversation?.conversationType === "personal") return ["personal", id];
  const user = text(message.from?.aadObjectId) ?? text(message.from?.id);
  return user ? ["shared", id, user] : undefined;
}

/** The button payload of a card submit, if this message is one. */
function submittedRef(value: unknown): { present: boolean; ref: ReturnType<typeof parseActionRef> } {
  if (!isRecord(value) || !("whodoes" in value)) return { present: false, ref: undefined };
  return { present: true, ref: parseActionRef(value.whodoes) };
}

/** Longest message id we pass back to the connector; Teams' ids are 13-digit timestamps or `1:…` strings. */
const MAX_ACTIVITY_ID_CHARS = 200;

/**
 * The message to update with this submit's answer, when the button asked for it (tour navigation, see
 * `replacesCard` in the renderer) and Teams said which message held the card; otherwise undefined: reply.
 * The flag is as untrusted as the rest of the value, and harmless: the connector lets a bot update only
 * its own messages, and a refused update falls back to a reply.
 */
export function cardToReplace(message: IncomingMessage): string | undefined {
  const { value, replyToId } = message;
  if (!isRecord(value) || value.replace !== true || !parseActionRef(value.whodoes)) return undefined;
  if (typeof replyToId !== "string" || replyToId === "" || replyToId.length > MAX_ACTIVITY_ID_CHARS) return undefined;
  return replyToId;
}

/** A typed question, or a button (a card submit, or the usage text for a bare mention). */
export type Incoming = { kind: "ask"; text: string } | { kind: "act"; ref: ActionRef };

export function readMessage(message: IncomingMessage, logger: Logger): Incoming {
  const submitted = submittedRef(message.value);
  if (submitted.present) {
    const ref = submitted.ref;
    if (!ref) {
      // A stale or forged button: say how to carry on rather than stay silent.
      logger.warn("teams: ignored an invalid card action");
      return { kind: "act", ref: { do: "help" } };
    }
    if (ref.do === "feedback") {
      logger.info("teams: feedback", { vote: ref.vote, intent: ref.intent, ...(ref.role ? { role: ref.role } : {}) });
    }
    return { kind: "act", ref };
  }

  const raw = typeof message.text === "string" ? message.text : "";
  // Far over the question limit already: the core answers "too long" from the length alone.
  if (raw.length > MAX_RAW_TEXT_CHARS) return { kind: "ask", text: raw };
  const question = questionText(raw, message.entities, message.recipient?.id);
  // A bare @mention (or an empty submit from another card) gets the usage text.
  if (question === "") return { kind: "act", ref: { do: "help" } };
  return { kind: "ask", text: question };
}
