/**
 * The real questions' figures by how long the message is: the issue asks that long posts (a forum message's
 * context, then its question) score as well as short ones. Figures only, never a question.
 */
import type { Whodoes } from "../../src/core/index.js";
import { evaluate, type Labelled, pct } from "./evaluate.js";

/** Each length, by the most words a message of it has, shortest first. */
const LENGTHS: readonly { name: string; upTo: number }[] = [
  { name: "short (up to 14 words)", upTo: 14 },
  { name: "medium (15 to 39 words)", upTo: 39 },
  { name: "long posts (40 words or more)", upTo: Number.POSITIVE_INFINITY },
];

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function lengthReport(whodoes: Whodoes, questions: readonly Labelled[]): string[] {
  const byLength = LENGTHS.map(() => [] as Labelled[]);
  for (const q of questions) {
    const words = wordCount(q.q);
    byLength[LENGTHS.findIndex((l) => words <= l.upTo)]?.push(q);
  }
  return LENGTHS.map(({ name }, i) => {
    const s = evaluate(whodoes, byLength[i] ?? []);
    return `  ${name.padEnd(32)}${String(s.total).padStart(6)}  intent ${pct(s.intentAccuracy).padStart(6)}  top-1 role ${pct(s.roleAccuracy).padStart(6)} (of ${s.roleQuestions})`;
  });
}
