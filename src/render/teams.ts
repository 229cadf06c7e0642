/**
 * Answer → Microsoft Teams Adaptive Card. Pure functions: no SDK, no I/O.
 *
 * Every piece of text goes into a RichTextBlock's TextRun, which Adaptive Cards never parse as Markdown,
 * so knowledge text and echoed questions need no escaping and `strong` spans become bold runs. The one
 * exception is the line of @mentions in a people block (teams-people.ts), which Teams needs as a TextBlock.
 */
import type { Action, ActionRef, Answer, Block, RichText, RoleCard } from "../core/index.js";
import type {
  AdaptiveCard,
  AdaptiveCardAttachment,
  CardElement,
  MentionEntity,
  MessagingExtensionResultAttachment,
  RichTextBlock,
  SubmitAction,
  TeamsCardMessage,
  TextRun,
} from "./teams-card.js";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_VERSION,
  MAX_BUTTON_TITLE_CHARS,
  MAX_CARD_ACTIONS,
  MAX_CARD_BYTES,
  MAX_EVIDENCE_PER_ROLE,
  MAX_FALLBACK_CHARS,
  MAX_LIST_ITEMS,
  MAX_SUMMARY_CHARS,
  MAX_TEXT_CHARS,
  TABLE_CARD_VERSION,
  THUMBNAIL_CARD_CONTENT_TYPE,
} from "./teams-limits.js";
import { peopleElements } from "./teams-people.js";
import { tableElements } from "./teams-table.js";
import { clip } from "./teams-text.js";
import { answerSummary, answerToText, plainText } from "./text.js";

export const ADAPTIVE_CARD_SCHEMA_URL = "http://adaptivecards.io/schemas/adaptive-card.json";

/** Note put at the end of a card that had to be cut to fit Teams' size limit. */
export const SHORTENED_NOTE = "This answer was shortened to fit in Teams. Ask a narrower question for the rest.";

export type {
  ActionSet,
  AdaptiveCard,
  AdaptiveCardAttachment,
  CardElement,
  Container,
  MentionEntity,
  MessagingExtensionResultAttachment,
  OpenUrlAction,
  RichTextBlock,
  SubmitAction,
  SubmitData,
  TeamsCardMessage,
  TextBlock,
  TextRun,
} from "./teams-card.js";

function run(text: string, style: Omit<TextRun, "type" | "text"> = {}): TextRun {
  return { type: "TextRun", text: clip(text, MAX_TEXT_CHARS), ...style };
}

function runs(text: RichText, style: Omit<TextRun, "type" | "text"> = {}): TextRun[] {
  return text.filter((s) => s.text !== "").map((s) => run(s.text, s.strong ? { ...style, weight: "bolder" } : style));
}

function paragraph(inlines: TextRun[], spacing?: RichTextBlock["spacing"]): RichTextBlock[] {
  // An empty RichTextBlock is invalid in some clients; leave it out.
  if (inlines.length === 0) return [];
  return [{ type: "RichTextBlock", inlines, ...(spacing ? { spacing } : {}) }];
}

/**
 * Whether a button on this answer's card moves through the onboarding tour (role choice, Back, Next, a quiz
 * answer, Next question, Done). Those clicks replace the card, so a tour reads as one card that changes instead
 * of a trail of six; every other button (feedback, "List the roles", "Start onboarding" under an answer) adds
 * a new card and leaves the one clicked as it was.
 */
export function replacesCard(answer: Pick<Answer, "intent">, action: ActionRef): boolean {
  return answer.intent === "onboarding" && (action.do === "onboard" || action.do === "quiz");
}

function submit(action: Action, replace = false): SubmitAction {
  const style = action.style === "primary" ? "positive" : action.style === "danger" ? "destructive" : undefined;
  return {
    type: "Action.Submit",
    title: clip(action.label, MAX_BUTTON_TITLE_CHARS),
    data: { whodoes: action.action, ...(replace ? { replace: true as const } : {}) },
    ...(style ? { style } : {}),
  };
}

function roleElements(role: RoleCard): CardElement[] {
  const items: CardElement[] = [
    ...paragraph([run(role.name, { weight: "bolder", size: "medium" })]),
    ...paragraph([run(role.character, { italic: true, isSubtle: true })], "small"),
  ];
  if (role.how) items.push(...paragraph(runs(role.how), "small"));
  // Evidence that says the same as `how` would print one sentence twice.
  const evidence = role.evidence.filter((ev) => !role.how || plainText(ev.statement) !== plainText(role.how));
  // A bullet, as on Slack and the web: "Matched:" read as the search's workings, and a card from the message
  // extension is sent to people who never searched.
  for (const ev of evidence.slice(0, MAX_EVIDENCE_PER_ROLE)) {
    items.push(...paragraph([run("• ", { isSubtle: true }), ...runs(ev.statement)], "small"));
  }
  return [{ type: "Container", style: "emphasis", spacing: "medium", items }];
}

export interface CardOptions {
  /**
   * The public address of the comparison's picture (PUBLIC_URL + /compare.png): a table answer shows it
   * under the table. Without it, the table alone.
   */
  pictureUrl?: string;
  /**
   * Use Teams' own feedback control (the message's 👍/👎, channelData.feedbackLoopEnabled) instead of
   * feedback buttons on the card: the adapter then answers Teams' `message/submitAction` invoke.
   */
  nativeFeedback?: boolean;
}

function blockElements(
  block: Block,
  mentions: MentionEntity[],
  button: (action: Action) => SubmitAction,
  options: CardOptions,
): CardElement[] {
  switch (block.type) {
    case "text":
      return paragraph(runs(block.text));
    case "heading":
      return paragraph([run(block.text, { weight: "bolder" })], "medium");
    case "list": {
      const shown = block.items.slice(0, MAX_LIST_ITEMS);
      const items = shown.flatMap((item, i) => paragraph([run(block.ordered ? `${i + 1}. ` : "• "), ...runs(item)], "small"));
      const more = block.items.length - shown.length;
      if (more > 0) items.push(...paragraph([run(`… and ${more} more`, { isSubtle: true })], "small"));
      return items.length > 0 ? [{ type: "Container", items }] : [];
    }
    case "fields": {
      const items = block.fields.flatMap((f) =>
        paragraph([run(`${f.label}: `, { weight: "bolder" }), ...runs(f.value)], "small"),
      );
      return items.length > 0 ? [{ type: "Container", items }] : [];
    }
    case "role":
      return roleElements(block.role);
    case "progress":
      return paragraph([run(`Step ${block.step} of ${block.total}`, { isSubtle: true })], "small");
    case "choices": {
      // One button per row: Teams stretches a row's buttons to share the card's width, so four role names
      // side by side would be cut to "Data wareho…", and a quiz answer must be readable in full. Every choice is
      // shown (the card's size budget bounds them): a role left out of "Which role are you starting in?" had no tour.
      const rows: CardElement[] = block.choices.map((choice) => ({
        type: "ActionSet",
        spacing: "small",
        actions: [button(choice)],
      }));
      return [...paragraph([run(block.prompt, { weight: "bolder" })], "medium"), ...rows];
    }
    case "people":
      return peopleElements(block, mentions);
    case "table":
      return tableElements(block.table, options.pictureUrl);
  }
}

export function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

/**
 * Keep the card under MAX_CARD_BYTES: drop body elements from the end (the title stays) and say so.
 * Knowledge-sized answers never get here; it guards an unusual organisation directory or a long echoed question.
 */
function fitToBudget(card: AdaptiveCard): AdaptiveCard {
  if (byteLength(card) <= MAX_CARD_BYTES) return card;
  const note = paragraph([run(SHORTENED_NOTE, { isSubtle: true, italic: true })], "medium");
  const body = [...card.body];
  while (body.length > 1 && byteLength({ ...card, body: [...body, ...note] }) > MAX_CARD_BYTES) body.pop();
  const shortened: AdaptiveCard = { ...card, body: [...body, ...note] };
  // Keep only the mentions whose text is still on the card.
  if (card.msteams?.entities) {
    const onCard = JSON.stringify(shortened.body);
    const entities = card.msteams.entities.filter((m) => onCard.includes(JSON.stringify(m.text).slice(1, -1)));
    const { entities: _, ...rest } = card.msteams;
    if (entities.length > 0) shortened.msteams = { ...rest, entities };
    else if (Object.keys(rest).length > 0) shortened.msteams = rest;
    else delete shortened.msteams;
  }
  // Still too big only if the actions themselves are: keep the card usable without them.
  if (byteLength(shortened) > MAX_CARD_BYTES) delete shortened.actions;
  return shortened;
}

/** The Adaptive Card for an answer: title, the answer's blocks in order, and its actions as buttons. */
export function answerToAdaptiveCard(answer: Answer, options: CardOptions = {}): AdaptiveCard {
  const mentions: MentionEntity[] = [];
  const button = (action: Action) => submit(action, replacesCard(answer, action.action));
  const actions = answer.actions.slice(0, MAX_CARD_ACTIONS).map(button);
  // Teams drops actions past the bar's six without a word: an organisation's twelve roles lost "Compare all roles"
  // and half the "What does … do?" buttons. The rest go on rows of their own at the end of the card.
  const overflow: CardElement[] = [];
  for (let i = MAX_CARD_ACTIONS; i < answer.actions.length; i += MAX_CARD_ACTIONS) {
    overflow.push({ type: "ActionSet", actions: answer.actions.slice(i, i + MAX_CARD_ACTIONS).map(button) });
  }
  const body: CardElement[] = [
    ...paragraph([run(answer.title, { weight: "bolder", size: "medium" })]),
    ...answer.blocks.flatMap((block) => blockElements(block, mentions, button, options)),
    ...overflow,
  ];
  // Only a card with a table needs 1.5; the rest keep the lowest version that draws them (older clients).
  const table = answer.blocks.some((b) => b.type === "table");
  const msteams = { ...(mentions.length > 0 ? { entities: mentions } : {}), ...(table ? { width: "Full" as const } : {}) };
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA_URL,
    version: table ? TABLE_CARD_VERSION : ADAPTIVE_CARD_VERSION,
    fallbackText: clip(answerToText(answer), MAX_FALLBACK_CHARS),
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(Object.keys(msteams).length > 0 ? { msteams } : {}),
  };
  return fitToBudget(card);
}

/** A role on its own, as inserted into a conversation from the search message extension (no buttons: the bot may not be in that chat). */
export function roleToAdaptiveCard(role: RoleCard): AdaptiveCard {
  return fitToBudget({
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA_URL,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: clip(`${role.name}: ${role.character}`, MAX_SUMMARY_CHARS),
    body: roleElements(role),
  });
}

/** The one line that stands for the answer in notifications and chat-list previews. */
export function answerSummaryText(answer: Answer): string {
  return clip(answerSummary(answer).trim(), MAX_SUMMARY_CHARS);
}

export function adaptiveCardAttachment(card: AdaptiveCard): AdaptiveCardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** Whether an answer asks for a 👍/👎. */
export const asksForFeedback = (answer: Answer) => answer.actions.some((a) => a.action.do === "feedback");

/** The whole reply for an answer: the card plus its text fallback. */
export function answerToTeamsMessage(answer: Answer, options: CardOptions = {}): TeamsCardMessage {
  const native = options.nativeFeedback === true && asksForFeedback(answer);
  const shown = native ? { ...answer, actions: answer.actions.filter((a) => a.action.do !== "feedback") } : answer;
  // No `text`: Teams shows an activity's text above its card, which would repeat the answer.
  return {
    type: "message",
    summary: answerSummaryText(answer),
    attachments: [adaptiveCardAttachment(answerToAdaptiveCard(shown, options))],
    ...(native ? { channelData: { feedbackLoopEnabled: true as const } } : {}),
  };
}

/** Thumbnail preview text is read as HTML by Teams; escape the three characters that would start markup. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A search result for the message extension: the role's card, previewed in the list by a thumbnail card. */
export function roleToSearchResult(role: RoleCard): MessagingExtensionResultAttachment {
  const first = role.evidence[0];
  const detail = role.how ? plainText(role.how) : first ? plainText(first.statement) : undefined;
  return {
    ...adaptiveCardAttachment(roleToAdaptiveCard(role)),
    preview: {
      contentType: THUMBNAIL_CARD_CONTENT_TYPE,
      content: {
        title: escapeHtml(clip(role.name, MAX_BUTTON_TITLE_CHARS)),
        subtitle: escapeHtml(clip(role.character, MAX_SUMMARY_CHARS)),
        ...(detail ? { text: escapeHtml(clip(detail, MAX_SUMMARY_CHARS)) } : {}),
      },
    },
  };
}
