/**
 * The shapes of the Adaptive Card JSON whodoes sends to Teams: the subset of Adaptive Cards 1.2 and 1.5 (plus
 * Teams' mention entities and message-extension previews) that teams.ts builds. Types only.
 */
import type { ActionRef } from "../core/index.js";
import type { ADAPTIVE_CARD_CONTENT_TYPE, THUMBNAIL_CARD_CONTENT_TYPE } from "./teams-limits.js";

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  /** Read by screen readers; the Adaptive Cards SDK warns about actions without one. */
  title: string;
  url: string;
}

export interface TextRun {
  type: "TextRun";
  text: string;
  weight?: "bolder";
  size?: "medium" | "large";
  italic?: boolean;
  isSubtle?: boolean;
  selectAction?: OpenUrlAction;
}

/** Markdown text: used only for a line of `<at>…</at>` mentions, which Teams resolves in TextBlocks. */
export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap: true;
  spacing?: "small" | "medium";
}

/** A Teams @mention: `text` appears verbatim in a TextBlock; `mentioned.id` is a Teams or Entra user id. */
export interface MentionEntity {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

export interface RichTextBlock {
  type: "RichTextBlock";
  inlines: TextRun[];
  spacing?: "small" | "medium";
}

export interface Container {
  type: "Container";
  items: CardElement[];
  style?: "emphasis";
  spacing?: "small" | "medium";
  separator?: boolean;
  id?: string;
  isVisible?: boolean;
}

/** Adaptive Cards 1.5: a table (the comparison of all roles). */
export interface TableCell {
  type: "TableCell";
  items: CardElement[];
}
export interface TableRow {
  type: "TableRow";
  cells: TableCell[];
  style?: "accent" | "emphasis";
}
export interface Table {
  type: "Table";
  id?: string;
  columns: { width: number }[];
  rows: TableRow[];
  firstRowAsHeader: true;
  showGridLines: true;
  gridStyle?: "accent";
  verticalCellContentAlignment?: "top";
  spacing?: "medium";
  /** What a client without tables does with it ("drop": the card's own switch and fallbackText remain). */
  fallback?: "drop";
}
export interface FactSet {
  type: "FactSet";
  facts: { title: string; value: string }[];
  spacing?: "small";
}
export interface Image {
  type: "Image";
  url: string;
  altText: string;
  size: "stretch";
  spacing?: "medium";
  selectAction?: OpenUrlAction;
}

/** Shows and hides elements by id: the narrow-screen switch between the table and one role at a time. */
export interface ToggleVisibilityAction {
  type: "Action.ToggleVisibility";
  title: string;
  targetElements: string[];
}

/**
 * The payload of every button: the core's ActionRef under one key, so any message value we did not make is ignored.
 * `replace` asks the adapter to show the result in place of the card that was clicked (tour navigation).
 */
export interface SubmitData {
  whodoes: ActionRef;
  replace?: true;
}

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: SubmitData;
  style?: "positive" | "destructive";
}

export interface ActionSet {
  type: "ActionSet";
  actions: (SubmitAction | ToggleVisibilityAction)[];
  spacing?: "small" | "medium";
}

export type CardElement = RichTextBlock | TextBlock | Container | ActionSet | Table | FactSet | Image;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  /** Shown by clients that cannot render the card. */
  fallbackText: string;
  body: CardElement[];
  actions?: SubmitAction[];
  /** Teams' extension: the entities behind the card's @mentions; "Full" width for a wide table. */
  msteams?: { entities?: MentionEntity[]; width?: "Full" };
}

export interface AdaptiveCardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

/** A Teams message carrying one card: `summary` is the notification and no-card fallback text. */
export interface TeamsCardMessage {
  type: "message";
  summary: string;
  attachments: AdaptiveCardAttachment[];
  /** Teams' own 👍/👎 under the message (its feedback loop), instead of feedback buttons on the card. */
  channelData?: { feedbackLoopEnabled: true };
}

/** One entry of a search message extension's result list: the card inserted, and its preview in the list. */
export interface MessagingExtensionResultAttachment extends AdaptiveCardAttachment {
  preview: {
    contentType: typeof THUMBNAIL_CARD_CONTENT_TYPE;
    content: { title: string; subtitle?: string; text?: string };
  };
}
