/**
 * A Teams message activity → the core's Answer. Two kinds arrive as messages: text the user typed, and
 * the `value` of an Adaptive Card Action.Submit (`{ whodoes: ActionRef }`). Decisions only; sending is bot.ts's.
 */
import { type Answer, parseActionRef, type Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
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

export function answerForMessage(whodoes: Whodoes, message: IncomingMessage, logger: Logger): Answer {
  const submitted = submittedRef(message.value);
  if (submitted.present) {
    const ref = submitted.ref;
    if (!ref) {
      // A stale or forged button: say how to carry on rather than stay silent.
      logger.warn("teams: ignored an invalid card action");
      return whodoes.act({ do: "help" });
    }
    if (ref.do === "feedback") {
      logger.info("teams: feedback", { vote: ref.vote, intent: ref.intent, ...(ref.role ? { role: ref.role } : {}) });
    }
    return whodoes.act(ref);
  }

  const raw = typeof message.text === "string" ? message.text : "";
  // Far over the question limit already: the core answers "too long" from the length alone.
  if (raw.length > MAX_RAW_TEXT_CHARS) return whodoes.ask(raw);
  const question = questionText(raw, message.entities, message.recipient?.id);
  // A bare @mention (or an empty submit from another card) gets the usage text.
  if (question === "") return whodoes.act({ do: "help" });
  return whodoes.ask(question);
}
