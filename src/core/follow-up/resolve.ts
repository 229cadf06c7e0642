/**
 * Follow-ups: a message read against the turn before it. The matcher reads the message alone first;
 * only when it leans on the last turn (a pronoun for its role or task, an elliptic "and the architect?",
 * a question with nothing of its own to go on) is it read again with the last turn's roles or task put
 * in. A message that starts a new topic — small talk, another department's work, a complete question
 * naming its own roles — is left as the matcher read it. One thing is read again with or without a turn
 * before it: a role's name cut to its last word beside another role ("the architect and the engineer").
 *
 * Works through the Matcher interface alone (text in, MatchResult out), so a swapped matcher gets
 * follow-ups too; the last turn's role names and task words are put back as text the matcher knows.
 */
import type { TurnContext } from "../answer.js";
import type { IntentId } from "../intents.js";
import type { Knowledge, Role } from "../knowledge/types.js";
import type { Matcher, MatchResult, RankedRole } from "../matcher.js";
import { createLastTurnReader, type Last, lastRanking, taskText } from "./last-turn.js";
import { createNames } from "./names.js";
import {
  afterLead,
  afterProductLead,
  findReferences,
  leansBack,
  type Reference,
  startsNewTopic,
  substitute,
  withoutAcknowledgement,
  wordCount,
} from "./references.js";
import { onSharedConcern } from "./shared-concern.js";

export interface FollowUps {
  /** What `text` asks, read against the turn before it (`previous`) when it leans on it. */
  read(text: string, previous: TurnContext | undefined): MatchResult;
  /**
   * A question of a message that leans on the question before it in the same message ("how is that role
   * different from a data architect?"), read against that one's answer (`before`): only in a chat-sized message
   * (`messageWords` long) and when that makes it a question about the roles; undefined otherwise.
   */
  readInMessage(question: string, before: TurnContext, messageWords: number): MatchResult | undefined;
}

/** Cues of a question about a role itself: with one, "they" is the role rather than the task's things. */
const ROLE_QUESTIONS: readonly IntentId[] = ["describe_role", "compare_roles", "collaboration", "onboarding"];
/** "same question for a data scientist?": the last question again, about someone else. */
const SAME_QUESTION = /\bsame question\b/i;
/** Words that ask how roles differ, strong enough to pair a role named now with the last one. */
const DIFFERENCE =
  /\b(?:differen(?:t|ce|ces)|differs?|diffs?|vs\.?|versus|compared?|comparison|distinguish|tell (?:them )?apart)\b/i;
/**
 * Under this score, a who_does reading of a follow-up rests on too little of its own to leave the last
 * task for another role's: most of its words matched nothing ("I'd assume this is very similar to the
 * database branch..."). A new question of its own ("who designs the partitioning?") scores far above.
 */
const WEAK_OWN_TASK = 0.5;
/**
 * A pronoun stands for the last turn's role only in a message about as short as a chat question: in a
 * long post, "their data" and "they" are the post's own people and things.
 */
const MAX_ROLE_REFERENCE_WORDS = 15;
/** A message of several questions this long or shorter is chat; in a long post, "they" are the post's own people. */
const MAX_CHAT_MESSAGE_WORDS = 30;
/** "what should I learn first for that?", "how do I get started doing that?" after whose task it is: that role's work. */
const FOR_THAT_WORK = /\b(?:for|doing|with) (?:that|this|it|them|that (?:job|role|work)|this (?:job|role|work))\s*[?.!]*\s*$/i;
/** A message that asks something: a question word or a question mark. */
const ASKS = /\?|\b(?:what|how|where|which|when|who|should)\b/i;
// "cool, who approves that?", "ok what else do they do": a question after the thanks; "thanks, that's who I
// needed" is only thanks.
const ASKS_AFTER_THANKS =
  /\?|^\W*(?:and\s+|so\s+)?(?:what|how|where|which|when|who|whom|whose|should|can|could|do|does|is|are)\b/i;
/** The asker speaking of themself: on a tour, the role they are starting in. */
const FIRST_PERSON = /\b(?:i|me|my|im)\b/i;
/** "how does the DBA help with that?", "how does the ETL developer support that?": a role's help in a task. */
const HELPING = /\b(?:help|helps|support|supports|contribute|contributes|assist|assists)\b/i;
/** "who helps them?", "who supports them with that?": who works with someone, not a request for the bot's help. */
const WHO_HELPS = /\bwho\s+(?:helps|supports|assists)\b/i;
/** "what else?", "anything else?", "more", "go on": more of what the role in focus does, as "what else do they do?" asks. */
const WHAT_ELSE =
  /^\W*(?:and\s+|so\s+)?(?:(?:what|anything)\s+else(?:\s+(?:is there|then))?|more|go on|continue|keep going|the rest)\W*$/i;
const WHAT_ELSE_IN_FULL = "what else do they do?";
/** "no, I meant ...", "sorry, not that", "wrong one": the message corrects the last question ("same ..." repeats it). */
const CORRECTION =
  /^(?!.*\bsame\b)(?:\W*(?:no|nope|nah|sorry|oops|wait|not that|correction)\b|.*\bi (?:mean|meant)\b|.*\bwrong one\b)/i;
/** "where does the DBA fit in?": how a role takes part beside the last one. */
const FIT_IN = /\bfits?\s+in(?:to)?\b/i;
/** "who owns the website?", "which team looks after the servers?": a question asking who, from its start. */
const WHO_AFRESH = /^\W*(?:who|whose|which (?:role|team|person|one))\b/i;
/** A "who ...?" of three words or more that points back at nothing ("who owns the website?", not "who approves that?"). */
const asksWhoAfresh = (text: string) => WHO_AFRESH.test(text) && !leansBack(text) && wordCount(text) >= 3;
/** "who else?", "who else is involved?": the other roles with a part in the last task. */
const WHO_ELSE = /^\W*(?:and\s+|so\s+)?who\s+else\b/i;
/** "why not the DBA?": asking why the answer was not another role. */
const WHY_NOT = /^\W*(?:but\s+|so\s+)?why\s+not\b/i;
export function createFollowUps(knowledge: Knowledge, matcher: Matcher): FollowUps {
  const lastTurn = createLastTurnReader(knowledge);
  const names = createNames(knowledge);

  const result = (plain: MatchResult, intent: IntentId, named: Role[], ranked: RankedRole[] = []): MatchResult => ({
    ...plain,
    intent,
    named,
    ranked,
  });

  /** "what else do they do?", "how do they work with the DBA?", "who approves that?", "compare them". */
  function byPronoun(text: string, plain: MatchResult, last: Last, refs: Reference[]): MatchResult | undefined {
    // "and the architect, who do they work with?": a role named before the pronoun is what it stands for.
    const [own, ...more] = plain.named;
    const before = refs[0] ? text.slice(0, refs[0].start) : "";
    if (own && more.length === 0 && ROLE_QUESTIONS.includes(plain.intent) && matcher.match(before).named.includes(own))
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
        const m = matcher.match(substitute(text, refs, roleFor));
        const kept = refs.some((r) => roleFor(r) !== undefined) && m.named.includes(first);
        // Read as a question about the role, or the substitution was not understood.
        if (kept && ROLE_QUESTIONS.includes(m.intent)) return m;
      } else if (plain.intent !== "who_does") {
        // A message with a task of its own ("who restores that table?") is about that task.
        const m = matcher.match(substitute(text, refs, taskFor));
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
  function byNamedInTask(text: string, plain: MatchResult, last: Last, refs: Reference[]): MatchResult | undefined {
    const [named, ...others] = plain.named;
    if (last.intent !== "who_does" || plain.intent !== "describe_role" || !named || others.length > 0) return undefined;
    // "how is that different from the DBA?", "how do they work with the DBA?" ask about the roles themselves.
    if ((plain.cues ?? []).some((c) => c !== "describe_role" && ROLE_QUESTIONS.includes(c))) return undefined;
    if (!WHY_NOT.test(text) && !refs.some((r) => r.kind === "thing")) return undefined;
    const owners = lastRanking(last).filter((r) => r.evidence.length > 0);
    if (owners.length === 0) return undefined;
    if (owners.some((r) => r.role === named)) return result(plain, "who_does", [], owners);
    // Asked for that role's part, it is shown as a part beside the owner's, never as a rival owner too close to call.
    const part = partIn(last, named);
    if (part) return { ...result(plain, "who_does", [], [...owners, part]), everyPart: true };
    // "how does the DBA help with that?" where the DBA has no part of its own: how it works with the owner; "why not
    // the DBA?": how the owner's work differs from the DBA's.
    const [owner] = owners;
    if (owner && HELPING.test(text)) return result(plain, "collaboration", [named, owner.role]);
    return owner && WHY_NOT.test(text) ? result(plain, "compare_roles", [owner.role, named]) : undefined;
  }

  /**
   * "what does a data scientist do?", then "who do they work with?" or "how is that different from a DBA?": the
   * neighbouring role the last answer was about, put back by name, when the message asks about it as a role.
   */
  function byNeighbour(text: string, plain: MatchResult, last: Last, refs: Reference[]): MatchResult | undefined {
    const { neighbour } = last;
    if (!neighbour || plain.neighbour || wordCount(text) > MAX_ROLE_REFERENCE_WORDS) return undefined;
    // "compare with the data manager", "vs a DBA?" after what a data scientist does: the two side by side.
    const [named] = plain.named;
    if (refs.length === 0 && last.roles.length === 0 && plain.named.length === 1 && named && DIFFERENCE.test(text))
      return { ...result(plain, "compare_roles", [named]), neighbour };
    if (refs.length === 0) return undefined;
    // After "DBA vs data scientist", "they" and "both" are the two; otherwise the neighbour alone.
    const [first] = last.roles.map((r) => r.role);
    const both = first && last.intent !== "describe_role" ? `the ${first.name} and the ${neighbour.name}` : undefined;
    const m = matcher.match(
      substitute(text, refs, (r) => (r.kind === "pair" || r.kind === "they" ? (both ?? neighbour.name) : neighbour.name)),
    );
    return m.neighbour?.id === neighbour.id && ROLE_QUESTIONS.includes(m.intent) ? m : undefined;
  }

  /** "and the architect?", "what about the DBA?", "the data manager?": the last question, for another role. */
  function byRoleEllipsis(text: string, plain: MatchResult, last: Last): MatchResult | undefined {
    const [named] = plain.named;
    if (plain.intent !== "describe_role" || plain.named.length !== 1 || !named) return undefined;
    const rest = afterLead(text);
    const bare = rest === undefined && /\?\s*$/.test(text) && wordCount(text) <= 3;
    if (rest === undefined && !bare) return undefined;
    const [first, second] = last.roles.map((r) => r.role);
    if (!first) return undefined;
    // "and with the DBA?": how the last role works with, or differs from, this one.
    const partner = rest !== undefined && /^with\b/i.test(rest);
    switch (last.intent) {
      case "compare_roles":
        if (named === first) return second ? result(plain, "compare_roles", [named, second]) : undefined;
        return result(plain, "compare_roles", [first, named]);
      case "collaboration":
        if (named === first) return undefined;
        return result(plain, "collaboration", second || partner ? [first, named] : [named]);
      case "onboarding":
        return result(plain, "onboarding", [named]);
      case "who_does": {
        const part = partIn(last, named);
        return part ? result(plain, "who_does", [], [part]) : { ...plain, noPart: true };
      }
      default:
        return partner && named !== first ? result(plain, "collaboration", [first, named]) : undefined;
    }
  }

  /**
   * `role`'s part in the last turn's task: from that answer, else from the task's words read again, else its
   * own work on the same shared concern ("who sets the retention policy?", "and the DBA?": the purge jobs).
   */
  function partIn(last: Last, role: Role): RankedRole | undefined {
    return partsIn(last, [role])[0];
  }

  /** The parts of several roles in the last turn's task, as partIn finds each, the task read again at most once. */
  function partsIn(last: Last, roles: readonly Role[]): RankedRole[] {
    let read: RankedRole[] | undefined;
    const again = () => {
      read ??= matcher.match(taskText(last)).ranked;
      return read;
    };
    return roles.flatMap((role) => {
      const shown = lastRanking(last).find((r) => r.role === role && r.evidence.length > 0);
      if (shown) return [shown];
      if (last.tasks.length === 0) return [];
      const found = again().find((r) => r.role === role);
      if (found) return [found];
      const shared = onSharedConcern(
        role,
        last.tasks.map((t) => t.responsibility),
      );
      if (!shared) return [];
      const evidence = [{ responsibility: shared, relative: 1, terms: [], highlight: [] }];
      return [{ role, score: last.roles[0]?.score ?? 1, relative: 1, evidence }];
    });
  }

  /** "who else?" after whose task it is: the owner, and every other role's part in the task, each shown. */
  function byWhoElse(text: string, last: Last, plain: MatchResult): MatchResult | undefined {
    if (last.intent !== "who_does" || !WHO_ELSE.test(text)) return undefined;
    const owners = lastRanking(last).filter((r) => r.evidence.length > 0);
    const others = knowledge.roles.filter((role) => !owners.some((o) => o.role === role));
    const parts = partsIn(last, others);
    return owners.length > 0 && parts.length > 0
      ? { ...result(plain, "who_does", [], [...owners, ...parts]), everyPart: true }
      : undefined;
  }

  /**
   * "what about for Snowflake?", "and in Postgres?" after whose task it is: the same task on another product,
   * which does not change whose it is (the product alone would pick the role it is best known by).
   */
  function byProduct(text: string, last: Last, plain: MatchResult): MatchResult | undefined {
    if (last.intent !== "who_does" || plain.named.length > 0) return undefined;
    // "can they do it in Snowflake too?": pointing back at the task, with only a product of its own.
    const rest = afterProductLead(text) ?? (leansBack(text) ? text : undefined);
    if (rest === undefined || !names.isOnlyProduct(rest)) return undefined;
    const ranked = lastRanking(last).filter((r) => r.evidence.length > 0);
    return ranked.length > 0 ? result(plain, "who_does", [], ranked) : undefined;
  }

  /**
   * "what does the manager do?", "and the engineer?" in a conversation about the roles: a role's name cut to
   * its last word, put back whole (alone, "the manager" is anyone's manager). The message with it put back.
   */
  function withWholeName(text: string, plain: MatchResult): string | undefined {
    if (plain.named.length > 0 || plain.neighbour) return undefined;
    const whole = names.withWholeName(text);
    return whole && matcher.match(whole.text).named.includes(whole.role) ? whole.text : undefined;
  }

  /** The two roles of "and the DBA with the data manager?" (an elliptic "with", no comparison asked). */
  function partnersNamed(text: string, plain: MatchResult): Role[] | undefined {
    const [one, other, ...more] = plain.named;
    const rest = afterLead(text);
    if (!one || !other || more.length > 0 || rest === undefined || !/\bwith\b/i.test(rest)) return undefined;
    return (plain.cues ?? []).includes("compare_roles") ? undefined : [one, other];
  }

  /**
   * "what's the difference?", "is the DBA different?": the last turn's roles, compared; "compare them" after an
   * answer about one role, that role beside every other (the table, with it first).
   */
  function byComparison(text: string, plain: MatchResult, last: Last): MatchResult | undefined {
    if (!(plain.cues ?? []).includes("compare_roles") || plain.named.length >= 2) return undefined;
    if (plain.intent === "who_does" || plain.intent === "collaboration" || plain.intent === "onboarding") return undefined;
    const [first, second] = last.roles.map((r) => r.role);
    const [named] = plain.named;
    if (!first) return undefined;
    if (!named)
      return second
        ? result(plain, "compare_roles", [first, second])
        : { ...result(plain, "list_roles", [first]), sideBySide: true };
    if (!DIFFERENCE.test(text)) return undefined;
    if (named !== first) return result(plain, "compare_roles", [first, named]);
    return second ? result(plain, "compare_roles", [named, second]) : undefined;
  }

  /**
   * A newcomer's questions. "How do I get started?" right after what a role does is that role's tour; asked
   * by someone who took a tour ("what should I learn first?"), the tour of the role they are starting in; and "what
   * should I learn first for that?" after whose task it is, that role's tour. After a task answer, a plain
   * "I'm new here" is a newcomer asking which role, as it is on its own. Someone starting in a role asks "who
   * do I work with?" about it, "how do I work with the data manager?" about the two together, and "what will I
   * be doing?" about what the role does.
   */
  function byNewcomer(text: string, plain: MatchResult, last: Last): MatchResult | undefined {
    const first = last.roles[0]?.role;
    if (plain.intent === "onboarding" && plain.named.length === 0) {
      if (first && last.intent === "describe_role") return result(plain, "onboarding", [first]);
      // A question ("what should I learn first?"), not a fresh start ("I'm new here", "onboard"), which gets the roles to pick from.
      if (last.starting && ASKS.test(text)) return result(plain, "onboarding", [last.starting]);
      return first && last.intent === "who_does" && FOR_THAT_WORK.test(text) ? result(plain, "onboarding", [first]) : undefined;
    }
    const mine = last.starting;
    // "what will I actually be doing day to day?" on a tour: what the role they are starting in does.
    const describes = plain.intent === "out_of_scope" && (plain.cues ?? []).includes("describe_role") && !plain.neighbour;
    if (describes && mine && plain.named.length === 0 && FIRST_PERSON.test(text)) return result(plain, "describe_role", [mine]);
    if (plain.intent !== "collaboration" || !mine || !FIRST_PERSON.test(text)) return undefined;
    const [named, ...others] = plain.named;
    if (!named) return result(plain, "collaboration", [mine]);
    return others.length === 0 && named !== mine ? result(plain, "collaboration", [mine, named]) : undefined;
  }

  /** "who helps them?" after whose task it is, or what a role does: whom that role works with. */
  function whoHelps(text: string, plain: MatchResult, last: Last): MatchResult | undefined {
    const first = last.roles[0]?.role;
    const leans = findReferences(text).some((r) => r.kind === "they" || r.kind === "person");
    return first && leans && WHO_HELPS.test(text) ? result(plain, "collaboration", [first]) : undefined;
  }

  /**
   * "DBA", "as a data manager", "I'll be a DBA": a role typed in answer to "which role are you starting in?"
   * (the onboarding answer with no role) picks it, as its button would; "what does a DBA do?" still asks.
   */
  function pickedRole(plain: MatchResult, last: Last): Role | undefined {
    if (last.intent !== "onboarding" || last.roles.length > 0) return undefined;
    const [named, ...others] = plain.named;
    const bare = plain.intent === "describe_role" && !(plain.cues ?? []).includes("describe_role");
    return named && others.length === 0 && bare ? named : undefined;
  }

  /**
   * "How often is this evaluated?", "did you find out how to achieve that?": a message with nothing of
   * its own to go on, in a conversation about a task, is still about that task. So is one whose own
   * task words are too few to be sure of, unless it asks "who ..." afresh.
   */
  function byContinuation(text: string, plain: MatchResult, last: Last): MatchResult | undefined {
    if (plain.named.length > 0 || last.tasks.length === 0) return undefined;
    const ranked = lastRanking(last).filter((r) => r.evidence.length > 0);
    if (ranked.length === 0) return undefined;
    // "and the databases?" after whose the warehouse is: a thing of its own, too weak alone to be sure of, is
    // asked about as the last question asked about its task, before falling back on that task.
    // "no, I mean the indexing strategy": a correction asks something else than the task it corrects.
    if (plain.intent === "who_does" && CORRECTION.test(text)) return undefined;
    const lastTask = () => asWhose(text) ?? result(plain, "who_does", [], ranked);
    // "who is in charge of the network?" after whose a table is: a "who" question with its own object and nothing
    // pointing back is a new question, though not one of ours, and is answered as one.
    if (plain.intent === "out_of_scope") return asksWhoAfresh(text) ? undefined : lastTask();
    const own = plain.ranked[0];
    if (plain.intent !== "who_does" || !own || own.role === ranked[0]?.role) return undefined;
    if (own.score >= WEAK_OWN_TASK || (plain.cues ?? []).includes("who_does")) return undefined;
    return lastTask();
  }

  /** The thing after an elliptic opening ("and the databases?") read as whose it is, when that finds an owner. */
  function asWhose(text: string): MatchResult | undefined {
    const rest = afterLead(text);
    if (rest === undefined) return undefined;
    const m = matcher.match(`who looks after ${rest}`);
    return m.intent === "who_does" && (m.ranked[0]?.score ?? 0) >= WEAK_OWN_TASK ? m : undefined;
  }

  /**
   * "what's the difference between the architect and the engineer?": beside a role named, another's name cut to
   * its last word is that role, in a question about roles together.
   */
  function withPartnerName(text: string, plain: MatchResult): MatchResult | undefined {
    const [one, ...more] = plain.named;
    const together = (plain.cues ?? []).some((c) => c === "compare_roles" || c === "collaboration");
    if (!one || more.length > 0 || !together) return undefined;
    const whole = names.withWholeName(text, plain.named);
    if (!whole) return undefined;
    const m = matcher.match(whole.text);
    return m.named.includes(whole.role) && m.named.includes(one) ? m : undefined;
  }

  /** "and how does the data manager fit in?", "the DBA, where does he fit in?": how a role named works with the last. */
  function byFitIn(text: string, plain: MatchResult, last: Last): MatchResult | undefined {
    const [named, ...others] = plain.named;
    const [first] = last.roles.map((r) => r.role);
    if (!FIT_IN.test(text) || !named || others.length > 0 || !first) return undefined;
    if (last.intent === "collaboration") return result(plain, "collaboration", [named]);
    return named === first ? undefined : result(plain, "collaboration", [first, named]);
  }

  /**
   * "and who builds it?" after the integration strategy, "and keeps it running day to day?" after the platform's
   * choice: a follow-up on the last task whose own verb is one other role's way of working asks for that role's
   * part in the task, not for the owner again.
   */
  function byActingRole(
    text: string,
    plain: MatchResult,
    chosen: MatchResult,
    last: Last,
    refs: Reference[],
  ): MatchResult | undefined {
    if (last.intent !== "who_does" || chosen.intent !== "who_does") return undefined;
    if (refs.length === 0 && afterLead(text) === undefined) return undefined;
    const owner = last.roles[0]?.role;
    if (!owner || chosen.ranked[0]?.role !== owner) return undefined;
    const acting = plain.acting ?? [];
    const other = acting.length === 1 ? knowledge.roles.find((r) => r.id === acting[0]) : undefined;
    if (!other || other === owner) return undefined;
    const part = partIn(last, other);
    return part ? result(chosen, "who_does", [], [part]) : undefined;
  }

  function read(text: string, previous: TurnContext | undefined): MatchResult {
    const plain = matcher.match(text);
    const partnered = withPartnerName(text, plain);
    if (partnered) return partnered;
    if (!previous) return plain;
    // "ok what else do they do?", "cool, who approves that?": the question after the thanks is the follow-up.
    const afterThanks = withoutAcknowledgement(text);
    if (plain.intent === "greeting" && afterThanks !== text && ASKS_AFTER_THANKS.test(afterThanks))
      return read(afterThanks, previous);
    if (WHAT_ELSE.test(afterThanks)) return read(WHAT_ELSE_IN_FULL, previous);
    const last = lastTurn(previous);
    // Only about the roles, or in an ellipsis: after a task, "who is the manager of the facilities team?" is anyone's.
    const aboutRoles = ROLE_QUESTIONS.includes(last.intent) || last.intent === "list_roles" || afterLead(text) !== undefined;
    const whole = aboutRoles ? withWholeName(text, plain) : undefined;
    if (whole) return read(whole, previous);
    const picked = pickedRole(plain, last);
    if (picked) return result(plain, "onboarding", [picked]);
    if (last.roles.length === 0 && !last.starting && !last.neighbour) return plain;
    // "and the DBA with the data manager?" after how two roles work together: how these two do.
    const pair = last.intent === "collaboration" ? partnersNamed(text, plain) : undefined;
    if (pair) return result(plain, "collaboration", pair);
    // A new topic: small talk, a question naming its own roles, another department's work (what the
    // matcher read as out of scope for its words), or a message that says so ("btw, ...").
    const helper = plain.intent === "help" ? whoHelps(text, plain, last) : undefined;
    if (helper) return helper;
    if (plain.intent === "greeting" || plain.intent === "help" || plain.named.length >= 2) return plain;
    // So is work only a neighbouring role does, asked "who ..." afresh ("who builds the churn model?"): it is not
    // the last task's owner's.
    const cues = plain.cues ?? [];
    const elsewhere =
      plain.intent === "out_of_scope" &&
      (cues.includes("out_of_scope") || (plain.neighbour !== undefined && cues.includes("who_does")));
    if (elsewhere || startsNewTopic(text)) return plain;
    const refs = findReferences(text);
    const newcomer = byNewcomer(text, plain, last);
    if (newcomer) return newcomer;
    const aboutNeighbour = byNeighbour(text, plain, last, refs);
    if (aboutNeighbour || last.roles.length === 0) return aboutNeighbour ?? plain;
    // After a comparison, "and vs an analytics engineer?", "and a DevOps engineer, same question?" compare the
    // title said now with the role the last answer led with.
    const first = last.roles[0];
    if (
      plain.neighbour &&
      plain.named.length === 0 &&
      last.intent === "compare_roles" &&
      first &&
      (afterLead(text) !== undefined || DIFFERENCE.test(text) || SAME_QUESTION.test(text))
    )
      return { ...result(plain, "compare_roles", [first.role]), neighbour: plain.neighbour };
    // "and what does a data scientist do?", "how is a BI developer different?": a title said now is what the
    // question is about, before any pronoun or the last turn's second role.
    if (plain.neighbour && ROLE_QUESTIONS.includes(plain.intent)) return plain;
    // "how is that different from the DBA?" after whose task it is compares the roles before reading "that".
    const short = wordCount(text) <= MAX_ROLE_REFERENCE_WORDS;
    const chosen =
      byWhoElse(text, last, plain) ??
      byProduct(text, last, plain) ??
      byFitIn(text, plain, last) ??
      byNamedInTask(text, plain, last, refs) ??
      (short ? byComparison(text, plain, last) : undefined) ??
      (refs.length > 0 ? byPronoun(text, plain, last, refs) : undefined) ??
      byRoleEllipsis(text, plain, last) ??
      (short ? undefined : byComparison(text, plain, last)) ??
      byContinuation(text, plain, last) ??
      plain;
    return (short ? byActingRole(text, plain, chosen, last, refs) : undefined) ?? chosen;
  }

  function readInMessage(question: string, before: TurnContext, messageWords: number): MatchResult | undefined {
    if (messageWords > MAX_CHAT_MESSAGE_WORDS || !leansBack(question)) return undefined;
    const m = read(question, before);
    return ROLE_QUESTIONS.includes(m.intent) ? m : undefined;
  }

  return { read, readInMessage };
}
