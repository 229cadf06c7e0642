/**
 * Turn a Teams message's text into the question the user typed: drop the bot's own @mention and decode
 * the HTML Teams puts in `text`. No matching happens here: the core's normaliser does the rest.
 */

import { isRecord } from "../is-record.js";

/**
 * The `<at>…</at>` texts of the mention entities that point at `botId`.
 * Entities come from the request, so each is checked rather than trusted (botbuilder's removeMentionText
 * throws on a mention without `mentioned`, and removes only the first occurrence).
 */
export function botMentionTexts(entities: unknown, botId: string | undefined): string[] {
  if (!botId || !Array.isArray(entities)) return [];
  const texts = new Set<string>();
  for (const e of entities) {
    if (!isRecord(e) || typeof e.type !== "string" || e.type.toLowerCase() !== "mention") continue;
    const mentioned = e.mentioned;
    if (!isRecord(mentioned) || mentioned.id !== botId) continue;
    if (typeof e.text === "string" && e.text !== "") texts.add(e.text);
  }
  return [...texts];
}

/** Remove every occurrence of the bot's own mention; other people's mentions stay (as their names, after decoding). */
export function stripBotMentions(text: string, entities: unknown, botId: string | undefined): string {
  let out = text;
  for (const mention of botMentionTexts(entities, botId)) out = out.split(mention).join(" ");
  return out;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
};

function codePoint(n: number): string {
  // A malformed or out-of-range reference becomes nothing rather than throwing.
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : "";
}

/** Decode HTML character references (named ones Teams uses, decimal and hex). Unknown names stay as typed. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === "#")
      return ref[1] === "x" || ref[1] === "X"
        ? codePoint(Number.parseInt(ref.slice(2), 16))
        : codePoint(Number.parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Teams sends formatted messages as HTML (`<p>`, `<div>`, `<br>`, `<at>` for other people's mentions).
 * Tags go first, then entities, so an escaped `&lt;b&gt;` the user typed survives as text.
 */
export function decodeTeamsHtml(text: string): string {
  const withoutTags = text
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li)>/gi, "\n")
    .replace(/<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/gi, "");
  return decodeEntities(withoutTags)
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** The question as typed: bot mention removed, HTML decoded, whitespace tidied. */
export function questionText(text: unknown, entities: unknown, botId: string | undefined): string {
  if (typeof text !== "string") return "";
  return decodeTeamsHtml(stripBotMentions(text, entities, botId));
}
