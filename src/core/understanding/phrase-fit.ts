/**
 * Whether a thesaurus phrase holds where it stands in a message. The words match, but what stands around them
 * can make them something else: "who owns the data model?" is not data ownership, and "what does a DBA need to
 * know?" is not the need-to-know principle.
 */
import { STOPWORDS } from "./stopwords.js";

interface Words {
  words: readonly string[];
  stems: readonly string[];
  sentence: readonly number[];
}
/** Whether the phrase found at words [start, end) holds there. */
export type PhraseFit = (at: Words, start: number, end: number) => boolean;

/** Words that ask with "need" as a verb: "what does a DBA need to know?", "do I need to know SQL?". */
const NEED_AUXILIARIES: ReadonlySet<string> = new Set(["do", "does", "did", "should", "would", "will", "might", "must"]);
const SUBJECTS: ReadonlySet<string> = new Set(["i", "you", "we", "they", "he", "she", "someone", "everyone", "people"]);
/** Words right before "need" that make it the noun of a principle: "on a need to know basis", "be need to know". */
const NOUN_BEFORE: ReadonlySet<string> = new Set(["a", "the", "on", "be", "is", "are", "strictly"]);
const AUXILIARY_WITHIN = 6;
/** Words that make "the data" a noun's modifier, not the thing itself: "the data model", "this data feed". */
const DATA_DETERMINERS: ReadonlySet<string> = new Set(["the", "this", "that", "these", "those", "our", "their", "your", "my"]);

/**
 * Adds to `heads` the words a knowledge text puts right after "data" as one thing ("data model", "data
 * pipeline", "data feed"), stemmed. Read as the analyzer counts the vocabulary, so no text is kept for it.
 */
export function addDataHeads(ws: readonly string[], stem: (word: string) => string, heads: Set<string>): void {
  for (let i = 0; i < ws.length - 1; i++)
    if (ws[i] === "data" && !STOPWORDS.has(ws[i + 1] as string)) heads.add(stem(ws[i + 1] as string));
}

/** @param heads the knowledge's things named with "data" before them (addDataHeads) */
export function createPhraseFit(heads: ReadonlySet<string>): PhraseFit {
  /**
   * "who owns the data model?": a phrase that ends on "the data" ("owns the data", data ownership) does not
   * hold when the word after it makes "data" the modifier of another thing, one the knowledge names so. Nor
   * does a two-word one ending on "data": "manage data quality", "patient data systems".
   */
  const endsBeforeItsHead = ({ words, stems, sentence }: Words, start: number, end: number) => {
    const head = stems[end];
    return (
      words[end - 1] === "data" &&
      (DATA_DETERMINERS.has(words[end - 2] ?? "") || end - start === 2) &&
      head !== undefined &&
      sentence[end] === sentence[end - 1] &&
      heads.has(head)
    );
  };
  return (at, start, end) => !endsBeforeItsHead(at, start, end) && !isAsked(at.words, start);
}

/**
 * "what does a DBA need to know?" asks what someone must learn; "on a need to know basis" is the access
 * principle. A phrase starting with "need" is a verb when someone is said to need.
 */
function isAsked(ws: readonly string[], start: number): boolean {
  const before = ws[start - 1] ?? "";
  if (ws[start] !== "need" || NOUN_BEFORE.has(before)) return false;
  return SUBJECTS.has(before) || ws.slice(Math.max(0, start - AUXILIARY_WITHIN), start).some((w) => NEED_AUXILIARIES.has(w));
}
