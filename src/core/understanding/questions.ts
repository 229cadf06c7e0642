/**
 * The questions a message asks. Forum-style posts give sentences of context and then ask; some messages
 * ask two or three things at once. A sentence that asks (a question mark, a question word or an "explain
 * ..." first) is a question; the rest is context. Each question is understood with its own sentence
 * deciding what is asked and the others helping pick the role. A sentence that asks nothing of its own
 * ("Thoughts?", "How?", "Is this expected?") leans on the rest of the message and is not a question apart.
 */
import type { Analysis } from "./analyzer.js";
import { ADDS_WHO, ASKS_WHO, asks, QUESTION_MARK_END, restatesOrOffers } from "./asking.js";
import { classify } from "./classify.js";
import { sentences } from "./normalise.js";
import { SETTINGS } from "./settings.js";
import { REFERRING, type Understander, type Understanding } from "./understand.js";

export interface Question {
  /** The question as the message put it (the whole message when it asks one thing). */
  text: string;
  understanding: Understanding;
}

/** What a message asks: the questions answered, and those beyond SETTINGS.maxQuestions, as the message put them. */
export interface Questions {
  asked: Question[];
  unasked: string[];
}

/**
 * "What is the advantage of upgrading? What are the potential downsides?": a further question with words
 * of its own but no task word is asked apart, about the matter of the question before it. One with fewer
 * words ("Thoughts?", "Is this expected?") only leans on it and is read with it.
 */
function isFurtherQuestion(sentence: string, words: number): boolean {
  return QUESTION_MARK_END.test(sentence.trim()) && words >= SETTINGS.furtherQuestionWords;
}

const asksWhoItself = (sentence: string, words: number) => ASKS_WHO.test(sentence) && words >= SETTINGS.furtherQuestionWords;

/** A sentence that only offers roles ("the architect?", "or is it the DBA?"), asking neither what nor how nor "vs". */
const GUESS =
  /^(?!\W*(?:what|whats|how|why|which|who|whose|where|when|compare|describe|explain|tell)\b)(?!.*\b(?:vs|versus|difference)\b)/i;

/**
 * The message's questions, in the order asked, each understood on its own; one for a message that asks
 * one thing (or asks nothing in so many words: then the whole message is the question, as typed).
 */
export function questionsOf(understander: Understander, text: string): Questions {
  const analysis = understander.analyse(text);
  const parts = sentences(text);
  const whole = () => ({ asked: [{ text, understanding: understander.read(analysis, text) }], unasked: [] });
  if (parts.length <= 1) return whole();
  const message: Message = { understander, text, analysis, parts, own: ownWords(understander, analysis) };
  const grouping = groupSentences(message);
  if (grouping.groups.length === 0) return whole();
  joinGuesses(message, grouping.groups);
  return {
    asked: readQuestions(message, grouping),
    unasked: grouping.groups.slice(SETTINGS.maxQuestions).map((group) => textOf(message, group)),
  };
}

/** A message of several sentences, and what each sentence has of its own. */
interface Message {
  understander: Understander;
  text: string;
  analysis: Analysis;
  parts: string[];
  own: OwnWords;
}

/** The message's sentences grouped into questions, each group one question with the sentences read with it. */
interface Grouping {
  groups: number[][];
  /** The groups that ask further about the question before theirs, and are read with it. */
  leaning: Set<number>;
  /** The first group is a question with no task word, understood with the question after it. */
  asksWithNext: boolean;
}

const textOf = (m: Message, group: readonly number[]) => group.map((i) => m.parts[i]?.trim()).join(" ");

/**
 * A sentence asks a question of its own when it names a role or job or has task words, or when it is a
 * further question with words of its own (see isFurtherQuestion), which is about the question before it.
 * One that only asks ("What's the difference?", "who should I meet?", "Thoughts?") belongs to the question
 * before it (or, first in the message, to the one after it): the two are read together. First in the
 * message, one with words of its own ("Is this expected behaviour?") is still answered apart, as it reads
 * with the question after it, and that one is answered on its own.
 */
function groupSentences(m: Message): Grouping {
  const { understander, text, analysis, parts, own } = m;
  const groups: number[][] = [];
  const leading: number[] = [];
  const leaning = new Set<number>();
  let asksWithNext = false;
  const asksForTheRoles = (i: number) => {
    const others = new Set(parts.map((_, k) => k).filter((k) => k !== i));
    const alone = classify(understander.read(without(analysis, others), text, new Set([i])));
    return alone.intent === "list_roles" && !alone.sideBySide && !refersBack(analysis, [i]);
  };
  // "who restores a dropped table? who restores a dropped table?": a question pasted twice is asked once.
  const said = parts.map((p) => p.trim().toLowerCase().replace(/\s+/g, " "));
  const repeated = (i: number) => said.indexOf(said[i] ?? "") < i;
  const asksOfItsOwn = (i: number) => isFurtherQuestion(parts[i] ?? "", own.words.get(i) ?? 0);
  parts.forEach((part, i) => {
    if (!asks(part) || !analysis.sentence.includes(i) || repeated(i)) return;
    // "Is X a thing? Or is that lumped into Y?": an alternative offered is the same question, as is the question
    // put another way ("As in, who applies the security patches?").
    const last = groups.at(-1);
    if (last && restatesOrOffers(part, parts[i - 1])) last.push(i);
    // "Who owns master data? Who builds the warehouse?": a "who ...?" with words of its own asks a question of
    // its own, though its task is a phrase rather than a task word ("master data", "migration approach").
    else if (
      own.named.has(i) ||
      own.task.has(i) ||
      asksWhoItself(part, own.words.get(i) ?? 0) ||
      // "Who designs the star schema? And who builds it?": after a "who" question, a "who" with a word of its own
      // about what came before asks another thing ("do we have backups? who owns that" asks one).
      (ASKS_WHO.test(parts[groups.at(-1)?.at(-1) ?? -1] ?? "") &&
        ASKS_WHO.test(part) &&
        (own.words.get(i) ?? 0) >= 1 &&
        refersBack(analysis, [i])) ||
      // "what roles are there? which one owns data quality?": asking for the roles is a question of its own, before
      // another with a task or a role of its own.
      (parts.some((p, k) => k > i && asks(p) && (own.task.has(k) || own.named.has(k))) && asksForTheRoles(i))
    ) {
      // "Is this manually triggered? How do we backfill to a certain date?": a first question with words of its
      // own but no task word is asked too, though it is understood with the question after it.
      if (groups.length === 0 && leading.some(asksOfItsOwn)) {
        groups.push(leading.splice(0));
        asksWithNext = true;
      }
      groups.push([...leading.splice(0), i]);
    } else if (groups.length > 0 && asksOfItsOwn(i)) {
      leaning.add(groups.length);
      groups.push([i]);
    } else (groups.at(-1) ?? leading).push(i);
  });
  // "Should we have a data catalog? <context>": the only questions, with words of their own but no task word,
  // are still the question; the context's cue words ("a better project") do not say what is asked.
  // One that leans on the context ("What is that role responsible for?") is read with it, as the whole message.
  if (groups.length === 0 && leading.some(asksOfItsOwn) && !refersBack(analysis, leading)) groups.push(leading);
  return { groups, leaning, asksWithNext };
}

/**
 * "architect or DBA? who picks the schema?": roles offered as guesses, with no words of their own, are the
 * options of the "who" question after them, not a comparison asked apart.
 */
function joinGuesses(m: Message, groups: number[][]): void {
  const { own, parts } = m;
  const guessesOnly = (group: readonly number[]) =>
    group.every((i) => (own.words.get(i) ?? 0) === 0 && !own.task.has(i) && GUESS.test(parts[i] ?? ""));
  for (let g = groups.length - 2; g >= 0; g--) {
    const next = groups[g + 1] ?? [];
    if (guessesOnly(groups[g] ?? []) && next.some((i) => own.task.has(i) && ASKS_WHO.test(parts[i] ?? "")))
      groups.splice(g, 2, [...(groups[g] ?? []), ...next]);
  }
}

/** Each question asked (up to SETTINGS.maxQuestions) understood, with what the rest of the message lends it. */
function readQuestions(m: Message, { groups, leaning, asksWithNext }: Grouping): Question[] {
  const { understander, text, analysis, parts, own } = m;
  const asked = groups.slice(0, SETTINGS.maxQuestions);
  const read = (group: readonly number[], g: number): Question =>
    g === 0 && asksWithNext
      ? { text: textOf(m, group), understanding: readGroup([...group, ...(asked[1] ?? [])], g).understanding }
      : readGroup(group, g);
  const readGroup = (group: readonly number[], g: number): Question => {
    // A question with task words of its own reads the rest of the message as context for its role ("...index
    // changes? What should the process of index review entail?"), save other "who ...?" questions' task words
    // when it asks "who" too: "Who builds the loads into the warehouse? Who backs up the warehouse database?"
    // asks two things that share a noun, not one. One without task words is about what it names alone:
    // the other questions are not its context ("What does a DBA do? ... Who runs the ETL?"), save the one
    // before it when it refers back to it ("How is that different from an architect?") or asks further about
    // its matter ("What are the potential downsides?").
    // "...? who monitors the database after it goes live?": with task words of its own, "it" needs no more of
    // the question before it than any other question's context.
    const ownTask = group.some((i) => own.task.has(i));
    const previous = (refersBack(analysis, group) && !ownTask) || leaning.has(g) ? (asked[g - 1] ?? []) : [];
    const otherQuestions = groups
      .flatMap((o) => (o === group ? [] : o))
      .filter((i) => !previous.includes(i) && !group.includes(i));
    const asksWho = (i: number) => ASKS_WHO.test(parts[i] ?? "");
    // "Postgres or MySQL for the new app? And who restores a dropped table?": a "who" added with "and" or
    // "also" asks another thing, whatever this one asks; a bare closing "who designs it?" may be about this one.
    const apart = (i: number) => (group.some(asksWho) ? asksWho(i) : ADDS_WHO.test(parts[i] ?? ""));
    const otherWhoTasks = otherQuestions.filter(
      (i) => apart(i) && (own.task.has(i) || asksWhoItself(parts[i] ?? "", own.words.get(i) ?? 0)),
    );
    const others = new Set(ownTask ? otherWhoTasks : otherQuestions);
    return {
      text: textOf(m, group),
      understanding: understander.read(without(analysis, others), text, new Set(group), new Set(otherQuestions)),
    };
  };
  const questions: Question[] = [];
  let kept = -1; // the group of the last question kept
  asked.forEach((group, g) => {
    const question = read(group, g);
    const before = questions.at(-1);
    const joined = asked[kept];
    // "Postgres or MySQL for the new app? Whose call?": a later question that finds nothing to ask about of its
    // own (out of scope, with no other department's word or neighbouring job to say so) asks about the one before.
    if (before && joined && findsNothing(question.understanding) && !findsNothing(before.understanding)) {
      joined.push(...group); // its sentences are the question before's now, not another question's
      questions[questions.length - 1] = read(joined, kept);
    } else {
      questions.push(question);
      kept = g;
    }
  });
  return questions;
}

function findsNothing(u: Understanding): boolean {
  const otherDepartment = (u.cues.get("out_of_scope") ?? 0) > 0;
  return classify(u).intent === "out_of_scope" && !otherDepartment && u.neighbours.length === 0 && !u.neighbourWork?.evidence;
}

/**
 * The sentences that ask something of their own: those that name a role or job, and those with a word that
 * some responsibility names as a keyword (a task's word); and how many words each has (not stopwords or names).
 */
interface OwnWords {
  /** The sentences that name a role or a job. */
  named: Set<number>;
  /** The sentences with a task's word. */
  task: Set<number>;
  /** How many words of its own each sentence has. */
  words: Map<number, number>;
}

function ownWords(understander: Understander, analysis: Analysis): OwnWords {
  const { index, roleFinder } = understander;
  const sentenceOf = (start: number) => analysis.sentence[start] ?? -1;
  const names = [...roleFinder.find(analysis), ...roleFinder.neighbours(analysis)];
  const inName = new Set(names.flatMap((m) => Array.from({ length: m.end - m.start }, (_, k) => m.start + k)));
  const words = new Map<number, number>();
  for (const c of analysis.concepts)
    if (!c.stop && !inName.has(c.start)) words.set(sentenceOf(c.start), (words.get(sentenceOf(c.start)) ?? 0) + 1);
  return {
    words,
    named: new Set(names.map((m) => sentenceOf(m.start))),
    task: new Set(
      analysis.concepts
        .filter((c) => !c.stop && !inName.has(c.start) && index.isKeyword(c.id) && !index.isWeak(c.id))
        .map((c) => sentenceOf(c.start)),
    ),
  };
}

/** Whether a question leans on the one before it for what it is about ("that", "it", "those two"). */
function refersBack(analysis: Analysis, group: readonly number[]): boolean {
  return analysis.words.some((w, i) => REFERRING.has(w) && group.includes(analysis.sentence[i] ?? -1));
}

/** The analysis without the words of some sentences (other questions of the same message). */
function without(analysis: Analysis, sentencesOut: ReadonlySet<number>): Analysis {
  if (sentencesOut.size === 0) return analysis;
  const keep = analysis.words.map((_, i) => !sentencesOut.has(analysis.sentence[i] ?? -1));
  const at: number[] = [];
  let n = 0;
  for (const k of keep) at.push(k ? n++ : -1);
  const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => keep[i]);
  return {
    words: pick(analysis.words),
    stems: pick(analysis.stems),
    sentence: pick(analysis.sentence),
    unknown: new Set([...analysis.unknown].filter((i) => keep[i]).map((i) => at[i] ?? 0)),
    concepts: analysis.concepts
      .filter((c) => keep[c.start])
      .map((c) => ({ ...c, start: at[c.start] ?? 0, end: (at[c.end - 1] ?? 0) + 1 })),
  };
}
