/**
 * Which roles' work a message's task words point at: the task words themselves (not names, cues or
 * other departments' words), and the modelled roles and neighbouring roles ranked by how well their
 * responsibilities match them. Evidence only; the classifier decides.
 */
import type { Knowledge, Neighbour, Role } from "../knowledge/types.js";
import { type Analysis, type Analyzer, addTo, type Concept, PhraseMap } from "./analyzer.js";
import {
  closeTogether,
  createResponsibilityIndex,
  inOrder,
  type ResponsibilityIndex,
  type ResponsibilityMatch,
} from "./responsibility-index.js";
import { SETTINGS } from "./settings.js";
import type { SignalReader } from "./signals.js";

/** How well one role's responsibilities match the task in a question. */
export interface RoleRanking {
  role: Role;
  raw: number;
  /** Share of the question's weight this role's best responsibility covers, 0..1. */
  confidence: number;
  /** Weight of the concepts that matched whole keywords (see ResponsibilityMatch.evidence). */
  evidence: number;
  /** The concepts that make up `evidence`. */
  strong: string[];
  matches: ResponsibilityMatch[];
}

/** How well a neighbouring role's own work matches the task (its ranking stands on a stand-in role). */
export interface NeighbourRanking extends RoleRanking {
  neighbour: Neighbour;
  /**
   * The most whole-keyword evidence any modelled role has from words other than the neighbour's own
   * ("notes" in "release notes" is the neighbour's, not the lake's unstructured notes) and other than
   * bare data nouns ("select a column" in a question about a dashboard's charts says only that it is data).
   */
  beyond: number;
  /** Its whole-keyword evidence from words no modelled role's keywords matched: what proves the work is its own. */
  own: number;
  /** One phrase of its holds every task word of the question but weak ones ("build the dashboard"). */
  holdsTask: boolean;
}

/** Where each concept occurs in an analysis (indexes into `analysis.concepts`). */
export type Positions = ReadonlyMap<string, readonly number[]>;

export interface TaskRanker {
  readonly index: ResponsibilityIndex;
  /**
   * The concepts that may be a task, and the question's total weight as task evidence. Lone cue words
   * ("who", "difference") are not task words, unless they complete a task phrase; nor are a neighbouring
   * role's title's words, unless a task phrase holds them with a task word ("appoint data stewards"): then
   * they are its `objects`.
   */
  taskContent(
    analysis: Analysis,
    positions: Positions,
    cuePositions: ReadonlySet<number>,
    skip: (c: Concept) => boolean,
    /** The concepts of a neighbouring role's title (skipped), which may be a task phrase's object. */
    inTitle?: (c: Concept) => boolean,
  ): { content: Set<string>; weight: number; objects: Set<string> };
  /** The modelled roles best first, the neighbouring role whose own work matches best, and the roles whose ways of working (`actions`: "build", "keep it running") the message uses. */
  rank(
    analysis: Analysis,
    content: Set<string>,
    weight: number,
    positions: Positions,
    askedIn: ReadonlySet<number> | undefined,
    /** Sentences of context that name a role: what it does or did, not the work asked about. */
    reported?: ReadonlySet<number>,
  ): { ranking: RoleRanking[]; neighbour: NeighbourRanking | undefined; acting: Set<string> };
}

/**
 * A neighbouring role's own work as a stand-in role with one responsibility, so that one index weighs the
 * modelled roles' work and the neighbours' against each other. It never reaches an answer.
 */
function standIn(n: Neighbour): Role {
  return {
    id: n.id,
    name: n.name,
    short: n.name,
    character: n.description,
    aliases: [],
    summary: n.description,
    responsibilities: [{ id: "work", statement: "", keywords: n.keywords, concerns: [] }],
    actions: [],
    example: "",
    worksWith: [],
    firstWeek: [],
  };
}

export function createTaskRanker(
  knowledge: Knowledge,
  analyzer: Analyzer,
  signals: Pick<SignalReader, "cueWords" | "isDataNoun">,
): TaskRanker {
  const { cueWords, isDataNoun } = signals;
  const neighbourWork = new Map(knowledge.neighbours.filter((n) => n.keywords.length > 0).map((n) => [n.id, n]));
  const index = createResponsibilityIndex(
    [...knowledge.roles, ...[...neighbourWork.values()].map(standIn)],
    analyzer,
    knowledge.thesaurus.weak,
  );
  const actions = new PhraseMap<string[]>();
  const tools = new PhraseMap<string[]>();
  for (const role of knowledge.roles) {
    for (const action of role.actions) addTo(actions, analyzer.analyseKnown(action).stems, role.id);
    for (const tool of role.tools ?? []) addTo(tools, analyzer.analyseKnown(tool).stems, role.id);
  }

  // Task phrases that contain a cue word ("different directions", "what complete means"), by cue word.
  const cuePhrases = new Map<string, Map<string, string[]>>();
  // The modelled roles' task phrases by their last concept: one that ends on a title's word ("appoint data
  // stewards") may hold that title as its object.
  const titlePhrases = new Map<string, string[][]>();
  const modelled = new Set(knowledge.roles);
  for (const entry of index.entries)
    for (const phrase of entry.phrases) {
      for (const c of phrase)
        if (cueWords.has(c)) {
          const byKey = cuePhrases.get(c) ?? new Map<string, string[]>();
          byKey.set(phrase.join(" "), phrase);
          cuePhrases.set(c, byKey);
        }
      const last = phrase[phrase.length - 1];
      if (modelled.has(entry.role) && last !== undefined) titlePhrases.set(last, [...(titlePhrases.get(last) ?? []), phrase]);
    }

  function taskContent(
    analysis: Analysis,
    positions: Positions,
    cuePositions: ReadonlySet<number>,
    skip: (c: Concept) => boolean,
    inTitle: (c: Concept) => boolean = () => false,
  ): { content: Set<string>; weight: number; objects: Set<string> } {
    const content = new Set<string>();
    const asCue = new Set<string>();
    const titleWords = new Set<string>();
    for (const c of analysis.concepts) {
      if (skip(c)) {
        if (!c.stop && inTitle(c)) titleWords.add(c.id);
        continue;
      }
      if (c.end - c.start === 1 && cuePositions.has(c.start) && cueWords.has(c.id)) asCue.add(c.id);
      else content.add(c.id);
    }
    // "what 'complete' means", "pulling in different directions": the cue word is part of the task.
    for (const c of asCue)
      for (const p of cuePhrases.get(c)?.values() ?? [])
        if (p.every((x) => x === c || content.has(x)) && closeTogether(p, positions)) {
          content.add(c);
          break;
        }
    // "who appoints data stewards?": a title that ends a task phrase of ours, after a task word of the
    // message, is that task's object, not a job asked about.
    const objects = new Set<string>();
    for (const c of titleWords)
      for (const p of titlePhrases.get(c) ?? [])
        if (
          content.has(p[0] ?? "") &&
          !titleWords.has(p[0] ?? "") &&
          p.every((x) => content.has(x) || titleWords.has(x)) &&
          inOrder(p, positions)
        )
          for (const x of p) if (titleWords.has(x)) objects.add(x);
    for (const c of objects) content.add(c);
    let weight = 0;
    for (const c of content) {
      const first = analysis.concepts[positions.get(c)?.[0] ?? -1];
      if (index.isKnown(c)) weight += index.weightOf(c);
      else if (first && first.end - first.start === 1 && analysis.unknown.has(first.start)) weight += SETTINGS.unknownWordWeight;
      else weight += SETTINGS.knownNonTaskWeight;
    }
    return { content, weight, objects };
  }

  /**
   * "The DBA already restored the table. Who fixes the nightly load?": when a message has several
   * sentences and the one that asks has task words of its own, words only in the others are context;
   * those only in sentences that name a role are less still: they tell what that role did or said, which
   * is not the work asked about ("The ETL developer says his loads are correct. Who owns data quality?").
   */
  function contextDiscount(
    analysis: Analysis,
    content: Set<string>,
    askedIn: ReadonlySet<number> | undefined,
    reported: ReadonlySet<number>,
  ): Map<string, number> {
    const discount = new Map<string, number>();
    if (askedIn === undefined) return discount;
    const inAsk = new Set<string>();
    const elsewhere = new Set<string>();
    const unreported = new Set<string>();
    for (const c of analysis.concepts) {
      if (!content.has(c.id)) continue;
      const sentence = analysis.sentence[c.start] ?? -1;
      (askedIn.has(sentence) ? inAsk : elsewhere).add(c.id);
      if (!askedIn.has(sentence) && !reported.has(sentence)) unreported.add(c.id);
    }
    if (![...inAsk].some((c) => index.isKnown(c) && !index.isWeak(c))) return discount;
    for (const c of elsewhere)
      if (!inAsk.has(c)) discount.set(c, unreported.has(c) ? SETTINGS.contextWeight : SETTINGS.reportedWeight);
    return discount;
  }

  /**
   * Concepts the message has only from data nouns ("column", "table", "query"): they say its subject is
   * data, which a BI tool's or an ML pipeline's question is too, not whose task it is.
   */
  function dataNounConcepts(analysis: Analysis): Set<string> {
    const noun = new Set<string>();
    const other = new Set<string>();
    for (const c of analysis.concepts) (c.end - c.start === 1 && isDataNoun(analysis.words[c.start]) ? noun : other).add(c.id);
    return new Set([...noun].filter((c) => !other.has(c)));
  }

  function actingRoles(analysis: Analysis): Set<string> {
    const acting = new Set<string>();
    for (const m of actions.matches(analysis.stems)) for (const id of m.value) acting.add(id);
    return acting;
  }

  /**
   * The roles whose everyday products the message names ("Spark", "dbt"): not a product chosen between others
   * ("Airflow or Prefect" is a choice, whoever makes it), nor an end of a data move ("from Postgres to Snowflake").
   */
  function workingRoles(analysis: Analysis): Set<string> {
    const working = new Set<string>();
    const asked = (start: number, end: number) =>
      !analysis.concepts.some((c) => c.start <= start && end <= c.end && (c.choice || c.stop));
    for (const m of tools.matches(analysis.stems, asked)) for (const id of m.value) working.add(id);
    return working;
  }

  function rank(
    analysis: Analysis,
    content: Set<string>,
    weight: number,
    positions: Positions,
    askedIn: ReadonlySet<number> | undefined,
    reported: ReadonlySet<number> = new Set(),
  ): { ranking: RoleRanking[]; neighbour: NeighbourRanking | undefined; acting: Set<string> } {
    const byRole = new Map<string, RoleRanking>();
    for (const m of index.search(content, positions, contextDiscount(analysis, content, askedIn, reported))) {
      const r = byRole.get(m.entry.role.id);
      if (r) {
        if (r.matches.length < 2) r.matches.push(m);
        // Whether the message is about this role's work at all: its strongest evidence anywhere,
        // and every task word of its that matched ("ingestion" and "lake" in "who builds the
        // ingestion into the lake": the lake is data because ingestion is).
        if (m.evidence > r.evidence) r.evidence = m.evidence;
        for (const c of m.strong) if (!r.strong.includes(c)) r.strong.push(c);
        continue;
      }
      byRole.set(m.entry.role.id, {
        role: m.entry.role,
        raw: m.raw,
        confidence: weight > 0 ? Math.min(1, m.covered / weight) : 0,
        evidence: m.evidence,
        strong: [...m.strong],
        matches: [m],
      });
    }
    const all = [...byRole.values()]; // best first: search() sorts by raw
    const ranked = all.filter((r) => !neighbourWork.has(r.role.id));
    const best = all.find((r) => neighbourWork.has(r.role.id));
    const weigh = (concepts: string[]) => concepts.reduce((sum, c) => sum + index.weightOf(c), 0);
    const nounOnly = dataNounConcepts(analysis);
    const neighbour = best && {
      ...best,
      neighbour: neighbourWork.get(best.role.id) as Neighbour,
      beyond: Math.max(0, ...ranked.map((r) => weigh(r.strong.filter((c) => !best.strong.includes(c) && !nounOnly.has(c))))),
      own: weigh(best.strong.filter((c) => !ranked.some((r) => r.strong.includes(c)))),
      holdsTask: best.matches.some((m) => m.phrased.size >= 2 && [...content].every((c) => index.isWeak(c) || m.phrased.has(c))),
    };
    // "Who decides ...", "who restores ...": how the message says the work is done names whose ask it is; so does
    // the product it is done in ("Spark execution times"), when only one role works in the products named.
    const acting = actingRoles(analysis);
    const working = workingRoles(analysis);
    if (acting.size === 0 && working.size !== 1) return { ranking: ranked, neighbour, acting };
    for (const r of ranked) {
      if (acting.has(r.role.id)) r.raw *= 1 + SETTINGS.actionBoost;
      if (working.size === 1 && working.has(r.role.id)) r.raw *= 1 + SETTINGS.toolBoost;
    }
    return { ranking: ranked.sort((a, b) => b.raw - a.raw), neighbour, acting }; // stable: ties keep knowledge order
  }

  return { index, taskContent, rank };
}
