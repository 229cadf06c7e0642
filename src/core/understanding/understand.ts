/**
 * Understanding a message: which roles it names, which intent cues it carries, and which
 * responsibilities its remaining words point at. No decisions here, only evidence; the
 * classifier decides.
 */
import type { IntentId } from "../intents.js";
import type { Knowledge, Neighbour, Role } from "../knowledge/types.js";
import { type Analysis, addTo, type Concept, createAnalyzer, PhraseMap, stem } from "./analyzer.js";
import { hasEmoji } from "./normalise.js";
import {
  closeTogether,
  createResponsibilityIndex,
  type ResponsibilityIndex,
  type ResponsibilityMatch,
} from "./responsibility-index.js";
import { createRoleFinder, type NeighbourMention, type RoleFinder, type RoleMention } from "./role-finder.js";
import { SETTINGS } from "./settings.js";
import { createSignalReader } from "./signals.js";

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
}

export interface Understanding {
  analysis: Analysis;
  /** Distinct roles named, in the order they appear. */
  roles: Role[];
  mentions: RoleMention[];
  /** intent -> strength of its cue words in the message */
  cues: Map<IntentId, number>;
  /** Concepts that may be a task: not stopwords, not role names, not lone cue words. */
  content: Set<string>;
  /** Roles ranked by how well their responsibilities match, best first. */
  ranking: RoleRanking[];
  /** Neighbouring roles named ("data scientist", "sysadmin"), in the order they appear. */
  neighbours: Neighbour[];
  neighbourMentions: NeighbourMention[];
  /** The neighbouring role whose own work (neighbours.yaml keywords) the message's task words match best. */
  neighbourWork: NeighbourRanking | undefined;
  /** The question's total weight as task evidence (matched or not). */
  weight: number;
  /** The message names a data thing (a thesaurus data noun: data, database, report, ...). */
  mentionsData: boolean;
  /** Concepts that came only from words with an everyday meaning too ("warehouse", "lake"). */
  ambiguous: Set<string>;
  /** Roles named only by a word with an everyday meaning ("the architect" of a building). */
  looselyNamed: Set<Role>;
  /** The sentence that is the question, when the message asks it among sentences of context (see `read`). */
  focus?: ReadonlySet<number>;
  /** The question refers back to what the message said before ("how is that different from ..."). */
  refers: boolean;
  /** Roles named only in sentences other than the one that asks "who ..." (context, not the subject). */
  contextRoles: Set<Role>;
  /** The message is only emoji (":wave:", "👍"): a reaction, not a question. */
  emojiOnly: boolean;
  /** It carries a word that asks to see the roles side by side ("compare", "at a glance": comparison.yaml's cues). */
  sideBySide: boolean;
}

/** Words by which a question leans on what came before it ("how is that different ...", "what do they do"). */
export const REFERRING: ReadonlySet<string> = new Set([
  "it",
  "its",
  "that",
  "this",
  "they",
  "them",
  "their",
  "those",
  "these",
  "he",
  "she",
  "him",
  "her",
]);
const NEWCOMER = new Set(["new", "newest", "incoming", "junior", "trainee"]);

export interface Understander {
  understand(text: string): Understanding;
  /** The message's words and concepts, sentence by sentence: what `read` reads. */
  analyse(text: string): Analysis;
  /**
   * Understand an analysed message. With `focus`, the sentences at those indexes are the question: only their
   * cue words say what is asked, and the other sentences are context (they help pick the role).
   */
  read(analysis: Analysis, text: string, focus?: ReadonlySet<number>): Understanding;
  readonly roleFinder: RoleFinder;
  readonly index: ResponsibilityIndex;
  /** Highlight helper: which words of `text` carry one of `concepts`. */
  matchedWords(text: string, concepts: ReadonlySet<string>): boolean[];
}

function knowledgeTexts(k: Knowledge): string[] {
  const texts: string[] = [];
  for (const r of k.roles) {
    texts.push(r.name, r.short, r.character, r.summary, r.example, ...r.aliases, ...r.firstWeek, ...r.actions);
    for (const resp of r.responsibilities) texts.push(resp.statement, ...resp.keywords, ...(resp.how ? [resp.how] : []));
    for (const w of r.worksWith) texts.push(w.how);
  }
  for (const n of k.neighbours) texts.push(n.name, n.description, n.difference, ...n.aliases, ...n.keywords);
  for (const i of k.intents) texts.push(...i.cues, ...i.examples);
  texts.push(...k.comparison.cues);
  return texts;
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

export function createUnderstander(knowledge: Knowledge): Understander {
  const analyzer = createAnalyzer(knowledge.thesaurus, knowledgeTexts(knowledge));
  const roleFinder = createRoleFinder(knowledge.roles, knowledge.neighbours);
  const neighbourWork = new Map(knowledge.neighbours.filter((n) => n.keywords.length > 0).map((n) => [n.id, n]));
  const neighboursById = new Map(knowledge.neighbours.map((n) => [n.id, n]));
  const index = createResponsibilityIndex(
    [...knowledge.roles, ...[...neighbourWork.values()].map(standIn)],
    analyzer,
    knowledge.thesaurus.weak,
  );
  const rolesById = new Map(knowledge.roles.map((r) => [r.id, r]));
  const actions = new PhraseMap<string[]>();
  for (const role of knowledge.roles)
    for (const action of role.actions) addTo(actions, analyzer.analyseKnown(action).stems, role.id);
  const signals = createSignalReader(knowledge);
  const { cueWords, isDataNoun } = signals;
  const ambiguousWords = new Set(knowledge.thesaurus.ambiguous.map((w) => stem(w.toLowerCase())));

  // Task phrases that contain a cue word ("different directions", "what complete means"), by cue word.
  const cuePhrases = new Map<string, Map<string, string[]>>();
  for (const entry of index.entries)
    for (const phrase of entry.phrases)
      for (const c of phrase)
        if (cueWords.has(c)) {
          const byKey = cuePhrases.get(c) ?? new Map<string, string[]>();
          byKey.set(phrase.join(" "), phrase);
          cuePhrases.set(c, byKey);
        }

  function rank(
    content: Set<string>,
    weight: number,
    positions: Map<string, number[]>,
    acting: Set<string>,
    discount: Map<string, number>,
    nounOnly: ReadonlySet<string>,
  ): { ranking: RoleRanking[]; neighbour: NeighbourRanking | undefined } {
    const byRole = new Map<string, RoleRanking>();
    for (const m of index.search(content, positions, discount)) {
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
    const neighbour = best && {
      ...best,
      neighbour: neighbourWork.get(best.role.id) as Neighbour,
      beyond: Math.max(0, ...ranked.map((r) => weigh(r.strong.filter((c) => !best.strong.includes(c) && !nounOnly.has(c))))),
      own: weigh(best.strong.filter((c) => !ranked.some((r) => r.strong.includes(c)))),
    };
    // "Who decides ...", "who restores ...": how the message says the work is done names whose ask it is.
    if (acting.size === 0) return { ranking: ranked, neighbour };
    for (const r of ranked) if (acting.has(r.role.id)) r.raw *= 1 + SETTINGS.actionBoost;
    return { ranking: ranked.sort((a, b) => b.raw - a.raw), neighbour }; // stable: ties keep knowledge order
  }

  /**
   * "The DBA already restored the table. Who fixes the nightly load?": when a message has several
   * sentences and the one that asks has task words of its own, words only in the others are context.
   */
  function contextDiscount(
    analysis: Analysis,
    content: Set<string>,
    askedIn: ReadonlySet<number> | undefined,
  ): Map<string, number> {
    const discount = new Map<string, number>();
    if (askedIn === undefined) return discount;
    const inAsk = new Set<string>();
    const elsewhere = new Set<string>();
    for (const c of analysis.concepts) {
      if (!content.has(c.id)) continue;
      (askedIn.has(analysis.sentence[c.start] ?? -1) ? inAsk : elsewhere).add(c.id);
    }
    if (![...inAsk].some((c) => index.isKnown(c) && !index.isWeak(c))) return discount;
    for (const c of elsewhere) if (!inAsk.has(c)) discount.set(c, SETTINGS.contextWeight);
    return discount;
  }

  /**
   * The concepts that may be a task, and the question's total weight as task evidence. Lone cue words
   * ("who", "difference") are not task words, unless they complete a task phrase.
   */
  function taskContent(
    analysis: Analysis,
    positions: ReadonlyMap<string, readonly number[]>,
    cuePositions: ReadonlySet<number>,
    skip: (c: Concept) => boolean,
  ): { content: Set<string>; weight: number } {
    const content = new Set<string>();
    const asCue = new Set<string>();
    for (const c of analysis.concepts) {
      if (skip(c)) continue;
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
    let weight = 0;
    for (const c of content) {
      const first = analysis.concepts[positions.get(c)?.[0] ?? -1];
      if (index.isKnown(c)) weight += index.weightOf(c);
      else if (first && first.end - first.start === 1 && analysis.unknown.has(first.start)) weight += SETTINGS.unknownWordWeight;
      else weight += SETTINGS.knownNonTaskWeight;
    }
    return { content, weight };
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

  function read(analysis: Analysis, text: string, focus?: ReadonlySet<number>): Understanding {
    const mentions = roleFinder.find(analysis);
    const titles = roleFinder.neighbours(analysis);
    const inRoleName = new Set<number>();
    // A neighbour's title is a name too: "data scientist" asks about a job, not about machine learning.
    for (const m of [...mentions, ...titles]) for (let i = m.start; i < m.end; i++) inRoleName.add(i);

    const inName = (m: { start: number; end: number }) => {
      for (let i = m.start; i < m.end; i++) if (inRoleName.has(i)) return true;
      return false;
    };
    const { cues, cuePositions, otherDepartment, ruledOut, askedIn } = signals.read(analysis, inName, focus);

    // "the new DBA", "new ETL dev here": a role named right after "new" is someone starting in it.
    if (mentions.some((m) => NEWCOMER.has(analysis.words[m.start - 1] ?? "")))
      cues.set("onboarding", (cues.get("onboarding") ?? 0) + 1.5);

    const positions = new Map<string, number[]>();
    analysis.concepts.forEach((c, i) => {
      const list = positions.get(c.id);
      if (list) list.push(i);
      else positions.set(c.id, [i]);
    });
    const { content, weight } = taskContent(
      analysis,
      positions,
      cuePositions,
      (c) => c.stop || inRoleName.has(c.start) || otherDepartment.has(c.start) || ruledOut.has(c.start),
    );

    const { ranking, neighbour } = rank(
      content,
      weight,
      positions,
      actingRoles(analysis),
      contextDiscount(analysis, content, askedIn),
      dataNounConcepts(analysis),
    );
    // A question about a role, asked among sentences of context, is not turned into a neighbouring role's
    // work by the context: a post that mentions hardware on its way to asking what a DBA does is about the DBA.
    const aboutRole = (m: { start: number }) => focus?.has(analysis.sentence[m.start] ?? -1);
    const neighbourWork = focus && mentions.some(aboutRole) ? undefined : neighbour;
    const roles: Role[] = [];
    for (const m of mentions) {
      const role = rolesById.get(m.roleId);
      if (role && !roles.includes(role)) roles.push(role);
    }
    // "the sales pipeline", "the water pipeline": another department's thing names no data; nor does the
    // "data" of a title ("the data analysts" are people).
    const mentionsData = analysis.words.some((w, i) => isDataNoun(w) && !otherDepartment.has(i) && !inRoleName.has(i));
    const plain = new Set<string>();
    const everyday = new Set<string>();
    for (const c of analysis.concepts) {
      const word = c.end - c.start === 1 ? analysis.stems[c.start] : undefined;
      (word !== undefined && ambiguousWords.has(word) ? everyday : plain).add(c.id);
    }
    const ambiguous = new Set([...everyday].filter((c) => !plain.has(c)));
    const loosely = (m: RoleMention) => m.end - m.start === 1 && ambiguousWords.has(analysis.stems[m.start] ?? "");
    const looselyNamed = new Set(roles.filter((r) => mentions.filter((m) => m.roleId === r.id).every(loosely)));
    return {
      analysis,
      roles,
      mentions,
      cues,
      content,
      ranking,
      neighbourWork,
      neighbours: [...new Set(titles.map((m) => neighboursById.get(m.neighbourId)))].filter((n) => n !== undefined),
      neighbourMentions: titles,
      weight,
      mentionsData,
      ambiguous,
      looselyNamed,
      emojiOnly: analysis.words.length === 0 && hasEmoji(text),
      ...(focus === undefined ? {} : { focus }),
      refers: analysis.words.some((w, i) => REFERRING.has(w) && (!focus || focus.has(analysis.sentence[i] ?? -1))),
      sideBySide: signals.asksSideBySide(analysis),
      contextRoles: new Set(
        askedIn === undefined
          ? []
          : roles.filter((r) => mentions.every((m) => m.roleId !== r.id || !askedIn?.has(analysis.sentence[m.start] ?? -1))),
      ),
    };
  }

  return {
    understand: (text) => read(analyzer.analyse(text), text),
    analyse: (text) => analyzer.analyse(text),
    read,
    roleFinder,
    index,
    matchedWords(text, concepts) {
      const words = text
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase());
      const hit = words.map(() => false);
      for (const c of analyzer.analyseWords(words).concepts)
        if (concepts.has(c.id)) for (let i = c.start; i < c.end; i++) hit[i] = true;
      return hit;
    },
  };
}
