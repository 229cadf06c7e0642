/** Every role side by side: the comparison table, built only from the knowledge. */
import type { Action, Answer, RoleTable } from "../answer.js";
import type { Aspect, Knowledge, Role } from "../knowledge/types.js";
import { type AnswerContext, answer, feedback, roleCard } from "./context.js";
import { lowerName, MESSAGES } from "./messages.js";
import { firstSentence } from "./rich-text.js";

/** Tasks shown per role when its file lists none of its own: its first responsibilities. */
const TASKS_SHOWN = 3;
/** "Works most with": the first roles of its works_with, in the order the file lists them. */
const PARTNERS_SHOWN = 2;
/** "What does a … do?" buttons under the table; Teams shows six actions, two of them feedback. */
const DESCRIBE_BUTTONS = 4;

/** The roles in column order: the ones asked about first, then the rest as the knowledge lists them. */
export function columnOrder(roles: readonly Role[], first: readonly string[] = []): Role[] {
  const asked = first.flatMap((id) => roles.find((r) => r.id === id) ?? []);
  return [...new Set([...asked, ...roles])];
}

function cell(k: Knowledge, role: Role, aspect: Aspect): string[] {
  const g = role.glance ?? {};
  switch (aspect) {
    case "character":
      return [role.character];
    case "looks_after":
      return [g.looksAfter ?? firstSentence(role.summary)];
    case "question":
      return g.question ? [g.question] : [];
    case "tasks":
      return g.tasks ?? role.responsibilities.slice(0, TASKS_SHOWN).map((r) => r.how ?? r.statement);
    case "artefacts":
      return g.artefacts ?? [];
    case "horizon":
      return g.horizon ? [g.horizon] : [];
    case "works_with":
      return role.worksWith.slice(0, PARTNERS_SHOWN).flatMap((w) => k.roles.find((r) => r.id === w.role)?.short ?? []);
  }
}

/** The table itself, for answers and for the picture. */
export function roleTable(k: Knowledge, first: readonly string[] = []): RoleTable {
  const roles = columnOrder(k.roles, first);
  return {
    title: k.comparison.title,
    corner: k.comparison.corner,
    columns: roles.map((r) => ({ id: r.id, name: r.name })),
    rows: k.comparison.rows.map((row) => ({
      aspect: row.aspect,
      label: row.label,
      cells: roles.map((r) => cell(k, r, row.aspect)),
    })),
  };
}

/** "Compare all roles": a button under answers that compare or list roles. */
export function compareAllAction(first: readonly string[] = []): Action {
  return { label: MESSAGES.compareAllButton, action: { do: "compareAll", ...(first.length > 0 ? { first: [...first] } : {}) } };
}

/**
 * The answer: the table, every role best known first. It answers "which roles are there" side by side,
 * so it keeps that intent id (list_roles) for scripts and the eval.
 */
export function compareAll(ctx: AnswerContext, first: readonly string[] = []): Answer {
  const table = roleTable(ctx.knowledge, first);
  const roles = columnOrder(ctx.knowledge.roles, first);
  return answer({
    intent: "list_roles",
    title: table.title,
    summary: `${table.title}: ${roles.map((r) => `${r.name} (${lowerName(r.character)})`).join(", ")}.`,
    blocks: [{ type: "table", table }],
    roles: roles.map((r) => roleCard(r, 1)),
    actions: [
      ...roles
        .slice(0, DESCRIBE_BUTTONS)
        .map((r) => ({ label: MESSAGES.describeButton(r.short), action: { do: "describe" as const, role: r.id } })),
      ...feedback("list_roles"),
    ],
  });
}
