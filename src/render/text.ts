/**
 * Plain text: the CLI's output, and the fallback text every platform message carries (for
 * notifications and screen readers). Pure functions.
 */
import type { Answer, Block, Contacts, LiveContact, RichText, RoleCard } from "../core/index.js";
import { tableToText } from "./text-table.js";

/** Rich text as plain text: the one place spans are flattened (renderers compare and fall back with it). */
export function plainText(rich: RichText | undefined): string {
  return rich ? rich.map((s) => s.text).join("") : "";
}
const text = plainText;

function roleLines(role: RoleCard): string[] {
  const lines = [`${role.name} (${role.character})`];
  if (role.how) lines.push(`  ${text(role.how)}`);
  for (const e of role.evidence) if (text(e.statement) !== text(role.how)) lines.push(`  - ${text(e.statement)}`);
  return lines;
}

/** `numbered`: the buttons are listed by number after the answer, a choice's among them, so a choice is not listed twice. */
function blockLines(block: Block, numbered = false): string[] {
  switch (block.type) {
    case "text":
      return [text(block.text)];
    case "heading":
      return ["", /[?!.:…]$/.test(block.text) ? block.text : `${block.text}:`];
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${text(item)}`);
    case "fields":
      return block.fields.map((f) => `${f.label}: ${text(f.value)}`);
    case "role":
      return roleLines(block.role);
    case "progress":
      return [`Step ${block.step} of ${block.total}`];
    case "choices":
      return numbered ? [block.prompt] : [block.prompt, ...block.choices.map((c) => `  * ${c.label}`)];
    case "people":
      return [`In your organisation: ${peopleText(block.contacts, block.live)}`];
    case "table":
      return ["", ...tableToText(block.table)];
  }
}

/** The names (and emails) of the people a live source gave; platform ids alone show nothing outside their platform. */
export function liveNames(live: LiveContact): string[] {
  return live.people.flatMap((p) => {
    const shown = p.name && p.email ? `${p.name} (${p.email})` : (p.name ?? p.email);
    return shown ? [shown] : [];
  });
}

/**
 * Who a live source names, as plain words: "On call now (DBA on-call): Ana Ruiz (ana@…)"; "no one" when it
 * names nobody; undefined when it names people only by another platform's ids.
 */
export function liveText(live: LiveContact): string | undefined {
  const names = liveNames(live);
  if (names.length === 0 && live.people.length > 0) return undefined;
  return `${live.label}: ${names.length > 0 ? names.join(", ") : "no one"}${live.asOf ? ` (${live.asOf})` : ""}`;
}

/** Contacts as plain words: names, emails, who holds the role now and the note (ids mean nothing outside their platform). */
export function peopleText(c: Contacts, live: readonly LiveContact[] = []): string {
  const platforms = Object.values(c.platforms);
  const parts = [...platforms.flatMap((p) => p.names), ...c.emails];
  const now = live.flatMap((l) => liveText(l) ?? []);
  const elsewhere = platforms[0];
  if (parts.length === 0 && now.length === 0 && elsewhere) parts.push(`see ${elsewhere.label}`);
  return [parts.join(", "), now.join("; "), c.note].filter(Boolean).join(". ");
}

export interface TextOptions {
  /** List the buttons as numbered next steps (the interactive console chat lets you pick one). */
  numberedActions?: boolean;
}

/** The whole answer as plain text. */
export function answerToText(answer: Answer, options: TextOptions = {}): string {
  // An answer about one role opens with that role's line ("Data manager (The strategic overseer)"), perhaps after
  // a line of text on how it answers ("This is only a guess ..."), which already names it: a title that only
  // repeats the name would say it twice.
  const first = answer.blocks.find((b) => b.type !== "text");
  const title = first?.type === "role" && first.role.name === answer.title ? [] : [answer.title];
  const lines = [...title, ...answer.blocks.flatMap((b) => blockLines(b, options.numberedActions))];
  if (options.numberedActions) {
    const all = numberedActions(answer);
    if (all.length > 0) lines.push("", ...all.map((a, i) => `[${i + 1}] ${a.label}`));
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The buttons an answer offers, in the order `answerToText` numbers them. */
export function numberedActions(answer: Answer) {
  return [...answer.blocks.flatMap((b) => (b.type === "choices" ? b.choices : [])), ...answer.actions];
}

/** One line standing for the answer: notification text, screen-reader summary. */
export function answerSummary(answer: Answer): string {
  return answer.summary.trim() || answer.title;
}
