/**
 * Which roles a message asks about, and the order its task's candidate owners are weighed in: the roles it
 * names first when it names them, a proven runner-up before a best match of loose words, and roles it sets
 * aside last. Used by classify.ts before any intent is scored.
 */
import type { Role } from "../knowledge/types.js";
import { SETTINGS } from "./settings.js";
import type { RoleRanking } from "./task-ranking.js";
import type { Understanding } from "./understand.js";

/** Whether a role's match is a task at all, rather than a word or two in passing. */
export function isTaskMatch(r: RoleRanking | undefined, u: Understanding): r is RoleRanking {
  if (r === undefined) return false;
  // "the Reno warehouse", "the lake house", "patch the drywall": words with an everyday meaning
  // are a data task only when something else in the message says data. Alone ("patching", typed to a data
  // bot's search box) they are the data task, with the weak words of its phrase too ("stream processing").
  const everyday = (c: string) => u.ambiguous.has(c);
  const inPhrase = (c: string) => r.matches.some((m) => m.phrased.has(c));
  const alone = () => [...u.content].every((c) => r.strong.includes(c) || inPhrase(c));
  if (!u.mentionsData && !u.namesOurRole && r.strong.length > 0 && r.strong.every(everyday) && !alone()) return false;
  return r.evidence >= SETTINGS.strongEvidence || (r.confidence >= SETTINGS.minConfidence && r.evidence >= SETTINGS.minEvidence);
}

/**
 * The roles a message asks about, in the order it names them. "The architect for the new library building":
 * with another department's word about, a role named only by an everyday word does not count. Nor does one
 * named only in another sentence than the question, when the question names its own or asks about a task
 * ("The DBA restored it last night. Who fixes the load?", "I'm a DBA. What does a data architect do?").
 */
export function askedRoles(u: Understanding): Role[] {
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

/** The task's candidate owners in the order they are weighed, given the roles the message asks about. */
export function orderRoles(u: Understanding, roles: readonly Role[]): RoleRanking[] {
  return setAside(promoteEvidence(roles.length >= 2 ? amongNamed(u, roles) : leadsOnTie(u.ranking, roles[0]), u), u);
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
