/**
 * Which conversation a Slack message or button belongs to, for follow-ups: a DM is one conversation
 * (threads in it included: one person and the bot); a thread in a channel is one per person in it, as
 * several people may ask there at once. Slash commands' private answers keep no conversation.
 */
import type { ConversationKey } from "../conversations.js";
import type { UserMessage } from "./message-filter.js";
import type { Place } from "./place.js";

const dm = (team: string | undefined, channel: string): ConversationKey => ["dm", team ?? "", channel];
const thread = (team: string | undefined, channel: string, threadTs: string, user: string): ConversationKey => [
  "thread",
  team ?? "",
  channel,
  threadTs,
  user,
];

/** A DM, or a mention (answered in a thread under it, so its thread is the one a follow-up comes in). */
export function messageConversation(team: string | undefined, kind: "dm" | "app_mention", msg: UserMessage): ConversationKey {
  return kind === "dm" ? dm(team, msg.channel) : thread(team, msg.channel, msg.threadTs ?? msg.ts, msg.user);
}

/** A button in a DM or in a thread; elsewhere (the Home tab, a private answer) no conversation. */
export function placeConversation(team: string | undefined, place: Place, user: string): ConversationKey | undefined {
  if (place.kind === "dm") return dm(team, place.channel);
  if (place.kind === "channel" && place.threadTs) return thread(team, place.channel, place.threadTs, user);
  return undefined;
}
