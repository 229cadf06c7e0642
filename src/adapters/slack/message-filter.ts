/**
 * Which incoming messages a person wrote to the bot. Everything else is dropped here, before the core
 * is asked: the bot's own posts and other bots' (no loops), and edits, deletions, joins and the other
 * subtypes Slack writes itself (an edited question is not a new question).
 */
import { isRecord } from "../is-record.js";
import { slackQuestionText } from "./question-text.js";

export interface UserMessage {
  channel: string;
  ts: string;
  /** Set when the message is a reply in a thread. */
  threadTs?: string;
  user: string;
  /** What the person typed, without the bot's own mention. */
  text: string;
}

/**
 * The subtypes of a message a person wrote, whose words are asked like any other: one with a file attached ("who
 * fixes this?" under a screenshot), and a thread reply also sent to the channel (Slack marks even the mention
 * event of one so).
 */
const WRITTEN = new Set(["file_share", "thread_broadcast"]);
const WITH_FILE = "file_share";

export function readUserMessage(event: unknown, botUserId: string | undefined): UserMessage | undefined {
  if (!isRecord(event)) return undefined;
  // message_changed, message_deleted, channel_join, bot_message, ...
  if (event.subtype !== undefined && !WRITTEN.has(String(event.subtype))) return undefined;
  if (event.bot_id !== undefined) return undefined;
  const { user, channel, ts, text, thread_ts: threadTs } = event;
  if (typeof user !== "string" || typeof channel !== "string" || typeof ts !== "string") return undefined;
  if (botUserId !== undefined && user === botUserId) return undefined;
  // A file sent with no words asks nothing.
  if (event.subtype === WITH_FILE && (typeof text !== "string" || text.trim() === "")) return undefined;
  return {
    channel,
    ts,
    user,
    text: typeof text === "string" ? slackQuestionText(text, botUserId) : "",
    ...(typeof threadTs === "string" ? { threadTs } : {}),
  };
}
