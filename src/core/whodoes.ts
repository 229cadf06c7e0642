/** The one entry point: a message's text (or a button's ActionRef) in, an Answer out. */
import Fuse from "fuse.js";
import type { ActionRef, Answer, RoleCard } from "./answer.js";
import { collaboration } from "./answers/collaboration.js";
import { compareAll } from "./answers/compare-all.js";
import { type AnswerContext, roleCard } from "./answers/context.js";
import { feedbackThanks, greeting, help, outOfScope } from "./answers/conversation.js";
import { chooseRole, quizAnswer, quizQuestion, tourStep } from "./answers/onboarding.js";
import { compareRoles, describeRole, listRoles } from "./answers/roles.js";
import { whoDoes } from "./answers/who-does.js";
import type { Knowledge, Role } from "./knowledge/types.js";
import { classify, type Decision } from "./understanding/classify.js";
import { createUnderstander, type Understanding } from "./understanding/understand.js";

export interface Whodoes {
  readonly knowledge: Knowledge;
  /** Answer a message as typed in chat. Deterministic: the same text gives the same answer. */
  ask(text: string): Answer;
  /** What a button does. */
  act(action: ActionRef): Answer;
  /** Roles for a search box (Teams message extension): by name, by task, or by a partial word. */
  search(text: string, limit?: number): RoleCard[];
  /** The role id a typed name means ("dba", "ETL developer", "data-architect"), if exactly one. */
  resolveRole(name: string): string | undefined;
  /** The evidence and decision behind an answer, for evaluation and debugging. */
  explain(text: string): { understanding: Understanding; decision: Decision };
}

export function createWhodoes(knowledge: Knowledge): Whodoes {
  const understander = createUnderstander(knowledge);
  const byId = new Map(knowledge.roles.map((r) => [r.id, r]));
  const ctx: AnswerContext = { knowledge, understander, role: (id) => byId.get(id) };
  // Fuse is cheap over a few role names and catches partial words typed into a search box.
  const roleSearch = new Fuse(knowledge.roles, {
    keys: ["name", "short", "aliases", "id"],
    threshold: 0.35,
    ignoreLocation: true,
  });

  function build(u: Understanding, d: Decision): Answer {
    const [first, second] = u.roles;
    switch (d.intent) {
      case "who_does":
        return d.ranking.length > 0 ? whoDoes(ctx, d.ranking) : outOfScope(ctx);
      case "describe_role":
        return first ? describeRole(ctx, first) : outOfScope(ctx);
      case "compare_roles":
        return first && second ? compareRoles(first, second) : outOfScope(ctx);
      case "list_roles":
        return d.sideBySide ? compareAll(ctx) : listRoles(ctx);
      case "collaboration":
        return collaboration(ctx, first, second);
      case "onboarding":
        return first ? tourStep(ctx, first, 1) : chooseRole(ctx);
      case "help":
        return help(ctx);
      case "greeting":
        return greeting(ctx, u.analysis.words);
      case "out_of_scope":
        return outOfScope(ctx);
    }
  }

  function explain(text: string) {
    const understanding = understander.understand(text);
    return { understanding, decision: classify(understanding) };
  }

  const ask = (text: string) => {
    const { understanding, decision } = explain(text);
    return build(understanding, decision);
  };

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
        return withRole(a.role, (r) =>
          a.pick === undefined ? quizQuestion(ctx, r, a.q) : quizAnswer(ctx, r, a.q, a.pick as number),
        );
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
    const { understanding, decision } = explain(text);
    const cards: RoleCard[] = understanding.roles.map((r) => roleCard(r, 1));
    const add = (c: RoleCard) => cards.length < limit && !cards.some((x) => x.id === c.id) && cards.push(c);
    if (decision.intent === "who_does") for (const c of whoDoes(ctx, decision.ranking).roles) add(c);
    for (const hit of roleSearch.search(text.slice(0, 100))) add(roleCard(hit.item, 1 - (hit.score ?? 1)));
    return cards;
  }

  function resolveRole(name: string): string | undefined {
    const direct = understander.roleFinder.resolve(name);
    if (direct) return direct;
    const named = understander.understand(name).roles;
    if (named.length === 1) return named[0]?.id;
    const [best, next] = roleSearch.search(name.slice(0, 100));
    return best && (!next || (best.score ?? 1) < (next.score ?? 1)) ? best.item.id : undefined;
  }

  return { knowledge, ask, act, search, explain, resolveRole };
}
