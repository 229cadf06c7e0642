/**
 * Understanding a message: which roles it names, which intent cues it carries, and which
 * responsibilities its remaining words point at. No decisions here, only evidence; the
 * classifier decides.
 */
import type { IntentId } from "../intents.js";
import type { Knowledge, Neighbour, Role } from "../knowledge/types.js";
import { type Analysis, createAnalyzer, stem } from "./analyzer.js";
import { namesTheAsker } from "./asker.js";
import { sideBySide } from "./choosing.js";
import { hasEmoji } from "./normalise.js";
import type { ResponsibilityIndex } from "./responsibility-index.js";
import { createRoleFinder, type NeighbourMention, type RoleFinder, type RoleMention } from "./role-finder.js";
import { createSignalReader, type Signals } from "./signals.js";
import { createTaskRanker, type NeighbourRanking, type RoleRanking } from "./task-ranking.js";
import { addTitleCues } from "./title-cues.js";
import { createUnknownTitleFinder } from "./unknown-title.js";

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
  /**
   * A neighbouring role whose own keywords are another department's words of the message, every one of them
   * ("who writes the unit tests?", "how do I center a div in css"), alone or with the task's words ("how
   * long do we keep emails?"): whose that department's work is.
   */
  departmentNeighbour?: Neighbour;
  /** The question's total weight as task evidence (matched or not). */
  weight: number;
  /** The message names a data thing (a thesaurus data noun: data, database, report, ...). */
  mentionsData: boolean;
  /** ...by a data noun with no everyday meaning (data, database, dataset; not report, number, query). */
  namesData: boolean;
  /** A data role is named, not only by an everyday word ("the DBA", not "the architect"). */
  namesOurRole: boolean;
  /** Concepts that came only from words with an everyday meaning too ("warehouse", "lake"). */
  ambiguous: Set<string>;
  /** Roles named only by a word with an everyday meaning ("the architect" of a building). */
  looselyNamed: Set<Role>;
  /** A title's prospects are asked about ("DBA dying?"): the job market's matter, whatever work follows. */
  prospect: boolean;
  /** The sentence that is the question, when the message asks it among sentences of context (see `read`). */
  focus?: ReadonlySet<number>;
  /** The question refers back to what the message said before ("how is that different from ..."). */
  refers: boolean;
  /** Roles named only in sentences other than the one that asks (the focus, else the "who ..." one): context, not the subject. */
  contextRoles: Set<Role>;
  /** Roles named only as the asker's own ("I'm a DBA, ...", "as an ETL dev"): who asks, not whom it is about. */
  askerRoles: Set<Role>;
  /** Roles whose ways of working the message uses ("builds", "keeps it running"), by id. */
  acting: Set<string>;
  /** Roles the message sets aside ("who besides the data manager ...", "not the DBA"): not the answer, if another fits. */
  excluded: Set<Role>;
  /**
   * The concepts of the sentence that asks (the focus, else the one that asks "who"), when another department's
   * word is in it too: then only these task words can prove the question is ours ("I made charts for the team
   * to read. How do I make the font bigger?" asks about fonts, whatever the context did).
   */
  askedAboutOtherDepartment?: ReadonlySet<string>;
  /** Another department's word is one for the asker's own device or file ("my laptop"): Knowledge.personalWords. */
  personal: boolean;
  /** Another department's word is one for a product's or a dataset's terms of supply ("cite"): Knowledge.providerWords. */
  provider: boolean;
  /** The department another department's word of the message names ("the IT help desk"): Signals.department. */
  department?: string;
  /** How much of describe_role's cue strength only frames the question ("what does"): Signals.frames. */
  frames: number;
  /** How much of each intent's cue strength only tells of the asker ("new hire here"): Signals.contextCues. */
  contextCues: ReadonlyMap<IntentId, number>;
  /** The message is only emoji (":wave:", "👍"): a reaction, not a question. */
  emojiOnly: boolean;
  /** It carries a word that asks to see the roles side by side ("compare", "at a glance": comparison.yaml's cues). */
  sideBySide: boolean;
  /** A role and a neighbouring one named side by side, as two named roles are ("DBA or sysadmin?", "DBAs and sysadmins"). */
  titlesSideBySide: boolean;
  /** A job title the knowledge does not know, asked about as a job ("what does a data governance officer do?"), as typed. */
  unknownTitle?: string;
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
export interface Understander {
  understand(text: string): Understanding;
  /** The message's words and concepts, sentence by sentence: what `read` reads. */
  analyse(text: string): Analysis;
  /**
   * Understand an analysed message. With `focus`, the sentences at those indexes are the question: only their
   * cue words say what is asked, and the other sentences are context (they help pick the role).
   * `otherQuestions` are the sentences of the message's other questions, when it asks several.
   */
  read(analysis: Analysis, text: string, focus?: ReadonlySet<number>, otherQuestions?: ReadonlySet<number>): Understanding;
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

interface Span {
  start: number;
  end: number;
}

/** Every word position the spans cover. */
function positionsOf(spans: readonly Span[]): Set<number> {
  const at = new Set<number>();
  for (const m of spans) for (let i = m.start; i < m.end; i++) at.add(i);
  return at;
}

export function createUnderstander(knowledge: Knowledge): Understander {
  const analyzer = createAnalyzer(knowledge.thesaurus, knowledgeTexts(knowledge));
  const wordsOf = (text: string) => analyzer.analyseKnown(text).words;
  const roleFinder = createRoleFinder(knowledge.roles, knowledge.neighbours, wordsOf);
  const titleFinder = createUnknownTitleFinder(knowledge.roles, knowledge.neighbours, wordsOf);
  const neighboursById = new Map(knowledge.neighbours.map((n) => [n.id, n]));
  const rolesById = new Map(knowledge.roles.map((r) => [r.id, r]));
  const signals = createSignalReader(knowledge);
  const ranker = createTaskRanker(knowledge, analyzer, signals);
  const ambiguousWords = new Set(knowledge.thesaurus.ambiguous.map((w) => stem(w.toLowerCase())));

  function read(
    analysis: Analysis,
    text: string,
    focus?: ReadonlySet<number>,
    otherQuestions?: ReadonlySet<number>,
  ): Understanding {
    const mentions = roleFinder.find(analysis);
    const titles = roleFinder.neighbours(analysis);
    // A neighbour's title is a name too: "data scientist" asks about a job, not about machine learning.
    const inRoleName = positionsOf([...mentions, ...titles]);
    const inName = (m: Span) => {
      for (let i = m.start; i < m.end; i++) if (inRoleName.has(i)) return true;
      return false;
    };
    const signal = signals.read(analysis, inName, focus);
    const { cues, cuePositions, askedIn, contextCues } = signal;
    const prospect = addTitleCues(analysis.words, [...mentions, ...titles], cues, contextCues);
    const task = readTask(analysis, mentions, titles, inName, signal, focus);
    const { roles, excluded } = rolesAsked(mentions, signal.ruledOut);
    // With no sentence singled out, the whole message asks and every task word counts: nothing to narrow.
    const asking = focus ?? askedIn;
    const data = dataNamed(analysis, inRoleName, signal.otherDepartment, asking, otherQuestions);
    const loose = loosely(analysis);
    const looselyNamed = new Set(roles.filter((r) => mentions.filter((m) => m.roleId === r.id).every(loose)));
    return {
      analysis,
      roles,
      excluded,
      mentions,
      cues,
      content: task.content,
      ranking: task.ranking,
      neighbourWork: task.neighbourWork,
      ...(task.departmentNeighbour === undefined ? {} : { departmentNeighbour: task.departmentNeighbour }),
      neighbours: [...new Set(task.askedTitles.map((m) => neighboursById.get(m.neighbourId)))].filter((n) => n !== undefined),
      neighbourMentions: task.askedTitles,
      weight: task.weight,
      mentionsData: data.mentionsData,
      namesOurRole: mentions.some((m) => !loose(m)),
      namesData: data.namesData,
      personal: signal.personal,
      provider: signal.provider,
      ...(signal.department ? { department: signal.department } : {}),
      frames: signal.frames,
      contextCues,
      ambiguous: everydayOnly(analysis),
      looselyNamed,
      prospect,
      emojiOnly: analysis.words.length === 0 && hasEmoji(text),
      ...(focus === undefined ? {} : { focus }),
      ...(data.askedAboutOtherDepartment === undefined ? {} : { askedAboutOtherDepartment: data.askedAboutOtherDepartment }),
      refers: analysis.words.some((w, i) => REFERRING.has(w) && (!focus || focus.has(analysis.sentence[i] ?? -1))),
      sideBySide: signals.asksSideBySide(analysis),
      titlesSideBySide: mentions.some((m) => task.askedTitles.some((t) => sideBySide(analysis.words, m, t))),
      ...unknownTitle(analysis, inRoleName, cuePositions, asking),
      acting: task.acting,
      askerRoles: new Set(roles.filter((r) => mentions.every((m) => m.roleId !== r.id || namesTheAsker(analysis.words, m)))),
      contextRoles: new Set(
        askedIn === undefined
          ? []
          : roles.filter((r) => mentions.every((m) => m.roleId !== r.id || !askedIn?.has(analysis.sentence[m.start] ?? -1))),
      ),
    };
  }

  /**
   * The message's task: its content words and their weight, the roles (and the neighbouring role) whose work they
   * match, and the neighbouring titles it asks about rather than names as a task's object.
   */
  function readTask(
    analysis: Analysis,
    mentions: readonly RoleMention[],
    titles: readonly NeighbourMention[],
    inName: (m: Span) => boolean,
    signal: Signals,
    focus: ReadonlySet<number> | undefined,
  ) {
    const { cuePositions, otherDepartment, ruledOut, customer, askedIn } = signal;
    const positions = new Map<string, number[]>();
    analysis.concepts.forEach((c, i) => {
      const list = positions.get(c.id);
      if (list) list.push(i);
      else positions.set(c.id, [i]);
    });
    // "choosing between data engineering and platform engineering": a title side by side with a role is a job
    // weighed against it, never the object of a task ("choosing a platform").
    const unweighed = titles.filter((t) => !mentions.some((m) => sideBySide(analysis.words, m, t)));
    const inTitle = (c: Span) => unweighed.some((t) => c.start >= t.start && c.end <= t.end);
    const { content, weight, objects } = ranker.taskContent(
      analysis,
      positions,
      cuePositions,
      (c) => c.stop || inName(c) || otherDepartment.has(c.start) || ruledOut.has(c.start) || customer.has(c.start),
      inTitle,
    );
    // "who appoints data stewards?" asks about the appointing, not the stewards' job.
    const objectOfTask = (t: NeighbourMention) =>
      analysis.concepts.every((c) => c.stop || c.start < t.start || c.end > t.end || objects.has(c.id));
    const askedTitles = titles.filter((t) => !objectOfTask(t));

    const reported = new Set(
      mentions.map((m) => analysis.sentence[m.start] ?? -1).filter((s) => askedIn !== undefined && !askedIn.has(s)),
    );
    const { ranking, neighbour, acting } = ranker.rank(analysis, content, weight, positions, askedIn, reported);
    // A question about a role, asked among sentences of context, is not turned into a neighbouring role's
    // work by the context: a post that mentions hardware on its way to asking what a DBA does is about the DBA.
    const aboutRole = (m: { start: number }) => focus?.has(analysis.sentence[m.start] ?? -1);
    const neighbourWork = focus && mentions.some(aboutRole) ? undefined : neighbour;
    const departmentWords = new Set(analysis.concepts.filter((c) => otherDepartment.has(c.start)).map((c) => c.id));
    const theirs =
      departmentWords.size > 0
        ? ranker.rank(analysis, new Set([...departmentWords, ...content]), weight, positions, askedIn).neighbour
        : undefined;
    const departmentNeighbour =
      theirs && [...departmentWords].every((c) => theirs.strong.includes(c)) ? theirs.neighbour : undefined;
    return { content, weight, askedTitles, ranking, neighbourWork, departmentNeighbour, acting };
  }

  /** The roles the message names, in order, less those it rules out ("No, I meant the DBA, not the architect"). */
  function rolesAsked(mentions: readonly RoleMention[], ruledOut: ReadonlySet<number>) {
    const roles: Role[] = [];
    const excluded = new Set<Role>();
    for (const m of mentions) {
      const role = rolesById.get(m.roleId);
      if (role && ruledOut.has(m.start)) excluded.add(role);
      else if (role && !roles.includes(role)) roles.push(role);
    }
    // A role ruled out in one place but named and not ruled out in another is asked about.
    return { roles, excluded: new Set([...excluded].filter((r) => !roles.includes(r))) };
  }

  /** Whether the message names a data thing, and the asking sentence's concepts when another department's word is in it. */
  function dataNamed(
    analysis: Analysis,
    inRoleName: ReadonlySet<number>,
    otherDepartment: ReadonlySet<number>,
    asking: ReadonlySet<number> | undefined,
    otherQuestions: ReadonlySet<number> | undefined,
  ) {
    const inAsking = (i: number) => asking?.has(analysis.sentence[i] ?? -1) === true;
    const askedAboutOtherDepartment =
      asking && [...otherDepartment].some(inAsking)
        ? new Set(analysis.concepts.filter((c) => inAsking(c.start)).map((c) => c.id))
        : undefined;
    // "the sales pipeline", "the water pipeline": another department's thing names no data; nor does the
    // "data" of a title ("the data analysts" are people). When the asking sentence carries another
    // department's word, the message's other questions name no data for it: "Who restores a dropped table?
    // And what's the wifi password?" asks the second about the wifi alone.
    const aside = (i: number) =>
      askedAboutOtherDepartment !== undefined && otherQuestions?.has(analysis.sentence[i] ?? -1) === true;
    const ours = (i: number) => !otherDepartment.has(i) && !inRoleName.has(i) && !aside(i);
    // "which role handles patches?": the roles asked about are data roles, so their work is data work.
    const asksWhichRole = analysis.words.some((w, i) => (w === "which" || w === "what") && analysis.words[i + 1] === "role");
    const mentionsData = asksWhichRole || analysis.words.some((w, i) => signals.isDataNoun(w) && ours(i));
    const namesData = mentionsData && analysis.words.some((w, i) => signals.namesData(w) && ours(i));
    return { mentionsData, namesData, askedAboutOtherDepartment };
  }

  /**
   * A role named only by a word with an everyday meaning ("the architect" of a building). "is patching really the
   * DBA's job?": a data role named by more than an everyday word makes an everyday task word ("patch") its work.
   */
  function loosely(analysis: Analysis) {
    return (m: RoleMention) => m.end - m.start === 1 && ambiguousWords.has(analysis.stems[m.start] ?? "");
  }

  /** Concepts that came only from words with an everyday meaning too ("warehouse", "lake"). */
  function everydayOnly(analysis: Analysis): Set<string> {
    const plain = new Set<string>();
    const everyday = new Set<string>();
    for (const c of analysis.concepts) {
      const word = c.end - c.start === 1 ? analysis.stems[c.start] : undefined;
      (word !== undefined && ambiguousWords.has(word) ? everyday : plain).add(c.id);
    }
    return new Set([...everyday].filter((c) => !plain.has(c)));
  }

  function unknownTitle(
    analysis: Analysis,
    named: ReadonlySet<number>,
    cuePositions: ReadonlySet<number>,
    asking?: ReadonlySet<number>,
  ): { unknownTitle?: string } {
    // Worked out only when a sentence has a job's head word to look around.
    let content: Set<number> | undefined;
    const asksOnly = (i: number) => {
      if (!content) {
        content = new Set<number>();
        for (const c of analysis.concepts) if (!c.stop) for (let k = c.start; k < c.end; k++) content.add(k);
      }
      return !content.has(i) || cuePositions.has(i);
    };
    const span = titleFinder.find(analysis, named, asking) ?? titleFinder.findAlone(analysis, named, asksOnly, asking);
    return span ? { unknownTitle: analysis.words.slice(span.start, span.end).join(" ") } : {};
  }

  return {
    understand: (text) => read(analyzer.analyse(text), text),
    analyse: (text) => analyzer.analyse(text),
    read,
    roleFinder,
    index: ranker.index,
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
