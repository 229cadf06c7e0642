/**
 * Buttons in Block Kit: an ActionRef as a button's value, rows of buttons, and Slack's own 👍/👎 control.
 * Pure; used by slack.ts and slack-triage.ts.
 */
import { type Action, type ActionRef, MAX_QUESTION_CHARS } from "../core/index.js";
import { cut } from "./cut.js";
import { SLACK_LIMITS, truncate } from "./slack-limits.js";
import { escapeSlackText } from "./slack-text.js";

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
  /** true: Slack does not auto-link URLs, channel names or bare "@here" in this text. */
  verbatim?: boolean;
}
export interface ButtonElement {
  type: "button";
  action_id: string;
  text: PlainText;
  value: string;
  style?: "primary" | "danger";
  accessibility_label?: string;
}
/** One side of Slack's feedback_buttons element. */
export interface FeedbackButton {
  text: PlainText;
  value: string;
  accessibility_label?: string;
}
/** Slack's own 👍/👎 control (@slack/types' FeedbackButtons), shown in a context_actions block. */
export interface FeedbackButtonsElement {
  type: "feedback_buttons";
  action_id: string;
  positive_button: FeedbackButton;
  negative_button: FeedbackButton;
}
export interface ActionsBlock {
  type: "actions";
  elements: ButtonElement[];
  block_id?: string;
}
export interface ContextActionsBlock {
  type: "context_actions";
  elements: FeedbackButtonsElement[];
}

/** Buttons that carry an ActionRef; the adapter listens for this prefix. */
export const ACTION_ID_PREFIX = "whodoes-act-";

/** Gives every button in one message its own action_id (Slack wants them unique). */
export type NextId = () => string;

export const plain = (text: string, max: number): PlainText => ({
  type: "plain_text",
  text: truncate(escapeSlackText(text), max),
  emoji: true,
});

/**
 * An ActionRef as a button value, or undefined when it cannot fit. An `ask` over the question limit is
 * shortened rather than dropped.
 */
export function encodeActionValue(ref: ActionRef): string | undefined {
  const fitted =
    ref.do === "ask" && ref.text.length > MAX_QUESTION_CHARS ? { ...ref, text: cut(ref.text, MAX_QUESTION_CHARS) } : ref;
  const json = JSON.stringify(fitted);
  return json.length <= SLACK_LIMITS.buttonValue ? json : undefined;
}

export function button(
  actionId: string,
  label: string,
  ref: ActionRef,
  style?: Action["style"],
  a11y?: string,
): ButtonElement | undefined {
  const value = encodeActionValue(ref);
  if (value === undefined) return undefined;
  return {
    type: "button",
    action_id: actionId,
    text: plain(label, SLACK_LIMITS.buttonText),
    value,
    ...(style ? { style } : {}),
    ...(a11y ? { accessibility_label: truncate(escapeSlackText(a11y), SLACK_LIMITS.buttonAccessibilityLabel) } : {}),
  };
}

/**
 * A 👍 and a 👎 as Slack's own feedback control (a feedback_buttons element in a context_actions block),
 * which Slack draws small and quiet under the answer; undefined unless the answer has both votes.
 */
export function feedbackBlock(actions: readonly Action[], nextId: NextId): ContextActionsBlock | undefined {
  const up = actions.find((a) => a.action.do === "feedback" && a.action.vote === "up");
  const down = actions.find((a) => a.action.do === "feedback" && a.action.vote === "down");
  const side = (a: Action | undefined, a11y: string): FeedbackButton | undefined => {
    const value = a && encodeActionValue(a.action);
    return a && value !== undefined
      ? { text: plain(a.label, SLACK_LIMITS.buttonText), value, accessibility_label: a11y }
      : undefined;
  };
  const positive = side(up, "This answer was helpful");
  const negative = side(down, "This answer was not helpful");
  if (!positive || !negative) return undefined;
  return {
    type: "context_actions",
    elements: [{ type: "feedback_buttons", action_id: nextId(), positive_button: positive, negative_button: negative }],
  };
}

/** Buttons in rows of as many as Slack allows. */
export function actionsBlocks(buttons: ButtonElement[]): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.elementsPerActions) {
    blocks.push({ type: "actions", elements: buttons.slice(i, i + SLACK_LIMITS.elementsPerActions) });
  }
  return blocks;
}
