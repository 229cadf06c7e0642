/**
 * Each intent's score for a message, from its cue words and its shape: how many roles it names, whether its words
 * point at a task, whether another department's or a neighbouring role's words outweigh them. The steps run in
 * order, and a later one may take back what an earlier one gave (a task's owner asked for beside another
 * department's matter is that department's). classify.ts picks the best and shapes the answer.
 */
import type { IntentId } from "../intents.js";
import type { Neighbour, Role } from "../knowledge/types.js";
import { isTaskMatch } from "./role-order.js";
import { SETTINGS } from "./settings.js";
import { AUXILIARIES } from "./signals.js";
import type { RoleRanking } from "./task-ranking.js";
import type { Understanding } from "./understand.js";

/** What the scores are worked out from: the message, and what classify.ts made of its roles. */
export interface Facts {
  u: Understanding;
  /** The roles the message asks about (askedRoles), in the order it names them. */
  roles: readonly Role[];
  /** How many of them. */
  named: number;
  /** The task's candidate owners, in the order they are weighed (orderRoles). */
  ranking: RoleRanking[];
  top: RoleRanking | undefined;
  /** The best owner's confidence when the message's words are a task, else 0. */
  task: number;
  /** The first neighbouring role named. */
  neighbour: Neighbour | undefined;
  /** A neighbouring role named, and none of ours: it is asked about as a role would be. */
  standsIn: boolean;
  /** Roles asked about, a standing-in neighbour counted. */
  asked: number;
  /** An intent's cue weight; describe_role's less the frames of another department's matter. */
  cue: (i: IntentId) => number;
  /** "Compare all the roles": every role side by side, none named. */
  sideBySide: boolean;
  /** "who's the ETL developer around here?": one role asked about, no task, and "who": who holds it. */
  holds: boolean;
  /** The message's task is a neighbouring role's work and none of ours (isTheirWork). */
  theirWork: boolean;
}

export type Scores = Map<IntentId, number>;

export function factsOf(u: Understanding, roles: readonly Role[], ranking: RoleRanking[]): Facts {
  // "what does a senior data architect earn?": a question's frame beside another department's word asks about
  // that department's matter, not what the role is.
  const cue = (i: IntentId) => (u.cues.get(i) ?? 0) - (i === "describe_role" ? u.frames : 0);
  const named = roles.length;
  const top = ranking[0];
  const neighbour = u.neighbours[0];
  // A neighbouring role named ("what does a data scientist do?") is asked about like a role, and
  // answered honestly as one the knowledge does not model; with no modelled role named it stands in for one.
  const standsIn = named === 0 && neighbour !== undefined;
  const asked = named + (standsIn ? 1 : 0);
  const facts = {
    u,
    roles,
    named,
    ranking,
    top,
    task: isTaskMatch(top, u) ? top.confidence : 0,
    neighbour,
    standsIn,
    asked,
    cue,
    sideBySide: asked === 0 && u.sideBySide,
    theirWork: isTheirWork(u),
  };
  return { ...facts, holds: asksWhoHolds(facts) };
}

/** Every intent's score; intents that score nothing are absent. */
export function scoreIntents(f: Facts): Scores {
  const score: Scores = new Map();
  for (const step of STEPS) step(f, score);
  return score;
}

/** "who's the ETL developer around here?": one role asked about, no task, and "who": who holds it. */
function asksWhoHolds(f: Omit<Facts, "holds">): boolean {
  // "who is a data architect?" with "a" asks what one is, not who holds the job here.
  return (
    f.asked === 1 &&
    f.task === 0 &&
    f.cue("who_does") > 0 &&
    otherCues(f, ["who_does"]) === 0 &&
    !asksWhatOneIs(f.u.analysis.words)
  );
}

type Step = (f: Facts, score: Scores) => void;

const set = (score: Scores, i: IntentId, s: number) => {
  if (s > 0) score.set(i, s);
};

const otherCues = (f: Omit<Facts, "holds">, except: readonly IntentId[]) =>
  [...f.u.cues.keys()].filter((i) => !except.includes(i)).reduce((s, i) => s + f.cue(i), 0);

/** A message full of other words ("make a list of the new features") is not asking for the roles, or for help. */
const wordy = (f: Facts) => SETTINGS.wordyPenalty * Math.max(0, f.u.content.size - SETTINGS.shortMessageWords);

const compare: Step = (f, score) => {
  if (f.named >= 2) set(score, "compare_roles", 1 + 3 * f.cue("compare_roles"));
  // "DBA vs data scientist", "DBA or sysadmin?": a role and a neighbouring one compared.
  else if (f.named === 1 && f.neighbour && (f.cue("compare_roles") > 0 || f.u.titlesSideBySide))
    set(score, "compare_roles", 1 + 3 * Math.max(f.cue("compare_roles"), f.u.titlesSideBySide ? 0.5 : 0));
};

// With no role named, only an explicit phrase ("work together") makes it about collaboration, and only when the
// message asks who or speaks of the roles ("who do I work with most?", "how do all four data roles work
// together?"): "the data you work with" asks nothing of them. Each role named (up to two) makes it more so
// ("how do the data manager and the ETL developers coordinate ...?").
const collaboration: Step = (f, score) => {
  const unnamed = f.task > 0 ? 99 : f.cue("list_roles") > 0 || asksWho(f.u.analysis.words) ? 1 : 1.5;
  if (f.cue("collaboration") > (f.named > 0 || (f.standsIn && f.task === 0) ? 0 : unnamed))
    set(score, "collaboration", 2 + 1.5 * f.cue("collaboration") + Math.min(f.asked, 2));
};

const WHERE_TO_START =
  /(?:^| )where (?:do|should|would|can) (?:i|you|we) (?:even )?(?:start|begin)(?: |$)|(?:^| )where to (?:start|begin)(?: |$)/;

// "new DBA here, whose job is the retention policy?": being new is told of the asker, not asked; it makes a
// message onboarding only when nothing else is asked (a task's owner, how roles work together, or how two
// roles differ). Another department's word is not enough: "new starter here (marketing analyst)" tells who asks.
const onboarding: Step = (f, score) => {
  const { u, cue, top } = f;
  const onlyTellsNew = cue("onboarding") <= (u.contextCues.get("onboarding") ?? 0);
  const asksElse = (f.task > 0 && cue("who_does") > 0) || cue("collaboration") > 0 || (f.named >= 2 && cue("compare_roles") > 0);
  // "our nightly load from the CRM fails at random, where do I even start?": where to start on a task asks about the
  // task, when no role, no neighbour and nothing of a newcomer is said.
  const startsOnTheTask =
    cue("onboarding") > 0 &&
    f.named === 0 &&
    u.neighbours.length === 0 &&
    (u.contextCues.get("onboarding") ?? 0) === 0 &&
    top !== undefined &&
    f.task > 0 &&
    top.evidence >= SETTINGS.strongEvidence &&
    WHERE_TO_START.test(u.analysis.words.join(" "));
  if (cue("onboarding") > 0 && !(onlyTellsNew && asksElse) && !startsOnTheTask)
    set(score, "onboarding", 1 + 1.5 * cue("onboarding") + (f.named === 1 ? 0.5 : 0));
};

const whoDoes: Step = (f, score) => {
  const { top, task } = f;
  // Plenty of whole-keyword evidence outweighs a passing mention of another department.
  const extra = top && task > 0 ? Math.min(Math.max(top.evidence - SETTINGS.strongEvidence * 2, 0), 4) * 0.5 : 0;
  if (task > 0) set(score, "who_does", 1.5 + 2 * task + 0.5 * Math.min(f.cue("who_does"), 2) + extra);
};

const asksWhatAbout = (words: readonly string[]) => words.some((w, i) => w === "what" && words[i + 1] === "about");

/** A role named and asked about, with no owner asked for: the message is about the role, not a task's owner. */
const aboutTheRoleNamed: Step = (f, score) => {
  const { u, cue, top, roles } = f;
  const words = u.analysis.words;
  if (f.named !== 1 || f.neighbour) return;
  // "what does a data architect do in a data mesh org?": a role named and asked what it does, with no "who",
  // describes it; its other words are the setting, not a task whose owner is asked for ("what about restoring
  // a dropped table, DBA?" still asks whether the task is the role's). So does "what is a data engineer's
  // responsibility for GDPR?": its "responsibility" asks for no owner when the task is another role's.
  // A yes-or-no question whether a task is a role's asks for its owner, as "is T X's job?" does.
  const noOwnerAsked = !asksIfResponsible(words) && (cue("who_does") === 0 || (!asksWho(words) && top?.role !== roles[0]));
  if (cue("describe_role") > 0 && noOwnerAsked && !asksWhatAbout(words)) score.delete("who_does");
  // "System design for data engineers", "is on-prem SSIS still data engineering?": a role named and no owner asked
  // for, with words that fit another role's work better, is a message about the role named, not a task for the other.
  // "Is the failed load the DBA's to fix?" still asks whether the task is the role's.
  if (cue("who_does") === 0 && top !== undefined && top.role !== roles[0] && !asksIfOwns(u)) score.delete("who_does");
};

// "how should we split up the modelling work across the DS team?", "masters in data science, worth it?": a
// neighbouring job named, none of ours, and no owner asked for, when that job's own work fits the message at least as
// well as any of ours, is about that job's world, not a task of ours ("should the data scientists get read access to
// the production database?" still is one).
const aboutTheNeighbourNamed: Step = (f, score) => {
  const theirs = f.u.neighbourWork?.confidence ?? 0;
  if (f.standsIn && f.cue("who_does") === 0 && theirs >= (f.top?.confidence ?? 0) && !asksIfOwns(f.u)) score.delete("who_does");
};

// A neighbouring title alone is described only when asked about ("what's a BI analyst?") or typed bare.
// Two titles side by side ask about both, as two roles named do.
const describe: Step = (f, score) => {
  const { u, cue } = f;
  if (
    (f.named === 1 && !(f.neighbour && u.titlesSideBySide)) ||
    (f.standsIn && (cue("describe_role") > 0 || u.content.size === 0))
  )
    // A title typed bare ("DBA?") asks what it is; one beside another department's words ("the pay range for a
    // DBA") asks about their matter.
    set(score, "describe_role", 1.2 + cue("describe_role") + (u.content.size === 0 && cue("out_of_scope") === 0 ? 1 : 0));
};

// "who's the ETL developer around here?", "who is the system designer for our data?": asking who
// holds a role is asking who does its work; "who is the data steward here?": the answer says who is closest,
// with no task to rank on.
const holder: Step = (f, score) => {
  if (f.holds) set(score, "who_does", 2.5);
};

// Asking for the roles, less a task asked, another department's words and other words; "compare all the roles",
// "what's the difference between all four", "compare": every role side by side.
const listRoles: Step = (f, score) => {
  const { cue } = f;
  const listCue = cue("list_roles") - (f.task > 0 ? 1.5 + cue("who_does") : 0) - cue("out_of_scope") - wordy(f);
  if (f.asked === 0 && cue("list_roles") > 0) set(score, "list_roles", 1 + listCue);
  if (f.sideBySide) set(score, "list_roles", Math.max(score.get("list_roles") ?? 0, 1.5 + listCue));
};

// A message naming a job, ours or a neighbouring one ("options for a DS with 2 YOE"), asks about that job, not the bot;
// and a lone "help" beside words of its own ("need help replacing db polling") asks help with those, not with the bot.
const help: Step = (f, score) => {
  const { u, cue } = f;
  const asksTheBot = cue("help") > 1 || u.content.size === 0;
  if (cue("help") > 0 && asksTheBot && f.named === 0 && u.neighbours.length === 0)
    set(score, "help", 1 + 1.5 * cue("help") - (f.task > 0 ? 2 : 0) - wordy(f));
};

const greeting: Step = (f, score) => {
  const { u, cue } = f;
  if (cue("greeting") > 0 && f.named === 0 && f.task === 0 && u.content.size <= 2)
    set(score, "greeting", 1 + cue("greeting") - otherCues(f, ["greeting", "who_does", "describe_role"]));
  // Nothing typed but emoji (":wave:", "👍") is small talk; nothing at all asks for help.
  if (u.analysis.words.length === 0) set(score, u.emojiOnly ? "greeting" : "help", 1);
};

// Work that is a neighbouring role's and none of ours ("who picks the font for reports?"): its own
// words prove it, and nothing else in the message proves a task of ours.
const neighboursWork: Step = (f, score) => {
  if (!f.theirWork) return;
  score.delete("who_does");
  // "trying to get the chart's axis format working with ...": no role named, so not how roles work together
  // either; "I am new to this dashboard tool, how do I change the bar colours?" is not starting in a role.
  if (f.named === 0) {
    score.delete("collaboration");
    score.delete("onboarding");
  }
  set(score, "out_of_scope", 3);
};

const otherDepartment: Step = (f, score) => {
  const { u, cue, named } = f;
  if (cue("out_of_scope") === 0 || outweighsOtherDepartment(u, f.top)) return;
  score.delete("who_does");
  // "who approves laptops for new starters?" asks about someone else's work for a newcomer; "new
  // starter here (marketing analyst), how does the data team work?" is still a newcomer asking us.
  if (named === 0 && cue("who_does") > 0) score.delete("onboarding");
  // "self-taught data engineer looking for a new job": the job hunt's words outweigh the new job's; it is HR's.
  if (cue("out_of_scope") > cue("onboarding")) score.delete("onboarding");
  // ...but a message that asks about a role it names, or asks to be onboarded, is still ours;
  // "who is hiring DBAs?" names a role and is still recruitment's, and so is a question whose other
  // department's words outweigh its asking ("what's the salary range for a senior data engineer?").
  // A greeting or a plea for help ("Compensation help", "hi all") asks nothing about the role.
  // "How are DE interviews these days?": a comparison's words with one job named compare nothing.
  const alone: IntentId[] = named + u.neighbours.length < 2 ? ["compare_roles"] : [];
  const aboutRole =
    named > 0 &&
    otherCues(f, ["out_of_scope", "who_does", "greeting", "help", ...alone]) > 0 &&
    otherCues(f, ["out_of_scope", "greeting", "help", ...alone]) >= cue("out_of_scope");
  // "data engineer vs data architect salary?": two roles side by side in another department's matter, asked no
  // more about how they differ than that matter weighs, and nothing else asked of them, compare their pay, not
  // their work ("... we can only hire one this year, how do they differ?" still compares them).
  const theirMatterSideBySide =
    cue("compare_roles") > 0 &&
    cue("out_of_scope") >= cue("compare_roles") &&
    otherCues(f, ["out_of_scope", "who_does", "compare_roles"]) <= 0 &&
    // ...when that matter is in the sentence that asks, not in the context ("... ? HR uses them interchangeably").
    (u.focus === undefined || u.askedAboutOtherDepartment !== undefined);
  if (theirMatterSideBySide) score.delete("compare_roles");
  // Never below what a neighbour's work already gave it above.
  set(score, "out_of_scope", Math.max(score.get("out_of_scope") ?? 0, aboutRole && !theirMatterSideBySide ? 1 : 2.5));
};

/** In order: later steps take back what earlier ones gave. */
const STEPS: readonly Step[] = [
  compare,
  collaboration,
  onboarding,
  whoDoes,
  aboutTheRoleNamed,
  aboutTheNeighbourNamed,
  describe,
  holder,
  listRoles,
  help,
  greeting,
  neighboursWork,
  otherDepartment,
];

/**
 * Another department's word (payroll, wifi, rota) makes a task question theirs, unless the
 * message also carries plenty of data-task evidence, from two or more task words ("the payroll
 * database's audit log"), or names a data thing and a task ("the lab results db is sluggish
 * during ward rounds"); one word in common ("monitors", "password") is not enough.
 */
function outweighsOtherDepartment(u: Understanding, top: RoleRanking | undefined): boolean {
  // When the asking sentence carries the other department's word, only its own task words count.
  const askedWords = u.askedAboutOtherDepartment;
  const unambiguous = top ? top.strong.filter((c) => !u.ambiguous.has(c) && (!askedWords || askedWords.has(c))).length : 0;
  // The asker's own device or file ("my laptop is running out of disk space") is never the data team's for its
  // task words alone, however many; only a data thing named makes it so ("the postgres database on my laptop").
  // A product's or a dataset's terms of supply ("how do I cite this dataset?", "how am I billed for backups?") are
  // its provider's, whatever data work they mention, unless the message asks who does it here.
  const providers = u.provider && !asksWhoHere(u.analysis.words);
  return (
    !providers &&
    !u.prospect &&
    top !== undefined &&
    ((!u.personal && top.evidence >= SETTINGS.outOfScopeOverride && unambiguous >= 2) ||
      ((u.personal ? u.namesData : u.mentionsData) && top.evidence >= SETTINGS.minEvidence && unambiguous >= 1))
  );
}

/** Whether the message's task is a neighbouring role's work and none of ours. */
function isTheirWork(u: Understanding): boolean {
  const theirs = u.neighbourWork;
  if (theirs === undefined || !isTaskMatch(theirs, u)) return false;
  // Its own words prove it: words none of the roles' keywords matched.
  if (theirs.own >= SETTINGS.strongEvidence && theirs.beyond * SETTINGS.theirWorkMargin <= theirs.own) return true;
  // Or every task word of the roles' is one of its own too, and it matched them as a whole far better
  // ("read-only mode" of a dashboard: the DBA has "read" and "mode", the BI developer the phrase).
  const roles = Math.max(0, ...u.ranking.map((r) => r.evidence));
  if (theirs.beyond > 0 || theirs.evidence < SETTINGS.strongEvidence) return false;
  // Or as much, when one phrase of its holds the whole task and the roles matched it only word by word: "who
  // builds the dashboards?" is the BI developer's "build the dashboard", not the engineer's "build" and "BI".
  const phrased = (r: RoleRanking) => r.matches.some((m) => m.phrased.size >= 2);
  return (
    theirs.evidence >= roles * SETTINGS.theirPhraseMargin ||
    (theirs.holdsTask && theirs.evidence >= roles && !u.ranking.some(phrased))
  );
}

/** "who ...", "whose ...", "which role ...": the message asks for an owner. */
function asksWho(words: readonly string[]): boolean {
  return words.some(
    (w, i) => w === "who" || w === "whose" || w === "whom" || (w === "which" && /^(?:role|team|one)$/.test(words[i + 1] ?? "")),
  );
}

const HERE = new Set(["our", "we", "here", "us"]);
/** "who checks our backup bill?": a question of who does it here, not of a provider's terms. */
function asksWhoHere(words: readonly string[]): boolean {
  return asksWho(words) && words.some((w) => HERE.has(w));
}

/**
 * "Is the failed load the DBA's to fix?", "is patching the architect's job?": a yes-or-no question whether a task
 * is a role's, the role followed by what it would own.
 */
const OWNED: ReadonlySet<string> = new Set(["to", "job", "problem", "responsibility", "task", "call", "area", "remit", "work"]);
function asksIfOwns(u: Understanding): boolean {
  const words = u.analysis.words;
  if (asksIfResponsible(words)) return true;
  return AUXILIARIES.has(words[0] ?? "") && u.mentions.some((m) => OWNED.has(words[m.end] ?? ""));
}

/**
 * "is it normal for the DWE to be responsible for backing up the warehouse?": a yes-or-no question whether a task
 * is someone's, which asks for its owner. "As a DBA, am I responsible for data quality?": it may follow the asker's
 * own job.
 */
function asksIfResponsible(words: readonly string[]): boolean {
  return words.some(
    (w, k) =>
      w === "responsible" &&
      words[k + 1] === "for" &&
      (AUXILIARIES.has(words[0] ?? "") ||
        (words[k - 2] === "am" && words[k - 1] === "i") ||
        (words[k - 2] === "are" && words[k - 1] === "we")),
  );
}

/** "who is a data architect?", "who are an ETL developer's ...": "who" and "is"/"are" before "a"/"an". */
function asksWhatOneIs(words: readonly string[]): boolean {
  return words.some(
    (w, i) => w === "who" && (words[i + 1] === "is" || words[i + 1] === "are") && /^an?$/.test(words[i + 2] ?? ""),
  );
}
