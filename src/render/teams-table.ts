/**
 * The comparison table on an Adaptive Card (1.5, which Teams renders): a Table of the roles, the same
 * roles one at a time (a FactSet each) behind a switch for narrow screens, and the picture when the
 * server has a public address. Pure.
 */
import type { RoleTable } from "../core/index.js";
import type { CardElement, FactSet, Image, RichTextBlock, Table, TableCell, TextRun } from "./teams-card.js";
import { MAX_TABLE_COLUMNS, MAX_TEXT_CHARS } from "./teams-limits.js";
import { clip } from "./teams-text.js";
import { EMPTY_CELL } from "./text-table.js";

/** Ids the narrow-screen switch shows and hides. */
export const TABLE_ID = "whodoes-table";
export const BY_ROLE_ID = "whodoes-by-role";
/** The switch's label: on a phone, a table of five columns is hard to read. */
export const TOGGLE_TITLE = "Table or one role at a time";

const run = (text: string, style: Omit<TextRun, "type" | "text"> = {}): TextRun => ({
  type: "TextRun",
  text: clip(text, MAX_TEXT_CHARS),
  ...style,
});
const para = (inlines: TextRun[]): RichTextBlock => ({ type: "RichTextBlock", inlines });

function cell(items: readonly string[], bold = false): TableCell {
  const style = bold ? { weight: "bolder" as const } : {};
  if (items.length === 0) return { type: "TableCell", items: [para([run(EMPTY_CELL, { isSubtle: true })])] };
  const lines = items.length === 1 ? items : items.map((i) => `• ${i}`);
  return { type: "TableCell", items: lines.map((l) => para([run(l, style)])) };
}

/** A cell's items as one line of a fact. */
const factValue = (items: readonly string[]) => (items.length === 0 ? EMPTY_CELL : items.join("; "));

/** The roles one at a time: a heading and a FactSet of its aspects each. */
function byRole(table: RoleTable): CardElement[] {
  return table.columns.slice(0, MAX_TABLE_COLUMNS).flatMap((column, k): CardElement[] => {
    const facts: FactSet = {
      type: "FactSet",
      spacing: "small",
      facts: table.rows.map((r) => ({
        title: clip(r.label, MAX_TEXT_CHARS),
        value: clip(factValue(r.cells[k] ?? []), MAX_TEXT_CHARS),
      })),
    };
    return [
      { type: "Container", spacing: "medium", separator: k > 0, items: [para([run(column.name, { weight: "bolder" })]), facts] },
    ];
  });
}

function tableElement(table: RoleTable): Table {
  const shown = table.columns.slice(0, MAX_TABLE_COLUMNS);
  return {
    type: "Table",
    id: TABLE_ID,
    spacing: "medium",
    // The labels' column narrower than a role's.
    columns: [{ width: 2 }, ...shown.map(() => ({ width: 3 }))],
    firstRowAsHeader: true,
    showGridLines: true,
    gridStyle: "accent",
    verticalCellContentAlignment: "top",
    rows: [
      { type: "TableRow", style: "accent", cells: [cell([table.corner], true), ...shown.map((c) => cell([c.name], true))] },
      ...table.rows.map((r) => ({
        type: "TableRow" as const,
        cells: [cell([r.label], true), ...r.cells.slice(0, shown.length).map((items) => cell(items))],
      })),
    ],
    // A client older than 1.5 shows the card's fallbackText (the text table) instead of the whole card; one
    // that draws 1.5 but not tables drops just this and keeps the switch to the roles one at a time.
    fallback: "drop",
  };
}

/** The card elements for a table block; `pictureUrl` adds the picture under it. */
export function tableElements(table: RoleTable, pictureUrl?: string): CardElement[] {
  const hidden = table.columns.length - MAX_TABLE_COLUMNS;
  const more: CardElement[] =
    hidden > 0
      ? [
          para([
            run(
              `More roles: ${table.columns
                .slice(MAX_TABLE_COLUMNS)
                .map((c) => c.name)
                .join(", ")} (${TOGGLE_TITLE.toLowerCase()})`,
              {
                isSubtle: true,
              },
            ),
          ]),
        ]
      : [];
  const picture: Image[] = pictureUrl
    ? [
        {
          type: "Image",
          url: pictureUrl,
          altText: clip(`${table.title}: ${table.columns.map((c) => c.name).join(", ")}`, MAX_TEXT_CHARS),
          size: "stretch",
          spacing: "medium",
          selectAction: { type: "Action.OpenUrl", title: table.title, url: pictureUrl },
        },
      ]
    : [];
  return [
    tableElement(table),
    ...more,
    { type: "Container", id: BY_ROLE_ID, isVisible: false, items: byRole(table) },
    {
      type: "ActionSet",
      spacing: "small",
      actions: [{ type: "Action.ToggleVisibility", title: TOGGLE_TITLE, targetElements: [TABLE_ID, BY_ROLE_ID] }],
    },
    ...picture,
  ];
}
