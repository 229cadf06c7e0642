/**
 * Decide what a message asks, from the evidence in an Understanding. Each intent gets a score
 * from its cue words and the shape of the message (how many roles it names, whether its words
 * point at a task); the best wins, and anything that fits nothing is out of scope.
 */
import { INTENT_IDS, type IntentId } from "../intents.js";
import type { Neighbour, Role } from "../knowledge/types.js";
import { SETTINGS } from "./settings.js";
import { AUXILIARIES } from "./signals.js";
import type { RoleRanking } from "./task-ranking.js";
import type { Understanding } from "./understand.js";

export interface Decision {
  intent: IntentId;
  /** For who_does: the roles that own the task, best first; for describe_role of an unknownTitle, its closest role. */
  ranking: RoleRanking[];
  /** For list_roles: show every role side by side (the comparison table) rather than a list. */
  sideBySide?: true;
  /** The question is about a neighbouring role (a job not modelled here), or its work: answer honestly. */
  neighbour?: Neighbour;
  /** out_of_scope for another department's matter, named ("the IT help desk"): whose it is. */
  department?: string;
  /** who_does on no task at all: the ranking is only the closest role by the message's loose words. */
  guess?: true;
  /** The roles the question itself asks about (askedRoles); empty when it names none of its own. */
  asked: Role[];
  /** describe_role of a job title the knowledge does not know (as typed): the ranking is its closest role by its words. */
  unknownTitle?: string;
  /** onboarding with no role named: the role whose work the newcomer names ("hired to build the ETL pipelines"). */
  starting?: Role;
  /** who_does asked of everyone taking part ("who's involved in a GDPR erasure?"): every role with a part, each shown. */
  everyPart?: true;
}

/**
 * Who wins a tie: the lower rank. A record over every intent id, so a new intent that is missing here
 * does not compile (a list would let it silently never win).
 */
const TIE_RANK: Record<IntentId, number> = {
  compare_roles: 0,
  collaboration: 1,
  onboarding: 2,
  who_does: 3,
  describe_role: 4,
  list_roles: 5,
  help: 6,
  greeting: 7,
  out_of_scope: 8,
};
const PRIORITY: readonly IntentId[] = [...INTENT_IDS].sort((a, b) => TIE_RANK[a] - TIE_RANK[b]);

const asksWhatAbout = (words: readonly string[]) => words.some((w, i) => w === "what" && words[i + 1] === "about");

const WHERE_TO_START =
  /(?:^| )where (?:do|should|would|can) (?:i|you|we) (?:even )?(?:start|begin)(?: |$)|(?:^| )where to (?:start|begin)(?: |$)/;

function isTaskMatch(r: RoleRanking | undefined, u: Understanding): r is RoleRanking {
  if (r === undefined) return false;
  // "the Reno warehouse", "the lake house", "patch the drywall": words with an everyday meaning
  // are a data task only when something else in the message says data. Alone ("patching", typed to a data
  // bot's search box) they are the data task.
  const everyday = (c: string) => u.ambiguous.has(c);
  const alone = [...u.content].every((c) => r.strong.includes(c));
  if (!u.mentionsData && !u.namesOurRole && r.strong.length > 0 && r.strong.every(everyday) && !alone) return false;
  return r.evidence >= SETTINGS.strongEvidence || (r.confidence >= SETTINGS.minConfidence && r.evidence >= SETTINGS.minEvidence);
}

/**
 * The roles a message asks about, in the order it names them. "The architect for the new library building":
 * with another department's word about, a role named only by an everyday word does not count. Nor does one
 * named only in another sentence than the question, when the question names its own or asks about a task
 * ("The DBA restored it last night. Who fixes the load?", "I'm a DBA. What does a data architect do?").
 */
function askedRoles(u: Understanding): Role[] {
  const all = (u.cues.get("out_of_scope") ?? 0) > 0 ? u.roles.filter((r) => !u.looselyNamed.has(r)) : u.roles;
  // "As a DBA, what does a data architect do?" asks about the architect alone; "I just joined as a data manager"
  // is about the asker's own role, the only one it names.
  const others = all.filter((r) => !u.askerRoles.has(r));
  // Compared, though, the asker's own role is the other side: "I'm a data engineer ... how different is the data
  // manager's job?".
  const comparing = (u.cues.get("compare_roles") ?? 0) > (u.cues.get("who_does") ?? 0) && others.length === 1 && all.length === 2;
  const roles = comparing ? all : others.length > 0 ? others : all;
  // "What does a DBA do? And how is it different from the architect?" asks first about the DBA alone.
  const ownRoles = roles.filter((r) => !u.contextRoles.has(r));
  const ownQuestion = u.focus !== undefined && ownRoles.length > 0 && !u.refers;
  return u.contextRoles.size > 0 && (isTaskMatch(u.ranking[0], u) || ownQuestion) ? ownRoles : roles;
}

export function classify(u: Understanding): Decision {
  const asked = askedRoles(u);
  const decision = decide(u, asked);
  // "As a data engineer, how do I work with the DBA?": the asker's own role is the other party.
  const asker = [...u.askerRoles].find((r) => !asked.includes(r));
  const together = decision.intent === "collaboration" && asked.length === 1 && asker !== undefined;
  return { ...decision, asked: together ? [...asked, asker] : asked };
}

function decide(u: Understanding, roles: Role[]): Omit<Decision, "asked"> {
  // "what does a senior data architect earn?": a question's frame beside another department's word asks about
  // that department's matter, not what the role is.
  const cue = (i: IntentId) => (u.cues.get(i) ?? 0) - (i === "describe_role" ? u.frames : 0);
  const named = roles.length;
  const ranking = setAside(promoteEvidence(named >= 2 ? amongNamed(u, roles) : leadsOnTie(u.ranking, roles[0]), u), u);
  const top = ranking[0];
  const task = isTaskMatch(top, u) ? top.confidence : 0;
  // A neighbouring role named ("what does a data scientist do?") is asked about like a role, and
  // answered honestly as one the knowledge does not model; with no modelled role named it stands in for one.
  const neighbour = u.neighbours[0];
  const standsIn = named === 0 && neighbour !== undefined;
  // "data scientist vs data analyst": two jobs, neither of them ours.
  if (standsIn && u.neighbours.length >= 2 && cue("compare_roles") > 0) return { intent: "out_of_scope", ranking: [], neighbour };
  const asked = named + (standsIn ? 1 : 0);
  // "what does a data governance officer do?": a job the knowledge does not know, asked about as a job. Its
  // words are not a task to give an owner for; the answer says so, with the closest role by them.
  // Compared with a role that is known ("data governance officer vs DBA"), it is said so beside that role.
  if (u.unknownTitle && u.neighbours.length === 0 && cue("out_of_scope") === 0) {
    if (asked === 0) return { intent: "describe_role", ranking: top && top.raw > 0 ? [top] : [], unknownTitle: u.unknownTitle };
    if (asked === 1 && cue("compare_roles") > 0) return { intent: "compare_roles", ranking: [], unknownTitle: u.unknownTitle };
  }
  const otherCues = (except: IntentId[]) => [...u.cues.keys()].filter((i) => !except.includes(i)).reduce((s, i) => s + cue(i), 0);

  const score = new Map<IntentId, number>();
  const set = (i: IntentId, s: number) => s > 0 && score.set(i, s);

  if (named >= 2) set("compare_roles", 1 + 3 * cue("compare_roles"));
  // "DBA vs data scientist", "DBA or sysadmin?": a role and a neighbouring one compared.
  else if (named === 1 && neighbour && (cue("compare_roles") > 0 || u.titlesSideBySide))
    set("compare_roles", 1 + 3 * Math.max(cue("compare_roles"), u.titlesSideBySide ? 0.5 : 0));
  // With no role named, only an explicit phrase ("work together") makes it about collaboration, and only when the
  // message asks who or speaks of the roles ("who do I work with most?", "how do all four data roles work
  // together?"): "the data you work with" asks nothing of them. Each role named (up to two) makes it more so
  // ("how do the data manager and the ETL developers coordinate ...?").
  const unnamed = task > 0 ? 99 : cue("list_roles") > 0 || asksWho(u.analysis.words) ? 1 : 1.5;
  if (cue("collaboration") > (named > 0 || (standsIn && task === 0) ? 0 : unnamed))
    set("collaboration", 2 + 1.5 * cue("collaboration") + Math.min(asked, 2));
  // "new DBA here, whose job is the retention policy?": being new is told of the asker, not asked; it makes a
  // message onboarding only when nothing else is asked (a task's owner, how roles work together, or how two
  // roles differ). Another department's word is not enough: "new starter here (marketing analyst)" tells who asks.
  const onlyTellsNew = cue("onboarding") <= (u.contextCues.get("onboarding") ?? 0);
  const asksElse = (task > 0 && cue("who_does") > 0) || cue("collaboration") > 0 || (named >= 2 && cue("compare_roles") > 0);
  // "our nightly load from the CRM fails at random, where do I even start?": where to start on a task asks about the
  // task, when no role, no neighbour and nothing of a newcomer is said.
  const startsOnTheTask =
    cue("onboarding") > 0 &&
    named === 0 &&
    u.neighbours.length === 0 &&
    (u.contextCues.get("onboarding") ?? 0) === 0 &&
    top !== undefined &&
    task > 0 &&
    top.evidence >= SETTINGS.strongEvidence &&
    WHERE_TO_START.test(u.analysis.words.join(" "));
  if (cue("onboarding") > 0 && !(onlyTellsNew && asksElse) && !startsOnTheTask)
    set("onboarding", 1 + 1.5 * cue("onboarding") + (named === 1 ? 0.5 : 0));
  // Plenty of whole-keyword evidence outweighs a passing mention of another department.
  const extra = top && task > 0 ? Math.min(Math.max(top.evidence - SETTINGS.strongEvidence * 2, 0), 4) * 0.5 : 0;
  if (task > 0) set("who_does", 1.5 + 2 * task + 0.5 * Math.min(cue("who_does"), 2) + extra);
  // "what does a data architect do in a data mesh org?": a role named and asked what it does, with no "who",
  // describes it; its other words are the setting, not a task whose owner is asked for ("what about restoring
  // a dropped table, DBA?" still asks whether the task is the role's). So does "what is a data engineer's
  // responsibility for GDPR?": its "responsibility" asks for no owner when the task is another role's.
  // A yes-or-no question whether a task is a role's asks for its owner, as "is T X's job?" does.
  const noOwnerAsked =
    !asksIfResponsible(u.analysis.words) && (cue("who_does") === 0 || (!asksWho(u.analysis.words) && top?.role !== roles[0]));
  if (named === 1 && !neighbour && cue("describe_role") > 0 && noOwnerAsked && !asksWhatAbout(u.analysis.words))
    score.delete("who_does");
  // "System design for data engineers", "is on-prem SSIS still data engineering?": a role named and no owner asked
  // for, with words that fit another role's work better, is a message about the role named, not a task for the other.
  // "Is the failed load the DBA's to fix?" still asks whether the task is the role's.
  if (named === 1 && !neighbour && cue("who_does") === 0 && top !== undefined && top.role !== roles[0] && !asksIfOwns(u))
    score.delete("who_does");
  // A neighbouring title alone is described only when asked about ("what's a BI analyst?") or typed bare.
  // Two titles side by side ask about both, as two roles named do.
  if ((named === 1 && !(neighbour && u.titlesSideBySide)) || (standsIn && (cue("describe_role") > 0 || u.content.size === 0)))
    // A title typed bare ("DBA?") asks what it is; one beside another department's words ("the pay range for a
    // DBA") asks about their matter.
    set("describe_role", 1.2 + cue("describe_role") + (u.content.size === 0 && cue("out_of_scope") === 0 ? 1 : 0));
  // "who's the ETL developer around here?", "who is the system designer for our data?": asking who
  // holds a role is asking who does its work.
  // "who is a data architect?" with "a" asks what one is, not who holds the job here.
  const holds =
    asked === 1 && task === 0 && cue("who_does") > 0 && otherCues(["who_does"]) === 0 && !asksWhatOneIs(u.analysis.words);
  const holder = holds ? roles[0] : undefined;
  // "who is the data steward here?": the answer says who is closest, with no task to rank on.
  if (holds) set("who_does", 2.5);
  // A message full of other words ("make a list of the new features") is not asking for the roles.
  const wordy = SETTINGS.wordyPenalty * Math.max(0, u.content.size - SETTINGS.shortMessageWords);
  // Asking for the roles, less a task asked, another department's words and other words.
  const listCue = cue("list_roles") - (task > 0 ? 1.5 + cue("who_does") : 0) - cue("out_of_scope") - wordy;
  if (asked === 0 && cue("list_roles") > 0) set("list_roles", 1 + listCue);
  // "compare all the roles", "what's the difference between all four", "compare": every role side by side.
  const sideBySide = asked === 0 && u.sideBySide;
  if (sideBySide) set("list_roles", Math.max(score.get("list_roles") ?? 0, 1.5 + listCue));
  // A message naming a job, ours or a neighbouring one ("options for a DS with 2 YOE"), asks about that job, not the bot;
  // and a lone "help" beside words of its own ("need help replacing db polling") asks help with those, not with the bot.
  const asksTheBot = cue("help") > 1 || u.content.size === 0;
  if (cue("help") > 0 && asksTheBot && named === 0 && u.neighbours.length === 0)
    set("help", 1 + 1.5 * cue("help") - (task > 0 ? 2 : 0) - wordy);
  if (cue("greeting") > 0 && named === 0 && task === 0 && u.content.size <= 2)
    set("greeting", 1 + cue("greeting") - otherCues(["greeting", "who_does", "describe_role"]));
  // Nothing typed but emoji (":wave:", "👍") is small talk; nothing at all asks for help.
  if (u.analysis.words.length === 0) set(u.emojiOnly ? "greeting" : "help", 1);
  // Work that is a neighbouring role's and none of ours ("who picks the font for reports?"): its own
  // words prove it, and nothing else in the message proves a task of ours.
  if (isTheirWork(u)) {
    score.delete("who_does");
    // "trying to get the chart's axis format working with ...": no role named, so not how roles work together
    // either; "I am new to this dashboard tool, how do I change the bar colours?" is not starting in a role.
    if (named === 0) {
      score.delete("collaboration");
      score.delete("onboarding");
    }
    set("out_of_scope", 3);
  }
  if (cue("out_of_scope") > 0 && !outweighsOtherDepartment(u, top)) {
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
      otherCues(["out_of_scope", "who_does", "greeting", "help", ...alone]) > 0 &&
      otherCues(["out_of_scope", "greeting", "help", ...alone]) >= cue("out_of_scope");
    // "data engineer vs data architect salary?": two roles side by side in another department's matter, asked no
    // more about how they differ than that matter weighs, and nothing else asked of them, compare their pay, not
    // their work ("... we can only hire one this year, how do they differ?" still compares them).
    const theirMatterSideBySide =
      cue("compare_roles") > 0 &&
      cue("out_of_scope") >= cue("compare_roles") &&
      otherCues(["out_of_scope", "who_does", "compare_roles"]) <= 0 &&
      // ...when that matter is in the sentence that asks, not in the context ("... ? HR uses them interchangeably").
      (u.focus === undefined || u.askedAboutOtherDepartment !== undefined);
    if (theirMatterSideBySide) score.delete("compare_roles");
    // Never below what a neighbour's work already gave it above.
    set("out_of_scope", Math.max(score.get("out_of_scope") ?? 0, aboutRole && !theirMatterSideBySide ? 1 : 2.5));
  }

  let best: IntentId = "out_of_scope";
  let bestScore = 0;
  for (const intent of PRIORITY) {
    const s = score.get(intent) ?? 0;
    if (s > bestScore) {
      best = intent;
      bestScore = s;
    }
  }
  // "are some datasets not getting updated as frequently as they should?": a question about data that
  // matches no task is still about data work, not another department's. Rather than turn it away, the
  // answer offers the closest role by the message's loose words, as a guess.
  if (bestScore === 0 && u.namesData && u.neighbours.length === 0 && !u.neighbourWork?.evidence && top && top.raw > 0)
    return {
      intent: "who_does",
      ranking: [{ ...top, confidence: Math.min(top.confidence, SETTINGS.guessConfidence) }],
      guess: true,
    };
  if (best === "list_roles" && sideBySide) return { intent: best, ranking: [], sideBySide: true };
  const about = aboutOthers(best, u, standsIn, named);
  // "I've been hired to build the ETL pipelines. What should I do in my first week?": the role whose work the
  // newcomer names is the one they start in.
  // Only a task said plainly: "new starter on the data team" names none.
  const second = ranking[1];
  const plainly =
    top !== undefined &&
    task > 0 &&
    top.evidence >= SETTINGS.startingEvidence &&
    (second === undefined || top.raw >= second.raw * SETTINGS.startingLead);
  if (best === "onboarding" && named === 0 && plainly) return { intent: best, ranking: [], starting: top.role };
  if (best !== "who_does") return { intent: best, ranking: [], ...about };
  if (holder) return { intent: best, ranking: [ranking.find((r) => r.role === holder) ?? holderRanking(holder)], ...about };
  if (holds && standsIn) return { intent: best, ranking: [], ...about };
  // "who's involved when a customer asks us to delete their data?": every role with work of its own in the task.
  if (asksWhoTakesPart(u.analysis.words)) {
    const parts = ranking.filter((r) => r === top || r.evidence >= SETTINGS.minEvidence);
    return { intent: best, ranking: parts, ...(parts.length > 1 ? { everyPart: true as const } : {}) };
  }
  return { intent: best, ranking: ranking.filter(closeToBest(ranking)) };
}

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

/** "who's involved", "who takes part", "which roles": asking for everyone with a part, not one owner. */
const TAKING_PART: readonly (readonly string[])[] = [
  ["involved"],
  ["take", "part"],
  ["takes", "part"],
  ["each", "role"],
  ["every", "role"],
  ["which", "roles"],
  ["what", "roles"],
  ["who", "all"],
];
function asksWhoTakesPart(words: readonly string[]): boolean {
  return words.some((_, i) => TAKING_PART.some((p) => p.every((w, k) => words[i + k] === w)));
}

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

/** Which neighbouring role, or out of scope which other department, an answer of this intent is about, if any. */
function aboutOthers(
  intent: IntentId,
  u: Understanding,
  standsIn: boolean,
  named: number,
): Pick<Decision, "neighbour" | "department"> {
  const neighbour = u.neighbours[0];
  const theirs = u.neighbourWork;
  // "who hires data scientists?" asks who does another department's work, not about a data scientist's
  // (a career question about the job still is: "how do I get a developer job?").
  const othersMatter = (u.cues.get("out_of_scope") ?? 0) > 0 && (u.cues.get("who_does") ?? 0) > 0;
  if (intent === "out_of_scope") {
    if (theirs && isTaskMatch(theirs, u)) return { neighbour: theirs.neighbour };
    if (standsIn && neighbour && !othersMatter) return { neighbour };
    // Another department's words that are all a neighbouring role's own ("unit tests", "css") name it; else the
    // department, when the knowledge names it.
    if (u.departmentNeighbour) return { neighbour: u.departmentNeighbour };
    return u.department ? { department: u.department } : {};
  }
  if (!neighbour) return {};
  if (standsIn || (named === 1 && (intent === "compare_roles" || intent === "collaboration"))) return { neighbour };
  return {};
}

/** "Who besides the data manager can approve access?": the roles the message sets aside, when another role fits. */
function setAside(ranking: RoleRanking[], u: Understanding): RoleRanking[] {
  const rest = ranking.filter((r) => !u.excluded.has(r.role));
  return rest.some((r) => isTaskMatch(r, u)) ? rest : ranking;
}

/**
 * A best match made only of loose statement words ("write" in "read/write access") loses to a
 * close runner-up whose keywords prove it is about that task ("who writes the rulebook for how
 * patient data is governed").
 */
function promoteEvidence(ranking: RoleRanking[], u: Understanding): RoleRanking[] {
  const top = ranking[0];
  if (top === undefined) return ranking;
  const bar = top.raw * SETTINGS.provenRunnerUpRatio;
  if (isTaskMatch(top, u)) return ranking;
  const proven = ranking.find((r) => r.raw >= bar && isTaskMatch(r, u));
  return proven ? [proven, ...ranking.filter((r) => r !== proven)] : ranking;
}

/**
 * "Is schema design the architect's job or the DBA's?": a question that names roles is answered among
 * them, unless another role's duties fit far better ("the ETL team loads it and the DBA encrypts it;
 * who decides who may see it?" names two roles only as context).
 */
function amongNamed(u: Understanding, roles: readonly Role[]): RoleRanking[] {
  const named = u.ranking.filter((r) => roles.includes(r.role));
  const top = u.ranking[0];
  const bestNamed = named[0];
  if (top === undefined || bestNamed === undefined || top === bestNamed || !isTaskMatch(top, u)) return named;
  return top.raw * SETTINGS.namedRolesShare > bestNamed.raw ? u.ranking : named;
}

/**
 * "What does a DBA do in disaster recovery?": where the task is shared and the roles score alike, the one
 * the question names comes first. It only breaks the tie: "is the failed load the DBA's to fix?" still
 * names the engineer.
 */
function leadsOnTie(ranking: RoleRanking[], role: Role | undefined): RoleRanking[] {
  const top = ranking[0];
  const it = ranking.find((r) => r.role === role);
  if (top === undefined || it === undefined || it === top || it.raw < top.raw) return ranking;
  return [it, ...ranking.filter((r) => r !== it)];
}

/** A role asked about by name, with no task words to match: it answers with its own summary. */
function holderRanking(role: Role): RoleRanking {
  return { role, raw: 1, confidence: 1, evidence: 0, strong: [], matches: [] };
}

/** Keep the roles worth showing: the best, and others close enough to matter. */
function closeToBest(ranking: RoleRanking[]) {
  const top = ranking[0];
  return (r: RoleRanking) => top !== undefined && (r === top || r.raw >= top.raw * SETTINGS.sharedConcernRatio);
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
