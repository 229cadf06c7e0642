/**
 * Spelling correction against the knowledge's own vocabulary, with a symmetric-delete index
 * (as in SymSpell): a lookup costs a handful of map reads, not a scan of the vocabulary, so it
 * stays fast on a knowledge base of thousands of responsibilities. The index holds one-letter
 * deletes only (small, quick to build); a word two edits away is still found when each side
 * loses one letter, and every candidate is checked with a true Damerau-Levenshtein distance.
 */
import { DamerauLevenshteinDistance } from "natural/lib/natural/distance/levenshtein_distance.js";
import { commonEnglish } from "./common-english.js";
import { SETTINGS } from "./settings.js";

/**
 * A real English word (or a plain inflection of one, or of a word made from one: "loaders", "easier") is not a
 * typo, even if the knowledge never uses it.
 */
function isCommonEnglish(word: string): boolean {
  const common = commonEnglish();
  // "loaders": the plural of a word made with "-er" from a common one.
  const doer = word.endsWith("ers") ? bases(word.slice(0, -1)) : [];
  return common.has(word) || [...bases(word), ...doer].some((b) => common.has(b));
}

/** What a word may be an inflection of: "queries" of "query", "loader" of "load", "easier" of "easy". */
function bases(word: string): string[] {
  return [
    word.replace(/ies$/, "y"),
    word.replace(/ie(?:r|st)$/, "y"),
    word.replace(/e?s$/, ""),
    word.replace(/s$/, ""),
    word.replace(/e?d$/, ""),
    word.replace(/ed$/, "e"),
    word.replace(/ing$/, ""),
    word.replace(/ing$/, "e"),
    word.replace(/(\w)\1(?:ed|ing)$/, "$1"),
    word.replace(/ly$/, ""),
    word.replace(/e?r$/, ""),
  ].filter((b) => b !== word);
}

/**
 * Endings the knowledge's vocabulary (words as written) seldom carries: a typo in "recovered" is looked for in
 * "recover". The base is what the stemmer makes of both, so answering with it loses nothing.
 */
const INFLECTIONS = ["ing", "ed", "es", "s"];

function maxEdits(length: number): number {
  if (length < SETTINGS.minCorrectLength) return 0;
  return length >= SETTINGS.twoEditLength ? 2 : 1;
}

function deletes(word: string, edits: number, out: Set<string>): Set<string> {
  let frontier = [word];
  for (let e = 0; e < edits; e++) {
    const next: string[] = [];
    for (const w of frontier)
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(d)) {
          out.add(d);
          next.push(d);
        }
      }
    frontier = next;
  }
  return out;
}

export interface SpellingCorrector {
  /** The vocabulary word meant by `word`, or `word` itself when it is known or nothing is close. */
  correct(word: string): string;
  has(word: string): boolean;
}

/** @param vocabulary word -> how often it occurs in the knowledge (breaks ties between candidates) */
export function createSpellingCorrector(vocabulary: ReadonlyMap<string, number>): SpellingCorrector {
  // Built on the first word that needs correcting: a CLI question in known words never pays for it.
  let built: Map<string, string[]> | undefined;
  function deletionIndex(): Map<string, string[]> {
    if (built) return built;
    const index = new Map<string, string[]>();
    for (const word of vocabulary.keys()) {
      if (maxEdits(word.length) === 0 && word.length < SETTINGS.minCorrectLength - 1) continue;
      for (const d of deletes(word, 1, new Set([word]))) {
        const list = index.get(d);
        if (list) list.push(word);
        else index.set(d, [word]);
      }
    }
    built = index;
    return index;
  }
  const cache = new Map<string, string>();

  /** The vocabulary word meant, else the word meant by its base when it is inflected ("recoevered": recover). */
  function lookup(word: string): string {
    if (!isTypoCandidate(word)) return word;
    const found = closest(word).word;
    if (found !== word) return found;
    const inflection = INFLECTIONS.find((ending) => word.endsWith(ending));
    if (!inflection) return word;
    // Only one edit, not of the first letter, and in a base long enough to be a word of its own: "ongo(ing)" is
    // not "mongo", nor "preprocess(ing)" "reprocess".
    const base = word.slice(0, -inflection.length);
    if (base.length < SETTINGS.minInflectedBase) return word;
    const meant = closest(base);
    return meant.word !== base && meant.word[0] === base[0] && meant.distance === 1 ? meant.word : word;
  }

  // A word without a vowel is a short form ("ssms", "dbcc"), not a misspelt word: "ssms" is not "ssis".
  const isTypoCandidate = (word: string) =>
    maxEdits(word.length) > 0 && !/\d/.test(word) && /[aeiouy]/.test(word) && !isCommonEnglish(word);

  /** The nearest vocabulary word and how many edits away it is (the word itself, at 0, when none is near). */
  function closest(word: string): { word: string; distance: number } {
    const edits = maxEdits(word.length);
    if (!isTypoCandidate(word)) return { word, distance: 0 };
    const index = deletionIndex();
    let best = word;
    let bestDistance = Number.POSITIVE_INFINITY;
    let bestFreq = -1;
    for (const d of deletes(word, 1, new Set([word]))) {
      for (const candidate of index.get(d) ?? []) {
        const allowed = Math.min(edits, maxEdits(candidate.length));
        const distance = DamerauLevenshteinDistance(word, candidate);
        if (distance > allowed) continue;
        const freq = vocabulary.get(candidate) ?? 0;
        // Deterministic order: closest, then most used in the knowledge, then alphabetical.
        if (
          distance < bestDistance ||
          (distance === bestDistance && (freq > bestFreq || (freq === bestFreq && candidate < best)))
        ) {
          best = candidate;
          bestDistance = distance;
          bestFreq = freq;
        }
      }
    }
    return { word: best, distance: best === word ? 0 : bestDistance };
  }

  return {
    has: (word) => vocabulary.has(word),
    correct(word) {
      if (vocabulary.has(word)) return word;
      let hit = cache.get(word);
      if (hit === undefined) {
        hit = lookup(word);
        // Bounded: a flood of random words must not grow memory without limit.
        if (cache.size > 50_000) cache.clear();
        cache.set(word, hit);
      }
      return hit;
    },
  };
}
