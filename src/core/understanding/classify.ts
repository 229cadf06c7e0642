/**
 * Decide what a message asks, from the evidence in an Understanding. The roles it asks about and their
 * candidates' order come from role-order.ts; each intent gets a score from its cue words and the shape of the
 * message (intent-scores.ts); the best wins, anything that fits nothing is out of scope, and the decision says
 * which roles, neighbour or department the answer is about.
 */
import { INTENT_IDS, type IntentId } from "../intents.js";
import type { Neighbour, Role } from "../knowledge/types.js";
import { type Facts, factsOf, scoreIntents } from "./intent-scores.js";
import { askedRoles, isTaskMatch, orderRoles } from "./role-order.js";
import { SETTINGS } from "./settings.js";
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
  /** describe_role of the role named, when nothing in the message asks about it (MatchResult.onlyNamed). */
  onlyNamed?: true;
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

export function classify(u: Understanding): Decision {
  const asked = askedRoles(u);
  const decision = decide(u, asked);
  // "As a data engineer, how do I work with the DBA?": the asker's own role is the other party.
  const asker = [...u.askerRoles].find((r) => !asked.includes(r));
  const together = decision.intent === "collaboration" && asked.length === 1 && asker !== undefined;
  return { ...decision, asked: together ? [...asked, asker] : asked };
}

function decide(u: Understanding, roles: Role[]): Omit<Decision, "asked"> {
  const f = factsOf(u, roles, orderRoles(u, roles));
  const early = beforeScoring(f);
  if (early) return early;
  const score = scoreIntents(f);
  let best: IntentId = "out_of_scope";
  let bestScore = 0;
  for (const intent of PRIORITY) {
    const s = score.get(intent) ?? 0;
    if (s > bestScore) {
      best = intent;
      bestScore = s;
    }
  }
  return shape(f, best, bestScore);
}

/** Messages answered before any intent is scored: jobs that are none of ours, asked about as jobs. */
function beforeScoring(f: Facts): Omit<Decision, "asked"> | undefined {
  const { u, cue, top, neighbour } = f;
  // "data scientist vs data analyst": two jobs, neither of them ours.
  if (f.standsIn && u.neighbours.length >= 2 && cue("compare_roles") > 0)
    return { intent: "out_of_scope", ranking: [], neighbour };
  // "what does a data governance officer do?": a job the knowledge does not know, asked about as a job. Its
  // words are not a task to give an owner for; the answer says so, with the closest role by them.
  // Compared with a role that is known ("data governance officer vs DBA"), it is said so beside that role.
  if (u.unknownTitle && u.neighbours.length === 0 && cue("out_of_scope") === 0) {
    if (f.asked === 0) return { intent: "describe_role", ranking: top && top.raw > 0 ? [top] : [], unknownTitle: u.unknownTitle };
    if (f.asked === 1 && cue("compare_roles") > 0) return { intent: "compare_roles", ranking: [], unknownTitle: u.unknownTitle };
  }
  return undefined;
}

/** The decision for the best intent: which roles, and which neighbour or department, it is about. */
function shape(f: Facts, best: IntentId, bestScore: number): Omit<Decision, "asked"> {
  const { u, top, ranking, task, named, standsIn } = f;
  // "are some datasets not getting updated as frequently as they should?": a question about data that
  // matches no task is still about data work, not another department's. Rather than turn it away, the
  // answer offers the closest role by the message's loose words, as a guess.
  if (bestScore === 0 && u.namesData && u.neighbours.length === 0 && !u.neighbourWork?.evidence && top && top.raw > 0)
    return {
      intent: "who_does",
      ranking: [{ ...top, confidence: Math.min(top.confidence, SETTINGS.guessConfidence) }],
      guess: true,
    };
  if (best === "list_roles" && f.sideBySide) return { intent: best, ranking: [], sideBySide: true };
  const about = aboutOthers(best, f);
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
  // "Feeling stuck at a DE job": a role named among words of the message's own, and no word asking about it.
  if (best === "describe_role" && f.cue("describe_role") <= 0 && u.content.size > 0 && !f.standsIn)
    return { intent: best, ranking: [], ...about, onlyNamed: true };
  if (best !== "who_does") return { intent: best, ranking: [], ...about };
  // "who's the ETL developer around here?": the role's holder, by its own summary when no task ranks it.
  if (f.holds) {
    const holder = f.roles[0];
    if (holder) return { intent: best, ranking: [ranking.find((r) => r.role === holder) ?? holderRanking(holder)], ...about };
    if (standsIn) return { intent: best, ranking: [], ...about };
  }
  // "who's involved when a customer asks us to delete their data?": every role with work of its own in the task.
  if (asksWhoTakesPart(u.analysis.words)) {
    const parts = ranking.filter((r) => r === top || r.evidence >= SETTINGS.minEvidence);
    return { intent: best, ranking: parts, ...(parts.length > 1 ? { everyPart: true as const } : {}) };
  }
  return { intent: best, ranking: ranking.filter(closeToBest(ranking)) };
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

/** Which neighbouring role, or out of scope which other department, an answer of this intent is about, if any. */
function aboutOthers(intent: IntentId, f: Facts): Pick<Decision, "neighbour" | "department"> {
  const { u, standsIn, named } = f;
  const neighbour = u.neighbours[0];
  const theirs = u.neighbourWork;
  // "who hires data scientists?" asks who does another department's work, not about a data scientist's
  // (a career question about the job still is: "how do I get a developer job?").
  const othersMatter = (u.cues.get("out_of_scope") ?? 0) > 0 && (u.cues.get("who_does") ?? 0) > 0;
  if (intent === "out_of_scope") {
    // Another department's matter named ("who orders new monitors for the BI team?") is theirs, unless the
    // neighbour's work is what turned the question away.
    const departments = u.department !== undefined && !f.theirWork;
    if (theirs && isTaskMatch(theirs, u) && !departments) return { neighbour: theirs.neighbour };
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

/** A role asked about by name, with no task words to match: it answers with its own summary. */
function holderRanking(role: Role): RoleRanking {
  return { role, raw: 1, confidence: 1, evidence: 0, strong: [], matches: [] };
}

/** Keep the roles worth showing: the best, and others close enough to matter. */
function closeToBest(ranking: RoleRanking[]) {
  const top = ranking[0];
  return (r: RoleRanking) => top !== undefined && (r === top || r.raw >= top.raw * SETTINGS.sharedConcernRatio);
}
