/**
 * Slack's Block Kit limits, named, so the renderer can stay inside them. Slack rejects a whole message
 * (`invalid_blocks`) when one field is a character too long, so every limit is enforced, not hoped for.
 * Source: Slack's Block Kit reference (blocks, block elements, composition objects).
 */
import { cut } from "./cut.js";

export const SLACK_LIMITS = {
  /** Blocks in one message (chat.postMessage, response_url). */
  blocksPerMessage: 50,
  /** Blocks in a Home tab view. */
  blocksPerView: 100,
  /** A header block's plain_text. */
  headerText: 150,
  /** A section block's text. */
  sectionText: 3000,
  /** One field of a section block. */
  fieldText: 2000,
  /** Fields in one section block. */
  fieldsPerSection: 10,
  /** One element of a context block. */
  contextText: 2000,
  /** A button's label. */
  buttonText: 75,
  /** A button's value, which carries the ActionRef JSON. */
  buttonValue: 2000,
  /** A button's accessibility_label. */
  buttonAccessibilityLabel: 75,
  /** Elements in one actions block. */
  elementsPerActions: 25,
  /**
   * Slack documents no single total, but messages whose blocks carry much more than ~12,000 characters
   * are cut off or refused ("msg_too_long"), so the renderer keeps the sum of visible text under this.
   */
  messageTextBudget: 12_000,
  /** Cells in one row of a table block (the row labels count as one). */
  tableCellsPerRow: 20,
  /** Rows in a table block (the header row counts as one). Slack allows one table block per message. */
  tableRows: 100,
  /**
   * All the text of one table: Slack documents 10,000 characters for its data table; we keep the plain
   * table to the same so a long organisation's knowledge falls back to sections rather than being refused.
   */
  tableText: 10_000,
  /** One table cell: no documented limit; our cap so one long cell cannot take the whole table's share. */
  tableCellText: 500,
  /** An image block's alt_text. */
  imageAltText: 2000,
  /** An image block's image_url. */
  imageUrl: 3000,
  /** Our cap for the top-level fallback `text` (notifications show far less; Slack truncates at 40,000). */
  fallbackText: 3000,
} as const;

const ELLIPSIS = "…";

/**
 * Shorten `text` to at most `max` UTF-16 units (what Slack counts, conservatively), ending with "…".
 * Never leaves half a surrogate pair or half an HTML entity (`&am`) that Slack would show raw.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return cut(text, max - ELLIPSIS.length).replace(/&[a-z]{0,3}$/, "") + ELLIPSIS;
}
