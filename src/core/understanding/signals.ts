/**
 * What a message signals besides its task: the intents its cue words point at ("who", "difference",
 * "first week"), other departments' words (a question for someone else), what the asker rules out ("not
 * the DBA's job"), and which sentence asks "who". Cues match by stem; other departments' words, data nouns
 * and the comparison's cues match as written, plurals folded.
 */
import type { IntentId } from "../intents.js";
import type { Knowledge } from "../knowledge/types.js";
import { type Analysis, addTo, PhraseMap, stem } from "./analyzer.js";
import { foldPlural, normalise } from "./normalise.js";
import { SETTINGS } from "./settings.js";

export interface Signals {
  /** intent -> strength of its cue words in the message (out_of_scope: other departments' words). */
  cues: Map<IntentId, number>;
  /** Word positions of the cue words that count. */
  cuePositions: Set<number>;
  /** Word positions of other departments' words ("the backup generator", "the lake house"). */
  otherDepartment: Set<number>;
  /** Among them, one for the asker's own device or file ("my laptop", "my Google Drive"): Knowledge.personalWords. */
  personal: boolean;
  /** Among them, one for a product's or a dataset's terms of supply ("cite", "billed"): Knowledge.providerWords. */
  provider: boolean;
  /** The name of the first of them whose department is named ("the IT help desk"): Knowledge.departments. */
  department?: string;
  /** Word positions the asker rules out ("(not the ETL coding)"). */
  ruledOut: Set<number>;
  /** Word positions of another department the work is for ("for the marketing team"): neither its matter nor a task. */
  customer: Set<number>;
  /** The sentence that asks "who ...": the focus given, else the last with a who_does cue that is a question word. */
  askedIn: ReadonlySet<number> | undefined;
  /** How much of describe_role's cue strength is only a question's frame ("what does", "what is"): QUESTION_FRAMES. */
  frames: number;
  /** intent -> how much of its cue strength comes from context cues (IntentDefinition.contextCues). */
  contextCues: Map<IntentId, number>;
}

interface Span {
  start: number;
  end: number;
}

export interface SignalReader {
  /** The one-word cues, as stems ("who", "differ"). */
  readonly cueWords: ReadonlySet<string>;
  /** A thesaurus data noun, matched as written with plurals folded ("log in" names no logs). */
  isDataNoun(word: string | undefined): boolean;
  /** A data noun with no everyday meaning ("dataset", not "number"): it alone makes a message about data. */
  namesData(word: string | undefined): boolean;
  /** Whether the message asks to see the roles side by side (comparison.yaml's cues). */
  asksSideBySide(analysis: Analysis): boolean;
  /**
   * @param inName whether a span is part of a role's name or a neighbouring title: names are not cues.
   * @param focus the sentences that are the question: only their cue words say what is asked.
   */
  read(analysis: Analysis, inName: (span: Span) => boolean, focus?: ReadonlySet<number>): Signals;
}

const QUESTION_WORDS = new Set(["who", "whose", "whom", "which"]);
/**
 * describe_role's cues that only frame a question: "what does a DBA do?" asks about the role, "what does a DBA
 * earn?" about pay. Grammar, like the stopwords, not knowledge.
 */
const QUESTION_FRAMES: ReadonlySet<string> = new Set(["what does", "what do", "what is", "whats", "what are the"]);
/** Words between another department's word and the thing it is done to ("cleaning of the old logs"). */
const LINKING = new Set(["of", "up", "out", "the", "a", "an", "our", "old", "all"]);
/** A starter's verbs: with a thing after them ("begin a restore") they start doing it, not start in a job. */
const STARTING_VERBS: ReadonlySet<string> = new Set(["start", "begin", "started", "starting"]);
/**
 * "where do I start learning?", "how do I get started doing that?" are still a newcomer's; "where do I start
 * looking?" is doing a thing.
 */
const STILL_STARTING: ReadonlySet<string> = new Set(["learning", "studying", "reading", "preparing", "training", "doing"]);
/** Words that open the thing a verb takes ("begin a restore"), not a person's own start ("begin my career" is a cue). */
const OBJECT_DETERMINERS: ReadonlySet<string> = new Set(["a", "an", "the", "this", "that", "these", "those", "our"]);
/**
 * Words that make the noun before them a group of people: after a data noun, not a data thing ("the data team");
 * after another department's word, that department's people ("for the marketing team").
 */
const PEOPLE = new Set(["team", "teams", "office", "department", "people", "staff", "group", "unit"]);
/** Verbs that make a question's frame ask what a role does ("what does a DBA do?"). */
const DOING: ReadonlySet<string> = new Set(["do", "does", "doing"]);
const RULED_OUT_DETERMINERS = new Set(["the", "a", "an", "our", "my", "any", "just"]);
/** Words that set a role aside from what is asked: "besides the DBA", "other than the architect". */
const EXCEPTING = new Set(["besides", "except", "excluding", "other than", "apart from", "aside from"]);

/**
 * "why doesn't my replication ...", "doesn't the backup ...?", "why not the DBA?": a question asked in the
 * negative rules nothing out. ("what do architects do (not the building kind)" still does: its "do" asks nothing.)
 */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  "do",
  "does",
  "did",
  "is",
  "are",
  "was",
  "were",
  "can",
  "could",
  "would",
  "should",
  "will",
]);
const ASKING = new Set(["why", "how", "what", "when", "where", "who", "which"]);
function asksInTheNegative(words: readonly string[], i: number, sentence: readonly number[]): boolean {
  // "why not the DBA?" asks about the DBA too.
  if (words[i - 1] === "why") return true;
  // "... the schemas. Shouldn't a data architect be doing that?": the auxiliary opens its own sentence.
  const opensSentence = i < 2 || sentence[i - 2] !== sentence[i - 1];
  return AUXILIARIES.has(words[i - 1] ?? "") && (opensSentence || ASKING.has(words[i - 2] ?? ""));
}

/** "I'm the security person, not a database person": what the asker is not, said of themself, rules nothing out. */
function saysWhatIAmNot(words: readonly string[], not: number): boolean {
  const article = words[not + 1];
  return (article === "a" || article === "an") && words.slice(Math.max(0, not - 5), not).some((w) => w === "i" || w === "im");
}

/**
 * "(not the ETL coding)", "not the DBA's job": words right after "not the/a/our" are what the asker rules
 * out. ("not refreshed", "not working" stay: there the negation is the symptom.)
 */
function ruledOutPositions(words: readonly string[], sentence: readonly number[], inName: (span: Span) => boolean): Set<number> {
  const out = new Set<number>();
  const ruleOut = (from: number) => {
    for (let k = from; k < Math.min(words.length, from + SETTINGS.ruledOutWords); k++) out.add(k);
  };
  words.forEach((w, i) => {
    if (
      w === "not" &&
      RULED_OUT_DETERMINERS.has(words[i + 1] ?? "") &&
      !asksInTheNegative(words, i, sentence) &&
      !saysWhatIAmNot(words, i)
    )
      ruleOut(i + 2);
    // "who besides the data manager can approve access?", "apart from the architect, who sets up indexes?": a role
    // set aside ("except for blocked sessions" sets aside a symptom, which still says what the question is about).
    let excepted = EXCEPTING.has(w) ? i + 1 : EXCEPTING.has(`${w} ${words[i + 1] ?? ""}`) ? i + 2 : -1;
    if (RULED_OUT_DETERMINERS.has(words[excepted] ?? "")) excepted++;
    if (excepted > 0 && inName({ start: excepted, end: excepted + 1 })) ruleOut(excepted);
  });
  return out;
}

/**
 * "what does a DBA earn?", "what is the salary of a data manager?": a question's frame whose own sentence goes on
 * to another department's word, and not to "do", asks about that department's matter.
 */
function framesOtherMatter(analysis: Analysis, m: Span, otherDepartment: ReadonlySet<number>): boolean {
  if (!QUESTION_FRAMES.has(analysis.words.slice(m.start, m.end).join(" "))) return false;
  const sentence = analysis.sentence[m.start];
  const after = (i: number) => i >= m.end && analysis.sentence[i] === sentence;
  return [...otherDepartment].some(after) && !analysis.words.some((w, i) => after(i) && DOING.has(w));
}
const strength = (m: Span) => 1 + 0.5 * (m.end - m.start - 1);
const span = (m: Span) => Array.from({ length: m.end - m.start }, (_, k) => m.start + k);

export function createSignalReader(knowledge: Knowledge): SignalReader {
  const folded = (words: string[]) => new Set(words.map((w) => foldPlural(w.toLowerCase())));
  const dataNouns = folded(knowledge.thesaurus.dataNouns);
  const everyday = folded(knowledge.thesaurus.everydayDataNouns);
  const namesData = (word: string | undefined) => word !== undefined && dataNouns.has(foldPlural(word));
  const isDataNoun = (word: string | undefined) => namesData(word) || (word !== undefined && everyday.has(foldPlural(word)));
  const cueMap = new PhraseMap<IntentId[]>();
  const cueWords = new Set<string>();
  // Other departments' words match as written (plurals folded), not by stem: "generator" must not
  // catch "general", nor "customs" "customer", nor "marketing" "market data".
  // The value says whether the word is one for the asker's own things (Knowledge.personalWords) or a provider's,
  // and the department's name when its group gives one (Knowledge.departments).
  const departments = new PhraseMap<{ kind: "department" | "personal" | "provider"; name?: string }>();
  const names = new Map<string, string>();
  for (const { name, words } of knowledge.departments ?? [])
    for (const word of words) names.set(normalise(word).map(foldPlural).join(" "), name);
  const setDepartment = (word: string, kind: "department" | "personal" | "provider") => {
    const folded = normalise(word).map(foldPlural);
    const name = names.get(folded.join(" "));
    departments.set(folded, name ? { kind, name } : { kind });
  };
  // The comparison's cues match as written too: "different roles" asks for a list, "difference" to compare.
  const sideBySide = new PhraseMap<true>();
  for (const cue of knowledge.comparison.cues) sideBySide.set(normalise(cue).map(foldPlural), true);
  // Context cues signal their intent like cues; this map tells them apart when counting.
  const contextCueMap = new PhraseMap<IntentId[]>();
  for (const intent of knowledge.intents)
    for (const cue of intent.contextCues) {
      const stems = normalise(cue).map(stem);
      addTo(contextCueMap, stems, intent.id);
      addTo(cueMap, stems, intent.id);
      if (stems.length === 1 && stems[0]) cueWords.add(stems[0]);
    }
  for (const intent of knowledge.intents)
    for (const cue of intent.cues) {
      if (intent.id === "out_of_scope") {
        setDepartment(cue, "department");
        continue;
      }
      const stems = normalise(cue).map(stem);
      // A cue phrase may signal several intents ("who is who"); keep them all.
      addTo(cueMap, stems, intent.id);
      if (stems.length === 1 && stems[0]) cueWords.add(stems[0]);
    }
  for (const word of knowledge.personalWords ?? []) setDepartment(word, "personal");
  for (const word of knowledge.providerWords ?? []) setDepartment(word, "provider");

  function read(analysis: Analysis, inName: (span: Span) => boolean, focus?: ReadonlySet<number>): Signals {
    const cues = new Map<IntentId, number>();
    const cuePositions = new Set<number>();
    const inCuePhrase = new Set<number>();
    const otherDepartment = new Set<number>();
    const customer = new Set<number>();
    let personal = false;
    let provider = false;
    let department: string | undefined;
    let askedIn: ReadonlySet<number> | undefined = focus;
    const outside = (m: Span) => focus !== undefined && !focus.has(analysis.sentence[m.start] ?? -1);
    // "data transfers to another country": a cue that starts inside a phrase the thesaurus reads as one term is
    // part of that term, not a cue ("transferred to" a team); so is one that a longer term holds whole ("the
    // first day of the month" is a date, not someone's first day).
    const phrases = analysis.concepts.filter((c) => c.end - c.start > 1);
    const midPhrase = new Set(phrases.flatMap((c) => span({ start: c.start + 1, end: c.end })));
    const heldWhole = (m: Span) => phrases.some((c) => c.start <= m.start && m.end <= c.end && c.end - c.start > m.end - m.start);
    // "Switch to PostgreSQL?" moves a platform, not a person: a starter's words right before a product chosen.
    const chosenAt = new Set(analysis.concepts.filter((c) => c.choice).map((c) => c.start));
    const choosing = (m: Span & { value: IntentId[] }) => chosenAt.has(m.end) && m.value.includes("onboarding");
    // "how do I begin a restore?", "where do I start the migration?": a starter's "start" or "begin" with a thing
    // after it is doing that thing, not starting in a job.
    // So is "get started with building a warehouse", or "where do I start looking?": starting to do something.
    const startsAThing = (m: Span & { value: IntentId[] }) => {
      const [next, after] = [analysis.words[m.end] ?? "", analysis.words[m.end + 1] ?? ""];
      return (
        m.value.includes("onboarding") &&
        STARTING_VERBS.has(analysis.words[m.end - 1] ?? "") &&
        (OBJECT_DETERMINERS.has(next) ||
          (next === "with" && after.endsWith("ing")) ||
          (next.endsWith("ing") && !STILL_STARTING.has(next))) &&
        analysis.sentence[m.end] === analysis.sentence[m.end - 1]
      );
    };
    const cueMatches = [...cueMap.matches(analysis.stems)].filter(
      (m) => !inName(m) && !outside(m) && !midPhrase.has(m.start) && !heldWhole(m) && !choosing(m) && !startsAThing(m),
    );
    for (const m of cueMatches) if (m.end - m.start > 1) for (const i of span(m)) inCuePhrase.add(i);
    const ruledOut = ruledOutPositions(analysis.words, analysis.sentence, inName);
    // The "data" of a title is a person's, not a data thing: "who hires data scientists?" is recruitment's.
    const dataNounAt = (i: number) => isDataNoun(analysis.words[i]) && !inName({ start: i, end: i + 1 });
    for (const m of departments.matches(analysis.words.map(foldPlural))) {
      // "the payroll database" is a data question: another department's word naming a data thing; so is "query
      // performance reviews", where a data thing names what the other department's words are about.
      // "new hire" is our onboarding cue, not recruitment's "hire".
      const at = span(m);
      const partOfCue = at.every((i) => inCuePhrase.has(i));
      // "the cleaning of old logs", "clean up the database": what the other department's word is done to
      // (but "the expense report of the data team" is the team's).
      let next = m.end;
      while (LINKING.has(analysis.words[next] ?? "")) next++;
      const across = next > m.end && PEOPLE.has(analysis.words[next + 1] ?? "");
      const dataThing = (!across && dataNounAt(next)) || dataNounAt(m.start - 1);
      // "(not the buildings one)": the asker rules that meaning out. A longer term of the thesaurus that holds the
      // word whole is that term ("customer emails" are personal data, not the help desk's email).
      // A provider's terms are about its data or its database ("cite the dataset", "plan to support MySQL"): a data
      // thing beside them is what they are about, still the provider's.
      const ours = dataThing && m.value.kind !== "provider";
      if (inName(m) || partOfCue || heldWhole(m) || at.some((i) => ruledOut.has(i)) || ours) continue;
      // "who writes SQL queries for the marketing team?": the department's people the work is for are its
      // customer, not its matter; what is asked is the work.
      const before = RULED_OUT_DETERMINERS.has(analysis.words[m.start - 1] ?? "") ? m.start - 2 : m.start - 1;
      if (analysis.words[before] === "for" && PEOPLE.has(analysis.words[m.end] ?? "")) {
        for (const i of at) customer.add(i);
        continue;
      }
      // Another department's words count wherever they are: the context says whose business it is.
      cues.set("out_of_scope", (cues.get("out_of_scope") ?? 0) + strength(m));
      for (const i of at) otherDepartment.add(i);
      personal ||= m.value.kind === "personal";
      provider ||= m.value.kind === "provider";
      department ??= m.value.name;
    }
    let frames = 0;
    const contextCues = new Map<IntentId, number>();
    for (const m of cueMatches) {
      // "career development", "who won": a lone cue word inside another department's phrase is that phrase's.
      if (m.end - m.start === 1 && otherDepartment.has(m.start)) continue;
      if (m.value.includes("describe_role") && framesOtherMatter(analysis, m, otherDepartment)) frames += strength(m);
      if (!focus && m.value.includes("who_does") && QUESTION_WORDS.has(analysis.words[m.start] ?? ""))
        askedIn = new Set([analysis.sentence[m.start] ?? 0]);
      for (const intent of m.value) cues.set(intent, (cues.get(intent) ?? 0) + strength(m));
      for (const intent of contextCueMap.get(analysis.stems.slice(m.start, m.end)) ?? [])
        contextCues.set(intent, (contextCues.get(intent) ?? 0) + strength(m));
      for (const i of span(m)) cuePositions.add(i);
    }
    return {
      cues,
      cuePositions,
      otherDepartment,
      personal,
      provider,
      ...(department ? { department } : {}),
      ruledOut,
      customer,
      askedIn,
      frames,
      contextCues,
    };
  }

  return {
    cueWords,
    isDataNoun,
    namesData,
    asksSideBySide: (analysis) => !sideBySide.matches(analysis.words.map(foldPlural)).next().done,
    read,
  };
}
