/**
 * What the people who maintain intents/ want to know from a window of usage events: which questions
 * the bot failed, which answers people disliked, and what is asked about most. Pure: events in,
 * report out.
 */
import type { UsageEvent } from "../store/store.js";

/** Rows per section. */
export const REPORT_ROWS = 10;

export interface UnansweredRow {
  /** SHA-256 of the normalised question: the grouping key. */
  hash: string;
  /** The text as typed, when it was recorded (RECORD_QUESTIONS=true). */
  question?: string;
  terms: string[];
  count: number;
  /** How often it was out of scope and how often a weak answer. */
  outOfScope: number;
  lowConfidence: number;
  lastAt: string;
}

export interface FeedbackRow {
  intent: string;
  role?: string;
  up: number;
  down: number;
}

/** Corrections after a 👎, grouped by question (or, when the question was no longer kept, by the answer given). */
export interface CorrectionRow {
  /** The question's hash, when the correction came while it was still kept. */
  hash?: string;
  /** The text as typed, when it was recorded (RECORD_QUESTIONS=true). */
  question?: string;
  terms: string[];
  /** What the bot answered. */
  intent: string;
  role?: string;
  /** What people said it should have been (null: none of the data roles), most said first. */
  expected: { role: string | null; count: number }[];
  count: number;
}

export interface UsageReport {
  since: string;
  until: string;
  totals: { questions: number; answered: number; unanswered: number; up: number; down: number; corrections: number };
  unanswered: UnansweredRow[];
  /** What people said a disliked answer should have been, most corrected first. */
  corrections: CorrectionRow[];
  /** Answers with at least one 👎, most 👎 first. */
  disliked: FeedbackRow[];
  /** Every question by the intent it was understood as (out_of_scope included). */
  intents: { intent: string; count: number }[];
  /** Questions by the role that came first in the answer. */
  roles: { role: string; count: number }[];
}

const top = <T>(rows: T[], by: (r: T) => number, tie: (r: T) => string, limit: number) =>
  rows.sort((a, b) => by(b) - by(a) || tie(a).localeCompare(tie(b))).slice(0, limit);

function countBy(values: string[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

export function buildReport(events: UsageEvent[], window: { since: Date; until: Date }, limit = REPORT_ROWS): UsageReport {
  const from = window.since.getTime();
  const to = window.until.getTime();
  const inWindow = events.filter((e) => e.at >= from && e.at <= to);

  const unanswered = new Map<string, UnansweredRow>();
  const feedback = new Map<string, FeedbackRow>();
  const corrections = new Map<string, CorrectionRow>();
  const intents: string[] = [];
  const roles: string[] = [];
  const totals = { questions: 0, answered: 0, unanswered: 0, up: 0, down: 0, corrections: 0 };

  for (const e of inWindow) {
    if (e.type === "correction") {
      totals.corrections++;
      const key = e.hash ?? `answer\u0000${e.intent}\u0000${e.role ?? ""}`;
      const row = corrections.get(key) ?? {
        ...(e.hash ? { hash: e.hash } : {}),
        terms: [],
        intent: e.intent,
        expected: [],
        count: 0,
      };
      row.count++;
      row.intent = e.intent;
      if (e.role) row.role = e.role;
      if (e.question && !row.question) row.question = e.question;
      row.terms = [...new Set([...row.terms, ...e.terms])].sort();
      const vote = row.expected.find((x) => x.role === e.expected);
      if (vote) vote.count++;
      else row.expected.push({ role: e.expected, count: 1 });
      row.expected.sort((a, b) => b.count - a.count || String(a.role).localeCompare(String(b.role)));
      corrections.set(key, row);
      continue;
    }
    if (e.type === "feedback") {
      totals[e.vote]++;
      const key = `${e.intent}\u0000${e.role ?? ""}`;
      const row = feedback.get(key) ?? { intent: e.intent, ...(e.role ? { role: e.role } : {}), up: 0, down: 0 };
      row[e.vote]++;
      feedback.set(key, row);
      continue;
    }
    totals.questions++;
    intents.push(e.intent);
    if (e.role) roles.push(e.role);
    if (e.type === "asked") {
      totals.answered++;
      continue;
    }
    totals.unanswered++;
    const row = unanswered.get(e.hash) ?? { hash: e.hash, terms: [], count: 0, outOfScope: 0, lowConfidence: 0, lastAt: "" };
    row.count++;
    if (e.reason === "out_of_scope") row.outOfScope++;
    else row.lowConfidence++;
    if (e.question && !row.question) row.question = e.question;
    row.terms = [...new Set([...row.terms, ...e.terms])].sort();
    const at = new Date(e.at).toISOString();
    if (at > row.lastAt) row.lastAt = at;
    unanswered.set(e.hash, row);
  }

  return {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    totals,
    unanswered: top(
      [...unanswered.values()],
      (r) => r.count,
      (r) => r.hash,
      limit,
    ),
    corrections: top(
      [...corrections.values()],
      (r) => r.count,
      (r) => r.hash ?? `${r.intent} ${r.role ?? ""}`,
      limit,
    ),
    disliked: top(
      [...feedback.values()].filter((r) => r.down > 0),
      (r) => r.down * 1e6 - r.up,
      (r) => `${r.intent} ${r.role ?? ""}`,
      limit,
    ),
    intents: top(
      countBy(intents),
      (r) => r.count,
      (r) => r.key,
      limit,
    ).map(({ key, count }) => ({ intent: key, count })),
    roles: top(
      countBy(roles),
      (r) => r.count,
      (r) => r.key,
      limit,
    ).map(({ key, count }) => ({ role: key, count })),
  };
}
