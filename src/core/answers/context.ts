/** What every answer builder needs, and the pieces they share (role cards, next-step buttons). */
import type { Action, Answer, Block, RoleCard } from "../answer.js";
import type { IntentId } from "../intents.js";
import type { Knowledge, Role } from "../knowledge/types.js";
import { DISPLAY } from "./display.js";
import { MESSAGES } from "./messages.js";

export interface AnswerContext {
  knowledge: Knowledge;
  role(id: string): Role | undefined;
}

export function roleCard(role: Role, score: number, extra: Partial<RoleCard> = {}): RoleCard {
  return { id: role.id, name: role.name, character: role.character, score: round(score), evidence: [], ...extra };
}

export const round = (n: number) => Math.round(n * 1000) / 1000;

/** The role most often worked with, as a natural "compare with" partner. */
export function partnerOf(ctx: AnswerContext, role: Role, exclude: readonly string[] = []): Role | undefined {
  const ids = [...role.worksWith.map((w) => w.role), ...ctx.knowledge.roles.map((r) => r.id)];
  for (const id of ids) if (id !== role.id && !exclude.includes(id)) return ctx.role(id);
  return undefined;
}

/** The usual buttons under an answer about `role`. */
export function nextSteps(
  ctx: AnswerContext,
  role: Role,
  intent: IntentId,
  options: { compareWith?: Role; skip?: string[] } = {},
): Action[] {
  const actions: Action[] = [];
  const skip = options.skip ?? [];
  if (!skip.includes("describe"))
    actions.push({ label: MESSAGES.describeButton(role.short), action: { do: "describe", role: role.id } });
  const other = options.compareWith ?? partnerOf(ctx, role);
  if (other && !skip.includes("compare"))
    actions.push({ label: MESSAGES.compareButton(other.short), action: { do: "compare", roles: [role.id, other.id] } });
  if (!skip.includes("collaborate") && role.worksWith.length > 0)
    actions.push({ label: MESSAGES.collaborateButton, action: { do: "collaborate", role: role.id } });
  if (!skip.includes("onboard"))
    actions.push({ label: MESSAGES.onboardButton, action: { do: "onboard", role: role.id, step: 1 } });
  actions.push(...feedback(intent, role.id));
  return actions;
}

export function feedback(intent: IntentId, role?: string): Action[] {
  const r = role ? { role } : {};
  return [
    { label: MESSAGES.helpful, action: { do: "feedback", vote: "up", intent, ...r } },
    { label: MESSAGES.notHelpful, action: { do: "feedback", vote: "down", intent, ...r } },
  ];
}

export function answer(a: Omit<Answer, "roles" | "actions"> & Partial<Pick<Answer, "roles" | "actions">>): Answer {
  return { roles: [], actions: [], ...a };
}

/** "In your organisation: ..." for a role, when the directory names anyone for it. */
export function peopleBlocks(ctx: AnswerContext, roles: readonly Role[]): Block[] {
  const blocks: Block[] = [];
  for (const role of roles) {
    const contacts = ctx.knowledge.directory.get(role.id);
    if (contacts) blocks.push({ type: "people", roleId: role.id, roleName: role.name, contacts });
  }
  return blocks;
}

/**
 * A role's key responsibilities as a list, and how many more it has (a role may hold dozens). `from`: how
 * many were listed before, to go on with the next ones.
 */
export function keyResponsibilities(role: Role, from = 0): Block[] {
  const shown = role.responsibilities.slice(from, listedAfter(role, from));
  const more = role.responsibilities.length - from - shown.length;
  return [
    { type: "list", items: shown.map((r) => [{ text: r.statement }]) },
    ...(more > 0 ? [{ type: "text" as const, text: [{ text: MESSAGES.moreResponsibilities(more) }] }] : []),
  ];
}

/** How many of a role's responsibilities have been listed once the page after the first `from` is shown. */
export function listedAfter(role: Role, from = 0): number {
  return Math.min(from + DISPLAY.keyResponsibilities, role.responsibilities.length);
}
