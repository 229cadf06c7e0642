import type { RichText, Span } from "../answer.js";
import type { HighlightSpan } from "../matcher.js";

export const plain = (text: string): RichText => [{ text }];

/** `text` as spans, with the stretches the matcher highlighted marked strong. */
export function highlight(text: string, spans: readonly HighlightSpan[]): RichText {
  const out: Span[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    if (start > at) out.push({ text: text.slice(at, start) });
    if (end > start) out.push({ text: text.slice(start, end), strong: true });
    at = Math.max(at, end);
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The first sentence of a text, e.g. of a role's summary. */
export function firstSentence(text: string): string {
  const m = text.match(/^.*?[.!?](?=\s|$)/);
  return m ? m[0] : text;
}
