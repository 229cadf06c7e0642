/**
 * What follows an answer that did not settle it: after a 👎, which role it should have been (a proposed
 * fix for the knowledge), and whom to ask in this organisation when the bot cannot hand the question over.
 */
import type { ActionRef } from "../action-ref.js";
import type { Action, Answer, Block } from "../answer.js";
import type { Knowledge } from "../knowledge/types.js";
import { type AnswerContext, answer, peopleBlocks } from "./context.js";
import { MESSAGES } from "./messages.js";
import { plain } from "./rich-text.js";

type Feedback = Extract<ActionRef, { do: "feedback" }>;
type Correct = Extract<ActionRef, { do: "correct" }>;

/** After a 👎: the roles (and "none of these") to say which it should have been. */
export function whichRole(ctx: AnswerContext, vote: Feedback): Answer {
  const given = { intent: vote.intent, ...(vote.role ? { role: vote.role } : {}), ...(vote.q ? { q: vote.q } : {}) };
  const choices: Action[] = [
    ...ctx.knowledge.roles.map((r) => ({ label: r.name, action: { do: "correct" as const, ...given, expected: r.id } })),
    { label: MESSAGES.noneOfThese, action: { do: "correct", ...given, expected: null } },
  ];
  return answer({
    intent: "greeting",
    title: MESSAGES.dislikedTitle,
    summary: MESSAGES.whichRole,
    blocks: [{ type: "choices", prompt: MESSAGES.whichRole, choices }],
    // The role given was wrong or unhelpful: no role is likely, so a hand-off goes to the triage place.
    handoff: { reason: "disliked", roles: [] },
  });
}

/** The thanks for a correction, with whom to ask for the role it should have been. */
/** `kept`: whether the correction is recorded for the people who maintain the knowledge. */
export function corrected(ctx: AnswerContext, ref: Correct, kept: boolean): Answer {
  const role = ref.expected ? ctx.role(ref.expected) : undefined;
  const text = role ? MESSAGES.corrected(role.name, kept) : MESSAGES.correctedNone(kept);
  const blocks: Block[] = [{ type: "text", text: plain(text) }, ...(role ? peopleBlocks(ctx, [role]) : [])];
  return answer({
    intent: "greeting",
    title: MESSAGES.correctedTitle,
    summary: text,
    blocks,
    actions: role ? [{ label: MESSAGES.describeButton(role.short), action: { do: "describe", role: role.id } }] : [],
  });
}

/** A hand-off or triage button that reached a surface that cannot hand questions over. */
export function handoffElsewhere(): Answer {
  return answer({ intent: "help", title: MESSAGES.askTeamButton, summary: MESSAGES.handoffElsewhere, blocks: [] });
}

/** The "Ask the data team" button for a question kept under `q`. */
export function askTeamAction(q: string): Action {
  return { label: MESSAGES.askTeamButton, action: { do: "handoff", q }, style: "primary" };
}

/**
 * The answer with its buttons tied to the question kept under `q`: a 👎 and a correction can then be
 * grouped with the question, and "Ask the data team" added where the platform can hand it over.
 */
export function withQuestion(a: Answer, q: string): Answer {
  const tie = (x: Action): Action =>
    x.action.do === "feedback" || x.action.do === "correct" ? { ...x, action: { ...x.action, q } } : x;
  return {
    ...a,
    blocks: a.blocks.map((b) => (b.type === "choices" ? { ...b, choices: b.choices.map(tie) } : b)),
    actions: a.actions.map(tie),
  };
}

/** Add `action` before the answer's feedback buttons (the last thing under an answer). */
export function withAction(a: Answer, action: Action): Answer {
  const at = a.actions.findIndex((x) => x.action.do === "feedback");
  const actions = [...a.actions];
  actions.splice(at === -1 ? actions.length : at, 0, action);
  return { ...a, actions };
}

/**
 * The answer with "whom to ask" from the directory: the likely roles' people (or, when no role is likely,
 * everyone the directory names), for surfaces that cannot hand the question over. Unchanged when the
 * answer needs no person or the directory names nobody.
 */
export function whomToAsk(knowledge: Knowledge, a: Answer): Answer {
  if (!a.handoff) return a;
  const named = (id: string) => knowledge.directory.has(id);
  const likely = a.handoff.roles.filter(named);
  const ids = likely.length > 0 ? likely : knowledge.roles.map((r) => r.id).filter(named);
  const shown = new Set(a.blocks.flatMap((b) => (b.type === "people" ? [b.roleId] : [])));
  const ctx: AnswerContext = { knowledge, role: (id) => knowledge.roles.find((r) => r.id === id) };
  const roles = ids.filter((id) => !shown.has(id)).flatMap((id) => ctx.role(id) ?? []);
  if (roles.length === 0) return a;
  return { ...a, blocks: [...a.blocks, { type: "heading", text: MESSAGES.whomToAsk }, ...peopleBlocks(ctx, roles)] };
}
