/**
 * Where a clicked button lives decides where its answer goes: an ephemeral answer is replaced in
 * place; a DM gets the next message in the DM; a public message in a channel gets a private follow-up
 * for the person who clicked (no noise for the channel); the App Home gets its answer in the app's DM.
 */
import { isRecord } from "../is-record.js";

export type Place =
  | { kind: "ephemeral" }
  /** `messageTs`: the clicked message, which a tour step replaces in place. */
  | { kind: "dm"; channel: string; threadTs?: string; messageTs?: string }
  | { kind: "channel"; channel: string; threadTs?: string }
  | { kind: "home"; user: string };

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The place of a block_actions payload, or undefined when it is none we answer to. */
export function placeOf(body: unknown): Place | undefined {
  if (!isRecord(body)) return undefined;
  const container = isRecord(body.container) ? body.container : {};
  const user = isRecord(body.user) ? str(body.user.id) : undefined;
  if (container.type === "view") return user ? { kind: "home", user } : undefined;
  if (container.is_ephemeral === true) return { kind: "ephemeral" };
  const channel = str(container.channel_id) ?? (isRecord(body.channel) ? str(body.channel.id) : undefined);
  if (!channel) return undefined;
  const message = isRecord(body.message) ? body.message : {};
  const threadTs = str(message.thread_ts) ?? str(container.thread_ts);
  const at = threadTs ? { threadTs } : {};
  const messageTs = str(container.message_ts) ?? str(message.ts);
  // Slack's conversation ids: D… for a DM with the bot.
  return channel.startsWith("D")
    ? { kind: "dm", channel, ...at, ...(messageTs ? { messageTs } : {}) }
    : { kind: "channel", channel, ...at };
}
