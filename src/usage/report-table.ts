/** The usage report as readable text for a terminal: one short table per question a maintainer asks. */
import type { UsageReport } from "./report.js";

type Align = "left" | "right";

/** Column widths by the widest cell; numbers right-aligned. */
export function table(headers: string[], rows: string[][], align: Align[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => (align[i] === "right" ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd()}`;
  return [line(headers), ...rows.map(line)];
}

const day = (iso: string) => iso.slice(0, 16).replace("T", " ");

/**
 * Text from the store on one inert line. Everything in a report came from the store, which holds what people
 * and clients sent (and whatever else someone wrote into it), so control characters (newlines, terminal
 * escapes, C1 codes) and bidi overrides (which reorder the rest of the line) become spaces.
 */
export const inertLine = (text: string) =>
  text
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/** A one-line, inert cell, in every column. */
const cell = (text: string, max = 60) => {
  const flat = inertLine(text);
  const chars = [...flat]; // code points, so an emoji is not cut in half
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat;
};

/**
 * Text for a terminal, its lines kept: what `inertLine` makes spaces, but the line breaks. An answer can quote
 * what was asked (each of several questions is headed by its words), and questions read from a file may carry
 * escapes that retitle the terminal or rewrite what it shows.
 */
export const terminalText = (text: string) => text.replace(/(?!\n)[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, " ");

/**
 * A report or an answer as JSON a terminal can show safely: JSON.stringify escapes C0 controls but writes C1
 * controls (U+0080–U+009F, which some terminals obey) and the bidi overrides raw; these are escaped too. It
 * parses to the same data.
 */
export function terminalJson(value: object): string {
  return JSON.stringify(value).replace(
    /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function formatReport(report: UsageReport): string {
  const { totals } = report;
  const out = [
    `whodoes usage from ${day(report.since)} to ${day(report.until)} UTC`,
    `${totals.questions} question(s): ${totals.answered} answered, ${totals.unanswered} unanswered or unsure; feedback: ${totals.up} up, ${totals.down} down, ${totals.corrections} correction(s)`,
    "",
    "Most frequent unanswered questions (add keywords or examples to intents/ for these)",
  ];
  if (report.unanswered.length === 0) out.push("  none");
  else
    out.push(
      ...table(
        ["count", "why", "question (or hash: matched terms)"],
        report.unanswered.map((r) => [
          String(r.count),
          r.outOfScope >= r.lowConfidence ? "out of scope" : "unsure",
          r.question !== undefined
            ? cell(`"${r.question}"`)
            : cell(`#${r.hash.slice(0, 12)}: ${r.terms.length > 0 ? r.terms.join(", ") : "(no known terms)"}`),
        ]),
        ["right", "left", "left"],
      ),
    );
  // A hash says a question recurs but not what it was; say how to see the words next time.
  if (report.unanswered.some((r) => r.question === undefined))
    out.push(
      "  (#… are questions recorded without their text. Set RECORD_QUESTIONS=true where whodoes runs to keep the text",
      "  of unanswered questions, from then on; chat text can be sensitive, so it is off by default.)",
    );

  out.push("", "Corrections after a thumbs-down (whodoes report --suggest proposes edits for these)");
  if (report.corrections.length === 0) out.push("  none");
  else
    out.push(
      ...table(
        ["count", "answered", "should be", "question (or hash: matched terms)"],
        report.corrections.map((r) => [
          String(r.count),
          cell(r.role ?? r.intent, 30),
          cell(r.expected.map((x) => `${x.role ?? "none of these"} (${x.count})`).join(", "), 50),
          r.question !== undefined
            ? cell(`"${r.question}"`)
            : r.hash
              ? cell(`#${r.hash.slice(0, 12)}: ${r.terms.length > 0 ? r.terms.join(", ") : "(no known terms)"}`)
              : "(question no longer kept)",
        ]),
        ["right", "left", "left", "left"],
      ),
    );

  out.push("", "Answers with the most thumbs-down");
  if (report.disliked.length === 0) out.push("  none");
  else
    out.push(
      ...table(
        ["down", "up", "intent", "role"],
        report.disliked.map((r) => [String(r.down), String(r.up), cell(r.intent), cell(r.role ?? "-")]),
        ["right", "right", "left", "left"],
      ),
    );

  out.push("", "Most asked intents");
  if (report.intents.length === 0) out.push("  none");
  else
    out.push(
      ...table(
        ["count", "intent"],
        report.intents.map((r) => [String(r.count), cell(r.intent)]),
        ["right", "left"],
      ),
    );

  out.push("", "Most asked-about roles");
  if (report.roles.length === 0) out.push("  none");
  else
    out.push(
      ...table(
        ["count", "role"],
        report.roles.map((r) => [String(r.count), cell(r.role)]),
        ["right", "left"],
      ),
    );

  return `${out.join("\n")}\n`;
}
