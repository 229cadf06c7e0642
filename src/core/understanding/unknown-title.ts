/**
 * A job title the knowledge does not know, asked about as a job: "what does a data governance officer do?",
 * "what is an analytics manager?". Without this, its words are read as a task ("governance", "analytics")
 * and the answer names an owner with confidence. A title is known by its last word: the words the
 * knowledge's own titles end in (engineer, manager, officer, admin, ...), so an organisation's new roles
 * and neighbours teach it theirs. Asked about in other words ("is data governance officer one of the
 * roles?", "who does a metadata officer work with?"), a title counts only when the sentence asks about it
 * and nothing else.
 */
import type { Neighbour, Role } from "../knowledge/types.js";
import type { Analysis } from "./analyzer.js";
import { ARTICLES } from "./choosing.js";
import { foldPlural } from "./normalise.js";

const DOES: ReadonlySet<string> = new Set(["does", "do"]);
/**
 * Words a title asked about alone comes right after, when not first in its sentence ("is data governance
 * officer one of ...", "who does a metadata officer work with?", "what do data quality analysts do?"): a verb
 * before it would be a task ("who should get notified, the owner?").
 */
const OPENERS: ReadonlySet<string> = new Set([
  ...ARTICLES,
  ...["our", "my", "your", "their", "is", "are", "do", "does", "was", "were", "of", "about", "vs", "versus"],
  ...["and", "between", "than", "as", "like", "become", "becoming"],
]);
/**
 * "backup owner?", "who is the dr owner", "who's the collibra admin": the owner or the admin of a thing, asked
 * about alone, is whoever does that work, not a job called so ("what does a process owner do?" and "what does a
 * hadoop admin do?" still ask about a job; "data owner" and "sql admin" are known ones).
 */
const OWNS_THE_WORK: ReadonlySet<string> = new Set(["owner", "admin", "administrator"]);
/** The most words a title has, its last included ("senior clinical data governance officer" is five). */
const MAX_TITLE_WORDS = 5;

export interface TitleSpan {
  start: number;
  end: number;
}

export interface UnknownTitleFinder {
  /**
   * The span of a title the sentences in `asking` (all when undefined) ask about as a job, when it is not one the
   * knowledge names: `named` holds the positions of titles the role finder found.
   */
  find(analysis: Analysis, named: ReadonlySet<number>, asking?: ReadonlySet<number>): TitleSpan | undefined;
  /**
   * The span of a title that an asking sentence asks about and nothing else ("is data governance officer one
   * of the roles?", "who does a metadata officer work with?"): every other word of the sentence only asks
   * (`asksOnly`: a stop word, a word of an intent's cue, or a known title's).
   */
  findAlone(
    analysis: Analysis,
    named: ReadonlySet<number>,
    asksOnly: (i: number) => boolean,
    asking?: ReadonlySet<number>,
  ): TitleSpan | undefined;
}

export function createUnknownTitleFinder(
  roles: readonly Role[],
  neighbours: readonly Neighbour[],
  wordsOf: (text: string) => string[],
): UnknownTitleFinder {
  const heads = new Set<string>();
  const titles = [...roles.flatMap((r) => [r.name, ...r.aliases]), ...neighbours.flatMap((n) => [n.name, ...n.aliases])];
  for (const title of titles) {
    const words = wordsOf(title);
    // One-word titles ("dba", "sysadmin") are names, not the head of a longer one.
    const last = words.length > 1 ? words[words.length - 1] : undefined;
    if (last) heads.add(foldPlural(last));
  }
  // A title asked about with no "what does ... do" around it needs a surer head: the last word of a job's own
  // name (engineer, officer, steward), not of any alias ("etl team", "head of data governance").
  const jobHeads = new Set(
    [...roles, ...neighbours].flatMap((job) => {
      const words = wordsOf(job.name);
      const last = foldPlural(words[words.length - 1] ?? "");
      return words.length > 1 && !OWNS_THE_WORK.has(last) ? [last] : [];
    }),
  );

  return {
    find(analysis, named, asking) {
      const { words } = analysis;
      const inAsking = (i: number) => asking === undefined || asking.has(analysis.sentence[i] ?? -1);
      const sameSentence = (a: number, b: number) => analysis.sentence[a] === analysis.sentence[b];
      for (let i = 0; i < words.length; i++) {
        if (words[i] !== "what" || !inAsking(i)) continue;
        const span = afterWhatDoes(words, i, sameSentence) ?? afterWhatIs(words, i, sameSentence);
        if (!span) continue;
        const length = span.end - span.start;
        const last = words[span.end - 1];
        if (length < 2 || length > MAX_TITLE_WORDS || !last || !heads.has(foldPlural(last))) continue;
        let known = false;
        for (let k = span.start; k < span.end; k++) known ||= named.has(k);
        if (!known) return span;
      }
      return undefined;
    },
    findAlone(analysis, named, asksOnly, asking) {
      const { words, sentence } = analysis;
      for (let head = 0; head < words.length; head++) {
        const at = sentence[head] ?? -1;
        if (named.has(head) || !jobHeads.has(foldPlural(words[head] ?? "")) || (asking && !asking.has(at))) continue;
        let start = head;
        const joins = (i: number) => sentence[i] === at && !named.has(i) && !asksOnly(i);
        while (start > 0 && head - start + 1 < MAX_TITLE_WORDS && joins(start - 1)) start--;
        if (start === head || (start > 0 && sentence[start - 1] === at && !OPENERS.has(words[start - 1] ?? ""))) continue;
        let alone = true;
        for (let i = 0; i < words.length && alone; i++)
          if (sentence[i] === at && (i < start || i > head)) alone = asksOnly(i) || named.has(i);
        if (alone) return { start, end: head + 1 };
      }
      return undefined;
    },
  };
}

/** "what does a X do", "what do the X do": X's span, when "do" closes it in the same sentence. */
function afterWhatDoes(words: readonly string[], at: number, same: (a: number, b: number) => boolean): TitleSpan | undefined {
  if (!DOES.has(words[at + 1] ?? "") || !ARTICLES.has(words[at + 2] ?? "")) return undefined;
  for (let end = at + 3; end < words.length && same(at, end); end++) if (words[end] === "do") return { start: at + 3, end };
  return undefined;
}

/** "what is a X", and "what's a X" (read "what a X"): X's span, to the end of the sentence. */
function afterWhatIs(words: readonly string[], at: number, same: (a: number, b: number) => boolean): TitleSpan | undefined {
  const article = words[at + 1] === "is" ? at + 2 : at + 1;
  if (words[article] !== "a" && words[article] !== "an") return undefined;
  let end = article + 1;
  while (end < words.length && same(at, end)) end++;
  return { start: article + 1, end };
}
