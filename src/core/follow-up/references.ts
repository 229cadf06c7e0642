/**
 * The words by which a message leans on the turn before it: pronouns that stand for a role or a task
 * ("what else do they do?", "who approves that?") and the openings of an elliptic question ("and the
 * architect?", "what about backups?"). Grammar, not knowledge: like the stopwords, they are the same
 * for every organisation's roles, so they live here and not in intents/.
 */

/** What a pronoun can stand for. */
export type ReferenceKind =
  /** a person: only a role ("he", "this role") */
  | "person"
  /** two or more people: the roles of the last turn together ("both", "the two of them") */
  | "pair"
  /** a role or the things of a task ("they", "them") */
  | "they"
  /** a thing: the task, or the role when the last turn had no task ("that", "it") */
  | "thing";

export interface Reference {
  kind: ReferenceKind;
  /** Characters [start, end) of the text. */
  start: number;
  end: number;
}

const PHRASES: Record<ReferenceKind, readonly string[]> = {
  person: [
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "this role",
    "that role",
    "the role",
    "such a role",
    "this person",
    "that person",
    "such a person",
    "someone like that",
    "that guy",
    "one of them",
    "one of those",
    "one of these",
    // Only after "become", "be", "as" or "does" (ONE_AS_ROLE): "how do I become one?", "what does one do now?".
    "one",
  ],
  pair: ["both of them", "the two of them", "both roles", "the two roles", "these two", "those two", "the two", "both"],
  // With the commonest slips of typing ("tehy", "thier"): a pronoun is too short for the spelling corrector.
  they: [
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "tehy",
    "thye",
    "thier",
    "these people",
    "those people",
    "these folks",
    "those folks",
  ],
  thing: [
    "that one",
    "this one",
    "that task",
    "this task",
    "that work",
    "this work",
    "that job",
    "this job",
    "that stuff",
    "this stuff",
    "it",
    "its",
    "that",
    "this",
    "those",
    "these",
  ],
};

/** Longest first, so "both of them" wins over "both" and "them". */
const ALL = (Object.entries(PHRASES) as [ReferenceKind, readonly string[]][])
  .flatMap(([kind, phrases]) => phrases.map((phrase) => ({ kind, phrase })))
  .sort((a, b) => b.phrase.length - a.phrase.length);
const PATTERN = new RegExp(`\\b(?:${ALL.map((a) => a.phrase.replace(/ /g, "\\s+")).join("|")})\\b`, "gi");
const KIND = new Map(ALL.map((a) => [a.phrase, a.kind]));

/**
 * Words after which "that" and "this" are not pronouns: "that/this table" is a determiner before a
 * noun we cannot tell from a verb, so "that"/"this" count only where a noun cannot follow: at the end,
 * before punctuation, or before a word that starts a clause or a verb phrase.
 */
const AFTER_DEMONSTRATIVE = new Set([
  "is",
  "was",
  "are",
  "be",
  "been",
  "being",
  "does",
  "do",
  "did",
  "has",
  "have",
  "had",
  "will",
  "would",
  "should",
  "could",
  "can",
  "may",
  "might",
  "must",
  "need",
  "needs",
  "the",
  "a",
  "an",
  "to",
  "for",
  "in",
  "on",
  "too",
  "also",
  "then",
  "as",
  "and",
  "or",
  "but",
  "with",
  "from",
  "different",
  "differ",
  "differs",
]);
const DEMONSTRATIVES = new Set(["that", "this", "those", "these"]);
/** "become one", "be one", "as one", "what does one do": "one" standing for a role, by the words right before it. */
const ONE_AS_ROLE = /\b(?:become|becoming|be|as|does|do)\s+$/i;

/** "does the DBA do anything there?": "there" closing a question stands for the last task, as "in that" does. */
const THERE_AT_END = /\b(?:do|does|did|doing|done|help|involved|play|part|role|say)\b[^.?!]*?\b(there)\W*$/i;

/** The pronouns in `text` that may stand for something of the last turn, in order. */
export function findReferences(text: string): Reference[] {
  const out: Reference[] = [];
  const there = THERE_AT_END.exec(text);
  for (const m of text.matchAll(PATTERN)) {
    const phrase = m[0].toLowerCase().replace(/\s+/g, " ");
    const kind = KIND.get(phrase);
    if (!kind || m.index === undefined) continue;
    const end = m.index + m[0].length;
    // "IT" in capitals is information technology, not the pronoun (unless the whole message is in capitals).
    if (m[0] === "IT" && text !== text.toUpperCase()) continue;
    // "become one", not "as one of the first steps".
    if (phrase === "one" && (!ONE_AS_ROLE.test(text.slice(0, m.index)) || /^\s+of\b/i.test(text.slice(end)))) continue;
    if (DEMONSTRATIVES.has(phrase)) {
      const next = /^\s*([A-Za-z']+)/.exec(text.slice(end))?.[1]?.toLowerCase();
      if (next !== undefined && !AFTER_DEMONSTRATIVE.has(next)) continue;
    }
    out.push({ kind, start: m.index, end });
  }
  if (there?.[1] !== undefined) {
    const start = there.index + there[0].lastIndexOf(there[1]);
    out.push({ kind: "thing", start, end: start + there[1].length });
  }
  return out;
}

/** `text` with each reference replaced by what `replacement` gives for it (unchanged where it gives undefined). */
export function substitute(text: string, refs: readonly Reference[], replacement: (r: Reference) => string | undefined): string {
  let out = "";
  let at = 0;
  for (const r of refs) {
    const by = replacement(r);
    if (by === undefined) continue;
    out += `${text.slice(at, r.start)}${by}`;
    at = r.end;
  }
  return out + text.slice(at);
}

/** An acknowledgement of the last answer before the next question: "ok,", "cool,", "thanks,", "ok thx,". */
const ACKNOWLEDGEMENT = String.raw`(?:ok(?:ay)?|k|cool|great|nice|thanks|thank you|thx|ty|cheers|right|sure|perfect|awesome|alright|brilliant|lovely|hm+|ah+|oh|got it|i see)\b[\s,.!:;-]*`;
const ACKNOWLEDGEMENTS = new RegExp(`^\\W*(?:${ACKNOWLEDGEMENT})+`, "i");

/** `text` without the acknowledgements it opens with ("ok thx, who approves that?": "who approves that?"). */
export const withoutAcknowledgement = (text: string) => text.replace(ACKNOWLEDGEMENTS, "");

/**
 * The openings of a question that leaves out what the last turn asked: "and the architect?", "what
 * about backups?", "same for the DBA". Matched at the start of the message, after a "ok,", "thanks,".
 */
const LEADS = new RegExp(
  String.raw`^\s*(?:${ACKNOWLEDGEMENT})?(?:and\s+(?:what|how)\s+about|what\s+about|how\s+about|what\s+of|and\s+for|and\s+also|and\s+then|same\s+(?:question\s+)?for|same\s+with|and|also|or|but|then|now|plus)\b`,
  "i",
);

/** The text after an elliptic opening, or undefined when the message does not open like one. */
export function afterLead(text: string): string | undefined {
  const m = LEADS.exec(text);
  return m ? text.slice(m[0].length).trim() : undefined;
}

/** "How's MongoDB?", "how is BigQuery?": a product weighed after another, which only a product may follow. */
const HOW_IS = new RegExp(String.raw`^\s*(?:${ACKNOWLEDGEMENT})?how(?:\s*['’]?\s*s|\s+is)\b`, "i");

/** The text after an elliptic opening or a "how's", for a product named alone. */
export const afterProductLead = (text: string): string | undefined => {
  const m = HOW_IS.exec(text);
  return m ? text.slice(m[0].length).trim() : afterLead(text);
};

/** How many words a text has (for "the architect?": a bare name is a question only after another). */
export const wordCount = (text: string) => (text.match(/[A-Za-z0-9]+/g) ?? []).length;

/** Words by which a message says it starts a new topic: it is read on its own, whatever came before. */
const NEW_TOPIC =
  /\b(?:aside|btw|by the way|unrelated|off[- ]topic|different question|another question|new question|separate question|other question|change of (?:subject|topic)|changing the subject|on another note|on a different note|something else)\b/i;

export const startsNewTopic = (text: string) => NEW_TOPIC.test(text);

/** A question this short that points back has nothing of its own to go on: "who does that?", "what else do they do?". */
const MAX_POINTING_WORDS = 6;

/** Whether a message only points back, with a pronoun for a role or a task and next to nothing else. */
export const onlyPointsBack = (text: string) => wordCount(text) <= MAX_POINTING_WORDS && findReferences(text).length > 0;

/** Whether a question leans on the one before it: a pronoun for its role or task, or an elliptic opening. */
export const leansBack = (text: string) => findReferences(text).length > 0 || afterLead(text) !== undefined;
