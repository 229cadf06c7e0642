/**
 * From words to concepts: correct spelling against the knowledge's vocabulary, stem, and fold
 * synonyms and phrases from the thesaurus into one canonical concept. Questions and knowledge go
 * through the same analyzer, so "bakup", "backups" and "snapshot" all meet at `backup`.
 */
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import type { Thesaurus } from "../knowledge/types.js";
import { ALTERNATIVE, ARTICLES, isBetween, isCarriedEnd, isChoosing, isWeighed } from "./choosing.js";
import { normalise, sentences } from "./normalise.js";
import { addDataHeads, createPhraseFit } from "./phrase-fit.js";
import { SETTINGS } from "./settings.js";
import { createSpellingCorrector, type SpellingCorrector } from "./spelling.js";
import { STOPWORDS } from "./stopwords.js";

/** One concept found in a text: a thesaurus term, or a single word's stem. */
export interface Concept {
  id: string;
  /** Word positions [start, end) in the analysed words. */
  start: number;
  end: number;
  /** A lone stopword: kept for phrase and cue matching, ignored as task evidence. */
  stop: boolean;
  /** A product chosen ("PostgreSQL or MongoDB", "switch to PostgreSQL"), folded into its kind's choice. */
  choice?: true;
}

export interface Analysis {
  /** Spelling-corrected words. */
  words: string[];
  stems: string[];
  concepts: Concept[];
  /** Words the knowledge has never seen (after correction). */
  unknown: Set<number>;
  /** Which sentence of the message each word is in (0, 1, ...); all 0 for knowledge text. */
  sentence: number[];
}

const stemCache = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 100_000;
const MAX_STEMMED_LENGTH = 40;
const MAX_UNSTEMMED_LENGTH = 3;
/**
 * Words Porter folds into another word's family: "accountable" is not "accounts", "useful" is not
 * "use", "busy" is not "business", "news" is not "new", and data modelling is not any "model" (an ML
 * model, a car model).
 */
const OWN_STEMS: ReadonlyMap<string, string> = new Map([
  ["accountable", "accountabl"],
  ["accountability", "accountabl"],
  ["busy", "busy"],
  ["news", "news"],
  ["publication", "publication"],
  ["publications", "publication"],
  ["useful", "useful"],
  ["modelling", "modelling"],
  ["modeling", "modelling"],
  ["modelled", "modelled"],
  ["modeled", "modelled"],
  // Sizing a system is planning its capacity; a font's, a file's or a batch's size is not.
  ["sizing", "sizing"],
  // Porter makes "statistical" into "statist", the stem of a database's statistics: a trial's analysis is not them.
  ["statistical", "statistical"],
  // Porter makes "production" into "product": production data is live data, not a data product or a product owner.
  ["production", "production"],
  ["productions", "production"],
  // Porter makes "activate" into "activ", the stem of "active" (an active-active cluster design).
  ["activate", "activate"],
  ["activates", "activate"],
  ["activated", "activate"],
  ["activating", "activate"],
  ["activation", "activate"],
  // Porter makes "classifier" into "classifi", the stem of "classify": classifying a dataset as confidential is
  // governance, not a machine-learning classifier.
  ["classifier", "classifier"],
  ["classifiers", "classifier"],
  // Porter makes "normalization" into "normal": "is this normal?" is not normalising a schema.
  ["normalization", "normalis"],
  ["normalizations", "normalis"],
  ["normalize", "normalis"],
  ["normalized", "normalis"],
  ["normalizes", "normalis"],
  ["normalizing", "normalis"],
  ["denormalization", "denormalis"],
  ["denormalize", "denormalis"],
  ["denormalized", "denormalis"],
  ["denormalizing", "denormalis"],
  // Porter makes "certification" into "certif", the stem of "certificate": a person's qualification is not a
  // server's TLS certificate.
  ["certification", "certification"],
  ["certifications", "certification"],
  ["certified", "certification"],
  // Porter makes "integrity" into "integr", the stem of "integrate": checking data's integrity is not integrating it.
  ["integrity", "integrity"],
  // Porter makes "authority", "authors" and "authorization" all into "author": a local authority or a book's
  // authors are not access, so authorizing keeps a stem of its own.
  ["authority", "authority"],
  ["authorities", "authority"],
  ["authorize", "authoriz"],
  ["authorizes", "authoriz"],
  ["authorized", "authoriz"],
  ["authorizing", "authoriz"],
  ["authorization", "authoriz"],
  ["authorizations", "authoriz"],
  // Porter makes "indicator" into "indic", the stem of "indices": a key performance indicator is not an index.
  ["indicator", "indicator"],
  ["indicators", "indicator"],
  ["indicate", "indicate"],
  ["indicates", "indicate"],
  ["indication", "indicate"],
  // Porter makes "observation" into "observ", the stem of "observability": a survey's observations are not monitoring.
  ["observation", "observation"],
  ["observations", "observation"],
  // Porter makes "definitely" into "definit", the stem of "definitions": "is this definitely mine?" is no glossary.
  ["definitely", "definitely"],
  // Porter makes "general" into "gener", the stem of "generation" (a next-generation platform).
  ["general", "general"],
  ["generally", "general"],
  // Porter makes "continuous" into "continu", the stem of "continuity": continuous loads are no continuity plan.
  ["continuous", "continuous"],
  ["continuously", "continuous"],
  ["continually", "continuous"],
  // Porter makes "competent" into "compet", the stem of "competing" (competing requests for data).
  ["competent", "competent"],
  ["competence", "competent"],
  // Porter folds everyday words into the stems of the trade's: a government is not governance, a custom connector
  // no customer, web content no lock contention, an executive no query's execution, research material no
  // materialized view, "literally" no data literacy, an intern not internal, a career transition no data in
  // transit, federal law no federated query, "extensively" no extension, "suited" no suite, a job's applicants
  // no applications, a product's edition no edit, an initiative not initial, diversity not diverse data, a
  // disability no disabled job, a transformer (a model or a substation's) no transformation.
  ["government", "government"],
  ["governments", "government"],
  ["governmental", "government"],
  ["custom", "customis"],
  ["customs", "customis"],
  ["customise", "customis"],
  ["customised", "customis"],
  ["customize", "customis"],
  ["customized", "customis"],
  ["customisation", "customis"],
  ["customization", "customis"],
  ["contention", "contention"],
  ["contentions", "contention"],
  ["executive", "executive"],
  ["executives", "executive"],
  ["material", "material"],
  ["materials", "material"],
  ["literal", "literal"],
  ["literally", "literal"],
  ["literals", "literal"],
  ["intern", "internee"],
  ["interns", "internee"],
  ["transition", "transition"],
  ["transitions", "transition"],
  ["transitional", "transition"],
  ["transitioned", "transition"],
  ["transitioning", "transition"],
  ["federal", "federal"],
  ["extensive", "extensive"],
  ["extensively", "extensive"],
  ["suit", "suited"],
  ["suits", "suited"],
  ["suited", "suited"],
  ["applicant", "applicant"],
  ["applicants", "applicant"],
  ["edition", "edition"],
  ["editions", "edition"],
  ["initiative", "initiative"],
  ["initiatives", "initiative"],
  ["diversity", "diversity"],
  ["disability", "disability"],
  ["disabilities", "disability"],
  ["transformer", "transformer"],
  ["transformers", "transformer"],
]);
/** The stems worked out so far, to keep between runs of the same build (stem-cache.ts). */
export const stemsSoFar = (): [string, string][] => [...stemCache];
/** Stems kept from an earlier run of the same build: a word's stem depends on the build alone. */
export function rememberStems(pairs: readonly (readonly [string, string])[]): void {
  for (const [word, s] of pairs) if (stemCache.size < MAX_REMEMBERED_STEMS) stemCache.set(word, s);
}

export function stem(word: string): string {
  // No word is this long; stemming a 100,000-letter "word" would take the stemmer's regexes seconds.
  // Short words stay whole: Porter makes "has" into "ha" (high availability) and "was" into "wa".
  if (word.length <= MAX_UNSTEMMED_LENGTH || word.length > MAX_STEMMED_LENGTH) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = OWN_STEMS.get(word) ?? PorterStemmer.stem(word);
    if (stemCache.size > MAX_REMEMBERED_STEMS) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/**
 * Words the asker wrote as an acronym ("YAML", "SLAs", "CSAT", "PAYE"), lower-cased: a short form, not a misspelling
 * of the knowledge's words ("yaml" is not "saml", "slas" not "saas").
 */
function acronyms(text: string): Set<string> {
  const written = text.match(/\b[A-Z][A-Z0-9]+s?\b/g) ?? [];
  return new Set(written.map((w) => w.toLowerCase()));
}

interface PhraseNode<T> {
  next: Map<string, PhraseNode<T>> | undefined;
  value: T | undefined;
}

/**
 * A phrase dictionary over stemmed word sequences, matched longest first. A trie of words: matching
 * walks forward from each word instead of joining and looking up every length of phrase there, which
 * was a third of the time the core took to understand a question.
 */
export class PhraseMap<T> {
  private readonly root: PhraseNode<T> = { next: undefined, value: undefined };
  set(stems: readonly string[], value: T): void {
    if (stems.length === 0) return;
    let node = this.root;
    for (const s of stems) {
      node.next ??= new Map();
      let child = node.next.get(s);
      if (!child) {
        child = { next: undefined, value: undefined };
        node.next.set(s, child);
      }
      node = child;
    }
    node.value = value;
  }
  has(stems: readonly string[]): boolean {
    return this.get(stems) !== undefined;
  }
  get(stems: readonly string[]): T | undefined {
    let node: PhraseNode<T> | undefined = this.root;
    for (const s of stems) {
      node = node.next?.get(s);
      if (!node) return undefined;
    }
    return node === this.root ? undefined : node.value;
  }
  /**
   * Non-overlapping matches, scanning left to right and preferring the longest phrase; with `holds`, only
   * phrases it accepts where they stand.
   */
  *matches(
    stems: readonly string[],
    holds?: (start: number, end: number) => boolean,
  ): Generator<{ start: number; end: number; value: T }> {
    for (let i = 0; i < stems.length; ) {
      let end = -1;
      let value: T | undefined;
      let node: PhraseNode<T> | undefined = this.root;
      for (let j = i; j < stems.length; j++) {
        node = node.next?.get(stems[j] as string);
        if (!node) break;
        if (node.value !== undefined && (!holds || holds(i, j + 1))) {
          end = j + 1;
          value = node.value;
        }
      }
      if (end > 0 && value !== undefined) {
        yield { start: i, end, value };
        i = end;
      } else i++;
    }
  }
}

/** Add `value` to the list a phrase maps to (a phrase may belong to several intents or roles). */
export function addTo<T>(map: PhraseMap<T[]>, stems: string[], value: T): void {
  const list = map.get(stems) ?? [];
  if (!list.includes(value)) map.set(stems, [...list, value]);
}

export interface Analyzer {
  analyse(text: string): Analysis;
  /** Analyse words already split (used to find matched words in a statement for highlighting). */
  analyseWords(words: string[]): Analysis;
  /** Analyse knowledge text (no spelling correction: the knowledge defines the vocabulary). */
  analyseKnown(text: string): Analysis;
  readonly spelling: SpellingCorrector;
}

/**
 * @param thesaurus synonyms, abbreviations, capitals and product choices to fold words by; its word lists
 * count as vocabulary
 * @param vocabularyTexts every text of the knowledge, so spelling can be corrected toward it
 */
export function createAnalyzer(thesaurus: Thesaurus, vocabularyTexts: Iterable<string>): Analyzer {
  const abbreviations = new Map<string, string[]>();
  for (const [short, long] of Object.entries(thesaurus.abbreviations)) abbreviations.set(short.toLowerCase(), normalise(long));
  const expand = (ws: string[]) => (abbreviations.size === 0 ? ws : ws.flatMap((w) => abbreviations.get(w) ?? [w]));
  const words = (text: string) => expand(normalise(text));
  // "DE vs AE?": short forms that count only in capitals, as a word of their own (plural too), not before a
  // hyphen ("DE-identified").
  const shortForms = Object.keys(thesaurus.capitals);
  const CAPITALS = shortForms.length > 0 ? new RegExp(`\\b(${shortForms.join("|")})(s?)\\b(?!-)`, "g") : undefined;
  const spellCapitals = (text: string) =>
    CAPITALS ? text.replace(CAPITALS, (_, short: string, plural: string) => ` ${thesaurus.capitals[short]}${plural} `) : text;
  const synonyms = new PhraseMap<string>();
  for (const [canonical, variants] of Object.entries(thesaurus.synonyms)) {
    const id = words(canonical).map(stem).join(" ");
    synonyms.set(words(canonical).map(stem), id);
    for (const v of variants) synonyms.set(words(v).map(stem), id);
  }

  // "PostgreSQL or MongoDB": the "or" between two names of one kind becomes that kind's choice.
  const kinds = new PhraseMap<string>();
  for (const [kind, names] of Object.entries(thesaurus.choices)) {
    const choice = words(`${kind} choice`).map(stem);
    synonyms.set(choice, choice.join(" "));
    for (const name of names) kinds.set(words(name).map(stem), choice.join(" "));
  }
  /**
   * Folds "A or B" (two names of one kind) into the one concept "<kind> choice": neither name alone is asked about.
   * A name at either end of a data move ("from A to B", "from the old system into B") becomes a stopword: it is
   * where the data goes, not the work.
   */
  function markChoices(ws: readonly string[], stems: readonly string[], concepts: Concept[]): Concept[] {
    let last: { start: number; end: number; value: string } | undefined;
    // Where the pair being folded began: "between Snowflake, BigQuery and Redshift" is one choice of three.
    let listFrom: number | undefined;
    let out = concepts;
    let moved: number | undefined;
    let carriedTo: number | undefined;
    for (const m of kinds.matches(stems)) {
      // "a star schema or a snowflake schema": articles say nothing of the pair.
      const between = last
        ? ws
            .slice(last.end, m.start)
            .filter((w) => !ARTICLES.has(w))
            .join(" ")
        : "";
      // "between Snowflake, BigQuery and Redshift": a list after "between" goes on with nothing between or "and".
      const listed = last !== undefined && (listFrom !== undefined || isBetween(ws, last.start, "and"));
      const pair =
        last &&
        last.value === m.value &&
        (ALTERNATIVE.has(between) || isBetween(ws, last.start, between) || (listed && (between === "" || between === "and")));
      // "ETL from Oracle to SQL Server", "move the logs from HDFS into Oracle": an end of the move is not asked about,
      // nor the names right after it that say the same end more closely ("into AWS RDS Postgres").
      if (isCarriedEnd(ws, m) || (carriedTo !== undefined && m.start === carriedTo)) {
        out = out.map((c) => (m.start <= c.start && c.end <= m.end ? { ...c, stop: true } : c));
        moved ??= m.start;
        carriedTo = m.end;
        last = m;
        listFrom = undefined;
        continue;
      }
      const from = pair && last ? (listFrom ?? last.start) : m.start;
      if (pair || isChoosing(ws, m.start) || isWeighed(ws, m.start, m.end)) {
        const to = m.end;
        const choice: Concept = { id: m.value, start: from, end: to, stop: false, choice: true };
        out = [...out.filter((c) => c.end <= from), choice, ...out.filter((c) => c.start >= to)];
      }
      listFrom = pair ? from : undefined;
      last = m;
    }
    // "getting data from SAP HANA to Snowflake": with its ends set aside, the move itself is the work.
    if (moved !== undefined && !out.some((c) => c.id === "etl" && !c.stop))
      out = [...out, { id: "etl", start: moved, end: moved + 1, stop: false }];
    return out;
  }

  const vocabulary = new Map<string, number>();
  const countWords = (ws: readonly string[]) => {
    for (const w of ws) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  };
  const count = (t: string) => countWords(words(t));
  const dataHeads = new Set<string>();
  for (const t of vocabularyTexts) {
    const ws = words(t);
    countWords(ws);
    addDataHeads(ws, stem, dataHeads);
  }
  const fits = createPhraseFit(dataHeads);
  for (const [canonical, variants] of Object.entries(thesaurus.synonyms)) {
    count(canonical);
    for (const v of variants) count(v);
  }
  // The thesaurus's word lists are vocabulary too: "kpis" (a data noun) must not be corrected to "apis".
  for (const t of [
    ...thesaurus.dataNouns,
    ...thesaurus.everydayDataNouns,
    ...thesaurus.ambiguous,
    ...thesaurus.weak,
    ...Object.values(thesaurus.choices).flat(),
  ])
    count(t);
  for (const w of STOPWORDS) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  for (const w of abbreviations.keys()) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  const spelling = createSpellingCorrector(vocabulary);

  function build(ws: string[], sentence: number[] = new Array<number>(ws.length).fill(0)): Analysis {
    const unknown = new Set<number>();
    ws.forEach((w, i) => {
      if (!vocabulary.has(w)) unknown.add(i);
    });
    const stems = ws.map(stem);
    const concepts: Concept[] = [];
    let next = 0;
    const single = (i: number) => {
      const w = ws[i] ?? "";
      concepts.push({ id: stems[i] ?? w, start: i, end: i + 1, stop: STOPWORDS.has(w) });
    };
    const holds = (start: number, end: number) => fits({ words: ws, stems, sentence }, start, end);
    for (const m of synonyms.matches(stems, holds)) {
      for (; next < m.start; next++) single(next);
      concepts.push({ id: m.value, start: m.start, end: m.end, stop: false });
      next = m.end;
    }
    for (; next < ws.length; next++) single(next);
    return { words: ws, stems, concepts: markChoices(ws, stems, concepts), unknown, sentence };
  }

  function analyse(text: string): Analysis {
    const ws: string[] = [];
    const sentence: number[] = [];
    const written = acronyms(text);
    sentences(spellCapitals(text)).forEach((part, i) => {
      // Expand again after correction: "mgrs" may correct to an abbreviation.
      for (const w of expand(normalise(part).map((x) => (written.has(x) ? x : spelling.correct(x))))) {
        if (ws.length >= SETTINGS.maxWords) return;
        ws.push(w);
        sentence.push(i);
      }
    });
    return { ...build(ws, sentence), sentence };
  }

  return {
    spelling,
    analyseKnown: (text) => build(words(text)),
    analyseWords: (ws) => build(ws),
    analyse,
  };
}
