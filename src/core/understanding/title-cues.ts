/**
 * What the job titles a message names say of what it asks: a title after "new" is someone starting in it, a
 * title's jobs, prospects or pay are the job market's matter, and two offered as the one to hire or to go into
 * are a choice between them. Read beside the cue words (signals.ts), before any intent is scored.
 */
import type { IntentId } from "../intents.js";
import { asAlternatives } from "./choosing.js";

/** A title's job, role or career, before a word of its prospects ("the DBA role is dying"). */
const PROSPECT_NOUN = new Set(["role", "roles", "job", "jobs", "career", "careers", "profession", "market"]);
/** Words between a word of replacement and the title it replaces ("replace the DBAs", "kill all data engineers"). */
const BEFORE_TITLE = new Set(["the", "a", "an", "our", "all", "us"]);
/** A title's replacement, before the title ("will AI replace DBAs?", "kill the data analyst job"). */
const REPLACED = new Set(["replace", "replaces", "replacing", "kill", "kills", "killing"]);
const PROSPECT = new Set(["dying", "dead", "obsolete", "salary", "salaries", "pay", "demand", "future", "outlook", "prospects"]);
/** What a title is paid, after "how much" or "what" ("how much does a data architect make?"). */
const EARNS = new Set(["make", "makes", "earn", "earns", "earning"]);
const NEWCOMER = new Set(["first", "new", "newest", "incoming", "junior", "trainee", "rookie", "newbie", "novice", "beginner"]);
/** "day 1", "week one": the start of a job, before its title. */
const FIRST_DAY = new Set(["day", "week"]);
const FIRST = new Set(["1", "one"]);
/** Words of choosing a job: whom to hire, or which job to go into. */
const CHOOSING_A_JOB = new Set([
  "hire",
  "hires",
  "hiring",
  "recruit",
  "recruiting",
  "recruitment",
  "become",
  "becoming",
  "career",
  "careers",
]);

/** Whether a title is asked about as a job on the market: its prospects, its replacement or its pay. */
function asksTheJobsProspects(words: readonly string[], m: { start: number; end: number }): boolean {
  // "is the DBA role dying", "data engineer salaries in Berlin": a title (or its job, role or career) followed by a
  // word of its prospects.
  let k = PROSPECT_NOUN.has(words[m.end] ?? "") ? m.end + 1 : m.end;
  if (words[k] === "is" || words[k] === "are") k++;
  if (PROSPECT.has(words[k] ?? "")) return true;
  // "will ChatGPT replace DBAs?", "AI will kill the data analyst job": a title after a word of its replacement.
  let b = m.start - 1;
  while (BEFORE_TITLE.has(words[b] ?? "")) b--;
  if (REPLACED.has(words[b] ?? "")) return true;
  // "how much does a data architect make in Germany?", "what do DBAs earn?": its pay.
  const asked = words.slice(Math.max(0, m.start - 4), m.start).join(" ");
  return EARNS.has(words[m.end] ?? "") && (asked.includes("how much") || asked.startsWith("what"));
}

/**
 * What the titles a message names say of what it asks, added to its cues: a title after "new" is someone starting
 * in it, a title's jobs or prospects are the job market's matter, and two offered as the one to hire or to go into
 * are a choice between them. Whether a title's prospects are asked about.
 */
export function addTitleCues(
  words: readonly string[],
  names: readonly { start: number; end: number }[],
  cues: Map<IntentId, number>,
  contextCues: Map<IntentId, number>,
): boolean {
  // "the new DBA", "new data steward", "day 1 architect": a title named right after "new" (or a first day) is
  // someone starting in it, which is said of the asker, not asked (a context cue).
  const before = (m: { start: number }, n: number) => words[m.start - n] ?? "";
  const starting = (m: { start: number }) =>
    NEWCOMER.has(before(m, 1)) || (FIRST_DAY.has(before(m, 2)) && FIRST.has(before(m, 1)));
  if (names.some(starting)) {
    cues.set("onboarding", (cues.get("onboarding") ?? 0) + 1.5);
    contextCues.set("onboarding", (contextCues.get("onboarding") ?? 0) + 1.5);
  }
  // "data engineer jobs in berlin": a title's jobs are the job market's listings, not batch jobs (those are
  // an ETL job, an agent job).
  if (names.some((m) => words[m.end] === "jobs")) cues.set("out_of_scope", (cues.get("out_of_scope") ?? 0) + 1);
  // "DBA dying?", "will ChatGPT replace DBAs?", "how much does a data architect make?": a title's prospects ask
  // about the job market, not about the work.
  const prospect = names.some((m) => asksTheJobsProspects(words, m));
  if (prospect) cues.set("out_of_scope", (cues.get("out_of_scope") ?? 0) + 1.5);
  // "DBA or data engineer, which should we hire first?", "should I become an ETL dev or a DBA?": two jobs offered
  // as the one to hire or to go into is a choice between them, which their work decides, not a task's owner
  // or recruitment's matter.
  if (
    words.some((w) => CHOOSING_A_JOB.has(w)) &&
    names.some((a, i) => names.slice(i + 1).some((b) => asAlternatives(words, a, b)))
  )
    cues.set("compare_roles", (cues.get("compare_roles") ?? 0) + 1.5);
  return prospect;
}
