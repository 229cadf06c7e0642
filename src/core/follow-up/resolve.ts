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
 * The readers live beside this file, about the roles (role-readers.ts) and about the last task
 * (task-readers.ts); here is the order they are tried in.
 */
import type { TurnContext } from "../answer.js";
import { ROLE_QUESTIONS } from "../intents.js";
import type { Knowledge } from "../knowledge/types.js";
import type { Matcher, MatchResult } from "../matcher.js";
import {
  ASKS_AFTER_THANKS,
  DIFFERENCE,
  MAX_CHAT_MESSAGE_WORDS,
  MAX_ROLE_REFERENCE_WORDS,
  SAME_QUESTION,
  WHAT_ELSE,
  WHAT_ELSE_IN_FULL,
} from "./cues.js";
import { createLastTurnReader } from "./last-turn.js";
import { createNames } from "./names.js";
import { type ReaderContext, type Reading, result } from "./reader-context.js";
import { afterLead, findReferences, leansBack, startsNewTopic, withoutAcknowledgement, wordCount } from "./references.js";
import {
  byComparison,
  byFitIn,
  byNeighbour,
  byNewcomer,
  byRoleEllipsis,
  partnersNamed,
  pickedRole,
  whoHelps,
  withPartnerName,
  withWholeName,
} from "./role-readers.js";
import { byActingRole, byContinuation, byNamedInTask, byProduct, byPronoun, byWhoElse } from "./task-readers.js";

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

/** The readers in the order they are tried: the first that reads the message against the last turn wins. */
export function createFollowUps(knowledge: Knowledge, matcher: Matcher): FollowUps {
  const lastTurn = createLastTurnReader(knowledge);
  const ctx: ReaderContext = { knowledge, matcher, names: createNames(knowledge) };

  function read(text: string, previous: TurnContext | undefined): MatchResult {
    const plain = matcher.match(text);
    const partnered = withPartnerName(ctx, text, plain);
    if (partnered) return partnered;
    if (!previous) return plain;
    // "ok what else do they do?", "cool, who approves that?": the question after the thanks is the follow-up.
    const afterThanks = withoutAcknowledgement(text);
    if (plain.intent === "greeting" && afterThanks !== text && ASKS_AFTER_THANKS.test(afterThanks))
      return read(afterThanks, previous);
    if (WHAT_ELSE.test(afterThanks)) return read(WHAT_ELSE_IN_FULL, previous);
    const last = lastTurn(previous);
    const reading: Reading = { text, plain, last, refs: findReferences(text) };
    // Only about the roles, or in an ellipsis: after a task, "who is the manager of the facilities team?" is anyone's.
    const aboutRoles = ROLE_QUESTIONS.includes(last.intent) || last.intent === "list_roles" || afterLead(text) !== undefined;
    const whole = aboutRoles ? withWholeName(ctx, text, plain) : undefined;
    if (whole) return read(whole, previous);
    const picked = pickedRole(reading);
    if (picked) return result(plain, "onboarding", [picked]);
    if (last.roles.length === 0 && !last.starting && !last.neighbour) return plain;
    // "and the DBA with the data manager?" after how two roles work together: how these two do.
    const pair = last.intent === "collaboration" ? partnersNamed(reading) : undefined;
    if (pair) return result(plain, "collaboration", pair);
    // A new topic: small talk, a question naming its own roles, another department's work (what the
    // matcher read as out of scope for its words), or a message that says so ("btw, ...").
    const helper = plain.intent === "help" ? whoHelps(reading) : undefined;
    if (helper) return helper;
    if (plain.intent === "greeting" || plain.intent === "help" || plain.named.length >= 2) return plain;
    // So is work only a neighbouring role does, asked "who ..." afresh ("who builds the churn model?"): it is not
    // the last task's owner's.
    const cues = plain.cues ?? [];
    const elsewhere =
      plain.intent === "out_of_scope" &&
      (cues.includes("out_of_scope") || (plain.neighbour !== undefined && cues.includes("who_does")));
    if (elsewhere || startsNewTopic(text)) return plain;
    const newcomer = byNewcomer(reading);
    if (newcomer) return newcomer;
    const aboutNeighbour = byNeighbour(ctx, reading);
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
      byWhoElse(ctx, reading) ??
      byProduct(ctx, reading) ??
      byFitIn(reading) ??
      byNamedInTask(ctx, reading) ??
      (short ? byComparison(reading) : undefined) ??
      (reading.refs.length > 0 ? byPronoun(ctx, reading) : undefined) ??
      byRoleEllipsis(ctx, reading) ??
      (short ? undefined : byComparison(reading)) ??
      byContinuation(ctx, reading) ??
      plain;
    return (short ? byActingRole(ctx, reading, chosen) : undefined) ?? chosen;
  }

  function readInMessage(question: string, before: TurnContext, messageWords: number): MatchResult | undefined {
    if (messageWords > MAX_CHAT_MESSAGE_WORDS || !leansBack(question)) return undefined;
    const m = read(question, before);
    return ROLE_QUESTIONS.includes(m.intent) ? m : undefined;
  }

  return { read, readInMessage };
}
