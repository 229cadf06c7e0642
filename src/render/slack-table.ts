/**
 * The comparison table in Block Kit: a `table` block when it fits Slack's limits for one (a row of at
 * most 20 cells, at most 100 rows), otherwise one section of fields per role. Pure.
 */
import type { RoleTable } from "../core/index.js";
import { SLACK_LIMITS, truncate } from "./slack-limits.js";
import { textToMrkdwn } from "./slack-text.js";
import { EMPTY_CELL } from "./text-table.js";

/** A cell of a table block: rich text, so headings can be bold. Its text is shown as typed (no mrkdwn). */
export interface RichTextCell {
  type: "rich_text";
  elements: { type: "rich_text_section"; elements: { type: "text"; text: string; style?: { bold: true } }[] }[];
}
export interface TableBlock {
  type: "table";
  rows: RichTextCell[][];
  column_settings: { is_wrapped: true }[];
}
export interface SectionFields {
  type: "section";
  text: { type: "mrkdwn"; text: string; verbatim: true };
  fields: { type: "mrkdwn"; text: string; verbatim: true }[];
}
export interface ImageBlock {
  type: "image";
  image_url: string;
  alt_text: string;
}

/** A cell's items as one text: a bulleted list when there are several. Slack wants at least one character. */
function cellText(items: readonly string[]): string {
  if (items.length === 0) return EMPTY_CELL;
  return items.length === 1 ? (items[0] ?? EMPTY_CELL) : items.map((i) => `• ${i}`).join("\n");
}

function richCell(text: string, bold = false): RichTextCell {
  const t = truncate(text, SLACK_LIMITS.tableCellText) || EMPTY_CELL;
  return {
    type: "rich_text",
    elements: [{ type: "rich_text_section", elements: [{ type: "text", text: t, ...(bold ? { style: { bold: true } } : {}) }] }],
  };
}

/** Every character a table block shows, for the message-wide budget. */
function tableChars(table: RoleTable): number {
  const cells = [
    table.corner,
    ...table.columns.map((c) => c.name),
    ...table.rows.flatMap((r) => [r.label, ...r.cells.map(cellText)]),
  ];
  return cells.reduce((n, c) => n + c.length, 0);
}

/** Whether Slack's table block can hold this table. */
export function fitsTableBlock(table: RoleTable): boolean {
  return (
    table.columns.length + 1 <= SLACK_LIMITS.tableCellsPerRow &&
    table.rows.length + 1 <= SLACK_LIMITS.tableRows &&
    tableChars(table) <= SLACK_LIMITS.tableText
  );
}

export function tableBlock(table: RoleTable): TableBlock {
  const header = [richCell(table.corner, true), ...table.columns.map((c) => richCell(c.name, true))];
  const rows = table.rows.map((r) => [richCell(r.label, true), ...r.cells.map((items) => richCell(cellText(items)))]);
  return {
    type: "table",
    rows: [header, ...rows],
    column_settings: [table.corner, ...table.columns].map(() => ({ is_wrapped: true as const })),
  };
}

/** One section per role, its aspects as fields: for tables too wide for a table block. */
export function tableAsSections(table: RoleTable): SectionFields[] {
  const rows = table.rows.slice(0, SLACK_LIMITS.fieldsPerSection);
  return table.columns.map((column, k) => ({
    type: "section",
    text: { type: "mrkdwn", text: truncate(`*${textToMrkdwn(column.name)}*`, SLACK_LIMITS.sectionText), verbatim: true },
    fields: rows.map((r) => ({
      type: "mrkdwn",
      text: truncate(`*${textToMrkdwn(r.label)}*\n${textToMrkdwn(cellText(r.cells[k] ?? []))}`, SLACK_LIMITS.fieldText),
      verbatim: true,
    })),
  }));
}

/** The picture of the table, when the server has a public address Slack can fetch it from. */
export function tableImage(table: RoleTable, url: string): ImageBlock {
  const alt = `${table.title}: ${table.columns.map((c) => c.name).join(", ")}`;
  return { type: "image", image_url: url, alt_text: truncate(alt, SLACK_LIMITS.imageAltText) };
}
