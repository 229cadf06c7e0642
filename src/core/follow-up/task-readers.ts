/**
 * Follow-ups about the last turn's task: a pronoun for its role or task ("who approves that?"), a role named
 * against it ("does the DBA do that too?"), "who else?", another product, a continuation with nothing of its own,
 * and a verb that is another role's way of working ("and who builds it?").
 */
import { ROLE_QUESTIONS } from "../intents.js";
import type { Role } from "../knowledge/types.js";
import type { MatchResult } from "../matcher.js";
import {
  asksWhoAfresh,
  CORRECTION,
  HELPING,
  MAX_ROLE_REFERENCE_WORDS,
  onlyReacts,
  WEAK_OWN_TASK,
  WHO_ELSE,
  WHY_NOT,
} from "./cues.js";
import { lastRanking, partIn, partsIn, taskText } from "./last-turn.js";
import { type ReaderContext, type Reading, result } from "./reader-context.js";
import { afterLead, afterProductLead, leansBack, type Reference, substitute, wordCount } from "./references.js";

/** "what else do they do?", "how do they work with the DBA?", "who approves that?", "compare them". */
export function byPronoun(ctx: ReaderContext, { text, plain, last, refs }: Reading): MatchResult | undefined {
  // "and the architect, who do they work with?": a role named before the pronoun is what it stands for.
  const [own, ...more] = plain.named;
  const before = refs[0] ? text.slice(0, refs[0].start) : "";
  if (own && more.length === 0 && ROLE_QUESTIONS.includes(plain.intent) && ctx.matcher.match(before).named.includes(own))
    return plain;
  const focus = last.roles.map((r) => r.role);
  const [first, second] = focus;
  if (!first) return undefined;
  // "they" is both roles of a comparison or a collaboration, or of a shared task when the message asks
  // how they differ or work together ("compare them"); otherwise the role in focus ("what else do they do?").
  const cues = plain.cues ?? [];
  const both =
    last.intent === "compare_roles" ||
    last.intent === "collaboration" ||
    cues.includes("compare_roles") ||
    cues.includes("collaboration");
  const together = second && both ? [first, second] : [first];
  const joinNames = (roles: Role[]) => roles.map((r) => r.name).join(" and ");
  const hasTask = last.tasks.length > 0;
  const roleFor = (r: Reference) => {
    if (r.kind === "pair") return second ? joinNames([first, second]) : undefined;
    if (r.kind === "person") return first.name;
    if (r.kind === "they") return joinNames(together);
    return hasTask ? undefined : first.name;
  };
  const taskFor = (r: Reference) => (r.kind === "thing" || r.kind === "they" ? taskText(last) : roleFor(r));

  const people = refs.some((r) => r.kind === "person" || r.kind === "pair");
  const onlyPeople = refs.every((r) => r.kind === "person" || r.kind === "pair");
  // "they" and "that" stand for a role only in a question about a role ("what else do they do?",
  // "how is that different from the DBA?"), not in "is it possible to ...".
  const aboutRole = cues.some((c) => ROLE_QUESTIONS.includes(c));
  const readings: ("role" | "task")[] = !hasTask || onlyPeople ? ["role"] : aboutRole ? ["role", "task"] : ["task", "role"];
  for (const reading of readings) {
    if (reading === "role") {
      if ((!people && !aboutRole) || wordCount(text) > MAX_ROLE_REFERENCE_WORDS) continue;
      const m = ctx.matcher.match(substitute(text, refs, roleFor));
      const kept = refs.some((r) => roleFor(r) !== undefined) && m.named.includes(first);
      // Read as a question about the role, or the substitution was not understood.
      if (kept && ROLE_QUESTIONS.includes(m.intent)) return m;
    } else if (plain.intent !== "who_does") {
      // A message with a task of its own ("who restores that table?") is about that task.
      const m = ctx.matcher.match(substitute(text, refs, taskFor));
      if (m.intent === "who_does" && m.ranked.length > 0) return m;
    }
  }
  return undefined;
}

/**
 * "does the DBA do that too?", "isn't that the DBA?", "why not the DBA?", "is the data manager involved in
 * that?": a role named against the last task, with no task of the message's own, asks for its part in that
 * task, beside the owner's.
 */
export function byNamedInTask(ctx: ReaderContext, { text, plain, last, refs }: Reading): MatchResult | undefined {
  const [named, ...others] = plain.named;
  if (last.intent !== "who_does" || plain.intent !== "describe_role" || !named || others.length > 0) return undefined;
  // "how is that different from the DBA?", "how do they work with the DBA?" ask about the roles themselves.
  if ((plain.cues ?? []).some((c) => c !== "describe_role" && ROLE_QUESTIONS.includes(c))) return undefined;
  if (!WHY_NOT.test(text) && !refs.some((r) => r.kind === "thing")) return undefined;
  const owners = lastRanking(last).filter((r) => r.evidence.length > 0);
  if (owners.length === 0) return undefined;
  if (owners.some((r) => r.role === named)) return result(plain, "who_does", [], owners);
  // Asked for that role's part, it is shown as a part beside the owner's, never as a rival owner too close to call.
  const part = partIn(ctx.matcher, last, named);
  if (part) return { ...result(plain, "who_does", [], [...owners, part]), everyPart: true };
  // "how does the DBA help with that?" where the DBA has no part of its own: how it works with the owner; "why not
  // the DBA?": how the owner's work differs from the DBA's.
  const [owner] = owners;
  if (owner && HELPING.test(text)) return result(plain, "collaboration", [named, owner.role]);
  return owner && WHY_NOT.test(text) ? result(plain, "compare_roles", [owner.role, named]) : undefined;
}

/**
 * "who else?" after whose task it is: the owner, and every other role's part in the task, each shown. After what
 * a role is, with no task to share, it asks which other roles there are.
 */
export function byWhoElse(ctx: ReaderContext, { text, plain, last }: Reading): MatchResult | undefined {
  if (!WHO_ELSE.test(text) || plain.named.length > 0) return undefined;
  if (ROLE_QUESTIONS.includes(last.intent) && last.tasks.length === 0) return result(plain, "list_roles", []);
  if (last.intent !== "who_does") return undefined;
  const owners = lastRanking(last).filter((r) => r.evidence.length > 0);
  const others = ctx.knowledge.roles.filter((role) => !owners.some((o) => o.role === role));
  const parts = partsIn(ctx.matcher, last, others);
  return owners.length > 0 && parts.length > 0
    ? { ...result(plain, "who_does", [], [...owners, ...parts]), everyPart: true }
    : undefined;
}

/**
 * "what about for Snowflake?", "and in Postgres?" after whose task it is: the same task on another product,
 * which does not change whose it is (the product alone would pick the role it is best known by).
 */
export function byProduct(ctx: ReaderContext, { text, plain, last }: Reading): MatchResult | undefined {
  if (last.intent !== "who_does" || plain.named.length > 0) return undefined;
  // "can they do it in Snowflake too?": pointing back at the task, with only a product of its own.
  const rest = afterProductLead(text) ?? (leansBack(text) ? text : undefined);
  if (rest === undefined || !ctx.names.isOnlyProduct(rest)) return undefined;
  const ranked = lastRanking(last).filter((r) => r.evidence.length > 0);
  return ranked.length > 0 ? result(plain, "who_does", [], ranked) : undefined;
}

/**
 * "How often is this evaluated?", "did you find out how to achieve that?": a message with nothing of
 * its own to go on, in a conversation about a task, is still about that task. So is one whose own
 * task words are too few to be sure of, unless it asks "who ..." afresh.
 */
export function byContinuation(ctx: ReaderContext, { text, plain, last }: Reading): MatchResult | undefined {
  if (plain.named.length > 0 || last.tasks.length === 0) return undefined;
  const ranked = lastRanking(last).filter((r) => r.evidence.length > 0);
  if (ranked.length === 0) return undefined;
  // "and the databases?" after whose the warehouse is: a thing of its own, too weak alone to be sure of, is
  // asked about as the last question asked about its task, before falling back on that task.
  // "no, I mean the indexing strategy": a correction asks something else than the task it corrects.
  if (plain.intent === "who_does" && CORRECTION.test(text)) return undefined;
  const lastTask = () => asWhose(ctx, text) ?? result(plain, "who_does", [], ranked);
  // "who is in charge of the network?" after whose a table is: a "who" question with its own object and nothing
  // pointing back is a new question, though not one of ours, and is answered as one.
  // "hmm", "really?" or "the other one" after an answer asks nothing of the task: saying it again would not help.
  if (plain.intent === "out_of_scope") return asksWhoAfresh(text) || onlyReacts(text) ? undefined : lastTask();
  const own = plain.ranked[0];
  if (plain.intent !== "who_does" || !own || own.role === ranked[0]?.role) return undefined;
  if (own.score >= WEAK_OWN_TASK || (plain.cues ?? []).includes("who_does")) return undefined;
  return lastTask();
}

/** The thing after an elliptic opening ("and the databases?") read as whose it is, when that finds an owner. */
function asWhose(ctx: ReaderContext, text: string): MatchResult | undefined {
  const rest = afterLead(text);
  if (rest === undefined) return undefined;
  const m = ctx.matcher.match(`who looks after ${rest}`);
  return m.intent === "who_does" && (m.ranked[0]?.score ?? 0) >= WEAK_OWN_TASK ? m : undefined;
}

/**
 * "and who builds it?" after the integration strategy, "and keeps it running day to day?" after the platform's
 * choice: a follow-up on the last task whose own verb is one other role's way of working asks for that role's
 * part in the task, not for the owner again.
 */
export function byActingRole(
  ctx: ReaderContext,
  { text, plain, last, refs }: Reading,
  chosen: MatchResult,
): MatchResult | undefined {
  if (last.intent !== "who_does" || chosen.intent !== "who_does") return undefined;
  if (refs.length === 0 && afterLead(text) === undefined) return undefined;
  const owner = last.roles[0]?.role;
  if (!owner || chosen.ranked[0]?.role !== owner) return undefined;
  const acting = plain.acting ?? [];
  const other = acting.length === 1 ? ctx.knowledge.roles.find((r) => r.id === acting[0]) : undefined;
  if (!other || other === owner) return undefined;
  const part = partIn(ctx.matcher, last, other);
  return part ? result(chosen, "who_does", [], [part]) : undefined;
}
