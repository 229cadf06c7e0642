import type { RichText, Span } from "../answer.js";

export const plain = (text: string): RichText => [{ text }];

/** Split `text` into spans, marking the words for which `isHit(i)` holds (i counts words). */
export function emphasise(text: string, hits: readonly boolean[]): RichText {
  const spans: Span[] = [];
  let word = 0;
  for (const part of text.split(/([A-Za-z0-9]+)/)) {
    if (part === "") continue;
    const isWord = /^[A-Za-z0-9]/.test(part);
    const strong = isWord && hits[word] === true;
    if (isWord) word++;
    const last = spans[spans.length - 1];
    // Merge runs, and keep the space between two bold words bold so renderers get one span.
    if (last && (last.strong === true) === strong) last.text += part;
    else if (last && !isWord && /^\s+$/.test(part) && last.strong && hits[word] === true) last.text += part;
    else spans.push(strong ? { text: part, strong: true } : { text: part });
  }
  return spans;
}

export const toPlainText = (rich: RichText): string => rich.map((s) => s.text).join("");

/** The first sentence of a text, e.g. of a role's summary. */
export function firstSentence(text: string): string {
  const m = text.match(/^.*?[.!?](?=\s|$)/);
  return m ? m[0] : text;
}
