/**
 * The questions a message asks. Forum-style posts give sentences of context and then ask; some messages
 * ask two or three things at once. A sentence that asks (a question mark, a question word or an "explain
 * ..." first) is a question; the rest is context. Each question is understood with its own sentence
 * deciding what is asked and the others helping pick the role. A sentence that asks nothing of its own
 * ("Thoughts?", "How?", "Is this expected?") leans on the rest of the message and is not a question apart.
 */
import { sentences } from "./normalise.js";
import type { Understander, Understanding } from "./understand.js";

export interface Question {
  /** The question as the message put it (the whole message when it asks one thing). */
  text: string;
  understanding: Understanding;
}

/** How a sentence that asks may begin, after greetings, list markers and "so", "and", "please". */
const ASKING_START =
  /^(?:\W|\d|q\b|question\b|[a-z]\)|so\b|and\b|but\b|also\b|then\b|ok\b|okay\b|hi\b|hello\b|hey\b|please\b|pls\b|kindly\b|thanks\b|now\b)*\s*(?:who|whose|whom|which|what|whats|how|where|when|why|is|isn't|are|aren't|was|were|can|could|should|would|will|do|does|did|has|have|may|might|must|shall|explain|describe|define|discuss|compare|contrast|list|tell|identify|give|outline|name|suggest|recommend|advise|provide|help|briefly)\b/i;
/** Ways to ask without a question mark or a question word first. */
const ASKING_WORDS =
  /\b(?:wondering|would like to know|want to know|like to know|interested to know|curious|any (?:advice|ideas|thoughts|suggestions|tips|pointers)|thoughts\b|looking for (?:advice|suggestions|a way|best practices?|some)|is there a way|is it possible|can someone|could someone|does anyone|anyone know)/i;

export function asks(sentence: string): boolean {
  const s = sentence.trim();
  return /\?["')\]*_]*$/.test(s) || ASKING_START.test(s) || ASKING_WORDS.test(s);
}

/** At most this many questions of one message are answered (the "up to three"). */
export const MAX_QUESTIONS = 3;

/**
 * The message's questions, in the order asked, each understood on its own; one for a message that asks
 * one thing (or asks nothing in so many words: then the whole message is the question, as typed).
 *
 * A sentence asks a question of its own when it names a role or job or has task words. One that only
 * asks ("What's the difference?", "who should I meet?", "Thoughts?") belongs to the question before it
 * (or, first in the message, to the one after it): the two are read together.
 */
export function questionsOf(understander: Understander, text: string): Question[] {
  const analysis = understander.analyse(text);
  const parts = sentences(text);
  const whole = understander.read(analysis, text);
  if (parts.length <= 1) return [{ text, understanding: whole }];
  const groups: number[][] = [];
  const leading: number[] = [];
  parts.forEach((part, i) => {
    if (!asks(part) || !analysis.sentence.includes(i)) return;
    if (asksItsOwn(understander, whole, i)) groups.push([...leading.splice(0), i]);
    else (groups.at(-1) ?? leading).push(i);
  });
  if (groups.length === 0) return [{ text, understanding: whole }];
  return groups.slice(0, MAX_QUESTIONS).map((group) => ({
    text: group.map((i) => parts[i]?.trim()).join(" "),
    understanding: understander.read(analysis, text, new Set(group)),
  }));
}

/** Whether a sentence asks something of its own: a role or job it names, or task words. */
function asksItsOwn(understander: Understander, u: Understanding, at: number): boolean {
  const { analysis } = u;
  const inIt = (start: number) => analysis.sentence[start] === at;
  if ([...u.mentions, ...u.neighbourMentions].some((m) => inIt(m.start))) return true;
  return analysis.concepts.some(
    (c) => inIt(c.start) && u.content.has(c.id) && understander.index.isKnown(c.id) && !understander.index.isWeak(c.id),
  );
}
