/**
 * The shapes of a sentence that asks, in a message of several sentences: how a question may begin, a "who"
 * question with a list's marker before it, an alternative offered ("Or ...?") and the same question put another
 * way ("As in, ..."). Grammar, not knowledge: the same for every organisation's roles.
 */

/** How a sentence that asks may begin, after greetings, list markers and "so", "and", "please". */
const ASKING_START =
  /^(?:\W|\d|q\b|question\b|questions\b|things?\b|two\b|three\b|quick\b|[a-z]\)|so\b|and\b|but\b|also\b|then\b|ok\b|okay\b|hi\b|hello\b|hey\b|please\b|pls\b|kindly\b|thanks\b|now\b)*\s*(?:who|whose|whos|whom|which|what|whats|how|where|when|why|is|isn't|are|aren't|was|were|can|could|should|would|will|do|does|did|has|have|may|might|must|shall|explain|describe|define|discuss|compare|contrast|list|tell|identify|give|outline|name|suggest|recommend|advise|provide|help|briefly)\b/i;
/** Ways to ask without a question mark or a question word first. */
const ASKING_WORDS =
  /(?:\bquestions?\b[^:?.]{0,30}:|(?:^|\s)\(?(?:1|a)[).]\s*who\b)|\b(?:wondering|would like to know|want to know|like to know|interested to know|curious|any (?:advice|ideas|thoughts|suggestions|tips|pointers)|thoughts\b|looking for (?:advice|suggestions|a way|best practices?|some)|is there a way|is it possible|can someone|could someone|does anyone|anyone know|(?:asked|asks|asking|know|tell (?:me|us)|figure out|find out|looking for)\b[^.?!]{0,25}\b(?:who|whoever)\b)/i;

export const QUESTION_MARK_END = /\?["')\]*_]*$/;
/** A "who" question word ("who", "whose", "which role"); a list's marker before it is MARKER. */
const WHO = String.raw`(?:who(?:se|s)?|which (?:role|team|person|one))\b`;
/** "1) ", "(b) ", "2. ", "1- ", "#2 ", "q3: ": a list's marker before a question. */
const MARKER = String.raw`(?:\(?(?:\d|[a-c])[).:/-]|#\d|q\d:?)\s*`;
/** "can you tell me who ...", "do you know who ...": a "who" question asked politely. */
const ASKED_POLITELY = String.raw`(?:(?:can|could|would)\s+(?:you|u|someone|anyone)\s+(?:tell|say)(?:\s+(?:me|us))?|do\s+(?:you|u|we)\s+know)\s+`;
export const ASKS_WHO = new RegExp(
  String.raw`^\W*(?:(?:[a-z]+\s+){0,2}(?:questions?|things?|ones)\b[^:]{0,30}:\s*)?(?:${MARKER})?(?:(?:and|also|pls|please|so|ok|okay|yo|hey|hi|btw)\b[\s,:!]*){0,3}(?:${ASKED_POLITELY})?${WHO}`,
  "i",
);
export const ADDS_WHO = new RegExp(String.raw`^\W*(?:(?:and|also)\s+|${MARKER})${WHO}`, "i");
const OFFERS_ALTERNATIVE = /^\W*or\b/i;
/** "Who owns data quality? Like, who's actually responsible ...?": the same question put another way. */
const RESTATES = /^\W*(?:like,|as in\b|i mean\b|i\.?e\.?(?=[\s,])|that is,|in other words\b|or rather\b)/i;
/** The same marker cut off as a sentence of its own ("Like, who's ...", "i.e. whose ..."). */
const RESTATES_ALONE = /^\W*(?:like|as in|i mean|i\.?e\.?|that is|in other words|or rather)\W*$/i;

export function asks(sentence: string): boolean {
  const s = sentence.trim();
  return QUESTION_MARK_END.test(s) || ASKING_START.test(s) || ASKING_WORDS.test(s);
}

/** "Is X a thing? Or is that lumped into Y?" offers an alternative; "As in, who applies the patches?" restates. */
export function restatesOrOffers(sentence: string, before: string | undefined): boolean {
  return OFFERS_ALTERNATIVE.test(sentence) || RESTATES.test(sentence) || RESTATES_ALONE.test(before ?? "");
}
