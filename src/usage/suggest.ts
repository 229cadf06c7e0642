/**
 * `whodoes report --suggest`: the corrections people gave after a 👎, and the questions the bot could not
 * answer, turned into edits of intents/ a maintainer can review and apply (a unified diff, `git apply`).
 *
 * - "it should have been the DBA": the question's task words become a keyword of the DBA's responsibility
 *   that fits it best;
 * - "none of these": its task words become an out-of-scope phrase (other-departments.yaml).
 *
 * Each edit is tried on the knowledge first and proposed only if the corrected question then gets the role
 * people said (or out of scope), and the knowledge's own example questions keep their answers. Edits need
 * the question's words, so they come only from questions recorded with RECORD_QUESTIONS=true; the rest
 * are listed as notes.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { parseDocument, type Scalar, type YAMLSeq } from "yaml";
import { createWhodoes, type Knowledge, lowerName, type Role } from "../core/index.js";
import { STOPWORDS } from "../core/understanding/stopwords.js";
import type { UsageEvent } from "../store/store.js";
import { normaliseQuestion } from "./question-hash.js";
import { buildReport, type CorrectionRow } from "./report.js";
import { inertLine } from "./report-table.js";

/** Words of a proposed keyword at most: a phrase, not a sentence. */
const MAX_PHRASE_WORDS = 6;
/** The other-departments.yaml group proposed phrases go under (a maintainer may move them). */
export const FEEDBACK_GROUP = "reported_in_feedback";

export interface Suggestions {
  /** What was found, one line each (edits proposed, and why others were not). */
  notes: string[];
  /** The edits as one unified diff; empty when there is nothing to propose. */
  patch: string;
  /** The directory the diff's paths are relative to: where to run `git apply`. */
  base: string;
}

export interface SuggestOptions {
  /**
   * The directory the diff's paths are relative to (where a maintainer runs `git apply`); default the working
   * directory, or the knowledge folder's parent when the folder is not inside it (`git apply` refuses "../" paths).
   */
  base?: string;
}

/** Words that say how a question is asked, not what about: function words, intent cues, role names. */
function askingWords(k: Knowledge): Set<string> {
  const words = new Set(STOPWORDS);
  const add = (phrase: string) => {
    for (const w of normaliseQuestion(phrase).split(" ")) if (w) words.add(w);
  };
  for (const intent of k.intents) if (intent.id !== "out_of_scope") intent.cues.forEach(add);
  for (const role of k.roles) [role.name, role.short, ...role.aliases].forEach(add);
  k.thesaurus.weak.forEach(add);
  return words;
}

/**
 * Phrases to try as the question's task, most specific first: its wording from the first task word to the
 * last ("answers the freedom of information requests"), from each word the knowledge does not know to the
 * last task word, its task words alone, the words the knowledge does not know yet, and each of those.
 */
function candidatePhrases(k: Knowledge, text: string): string[] {
  const asking = askingWords(k);
  const words = normaliseQuestion(text).split(" ");
  const isTask = (w: string) => w.length > 1 && !asking.has(w);
  const task = words.filter(isTask);
  const first = words.findIndex(isTask);
  const last = words.findLastIndex(isTask);
  const span = first >= 0 && last - first < MAX_PHRASE_WORDS ? words.slice(first, last + 1).join(" ") : "";
  const known = new Set(
    k.roles.flatMap((r) => r.responsibilities.flatMap((x) => x.keywords.flatMap((kw) => normaliseQuestion(kw).split(" ")))),
  );
  const fresh = task.filter((w) => !known.has(w));
  // From a word the knowledge does not know to the last task word ("whiteboards in the data office"): the
  // new thing with what it is said about, when the whole wording is too long for a phrase.
  const tails = words
    .map((w, i) => (isTask(w) && !known.has(w) && last - i < MAX_PHRASE_WORDS ? words.slice(i, last + 1).join(" ") : ""))
    .filter((t) => t !== "");
  const phrases = [
    span,
    ...tails,
    task.slice(0, MAX_PHRASE_WORDS).join(" "),
    fresh.slice(0, MAX_PHRASE_WORDS).join(" "),
    ...fresh,
  ];
  return [...new Set(phrases.filter((p) => p !== ""))];
}

/** The responsibility of `role` a question is most about: the matcher's evidence, else the most words in common. */
function bestResponsibility(k: Knowledge, role: Role, text: string): number {
  const ranked = createWhodoes(k)
    .ask(text)
    .roles.find((r) => r.id === role.id);
  const byEvidence = role.responsibilities.findIndex((x) => x.id === ranked?.evidence[0]?.responsibilityId);
  if (byEvidence >= 0) return byEvidence;
  const words = new Set(normaliseQuestion(text).split(" "));
  let best = 0;
  let bestScore = -1;
  role.responsibilities.forEach((x, i) => {
    const score = normaliseQuestion(`${x.statement} ${x.keywords.join(" ")}`)
      .split(" ")
      .filter((w) => words.has(w)).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

function withKeyword(k: Knowledge, roleId: string, index: number, phrase: string): Knowledge {
  return {
    ...k,
    roles: k.roles.map((r) =>
      r.id !== roleId
        ? r
        : {
            ...r,
            responsibilities: r.responsibilities.map((x, i) => (i === index ? { ...x, keywords: [...x.keywords, phrase] } : x)),
          },
    ),
  };
}

function withOutOfScope(k: Knowledge, phrase: string): Knowledge {
  return { ...k, intents: k.intents.map((i) => (i.id === "out_of_scope" ? { ...i, cues: [...i.cues, phrase] } : i)) };
}

/** The knowledge's own example questions (those without placeholders), with the intent and first role each gets. */
function exampleAnswers(k: Knowledge): { text: string; intent: string; role: string | undefined }[] {
  const whodoes = createWhodoes(k);
  return k.intents
    .flatMap((i) => i.examples)
    .filter((e) => !/\b(ROLE|TASK)\b/.test(e))
    .map((text) => {
      const a = whodoes.ask(text);
      return { text, intent: a.intent, role: a.roles[0]?.id };
    });
}

/** Whether the examples still get the answers they got. */
function examplesHold(expected: ReturnType<typeof exampleAnswers>, after: Knowledge): boolean {
  const whodoes = createWhodoes(after);
  return expected.every((e) => {
    const a = whodoes.ask(e.text);
    return a.intent === e.intent && a.roles[0]?.id === e.role;
  });
}

/** A YAML-safe scalar for a phrase: plain when it can be, quoted when YAML would read it as something else. */
const scalar = (phrase: string) =>
  /^[a-z][a-z0-9 ]*$/.test(phrase) && !/^(true|false|null|yes|no|on|off|y|n)$/.test(phrase) ? phrase : JSON.stringify(phrase);

/** Add `phrase` to the YAML sequence at `path` of `text`, keeping the file's own layout (flow `[...]` or a block list). */
export function appendToSequence(text: string, path: (string | number)[], phrase: string): string | undefined {
  const doc = parseDocument(text);
  const seq = doc.getIn(path, true) as YAMLSeq<Scalar> | undefined;
  if (!seq?.range || !Array.isArray(seq.items)) return undefined;
  if (seq.flow) {
    const close = text.lastIndexOf("]", seq.range[1]);
    if (close < 0) return undefined;
    const empty = seq.items.length === 0;
    return `${text.slice(0, close).trimEnd()}${empty ? "" : ", "}${scalar(phrase)}${text.slice(close)}`;
  }
  const last = seq.items.at(-1);
  if (!last?.range) return undefined;
  const lineStart = text.lastIndexOf("\n", last.range[0]) + 1;
  const dash = text.lastIndexOf("-", last.range[0]);
  const indent = text.slice(lineStart, dash);
  const lineEnd = text.indexOf("\n", last.range[1] - 1);
  const at = lineEnd < 0 ? text.length : lineEnd;
  return `${text.slice(0, at)}\n${indent}- ${scalar(phrase)}${text.slice(at)}`;
}

/** Add `phrase` to a top-level group of other-departments.yaml, making the group at the end when it is new. */
function appendToGroup(text: string, group: string, phrase: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.has(group)) return appendToSequence(text, [group], phrase);
  return `${text.replace(/\n*$/, "\n")}${group}: [${scalar(phrase)}]\n`;
}

/** Role id -> its file, read from the role files themselves (the loaded knowledge keeps no paths). */
function roleFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const rolesDir = join(dir, "roles");
  for (const name of readdirSync(rolesDir).filter((f) => /\.ya?ml$/.test(f))) {
    const id = parseDocument(readFileSync(join(rolesDir, name), "utf8")).get("id");
    if (typeof id === "string") files.set(id, join(rolesDir, name));
  }
  return files;
}

/** A recorded question in a note: one line, its escapes and bidi overrides made inert, as in the report. */
const quoted = (text: string) => `"${inertLine(text).slice(0, 80)}"`;

export function suggestEdits(events: UsageEvent[], knowledge: Knowledge, options: SuggestOptions = {}): Suggestions {
  const report = buildReport(events, { since: new Date(0), until: new Date(8.64e15) }, Number.MAX_SAFE_INTEGER);
  const textOf = new Map<string, string>();
  for (const row of report.unanswered) if (row.question) textOf.set(row.hash, row.question);
  const notes: string[] = [];
  const edited = new Map<string, string>();
  const read = (file: string) => edited.get(file) ?? readFileSync(file, "utf8");
  const files = roleFiles(knowledge.dir);
  let working = knowledge;
  const examples = exampleAnswers(knowledge);
  const corrected = new Set<string>();

  const propose = (row: CorrectionRow) => {
    const [top, second] = row.expected;
    if (!top) return;
    if (second && second.count === top.count) return notes.push(`${row.count} corrections disagree on one question: no edit`);
    const text = row.question ?? (row.hash ? textOf.get(row.hash) : undefined);
    const said = top.role === null ? "none of the data roles" : top.role;
    if (!text)
      return notes.push(
        `${top.count} said a ${row.role ?? row.intent} answer should be ${said}, but the question was not recorded (RECORD_QUESTIONS=true keeps it): no edit`,
      );
    if (row.hash) corrected.add(row.hash);
    const now = createWhodoes(working).ask(text);
    if (top.role === null) {
      if (now.intent === "out_of_scope") return notes.push(`${quoted(text)} is out of scope already`);
      const phrase = candidatePhrases(working, text).find((p) => {
        const next = withOutOfScope(working, p);
        return createWhodoes(next).ask(text).intent === "out_of_scope" && examplesHold(examples, next);
      });
      if (!phrase)
        return notes.push(`${quoted(text)}: no out-of-scope phrase makes it out of scope without changing other answers`);
      const file = join(knowledge.dir, "other-departments.yaml");
      if (!edited.has(file) && !existsSync(file))
        return notes.push(`${quoted(text)}: "${phrase}" would make it out of scope; add other-departments.yaml to take it`);
      const changed = appendToGroup(read(file), FEEDBACK_GROUP, phrase);
      if (!changed) return notes.push(`${quoted(text)}: other-departments.yaml could not be edited`);
      edited.set(file, changed);
      working = withOutOfScope(working, phrase);
      return notes.push(`${quoted(text)} (${top.count}x none of these): "${phrase}" becomes an out-of-scope phrase`);
    }
    const role = working.roles.find((r) => r.id === top.role);
    const file = role ? files.get(role.id) : undefined;
    if (!role || !file) return notes.push(`${quoted(text)}: the role "${top.role}" is not in the knowledge`);
    if (now.intent === "who_does" && now.roles[0]?.id === role.id)
      return notes.push(`${quoted(text)} gets the ${lowerName(role.short)} already`);
    const index = bestResponsibility(working, role, text);
    const phrase = candidatePhrases(working, text).find((p) => {
      const next = withKeyword(working, role.id, index, p);
      const answer = createWhodoes(next).ask(text);
      return answer.intent === "who_does" && answer.roles[0]?.id === role.id && examplesHold(examples, next);
    });
    const responsibility = role.responsibilities[index];
    if (!phrase || !responsibility)
      return notes.push(`${quoted(text)}: no keyword makes it the ${lowerName(role.short)}'s without changing other answers`);
    const changed = appendToSequence(read(file), ["responsibilities", index, "keywords"], phrase);
    if (!changed) return notes.push(`${quoted(text)}: ${file} could not be edited`);
    edited.set(file, changed);
    working = withKeyword(working, role.id, index, phrase);
    return notes.push(
      `${quoted(text)} (${top.count}x should be ${role.id}): "${phrase}" becomes a keyword of ${role.id}/${responsibility.id}`,
    );
  };

  for (const row of report.corrections) propose(row);
  for (const row of report.unanswered)
    if (row.question && !corrected.has(row.hash))
      notes.push(`${quoted(row.question)} (${row.count}x unanswered): nobody said which role; no edit`);

  const outside = relative(process.cwd(), knowledge.dir).startsWith("..");
  const base = options.base ?? (outside ? dirname(knowledge.dir) : process.cwd());
  const path = (file: string) => relative(base, file).split(sep).join("/");
  const patch = [...edited]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, after]) =>
      createTwoFilesPatch(`a/${path(file)}`, `b/${path(file)}`, readFileSync(file, "utf8"), after, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      }),
    )
    .join("");
  return { notes, patch, base };
}
