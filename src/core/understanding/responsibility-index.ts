/**
 * An inverted index from concepts to responsibilities, scored like BM25 without length
 * normalisation (responsibilities are all short). A question costs one postings walk per
 * concept, so it stays in the low milliseconds even at tens of thousands of responsibilities.
 */
import type { Responsibility, Role } from "../knowledge/types.js";
import type { Analysis, Analyzer, Concept } from "./analyzer.js";
import { SETTINGS } from "./settings.js";

export interface IndexedResponsibility {
  role: Role;
  responsibility: Responsibility;
  /** concept -> how strongly it belongs to this responsibility (keyword vs statement) */
  weights: Map<string, number>;
  /** Multi-concept keywords ("dropped table"), as concept lists, for the whole-phrase bonus. */
  phrases: string[][];
  /** The same phrases by their first concept: a search checks only those whose first word it has. */
  phrasesByFirst: Map<string, string[][]>;
}

export interface ResponsibilityMatch {
  entry: IndexedResponsibility;
  /** Ranking score: the weight of the matched concepts plus phrase bonuses. */
  raw: number;
  /** The weight of the question's concepts this responsibility covers (no bonuses). */
  covered: number;
  /**
   * Weight of the concepts that matched whole keywords (not parts of phrases, and not weak words unless a
   * keyword made only of them matched whole and in order).
   */
  evidence: number;
  /** The concepts that make up `evidence`. */
  strong: string[];
  /** The question's concepts that matched. */
  concepts: string[];
  /** Those that matched as words of a whole keyword phrase ("build the dashboard"), not one by one. */
  phrased: ReadonlySet<string>;
}

export interface ResponsibilityIndex {
  readonly entries: readonly IndexedResponsibility[];
  /** Inverse document frequency with the `weak` discount: what a concept is worth as evidence. */
  weightOf(concept: string): number;
  isKnown(concept: string): boolean;
  isWeak(concept: string): boolean;
  /** Whether some responsibility names the concept as a keyword of its own (not only in a statement or a longer phrase). */
  isKeyword(concept: string): boolean;
  /**
   * Matches for a set of question concepts, best first (ties in knowledge order).
   * @param positions where each concept occurs in the question (indexes into its concepts); a multi-word
   * keyword counts as a whole phrase only when its words stand close together.
   * @param discount concept -> factor under 1 for words that are only context ("the DBA already
   * restored the table" before "who fixes the load?"): they rank for less, but still prove a task.
   */
  search(
    concepts: ReadonlySet<string>,
    positions?: ReadonlyMap<string, readonly number[]>,
    discount?: ReadonlyMap<string, number>,
  ): ResponsibilityMatch[];
}

export function createResponsibilityIndex(
  roles: readonly Role[],
  analyzer: Analyzer,
  weakWords: readonly string[],
): ResponsibilityIndex {
  const weak = new Set<string>();
  for (const w of weakWords) for (const c of analyzer.analyseKnown(w).concepts) weak.add(c.id);

  const entries: IndexedResponsibility[] = [];
  for (const role of roles)
    for (const responsibility of role.responsibilities) {
      const weights = new Map<string, number>();
      const phrases: string[][] = [];
      const add = (concept: string, w: number) => weights.set(concept, Math.max(weights.get(concept) ?? 0, w));
      for (const keyword of responsibility.keywords) {
        const ids = phraseOf(analyzer.analyseKnown(keyword));
        // A word that is only part of a phrase ("full" in "disk full") says less on its own.
        const weight = ids.length > 1 ? SETTINGS.phrasePartWeight : SETTINGS.keywordWeight;
        for (const id of ids) add(id, weight);
        if (ids.length > 1) phrases.push(ids);
      }
      for (const c of analyzer.analyseKnown(responsibility.statement).concepts) if (!c.stop) add(c.id, SETTINGS.statementWeight);
      const phrasesByFirst = new Map<string, string[][]>();
      for (const p of phrases) phrasesByFirst.set(p[0] as string, [...(phrasesByFirst.get(p[0] as string) ?? []), p]);
      entries.push({ role, responsibility, weights, phrases, phrasesByFirst });
    }

  const postings = new Map<string, { entry: number; weight: number }[]>();
  entries.forEach((e, i) => {
    for (const [concept, weight] of e.weights) {
      const list = postings.get(concept);
      if (list) list.push({ entry: i, weight });
      else postings.set(concept, [{ entry: i, weight }]);
    }
  });
  const n = entries.length;
  // Scaled so a word found in one responsibility only weighs rareWordWeight however large the knowledge
  // is: the matcher's thresholds are in these units, and must not drift as responsibilities are added.
  const scale = n > 0 ? SETTINGS.rareWordWeight / Math.log(1 + n) : 1;
  const idf = new Map<string, number>();
  const keywords = new Set<string>();
  for (const [concept, list] of postings) {
    // How common a word is counts the responsibilities that name it as a keyword of its own; words only in
    // statements or inside longer phrases there do not make it common ("load" in "incremental load").
    const whole = list.filter((p) => p.weight >= SETTINGS.keywordWeight).length;
    if (whole > 0) keywords.add(concept);
    idf.set(concept, Math.log(1 + n / (whole || list.length)) * scale * (weak.has(concept) ? SETTINGS.weakFactor : 1));
  }

  return {
    entries,
    weightOf: (concept) => idf.get(concept) ?? 0,
    isKnown: (concept) => postings.has(concept),
    isWeak: (concept) => weak.has(concept),
    isKeyword: (concept) => keywords.has(concept),
    search(concepts, positions, discount) {
      const together = (phrase: string[]) => (positions ? closeTogether(phrase, positions) : true);
      const factor = (c: string) => discount?.get(c) ?? 1;
      // Per entry, by its index: arrays rather than maps, as every question walks these.
      const covered = new Float64Array(n);
      const ranked = new Float64Array(n);
      const matched: (string[] | undefined)[] = new Array(n);
      const touched: number[] = [];
      for (const concept of concepts) {
        const w = idf.get(concept);
        const list = postings.get(concept);
        if (w === undefined || !list) continue;
        const f = factor(concept);
        for (const p of list) {
          covered[p.entry] = (covered[p.entry] ?? 0) + w * p.weight;
          ranked[p.entry] = (ranked[p.entry] ?? 0) + w * p.weight * f;
          const m = matched[p.entry];
          if (m) m.push(concept);
          else {
            matched[p.entry] = [concept];
            touched.push(p.entry);
          }
        }
      }
      const results: (ResponsibilityMatch & { at: number })[] = [];
      for (const i of touched) {
        const entry = entries[i];
        const score = covered[i] ?? 0;
        if (!entry) continue;
        // A whole phrase matched: its words count in full, plus a bonus for the phrase itself.
        let upgrade = 0;
        let rankedUpgrade = 0;
        let bonus = 0;
        const full = new Set<string>();
        // "maintain the databases", "keep the database running": a keyword made of weak words only is as
        // specific as any, matched whole and in its order ("database management" is not "managed database").
        let plainPhrase: Set<string> | undefined; // made only when needed: this loop runs for every entry touched
        for (const first of matched[i] ?? [])
          for (const phrase of entry.phrasesByFirst.get(first) ?? [])
            if (phrase.every((c) => concepts.has(c)) && together(phrase)) {
              if (phrase.every((c) => weak.has(c)) && (!positions || inOrder(phrase, positions))) {
                plainPhrase ??= new Set();
                for (const c of phrase) plainPhrase.add(c);
              }
              for (const c of phrase) {
                bonus = Math.max(bonus, SETTINGS.phraseBonus * (idf.get(c) ?? 0) * factor(c));
                if (!full.has(c)) {
                  full.add(c);
                  const gain = (idf.get(c) ?? 0) * (1 - (entry.weights.get(c) ?? 1));
                  upgrade += gain;
                  rankedUpgrade += gain * factor(c);
                }
              }
            }
        const cover = score + upgrade;
        // Evidence that the question is about this task at all: concepts matched as whole keywords.
        // A word that is only part of a keyword, or only in the statement, ranks but proves nothing.
        let evidence = 0;
        let rankedEvidence = 0;
        const strong: string[] = [];
        for (const c of matched[i] ?? [])
          if (plainPhrase?.has(c) || (!weak.has(c) && (full.has(c) || (entry.weights.get(c) ?? 0) >= SETTINGS.keywordWeight))) {
            evidence += idf.get(c) ?? 0;
            rankedEvidence += (idf.get(c) ?? 0) * factor(c);
            strong.push(c);
          }
        // Whole-keyword matches are more specific than statement words: they rank higher.
        results.push({
          entry,
          at: i,
          raw: (ranked[i] ?? 0) + rankedUpgrade + bonus + SETTINGS.evidenceBoost * rankedEvidence,
          covered: cover,
          evidence,
          strong,
          concepts: matched[i] ?? [],
          phrased: full,
        });
      }
      // Entries are in knowledge order, so sorting by (score, position) is deterministic.
      results.sort((a, b) => b.raw - a.raw || a.at - b.at);
      return results;
    },
  };
}

/** Whether the phrase's concepts occur in its order, close together: each after the one before. */
export function inOrder(phrase: readonly string[], positions: ReadonlyMap<string, readonly number[]>): boolean {
  const [head, ...rest] = phrase;
  // From each occurrence of its first concept: an earlier stray one must not hide a match further on.
  return (positions.get(head ?? "") ?? []).some((start) => {
    let at = start;
    for (const c of rest) {
      const next = (positions.get(c) ?? []).find((p) => p > at);
      if (next === undefined) return false;
      at = next;
    }
    return at - start < phrase.length + SETTINGS.phraseSlack;
  });
}

/**
 * A keyword's concepts, each once, in order; but a word the keyword says twice counts twice: "active active"
 * is not any "active", nor "end to end" any "end". Two words of one concept ("performance tuning") are one.
 */
function phraseOf(analysis: Analysis): string[] {
  const ids: string[] = [];
  const said = new Map<string, Concept>();
  const text = (c: Concept) => analysis.words.slice(c.start, c.end).join(" ");
  for (const c of analysis.concepts) {
    if (c.stop) continue;
    const before = said.get(c.id);
    if (before !== undefined && text(before) !== text(c)) continue;
    said.set(c.id, c);
    ids.push(c.id);
  }
  return ids;
}

/**
 * Whether some occurrence of every concept of a phrase falls within a window a little wider than
 * the phrase ("restore the dropped table" matches "dropped table"; "the data centre move ... where
 * the copies live" does not match "copy data").
 */
export function closeTogether(phrase: readonly string[], positions: ReadonlyMap<string, readonly number[]>): boolean {
  const window = phrase.length + SETTINGS.phraseSlack;
  // A concept the phrase holds twice ("active active") needs two places in the message, not one counted twice.
  const need = new Map<string, number>();
  for (const c of phrase) need.set(c, (need.get(c) ?? 0) + 1);
  const hits = [...need.keys()].flatMap((c) => (positions.get(c) ?? []).map((at) => ({ at, c }))).sort((a, b) => a.at - b.at);
  const seen = new Map<string, number>();
  let met = 0;
  let left = 0;
  for (const hit of hits) {
    const now = (seen.get(hit.c) ?? 0) + 1;
    seen.set(hit.c, now);
    if (now === need.get(hit.c)) met++;
    while ((hits[left]?.at ?? hit.at) < hit.at - window + 1) {
      const c = hits[left]?.c ?? "";
      const n = (seen.get(c) ?? 1) - 1;
      if (n + 1 === need.get(c)) met--;
      seen.set(c, n);
      left++;
    }
    if (met === need.size) return true;
  }
  return false;
}
