/**
 * The comparison table as aligned plain text for a terminal: cells wrapped to fit the width, and when
 * the roles do not fit side by side, several tables one under another (the roles asked about first).
 */
import type { RoleTable } from "../core/index.js";

/** A terminal's width, which every line fits. */
export const TEXT_TABLE_WIDTH = 80;
/** Below this a column is too narrow to read: the next roles go in a table of their own. */
const MIN_COLUMN = 14;
/** The column of row labels: as wide as its longest label, up to this. */
const MAX_LABEL = 16;
const GAP = "  ";
/** What an empty cell shows. */
export const EMPTY_CELL = "–";

const chars = (s: string) => [...s];

/** Words wrapped to `width` code points; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (chars(w).length > width) {
      if (line) lines.push(line);
      line = "";
      lines.push(chars(w).slice(0, width).join(""));
      w = chars(w).slice(width).join("");
    }
    if (!w) continue;
    const next = line ? `${line} ${w}` : w;
    if (chars(next).length <= width) line = next;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A cell's lines: one item as it is, several as a list with hanging indents. */
function cellLines(items: readonly string[], width: number): string[] {
  if (items.length === 0) return [EMPTY_CELL];
  if (items.length === 1) return wrap(items[0] ?? "", width);
  return items.flatMap((item) => wrap(item, width - 2).map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)));
}

const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - chars(s).length));

function row(cells: string[][], widths: number[]): string[] {
  const height = Math.max(...cells.map((c) => c.length));
  const out: string[] = [];
  for (let i = 0; i < height; i++)
    out.push(
      cells
        .map((c, k) => pad(c[i] ?? "", widths[k] ?? 0))
        .join(GAP)
        .trimEnd(),
    );
  return out;
}

/** The table's lines, none longer than `width`. */
export function tableToText(table: RoleTable, width = TEXT_TABLE_WIDTH): string[] {
  const labelWidth = Math.min(MAX_LABEL, Math.max(chars(table.corner).length, ...table.rows.map((r) => chars(r.label).length)));
  const perTable = Math.max(1, Math.floor((width - labelWidth) / (MIN_COLUMN + GAP.length)));
  const out: string[] = [];
  for (let start = 0; start < table.columns.length; start += perTable) {
    const columns = table.columns.slice(start, start + perTable);
    const colWidth = Math.floor((width - labelWidth - GAP.length * columns.length) / columns.length);
    const widths = [labelWidth, ...columns.map(() => colWidth)];
    if (out.length > 0) out.push("");
    out.push(...row([wrap(table.corner, labelWidth), ...columns.map((c) => wrap(c.name, colWidth))], widths));
    out.push(widths.map((w) => "-".repeat(w)).join(GAP));
    table.rows.forEach((r, i) => {
      if (i > 0) out.push("");
      const cells = r.cells.slice(start, start + perTable).map((items) => cellLines(items, colWidth));
      out.push(...row([wrap(r.label, labelWidth), ...cells], widths));
    });
  }
  return out;
}
