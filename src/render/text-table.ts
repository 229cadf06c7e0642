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

/** Punctuation that ends a word ("architecture.", "availability,"): it never starts a line of its own. */
const TRAILING = /[.,;:!?)\]}'"’”…]+$/u;
/** After a word's own hyphen ("disaster-" / "recovery"): where a word too long for a line breaks first. */
const AFTER_HYPHEN = /(?<=[\p{L}\p{N}]-)(?=[\p{L}\p{N}])/u;
/** A cut word leaves at least this much of itself for the next line, as typesetters do ("orchestrat-" / "ion"). */
const MIN_TAIL = 3;

/**
 * Words wrapped to `width` code points. A word's trailing punctuation may stand `hang` characters past
 * the width (into the gap after a column) rather than start a line alone. A word longer than a line
 * breaks after its own hyphens, else is cut with a hyphen.
 */
export function wrap(text: string, width: number, hang = 0): string[] {
  const fits = (s: string) => {
    const n = chars(s).length;
    const core = chars(s.replace(TRAILING, "")).length;
    return n <= width || (core <= width && n - core <= hang);
  };
  const lines: string[] = [];
  let line = "";
  const place = (piece: string, sep: string) => {
    const next = line ? `${line}${sep}${piece}` : piece;
    if (fits(next)) line = next;
    else {
      if (line) lines.push(line);
      line = piece;
    }
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = fits(word) ? [word] : word.split(AFTER_HYPHEN);
    parts.forEach((part, i) => {
      let w = part;
      while (!fits(w)) {
        if (line) lines.push(line);
        line = "";
        const [head, tail] = cut(w, width);
        lines.push(head);
        w = tail;
      }
      place(w, i === 0 ? " " : "");
    });
  }
  if (line) lines.push(line);
  return lines;
}

/** A word too long for `width` as a line's worth ending in a hyphen and the rest (never its punctuation alone). */
function cut(word: string, width: number): [string, string] {
  const cs = chars(word);
  const letters = chars(word.replace(TRAILING, "")).length;
  let k = Math.min(width - 1, letters - MIN_TAIL);
  // A narrow column: one letter at the least goes on with the punctuation.
  if (k < 2) k = Math.min(width - 1, letters - 1);
  // Too narrow for a hyphen: a plain cut, as wide as the line.
  if (k < 1) {
    const at = Math.max(1, width);
    return [cs.slice(0, at).join(""), cs.slice(at).join("")];
  }
  return [`${cs.slice(0, k).join("")}-`, cs.slice(k).join("")];
}

/** A cell's lines: one item as it is, several as a list with hanging indents. */
function cellLines(items: readonly string[], width: number, hang: number): string[] {
  if (items.length === 0) return [EMPTY_CELL];
  if (items.length === 1) return wrap(items[0] ?? "", width, hang);
  return items.flatMap((item) => wrap(item, width - 2, hang).map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)));
}

const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - chars(s).length));

/** Each cell at its column's start, so a cell's hanging punctuation takes from the gap, not the next column. */
function row(cells: string[][], widths: number[]): string[] {
  const height = Math.max(...cells.map((c) => c.length));
  const out: string[] = [];
  for (let i = 0; i < height; i++) {
    let line = "";
    let start = 0;
    cells.forEach((c, k) => {
      line = pad(line, start) + (c[i] ?? "");
      start += (widths[k] ?? 0) + GAP.length;
    });
    out.push(line.trimEnd());
  }
  return out;
}

/** How far a cell's trailing punctuation may stand into the gap after it: a space still parts the columns. */
const HANG = GAP.length - 1;

/** The table's lines, none longer than `width`. */
export function tableToText(table: RoleTable, width = TEXT_TABLE_WIDTH): string[] {
  const labelWidth = Math.min(MAX_LABEL, Math.max(chars(table.corner).length, ...table.rows.map((r) => chars(r.label).length)));
  const perTable = Math.max(1, Math.floor((width - labelWidth) / (MIN_COLUMN + GAP.length)));
  const out: string[] = [];
  for (let start = 0; start < table.columns.length; start += perTable) {
    const columns = table.columns.slice(start, start + perTable);
    const colWidth = Math.floor((width - labelWidth - GAP.length * columns.length) / columns.length);
    const widths = [labelWidth, ...columns.map(() => colWidth)];
    // The last column has no gap after it to hang into.
    const hang = (k: number) => (k < columns.length - 1 ? HANG : 0);
    if (out.length > 0) out.push("");
    out.push(...row([wrap(table.corner, labelWidth, HANG), ...columns.map((c, k) => wrap(c.name, colWidth, hang(k)))], widths));
    out.push(widths.map((w) => "-".repeat(w)).join(GAP));
    table.rows.forEach((r, i) => {
      if (i > 0) out.push("");
      const cells = r.cells.slice(start, start + perTable).map((items, k) => cellLines(items, colWidth, hang(k)));
      out.push(...row([wrap(r.label, labelWidth, HANG), ...cells], widths));
    });
  }
  return out;
}
