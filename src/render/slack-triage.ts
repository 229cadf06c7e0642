/**
 * A question handed to the data team, for Slack: the post in the triage channel (with Claim and
 * Answered buttons, edited for everyone as it is taken) and the private notices. Pure. The question is
 * the asker's own text, escaped like everything else; the mentions are ids checked against Slack's shapes.
 */
import { type ActionRef, HAND_OFF_WORDS, type HandOffNotice, type PlatformPerson, type TriagePost } from "../core/index.js";
import type { SlackMessage } from "./slack.js";
import { ACTION_ID_PREFIX, type ButtonElement } from "./slack-buttons.js";
import { SLACK_ID } from "./slack-directory.js";
import { SLACK_LIMITS, truncate } from "./slack-limits.js";
import { escapeSlackText, textToMrkdwn } from "./slack-text.js";

/** A person as a live mention when the id is a Slack user id, else their name (escaped), else "someone". */
export function slackPerson(p: PlatformPerson | undefined): string {
  if (p && SLACK_ID.user.test(p.id)) return `<@${p.id}>`;
  return p?.name ? textToMrkdwn(p.name) : "someone";
}

const channel = (id: string) => (SLACK_ID.channel.test(id) ? `<#${id}>` : "the data team's channel");

const section = (text: string) => ({
  type: "section" as const,
  text: { type: "mrkdwn" as const, text: truncate(text, SLACK_LIMITS.sectionText), verbatim: true },
});
const context = (text: string) => ({
  type: "context" as const,
  elements: [{ type: "mrkdwn" as const, text: truncate(text, SLACK_LIMITS.contextText), verbatim: true }],
});

function triageButton(n: number, label: string, ref: ActionRef, primary = false): ButtonElement {
  return {
    type: "button",
    action_id: `${ACTION_ID_PREFIX}${n}`,
    text: { type: "plain_text", text: label, emoji: true },
    value: JSON.stringify(ref),
    ...(primary ? { style: "primary" as const } : {}),
  };
}

/**
 * The question quoted line by line, so a line break in it cannot end the quote. Nothing of ours wraps
 * it, so it keeps the asker's own formatting (a `SELECT *` in code) as Slack showed it to them.
 */
const quote = (text: string) =>
  truncate(escapeSlackText(text), SLACK_LIMITS.sectionText - 100)
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");

/** The triage post, as it stands: open (Claim, Answered), claimed (Answered), or answered (no buttons). */
export function triagePostToBlockKit(post: TriagePost): SlackMessage {
  const state =
    post.state === "answered"
      ? HAND_OFF_WORDS.answeredBy(slackPerson(post.answeredBy))
      : post.state === "claimed"
        ? HAND_OFF_WORDS.claimedBy(slackPerson(post.claimedBy))
        : HAND_OFF_WORDS.open;
  const buttons: ButtonElement[] = [];
  if (post.state === "open")
    buttons.push(triageButton(0, HAND_OFF_WORDS.claimButton, { do: "triage", q: post.q, step: "claim" }, true));
  if (post.state !== "answered")
    buttons.push(triageButton(1, HAND_OFF_WORDS.answeredButton, { do: "triage", q: post.q, step: "answered" }));
  return {
    text: truncate(
      `${HAND_OFF_WORDS.postTitle}: ${HAND_OFF_WORDS.asked(slackPerson(post.asker))} ${escapeSlackText(post.question)}`,
      SLACK_LIMITS.fallbackText,
    ),
    blocks: [
      { type: "header", text: { type: "plain_text", text: HAND_OFF_WORDS.postTitle, emoji: true } },
      section(`${HAND_OFF_WORDS.asked(slackPerson(post.asker))}\n${quote(post.question)}`),
      ...(post.roleName ? [context(textToMrkdwn(HAND_OFF_WORDS.likelyRole(post.roleName)))] : []),
      context(state),
      ...(buttons.length > 0 ? [{ type: "actions" as const, elements: buttons }] : []),
    ],
  };
}

/** What a person is told privately about a hand-off. */
export function handOffNoticeText(notice: HandOffNotice): string {
  switch (notice.kind) {
    case "sent":
      return HAND_OFF_WORDS.sent(channel(notice.place.id));
    case "claimed":
      return HAND_OFF_WORDS.claimed(slackPerson(notice.by), channel(notice.place.id));
    case "already-sent":
      return notice.place ? HAND_OFF_WORDS.alreadySentTo(channel(notice.place.id)) : HAND_OFF_WORDS.alreadySent;
    case "already-claimed":
      return notice.by ? HAND_OFF_WORDS.alreadyClaimed(slackPerson(notice.by)) : HAND_OFF_WORDS.alreadyClaimedSomeone;
    case "already-answered":
      return HAND_OFF_WORDS.alreadyAnswered(slackPerson(notice.by));
    case "not-yours":
      return HAND_OFF_WORDS.notYours;
    case "expired":
      return HAND_OFF_WORDS.expired;
    case "failed":
      return HAND_OFF_WORDS.failed;
  }
}

export function handOffNoticeToBlockKit(notice: HandOffNotice): SlackMessage {
  const text = handOffNoticeText(notice);
  return { text, blocks: [section(text)] };
}
