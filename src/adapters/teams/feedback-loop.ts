/**
 * Teams' own 👍/👎 under the bot's answers (its feedback loop: `channelData.feedbackLoopEnabled`). A vote
 * arrives as a `message/submitAction` invoke naming only the message voted on, so the answer's votes
 * (intent, role and the question's id) are kept under that message's id when it is sent, for as long as
 * the question is. Teams' form may carry typed feedback text; it is never read or kept.
 */
import type { Activity } from "botbuilder";
import type { ActionRef, Answer } from "../../core/index.js";
import type { Store } from "../../store/store.js";
import { QUESTION_TTL_MS } from "../../usage/asked-questions.js";
import { isRecord } from "../is-record.js";

type Vote = Extract<ActionRef, { do: "feedback" }>;

/** The invoke Teams sends for a vote in its feedback loop. */
export const FEEDBACK_INVOKE = "message/submitAction";

// A message's id is unique within its conversation; a channel thread's id carries ";messageid=…".
const key = (conversation: string, message: string) => `teams:votes:${conversation.split(";")[0]}:${message}`;

/** Keep the votes of an answer sent as message `messageId` in `conversationId`. */
export async function rememberVotes(store: Store, conversationId: string, messageId: string, answer: Answer): Promise<void> {
  const votes = answer.actions.flatMap((a) => (a.action.do === "feedback" ? [a.action] : []));
  if (votes.length === 0) return;
  await store.remember(key(conversationId, messageId), JSON.stringify(votes), QUESTION_TTL_MS);
}

/** The vote a feedback invoke casts: 👍 "like" or 👎 "dislike", as the answer's own button would; undefined if unknown. */
export async function voteOf(store: Store, activity: Partial<Activity>): Promise<Vote | undefined> {
  const value = isRecord(activity.value) ? activity.value : {};
  const action = isRecord(value.actionValue) ? value.actionValue : {};
  if (activity.name !== FEEDBACK_INVOKE || value.actionName !== "feedback") return undefined;
  const vote = action.reaction === "like" ? "up" : action.reaction === "dislike" ? "down" : undefined;
  const conversation = activity.conversation?.id;
  const message = activity.replyToId;
  if (!vote || typeof conversation !== "string" || typeof message !== "string" || message.length > 200) return undefined;
  const raw = await store.recall(key(conversation, message)).catch(() => undefined);
  if (!raw) return undefined;
  try {
    const votes = JSON.parse(raw) as Vote[];
    return Array.isArray(votes) ? votes.find((v) => isRecord(v) && v.vote === vote) : undefined;
  } catch {
    return undefined;
  }
}
