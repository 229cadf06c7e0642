/**
 * Follow-ups about the roles themselves: the last question for another role ("and the architect?"), the last
 * roles compared or fitted in, two partners named, a role's name cut short, the neighbouring role the last
 * answer was about, and a newcomer's questions on a tour.
 */
import { ROLE_QUESTIONS } from "../intents.js";
import type { Role } from "../knowledge/types.js";
import type { MatchResult } from "../matcher.js";
import { ASKS, DIFFERENCE, FIRST_PERSON, FIT_IN, FOR_THAT_WORK, MAX_ROLE_REFERENCE_WORDS, WHO_HELPS } from "./cues.js";
import { partIn } from "./last-turn.js";
import { type ReaderContext, type Reading, result } from "./reader-context.js";
import { afterLead, substitute, wordCount } from "./references.js";

/** "and the architect?", "what about the DBA?", "the data manager?": the last question, for another role. */
export function byRoleEllipsis(ctx: ReaderContext, { text, plain, last }: Reading): MatchResult | undefined {
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
      const part = partIn(ctx.matcher, last, named);
      return part ? result(plain, "who_does", [], [part]) : { ...plain, noPart: true };
    }
    default:
      return partner && named !== first ? result(plain, "collaboration", [first, named]) : undefined;
  }
}

/**
 * "what's the difference?", "is the DBA different?": the last turn's roles, compared; "compare them" after an
 * answer about one role, that role beside every other (the table, with it first).
 */
export function byComparison({ text, plain, last }: Reading): MatchResult | undefined {
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

/** "and how does the data manager fit in?", "the DBA, where does he fit in?": how a role named works with the last. */
export function byFitIn({ text, plain, last }: Reading): MatchResult | undefined {
  const [named, ...others] = plain.named;
  const [first] = last.roles.map((r) => r.role);
  if (!FIT_IN.test(text) || !named || others.length > 0 || !first) return undefined;
  if (last.intent === "collaboration") return result(plain, "collaboration", [named]);
  return named === first ? undefined : result(plain, "collaboration", [first, named]);
}

/** The two roles of "and the DBA with the data manager?" (an elliptic "with", no comparison asked). */
export function partnersNamed({ text, plain }: Reading): Role[] | undefined {
  const [one, other, ...more] = plain.named;
  const rest = afterLead(text);
  if (!one || !other || more.length > 0 || rest === undefined || !/\bwith\b/i.test(rest)) return undefined;
  return (plain.cues ?? []).includes("compare_roles") ? undefined : [one, other];
}

/**
 * "what's the difference between the architect and the engineer?": beside a role named, another's name cut to
 * its last word is that role, in a question about roles together.
 */
export function withPartnerName(ctx: ReaderContext, text: string, plain: MatchResult): MatchResult | undefined {
  const [one, ...more] = plain.named;
  const together = (plain.cues ?? []).some((c) => c === "compare_roles" || c === "collaboration");
  if (!one || more.length > 0 || !together) return undefined;
  const whole = ctx.names.withWholeName(text, plain.named);
  if (!whole) return undefined;
  const m = ctx.matcher.match(whole.text);
  return m.named.includes(whole.role) && m.named.includes(one) ? m : undefined;
}

/**
 * "what does the manager do?", "and the engineer?" in a conversation about the roles: a role's name cut to
 * its last word, put back whole (alone, "the manager" is anyone's manager). The message with it put back.
 */
export function withWholeName(ctx: ReaderContext, text: string, plain: MatchResult): string | undefined {
  if (plain.named.length > 0 || plain.neighbour) return undefined;
  const whole = ctx.names.withWholeName(text);
  return whole && ctx.matcher.match(whole.text).named.includes(whole.role) ? whole.text : undefined;
}

/**
 * "what does a data scientist do?", then "who do they work with?" or "how is that different from a DBA?": the
 * neighbouring role the last answer was about, put back by name, when the message asks about it as a role.
 */
export function byNeighbour(ctx: ReaderContext, { text, plain, last, refs }: Reading): MatchResult | undefined {
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
  const m = ctx.matcher.match(
    substitute(text, refs, (r) => (r.kind === "pair" || r.kind === "they" ? (both ?? neighbour.name) : neighbour.name)),
  );
  return m.neighbour?.id === neighbour.id && ROLE_QUESTIONS.includes(m.intent) ? m : undefined;
}

/** "who helps them?" after whose task it is, or what a role does: whom that role works with. */
export function whoHelps({ text, plain, last, refs }: Reading): MatchResult | undefined {
  const first = last.roles[0]?.role;
  const leans = refs.some((r) => r.kind === "they" || r.kind === "person");
  return first && leans && WHO_HELPS.test(text) ? result(plain, "collaboration", [first]) : undefined;
}

/**
 * A newcomer's questions. "How do I get started?" right after what a role does is that role's tour; asked
 * by someone who took a tour ("what should I learn first?"), the tour of the role they are starting in; and "what
 * should I learn first for that?" after whose task it is, that role's tour. After a task answer, a plain
 * "I'm new here" is a newcomer asking which role, as it is on its own. Someone starting in a role asks "who
 * do I work with?" about it, "how do I work with the data manager?" about the two together, and "what will I
 * be doing?" about what the role does.
 */
export function byNewcomer({ text, plain, last }: Reading): MatchResult | undefined {
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

/**
 * "DBA", "as a data manager", "I'll be a DBA": a role typed in answer to "which role are you starting in?"
 * (the onboarding answer with no role) picks it, as its button would; "what does a DBA do?" still asks.
 */
export function pickedRole({ plain, last }: Reading): Role | undefined {
  if (last.intent !== "onboarding" || last.roles.length > 0) return undefined;
  const [named, ...others] = plain.named;
  const bare = plain.intent === "describe_role" && !(plain.cues ?? []).includes("describe_role");
  return named && others.length === 0 && bare ? named : undefined;
}
