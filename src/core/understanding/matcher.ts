/**
 * The shipped matcher behind the core's Matcher interface: understand the message (understand.ts),
 * decide its intent (classify.ts), and report the result in the one shape answers are built from.
 */
import type { Knowledge, Role } from "../knowledge/types.js";
import type { HighlightSpan, Matcher, MatchResult, RankedRole } from "../matcher.js";
import { classify, type Decision } from "./classify.js";
import { questionsOf } from "./questions.js";
import type { RoleRanking } from "./task-ranking.js";
import { createUnderstander, type Understander, type Understanding } from "./understand.js";

/**
 * The stretches of `text` to show bold: the words `hits` marks (counting runs of letters and digits),
 * with the space between two such words included, so two bold words read as one bold phrase.
 */
function highlightSpans(text: string, hits: readonly boolean[]): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  let open: HighlightSpan | undefined;
  let word = 0;
  let at = 0;
  for (const part of text.split(/([A-Za-z0-9]+)/)) {
    if (part === "") continue;
    const start = at;
    at += part.length;
    const isWord = /^[A-Za-z0-9]/.test(part);
    if (isWord && hits[word++] === true) {
      if (open) open.end = at;
      else {
        open = { start, end: at };
        spans.push(open);
      }
    } else if (open && !isWord && /^\s+$/.test(part) && hits[word] === true) open.end = at;
    else open = undefined;
  }
  return spans;
}

/** Highlights already worked out, by statement and matched terms: the same few recur across questions. */
type HighlightCache = Map<string, HighlightSpan[]>;
const HIGHLIGHTS_KEPT = 5_000;

function ranked(
  understander: Understander,
  ranking: readonly RoleRanking[],
  cache: HighlightCache,
  guess: boolean,
): RankedRole[] {
  const top = ranking[0];
  if (!top) return [];
  return ranking.map((r) => {
    const best = r.matches[0];
    return {
      role: r.role,
      // The first role is the answer; one put first for its proof ("promoted") may rank below a runner-up
      // on raw score, and no runner-up may look surer than the answer itself.
      score: r === top ? top.confidence : top.confidence * Math.min(1, r.raw / top.raw),
      relative: r === top ? 1 : Math.min(1, r.raw / top.raw),
      ...(guess ? { guess: true as const } : {}),
      evidence: r.matches.map((m) => {
        const statement = m.entry.responsibility.statement;
        let spans: HighlightSpan[] | undefined;
        return {
          responsibility: m.entry.responsibility,
          relative: m === best || !best ? 1 : m.raw / best.raw,
          terms: m.concepts,
          // Worked out when an answer shows it: most matched responsibilities are never shown.
          get highlight() {
            if (spans) return spans;
            const key = `${statement}\u0000${m.concepts.join("\u0000")}`;
            spans = cache.get(key) ?? highlightSpans(statement, understander.matchedWords(statement, new Set(m.concepts)));
            if (cache.size >= HIGHLIGHTS_KEPT) cache.clear();
            cache.set(key, spans);
            return spans;
          },
        };
      }),
    };
  });
}

export function createMatcher(knowledge: Knowledge): Matcher {
  const understander = createUnderstander(knowledge);
  const highlights: HighlightCache = new Map();
  function result(understanding: Understanding, text: string): MatchResult {
    const decision = classify(understanding);
    const namedAs = namesOf(understanding, text);
    return {
      intent: decision.intent,
      // Whom the answer is about: the roles the question itself asks about ("I'm a DBA. What does a data
      // architect do?" is about the architect), else those the message names ("I'm the new data architect.
      // How do I get up to speed?" is the architect's tour).
      named: whomAbout(decision, understanding),
      ranked: ranked(understander, decision.ranking, highlights, decision.guess === true),
      words: understanding.analysis.words,
      cues: [...understanding.cues.keys()],
      acting: [...understanding.acting],
      ...(decision.sideBySide ? { sideBySide: true } : {}),
      ...(decision.everyPart ? { everyPart: true } : {}),
      ...(decision.onlyNamed ? { onlyNamed: true } : {}),
      ...(decision.neighbour ? { neighbour: decision.neighbour } : {}),
      ...(decision.department ? { department: decision.department } : {}),
      ...(decision.unknownTitle ? { unknownTitle: decision.unknownTitle } : {}),
      ...(namedAs ? { namedAs } : {}),
    };
  }
  return {
    match(text): MatchResult {
      const { asked, unasked } = questionsOf(understander, text);
      const questions = asked.map((q) => ({ ...result(q.understanding, q.text), question: q.text }));
      const [first] = questions;
      if (!first) throw new Error("a message always has a question");
      const { question: _, ...own } = first;
      if (questions.length === 1) return own;
      return { ...own, parts: questions, ...(unasked.length > 0 ? { unasked } : {}) };
    },
    resolveRole(name) {
      const direct = understander.roleFinder.resolve(name);
      if (direct) return direct;
      const named = understander.understand(name).roles;
      return named.length === 1 ? named[0]?.id : undefined;
    },
  };
}

/**
 * The roles `text` names by more than one name, with those names as typed ("ETL developer", not the words' "etl
 * developer"); as the words read them where the typing differs (a misspelling corrected, an abbreviation spelt out).
 */
function namesOf(understanding: Understanding, text: string): Record<string, string[]> | undefined {
  const { words, stems } = understanding.analysis;
  // Each role's different names, by their stems ("DBA" and "DBAs" are one name), as spans of the words.
  const byRole = new Map<string, Map<string, string[]>>();
  for (const m of understanding.mentions) {
    const names = byRole.get(m.roleId) ?? new Map<string, string[]>();
    byRole.set(m.roleId, names);
    const stem = stems.slice(m.start, m.end).join(" ");
    if (!names.has(stem)) names.set(stem, words.slice(m.start, m.end));
  }
  const typed = (said: string[]) =>
    new RegExp(`\\b${said.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\W+")}\\b`, "i").exec(text)?.[0] ??
    said.join(" ");
  const twice = [...byRole].filter(([, names]) => names.size > 1);
  return twice.length > 0 ? Object.fromEntries(twice.map(([id, names]) => [id, [...names.values()].map(typed)])) : undefined;
}

/**
 * Whom an answer is about: the roles the question itself asks about, else the role someone is starting in, else
 * those the message names; but a neighbouring job described is about itself alone ("I work with the data
 * architect ... What does a data scientist do?" is not about the architect).
 */
function whomAbout(decision: Decision, understanding: Understanding): Role[] {
  if (decision.asked.length > 0) return decision.asked;
  if (decision.starting) return [decision.starting];
  return decision.neighbour && decision.intent === "describe_role" ? [] : understanding.roles;
}
