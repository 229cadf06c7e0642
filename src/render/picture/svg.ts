/**
 * The comparison table as an SVG picture: the same rows and columns as every other surface, laid out
 * with the bundled font's own glyph widths so lines wrap where they will be drawn. The text stays text
 * (<text>), so the SVG is searchable and its words can be checked. Deterministic: the same table gives
 * the same bytes on every machine.
 */
import type { RoleTable } from "../../core/index.js";
import { EMPTY_CELL } from "../text-table.js";
import { FONT_FAMILY, type Fonts } from "./fonts.js";

/** Role columns drawn; the rest (the roles asked about come first) are named under the table. */
export const MAX_PICTURE_COLUMNS = 8;

const L = {
  margin: 32,
  titleSize: 26,
  titleGap: 20,
  labelWidth: 190,
  columnWidth: 250,
  padX: 12,
  padY: 10,
  size: 15,
  lineHeight: 21,
  headerSize: 16,
  bullet: 14,
  footSize: 14,
} as const;

const COLOURS = {
  background: "#ffffff",
  text: "#1d2330",
  muted: "#5b6475",
  grid: "#dfe3ea",
  header: "#2f5bd3",
  headerText: "#ffffff",
  label: "#eef2fb",
  zebra: "#f7f8fb",
} as const;

const XML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const xml = (s: string) => s.replace(/[&<>"']/g, (c) => XML[c] ?? c);
const n = (v: number) => String(Math.round(v * 100) / 100);

type Measure = (text: string) => number;

/** Words wrapped to `width` pixels as the font draws them; a word wider than a line is cut. */
function wrap(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Line {
  text: string;
  /** Indent from the cell's left padding (a list item's continuation lines). */
  indent: number;
  bold: boolean;
}

function cellLines(items: readonly string[], width: number, bold: boolean, measure: Measure): Line[] {
  if (items.length === 0) return [{ text: EMPTY_CELL, indent: 0, bold }];
  if (items.length === 1) return wrap(items[0] ?? "", width, measure).map((text) => ({ text, indent: 0, bold }));
  return items.flatMap((item) =>
    wrap(item, width - L.bullet, measure).map((text, i) => ({
      text: i === 0 ? `• ${text}` : text,
      indent: i === 0 ? 0 : L.bullet,
      bold,
    })),
  );
}

function textLines(lines: Line[], x: number, top: number, size: number, fill: string): string {
  return lines
    .map((l, i) => {
      const y = top + L.padY + size + i * L.lineHeight;
      const weight = l.bold ? ' font-weight="700"' : "";
      return `<text x="${n(x + L.padX + l.indent)}" y="${n(y)}" font-size="${size}"${weight} fill="${fill}">${xml(l.text)}</text>`;
    })
    .join("");
}

/** The SVG document of the table. */
export function tableToSvg(table: RoleTable, f: Fonts): string {
  const regular: Measure = (t) => f.regular(t, L.size);
  const boldHeader: Measure = (t) => f.bold(t, L.headerSize);
  const boldBody: Measure = (t) => f.bold(t, L.size);
  const columns = table.columns.slice(0, MAX_PICTURE_COLUMNS);
  const hidden = table.columns.slice(MAX_PICTURE_COLUMNS);
  const inner = (w: number) => w - 2 * L.padX;
  const width = 2 * L.margin + L.labelWidth + columns.length * L.columnWidth;
  const xs = [L.margin, ...columns.map((_, k) => L.margin + L.labelWidth + k * L.columnWidth)];
  const widths = [L.labelWidth, ...columns.map(() => L.columnWidth)];

  const out: string[] = [];
  const titleY = L.margin + L.titleSize;
  out.push(
    `<text x="${L.margin}" y="${titleY}" font-size="${L.titleSize}" font-weight="700" fill="${COLOURS.text}">${xml(table.title)}</text>`,
  );
  let y = titleY + L.titleGap;
  const top = y;

  // The header row: the corner and the role names, white on the accent colour.
  const header = [table.corner, ...columns.map((c) => c.name)].map((h, k) =>
    wrap(h, inner(widths[k] ?? 0), boldHeader).map((text) => ({ text, indent: 0, bold: true })),
  );
  const headerHeight = 2 * L.padY + Math.max(...header.map((h) => h.length)) * L.lineHeight;
  out.push(`<rect x="${L.margin}" y="${y}" width="${width - 2 * L.margin}" height="${headerHeight}" fill="${COLOURS.header}"/>`);
  out.push(...header.map((lines, k) => textLines(lines, xs[k] ?? 0, y, L.headerSize, COLOURS.headerText)));
  y += headerHeight;

  table.rows.forEach((row, r) => {
    const cells = [
      cellLines([row.label], inner(L.labelWidth), true, boldBody),
      ...row.cells.slice(0, columns.length).map((items) => cellLines(items, inner(L.columnWidth), false, regular)),
    ];
    const height = 2 * L.padY + Math.max(...cells.map((c) => c.length)) * L.lineHeight;
    if (r % 2 === 1)
      out.push(`<rect x="${L.margin}" y="${y}" width="${width - 2 * L.margin}" height="${height}" fill="${COLOURS.zebra}"/>`);
    out.push(`<rect x="${L.margin}" y="${y}" width="${L.labelWidth}" height="${height}" fill="${COLOURS.label}"/>`);
    out.push(...cells.map((lines, k) => textLines(lines, xs[k] ?? 0, y, L.size, COLOURS.text)));
    out.push(`<line x1="${L.margin}" y1="${y}" x2="${width - L.margin}" y2="${y}" stroke="${COLOURS.grid}"/>`);
    y += height;
  });
  const bottom = y;
  for (const x of [...xs.slice(1), width - L.margin])
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${COLOURS.grid}"/>`);
  out.push(
    `<rect x="${L.margin}" y="${top}" width="${width - 2 * L.margin}" height="${bottom - top}" fill="none" stroke="${COLOURS.grid}"/>`,
  );

  if (hidden.length > 0) {
    y += L.footSize + L.padY;
    const names = wrap(`+ ${hidden.map((c) => c.name).join(", ")}`, width - 2 * L.margin, regular);
    names.forEach((line, i) => {
      out.push(
        `<text x="${L.margin}" y="${n(y + i * L.lineHeight)}" font-size="${L.footSize}" fill="${COLOURS.muted}">${xml(line)}</text>`,
      );
    });
    y += (names.length - 1) * L.lineHeight;
  }
  const height = y + L.margin;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<title>${xml(table.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${COLOURS.background}"/>`,
    ...out,
    "</svg>",
    "",
  ].join("\n");
}
