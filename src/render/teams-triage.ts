/**
 * A question handed to the data team, for Teams: the card posted in the triage channel (mentioning the
 * asker, with Claim and Answered buttons; the bot replaces it as it is taken) and the private notices.
 * Pure. The question goes in a TextRun, which Teams never parses; mentions follow teams-people.ts.
 */
import {
  type ActionRef,
  HAND_OFF_WORDS,
  type HandOffNotice,
  type PlatformPerson,
  type TriagePlace,
  type TriagePost,
} from "../core/index.js";
import { cut } from "./cut.js";
import { ADAPTIVE_CARD_SCHEMA_URL, adaptiveCardAttachment } from "./teams.js";
import type { AdaptiveCard, CardElement, MentionEntity, SubmitAction, TeamsCardMessage, TextRun } from "./teams-card.js";
import { ADAPTIVE_CARD_VERSION, MAX_SUMMARY_CHARS, MAX_TEXT_CHARS } from "./teams-limits.js";
import { channelLink, mentionTag } from "./teams-people.js";

const run = (text: string, style: Omit<TextRun, "type" | "text"> = {}): TextRun => ({
  type: "TextRun",
  text: cut(text, MAX_TEXT_CHARS),
  ...style,
});

/** A person as a mention (a TextBlock, which Teams needs for `<at>`), or their name as plain text. */
function personLine(words: (who: string) => string, p: PlatformPerson | undefined, mentions: MentionEntity[]): CardElement {
  if (p?.name)
    return { type: "TextBlock", text: words(mentionTag({ id: p.id, name: p.name }, mentions)), wrap: true, spacing: "small" };
  return { type: "RichTextBlock", inlines: [run(words("someone"))], spacing: "small" };
}

function button(title: string, ref: ActionRef, primary = false): SubmitAction {
  // `replace`: the bot edits this card in place when it is pressed.
  return {
    type: "Action.Submit",
    title,
    data: { whodoes: ref, replace: true },
    ...(primary ? { style: "positive" as const } : {}),
  };
}

function card(body: CardElement[], mentions: MentionEntity[], fallback: string, actions: SubmitAction[] = []): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA_URL,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: cut(fallback, MAX_SUMMARY_CHARS),
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(mentions.length > 0 ? { msteams: { entities: mentions } } : {}),
  };
}

const message = (c: AdaptiveCard, summary: string): TeamsCardMessage => ({
  type: "message",
  summary: cut(summary, MAX_SUMMARY_CHARS),
  attachments: [adaptiveCardAttachment(c)],
});

/** The triage post as it stands: open (Claim, Answered), claimed (Answered), answered (no buttons). */
export function triagePostToTeamsMessage(post: TriagePost): TeamsCardMessage {
  const mentions: MentionEntity[] = [];
  const body: CardElement[] = [
    { type: "RichTextBlock", inlines: [run(HAND_OFF_WORDS.postTitle, { weight: "bolder", size: "medium" })] },
    personLine(HAND_OFF_WORDS.asked, post.asker, mentions),
    { type: "Container", style: "emphasis", items: [{ type: "RichTextBlock", inlines: [run(post.question)] }] },
  ];
  if (post.roleName)
    body.push({
      type: "RichTextBlock",
      inlines: [run(HAND_OFF_WORDS.likelyRole(post.roleName), { isSubtle: true })],
      spacing: "small",
    });
  if (post.state === "answered") body.push(personLine(HAND_OFF_WORDS.answeredBy, post.answeredBy, mentions));
  else if (post.state === "claimed") body.push(personLine(HAND_OFF_WORDS.claimedBy, post.claimedBy, mentions));
  else body.push({ type: "RichTextBlock", inlines: [run(HAND_OFF_WORDS.open, { isSubtle: true })], spacing: "small" });
  const actions: SubmitAction[] = [];
  if (post.state === "open") actions.push(button(HAND_OFF_WORDS.claimButton, { do: "triage", q: post.q, step: "claim" }, true));
  if (post.state !== "answered")
    actions.push(button(HAND_OFF_WORDS.answeredButton, { do: "triage", q: post.q, step: "answered" }));
  const summary = `${HAND_OFF_WORDS.postTitle}: ${post.question}`;
  return message(card(body, mentions, summary, actions), summary);
}

/** A channel by name, linked; "the data team's channel" when the directory gave no name. */
function place(p: TriagePlace): TextRun {
  const name = p.name ?? "the data team's channel";
  return p.name
    ? run(name, { selectAction: { type: "Action.OpenUrl", title: name, url: channelLink({ id: p.id, name }) } })
    : run(name);
}

/** What a person is told privately about a hand-off. */
export function handOffNoticeToTeamsMessage(notice: HandOffNotice): TeamsCardMessage {
  const mentions: MentionEntity[] = [];
  let body: CardElement[];
  // Sentences with a channel in them are split around it, so the channel can be a link.
  const around = (words: (where: string) => string, where: TriagePlace): CardElement => {
    const [before = "", after = ""] = words("\u0000").split("\u0000");
    return { type: "RichTextBlock", inlines: [run(before), place(where), run(after)] };
  };
  switch (notice.kind) {
    case "sent":
      body = [around(HAND_OFF_WORDS.sent, notice.place)];
      break;
    case "claimed":
      body = [
        personLine((who) => HAND_OFF_WORDS.claimed(who, notice.place.name ?? "the data team's channel"), notice.by, mentions),
      ];
      break;
    case "already-sent":
      body = [notice.place ? around(HAND_OFF_WORDS.alreadySentTo, notice.place) : text(HAND_OFF_WORDS.alreadySent)];
      break;
    case "already-claimed":
      body = [
        notice.by ? personLine(HAND_OFF_WORDS.alreadyClaimed, notice.by, mentions) : text(HAND_OFF_WORDS.alreadyClaimedSomeone),
      ];
      break;
    case "already-answered":
      body = [personLine(HAND_OFF_WORDS.alreadyAnswered, notice.by, mentions)];
      break;
    case "not-yours":
      body = [text(HAND_OFF_WORDS.notYours)];
      break;
    case "expired":
      body = [text(HAND_OFF_WORDS.expired)];
      break;
    case "failed":
      body = [text(HAND_OFF_WORDS.failed)];
      break;
  }
  const summary = HAND_OFF_WORDS.postTitle;
  return message(card(body, mentions, summary), summary);
}

function text(words: string): CardElement {
  return { type: "RichTextBlock", inlines: [run(words)] };
}
