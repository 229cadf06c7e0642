/** The one entry point: a message's text (or a button's ActionRef) in, an Answer out. */
import type { ActionRef } from "./action-ref.js";
import type { Answer, RoleCard } from "./answer.js";
import { collaboration } from "./answers/collaboration.js";
import { compareAll } from "./answers/compare-all.js";
import { type AnswerContext, roleCard } from "./answers/context.js";
import { feedbackThanks, greeting, help, outOfScope, tooLong, type WelcomeOptions, welcome } from "./answers/conversation.js";
import { chooseRole, quizAnswer, quizQuestion, tourStep } from "./answers/onboarding.js";
import { compareRoles, describeRole, listRoles } from "./answers/roles.js";
import { whoDoes } from "./answers/who-does.js";
import type { Knowledge, Role } from "./knowledge/types.js";
import { MAX_QUESTION_CHARS } from "./limits.js";
import type { Matcher, MatchResult } from "./matcher.js";
import { createRoleSearch } from "./role-search.js";
import { createMatcher } from "./understanding/matcher.js";

export type { WelcomeOptions } from "./answers/conversation.js";

export interface Whodoes {
  readonly knowledge: Knowledge;
  /** Answer a message as typed in chat. Deterministic: the same text gives the same answer. */
  ask(text: string): Answer;
  /** What a button does. */
  act(action: ActionRef): Answer;
  /** The first thing a person sees: what the bot does, the roles, questions to try. */
  welcome(options?: WelcomeOptions): Answer;
  /** Roles for a search box (Teams message extension): by name, by task, or by a partial word. */
  search(text: string, limit?: number): RoleCard[];
  /** The role id a typed name means ("dba", "ETL developer", "data-architect"), if exactly one. */
  resolveRole(name: string): string | undefined;
}

export interface WhodoesOptions {
  /** What understands a message; default: the shipped matcher (understanding/). */
  matcher?: Matcher;
}

export function createWhodoes(knowledge: Knowledge, options: WhodoesOptions = {}): Whodoes {
  const matcher = options.matcher ?? createMatcher(knowledge);
  const byId = new Map(knowledge.roles.map((r) => [r.id, r]));
  const ctx: AnswerContext = { knowledge, role: (id) => byId.get(id) };
  const roleSearch = createRoleSearch(knowledge.roles);

  function build(m: MatchResult): Answer {
    const [first, second] = m.named;
    switch (m.intent) {
      case "who_does":
        return m.ranked.length > 0 ? whoDoes(ctx, m.ranked) : outOfScope(ctx);
      case "describe_role":
        return first ? describeRole(ctx, first) : outOfScope(ctx);
      case "compare_roles":
        return first && second ? compareRoles(first, second) : outOfScope(ctx);
      case "list_roles":
        return m.sideBySide ? compareAll(ctx) : listRoles(ctx);
      case "collaboration":
        return collaboration(ctx, first, second);
      case "onboarding":
        return first ? tourStep(ctx, first, 1) : chooseRole(ctx);
      case "help":
        return help(ctx);
      case "greeting":
        return greeting(ctx, m.words);
      case "out_of_scope":
        return outOfScope(ctx);
    }
  }

  const ask = (text: string) => (text.length > MAX_QUESTION_CHARS ? tooLong(ctx, text.length) : build(matcher.match(text)));

  function withRole(id: string, then: (role: Role) => Answer): Answer {
    const role = byId.get(id);
    return role ? then(role) : outOfScope(ctx);
  }

  function act(a: ActionRef): Answer {
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
        return feedbackThanks();
    }
  }

  function search(text: string, limit = 5): RoleCard[] {
    const m = matcher.match(text);
    const cards: RoleCard[] = m.named.map((r) => roleCard(r, 1));
    const add = (c: RoleCard) => cards.length < limit && !cards.some((x) => x.id === c.id) && cards.push(c);
    if (m.intent === "who_does" && m.ranked.length > 0) for (const c of whoDoes(ctx, m.ranked).roles) add(c);
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
    // The words as `ask` reads them, abbreviations expanded and spelling corrected ("mgr" is "manager"), so a
    // name means the same role here as in a question; the fuzzy search gets them too, not the raw text.
    const words = matcher.match(name).words.join(" ") || name;
    return matcher.resolveRole(words) ?? roleSearch.best(words)?.id;
  }
}

/** Hooks around the answers of a wrapped Whodoes; each calls `next` for the answer itself. */
export interface WhodoesHooks {
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
  const ask = (text: string) => current().ask(text);
  const act = (action: ActionRef) => current().act(action);
  const { ask: aroundAsk, act: aroundAct } = hooks;
  return {
    // A getter, so a reloaded knowledge shows through.
    get knowledge() {
      return current().knowledge;
    },
    ask: aroundAsk ? (text) => aroundAsk(text, ask) : ask,
    act: aroundAct ? (action) => aroundAct(action, act) : act,
    welcome: (options) => current().welcome(options),
    search: (text, limit) => current().search(text, limit),
    resolveRole: (name) => current().resolveRole(name),
  };
}
