/** The one entry point: a message's text (or a button's ActionRef) in, an Answer out. */
import type { ActionRef } from "./action-ref.js";
import type { Answer, RoleCard, TurnContext } from "./answer.js";
import { collaboration } from "./answers/collaboration.js";
import { compareAll } from "./answers/compare-all.js";
import { type AnswerContext, roleCard } from "./answers/context.js";
import {
  feedbackThanks,
  greeting,
  help,
  outOfScope,
  referringTo,
  tooLong,
  type WelcomeOptions,
  welcome,
} from "./answers/conversation.js";
import { DISPLAY } from "./answers/display.js";
import { lowerName, MESSAGES } from "./answers/messages.js";
import {
  compareWithNeighbour,
  compareWithUnknownTitle,
  describeNeighbour,
  describeUnknownTitle,
  neighbourHolder,
  neighbourPartners,
  neighbourSearchCards,
  neighbourWork,
  withNeighbour,
} from "./answers/neighbours.js";
import { chooseRole, FIRST_WEEK_STEP, quizAnswer, quizQuestion, tourStep } from "./answers/onboarding.js";
import { compareRoles, describeRole, listRoles } from "./answers/roles.js";
import { severalQuestions } from "./answers/several.js";
import { corrected, handoffElsewhere, whichRole } from "./answers/take-over.js";
import { whoDoes } from "./answers/who-does.js";
import { onlyPointsBack, wordCount } from "./follow-up/references.js";
import { createFollowUps } from "./follow-up/resolve.js";
import { tourPress } from "./follow-up/tour-words.js";
import { contextOf } from "./follow-up/turn-context.js";
import { type IntentId, ROLE_QUESTIONS } from "./intents.js";
import type { Knowledge, Role } from "./knowledge/types.js";
import { MAX_QUESTION_CHARS } from "./limits.js";
import type { Matcher, MatchResult } from "./matcher.js";
import { createRoleSearch } from "./role-search.js";
import { createMatcher } from "./understanding/matcher.js";

export type { WelcomeOptions } from "./answers/conversation.js";

export interface AskOptions {
  /**
   * The `context` of the conversation's last answer: a message that leans on it ("and the architect?",
   * "who approves that?") is read against it. Without it, the message is read on its own.
   */
  previous?: TurnContext;
}

export interface Whodoes {
  readonly knowledge: Knowledge;
  /**
   * Answer a message as typed in chat. Deterministic: the same text (and `previous`) gives the same
   * answer. The answer's `context` is what to hand the conversation's next `ask`.
   */
  ask(text: string, options?: AskOptions): Answer;
  /**
   * What a button does; its answer's `context` too is for the next `ask`. With `previous`, the conversation's last
   * turn, the answer keeps what it carries on (the role the asker is starting in).
   */
  act(action: ActionRef, options?: AskOptions): Answer;
  /** The first thing a person sees: what the bot does, the roles, questions to try. */
  welcome(options?: WelcomeOptions): Answer;
  /** Roles for a search box (Teams message extension): by name, by task, or by a partial word. */
  search(text: string, limit?: number): RoleCard[];
  /**
   * The role id a typed name means ("dba", "ETL developer", "data-architect", "archit"), if exactly one; none for
   * loose words ("why?", "yes") or a neighbouring job ("BI developer").
   */
  resolveRole(name: string): string | undefined;
}

export interface WhodoesOptions {
  /** What understands a message; default: the shipped matcher (understanding/). */
  matcher?: Matcher;
  /**
   * Whether 👍, 👎 and corrections are recorded for the people who maintain the knowledge (the server's usage
   * records); default true. Where they are not (the console), the thanks does not promise anyone will see them.
   */
  keepsFeedback?: boolean;
}

export function createWhodoes(knowledge: Knowledge, options: WhodoesOptions = {}): Whodoes {
  const matcher = options.matcher ?? createMatcher(knowledge);
  const keepsFeedback = options.keepsFeedback ?? true;
  const byId = new Map(knowledge.roles.map((r) => [r.id, r]));
  const ctx: AnswerContext = { knowledge, role: (id) => byId.get(id) };
  const roleSearch = createRoleSearch(knowledge.roles);
  const followUps = createFollowUps(knowledge, matcher);

  /** `text`: the question `m` read; `previous`: the last turn's context, when `m` is this message's only question. */
  function build(m: MatchResult, text: string, previous?: TurnContext): Answer {
    const [first, second] = m.named;
    const n = m.neighbour;
    switch (m.intent) {
      case "who_does":
        return m.ranked.length > 0 ? whoDoes(ctx, m.ranked, m.everyPart) : n ? neighbourHolder(ctx, n) : outOfScope(ctx);
      case "describe_role":
        if (first) {
          const score = m.onlyNamed ? DISPLAY.onlyNamedScore : 1;
          return describeRole(ctx, first, listedOf(previous, first, m.words), openingOf(m, first), score);
        }
        if (n) return describeNeighbour(ctx, n);
        return m.unknownTitle ? describeUnknownTitle(ctx, m.unknownTitle, m.ranked[0]?.role) : outOfScope(ctx);
      case "compare_roles":
        if (first && second) return compareRoles(first, second);
        if (first && m.unknownTitle) return compareWithUnknownTitle(ctx, first, m.unknownTitle);
        return first && n ? compareWithNeighbour(ctx, first, n) : outOfScope(ctx);
      case "list_roles":
        return m.sideBySide
          ? compareAll(
              ctx,
              m.named.map((r) => r.id),
            )
          : listRoles(ctx);
      case "collaboration":
        if (n && !first) return neighbourPartners(ctx, n);
        return n ? withNeighbour(ctx, collaboration(ctx, first, second), n) : collaboration(ctx, first, second);
      case "onboarding":
        if (first) return tourStep(ctx, first, asksFirstWork(m.words) ? FIRST_WEEK_STEP : 1);
        return n ? withNeighbour(ctx, chooseRole(ctx), n) : chooseRole(ctx);
      case "help":
        return help(ctx);
      case "greeting":
        return greeting(ctx, m.words);
      case "out_of_scope":
        if (n) return neighbourWork(ctx, n);
        if (pointsBack(m, text)) return referringTo(ctx);
        return previous && asksNothing(m, text) ? help(ctx, false) : outOfScope(ctx, m.department, m.named);
    }
  }

  /**
   * A message's answer: one question's, or every question's of a message that asks several (the first
   * as the follow-up reading left it).
   */
  function reply(m: MatchResult, text: string, previous?: TurnContext): Answer {
    const [first, ...rest] = m.parts ?? [];
    if (!first || rest.length === 0) return build(m, text, previous);
    const { parts: _, ...own } = m;
    const answers = [{ ...build(own, first.question), question: first.question }];
    // "who tunes slow queries? how is that role different from a data architect?": a question that leans on the
    // one before it is read against that one's answer, as a follow-up is against the last turn's.
    for (const p of rest) {
      const before = contextOf(answers[answers.length - 1] as Answer);
      const followed = before ? followUps.readInMessage(p.question, before, m.words.length) : undefined;
      answers.push({ ...build(followed ?? p, p.question), question: p.question });
    }
    return severalQuestions(answers, m.unasked);
  }

  const withContext = (answer: Answer, previous?: TurnContext): Answer => {
    const context = contextOf(answer, previous);
    return context ? { ...answer, context } : answer;
  };
  function ask(text: string, { previous }: AskOptions = {}): Answer {
    if (text.length > MAX_QUESTION_CHARS) return withContext(tooLong(ctx, text.length), previous);
    // "next" during the tour presses its Next button, on every surface.
    const pressed = tourPress(text, previous);
    return pressed ? act(pressed, { previous }) : withContext(reply(followUps.read(text, previous), text, previous), previous);
  }

  function withRole(id: string, then: (role: Role) => Answer): Answer {
    const role = byId.get(id);
    // A button from before the knowledge changed can name a role it no longer has: the roles there are now.
    return role ? then(role) : listRoles(ctx);
  }

  function act(a: ActionRef, { previous }: AskOptions = {}): Answer {
    return withContext(answerAction(a), previous);
  }

  function answerAction(a: ActionRef): Answer {
    switch (a.do) {
      case "describe":
        return withRole(a.role, (r) => describeRole(ctx, r));
      case "compare":
        return withRole(a.roles[0], (r) => withRole(a.roles[1], (o) => compareRoles(r, o)));
      case "collaborate":
        return withRole(a.role, (r) => (a.with ? withRole(a.with, (o) => collaboration(ctx, r, o)) : collaboration(ctx, r)));
      case "onboard":
        return a.role ? withRole(a.role, (r) => tourStep(ctx, r, a.step ?? 1)) : chooseRole(ctx);
      case "quiz":
        return withRole(a.role, (r) => (a.pick === undefined ? quizQuestion(ctx, r, a.q) : quizAnswer(ctx, r, a.q, a.pick)));
      case "roles":
        return listRoles(ctx);
      case "compareAll":
        return compareAll(ctx, a.first);
      case "help":
        return help(ctx);
      case "ask":
        return ask(a.text);
      case "feedback":
        return a.vote === "down" ? whichRole(ctx, a) : feedbackThanks(keepsFeedback);
      case "correct":
        return corrected(ctx, a, keepsFeedback);
      case "handoff":
      case "triage":
        return handoffElsewhere();
    }
  }

  function search(text: string, limit = 5): RoleCard[] {
    const m = matcher.match(text);
    const cards: RoleCard[] = m.named.map((r) => roleCard(r, 1));
    const add = (c: RoleCard) => cards.length < limit && !cards.some((x) => x.id === c.id) && cards.push(c);
    // Several questions ("who restores a dropped table and who designs the partitioning?"): every question's
    // owner comes before any question's second role, so each one asked shows at the top of the list.
    const owners = (m.parts ?? [m])
      .filter((q) => q.intent === "who_does" && q.ranked.length > 0)
      .map((q) => whoDoes(ctx, q.ranked, q.everyPart).roles);
    for (let i = 0; owners.some((roles) => i < roles.length); i++)
      for (const roles of owners) {
        const card = roles[i];
        if (card) add(card);
      }
    // A neighbouring title typed ("data steward", "DPO"): the roles it is closest to, as its answer names them.
    if (m.named.length === 0 && m.neighbour) for (const c of neighbourSearchCards(ctx, m.neighbour)) add(c);
    for (const hit of roleSearch.find(text)) add(roleCard(hit.role, hit.score));
    return cards;
  }

  return {
    knowledge,
    ask,
    act,
    welcome: (options) => welcome(ctx, options),
    search,
    resolveRole,
  };

  function resolveRole(name: string): string | undefined {
    const direct = matcher.resolveRole(name);
    if (direct) return direct;
    const m = matcher.match(name);
    // A neighbouring job ("BI developer", "tester") is not one of the roles, however close its name is to one.
    if (m.neighbour) return undefined;
    // The words as `ask` reads them, abbreviations expanded and spelling corrected ("mgr" is "manager"), so a
    // name means the same role here as in a question.
    const words = m.words.join(" ") || name;
    return matcher.resolveRole(words) ?? roleByNameWord(knowledge.roles, words)?.id;
  }
}

/** The questions the bot answers about roles and tasks, by their cue words ("who", "what does", "work with"). */
const OUR_QUESTIONS: ReadonlySet<IntentId> = new Set(["who_does", ...ROLE_QUESTIONS]);

/** Out of scope with no role named and no other department's words: not someone else's matter, only unplaced. */
const namesNothing = (m: MatchResult) =>
  m.named.length === 0 && m.department === undefined && !(m.cues ?? []).includes("out_of_scope");

/**
 * Out of scope only for want of something to point at: one of our questions ("who does that?", "what else do they
 * do?") about a pronoun alone, with no turn before it that the pronoun could be read against.
 */
const pointsBack = (m: MatchResult, text: string) =>
  namesNothing(m) && (m.cues ?? []).some((c) => OUR_QUESTIONS.has(c)) && onlyPointsBack(text);

/** A word or three in a conversation with nothing of their own ("why?", "and then?"). */
const asksNothing = (m: MatchResult, text: string) => namesNothing(m) && wordCount(text) <= 3;

/** The message asks how roles differ ("vs", "the difference between"). */
const compared = (m: MatchResult) => (m.cues ?? []).includes("compare_roles");

/**
 * What a role's description first says of the question: "data warehouse engineer vs ETL developer" compared two
 * names of one role, said to be the same role; "and the data manager?" asked for its part in a task it has none in.
 */
function openingOf(m: MatchResult, role: Role): string | undefined {
  const names = compared(m) ? (m.namedAs?.[role.id] ?? []) : [];
  if (names.length > 1) return MESSAGES.sameRole(names);
  if (m.noPart) return MESSAGES.noPart(lowerName(role.name));
  return m.onlyNamed ? MESSAGES.onlyNamed(lowerName(role.name)) : undefined;
}

/** A word shorter than this names no role by its start: "data" and "arc" could be anything. */
const MIN_NAME_WORD = 4;

/**
 * The one role whose name or short name has a word starting with `word` ("archit", "manager", "admin"). Strict
 * on purpose: a quiz answer "why?", a correction "yes" or `whodoes onboard foo` must name no role, as a fuzzy
 * search over the aliases would ("why?" found the DWH engineer). The search box keeps the fuzzy search.
 */
function roleByNameWord(roles: readonly Role[], word: string): Role | undefined {
  if (word.length < MIN_NAME_WORD || !/^[a-z]+$/.test(word)) return undefined;
  const named = roles.filter((r) =>
    `${r.name} ${r.short}`
      .toLowerCase()
      .split(" ")
      .some((w) => w.startsWith(word)),
  );
  return named.length === 1 ? named[0] : undefined;
}

/** "what else", "anything more", "the rest of their job": the words that ask to go on with a list. */
const MORE = new Set(["else", "more", "rest", "other", "besides", "further"]);

/**
 * How many of a role's responsibilities the last turn had listed, when it described the same role (or showed them
 * on its tour) and the message asks for more ("what else do they do?"): the answer goes on from there instead of
 * repeating itself. Asked something else about the role ("how do I become one?"), it is described from the start.
 */
function listedOf(previous: TurnContext | undefined, role: Role, words: readonly string[]): number {
  const more = words.some((w) => MORE.has(w));
  const listing = previous?.intent === "describe_role" || previous?.intent === "onboarding";
  return more && listing && previous?.roles[0]?.id === role.id ? (previous.listed ?? 0) : 0;
}

/** Work a newcomer does first ("what should I do first?", "my first week as a DBA"). */
const FIRST_WORK = new Set(["do", "learn", "focus", "tackle", "week", "day", "days", "task", "tasks", "priorities"]);
/**
 * "what should I do first?", "first week as a DBA, where do I start?": the first week's list answers it, not the
 * tour's start ("what should I read first?" still starts at the role at a glance).
 */
function asksFirstWork(words: readonly string[]): boolean {
  return words.includes("first") && words.some((w) => FIRST_WORK.has(w));
}

/** Hooks around the answers of a wrapped Whodoes; each calls `next` for the answer itself. */
export interface WhodoesHooks {
  /** `next` answers with the caller's options (the conversation's last turn), as for `act`. */
  ask?(text: string, next: (text: string) => Answer): Answer;
  act?(action: ActionRef, next: (action: ActionRef) => Answer): Answer;
}

/**
 * The one way to wrap a Whodoes: follow one that is replaced while running (`target` as a function,
 * for live reload), or add something around its answers (usage records, the turn log). Everything not
 * hooked passes straight through, so a new method is added here once, not in every wrapper.
 */
export function wrapWhodoes(target: Whodoes | (() => Whodoes), hooks: WhodoesHooks = {}): Whodoes {
  const current = typeof target === "function" ? target : () => target;
  const ask = (text: string, options?: AskOptions) => current().ask(text, options);
  const act = (action: ActionRef, options?: AskOptions) => current().act(action, options);
  const { ask: aroundAsk, act: aroundAct } = hooks;
  return {
    // A getter, so a reloaded knowledge shows through.
    get knowledge() {
      return current().knowledge;
    },
    ask: aroundAsk ? (text, options) => aroundAsk(text, (t) => ask(t, options)) : ask,
    act: aroundAct ? (action, options) => aroundAct(action, (a) => act(a, options)) : act,
    welcome: (options) => current().welcome(options),
    search: (text, limit) => current().search(text, limit),
    resolveRole: (name) => current().resolveRole(name),
  };
}
