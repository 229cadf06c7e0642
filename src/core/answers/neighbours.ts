/**
 * Answers about a neighbouring role, a job the knowledge does not model (a data scientist, a BI
 * developer): say honestly that it is not one of the data roles here, which modelled role is closest,
 * and how they differ. Never a confident owner: the closest roles carry a low score.
 */
import type { Answer, Block, RoleCard } from "../answer.js";
import type { Neighbour, Role } from "../knowledge/types.js";
import { compareAllAction } from "./compare-all.js";
import { type AnswerContext, answer, feedback, peopleBlocks, roleCard } from "./context.js";
import { DISPLAY } from "./display.js";
import { article, lowerName, MESSAGES } from "./messages.js";
import { firstSentence, plain } from "./rich-text.js";

/** The modelled roles a neighbour is closest to, closest first (those the knowledge still has). */
export function closestRoles(ctx: AnswerContext, n: Neighbour): Role[] {
  return n.closest.flatMap((id) => ctx.role(id) ?? []);
}

/** "A data scientist is not one of the four data roles here; the closest is the data warehouse engineer." */
function notOurs(ctx: AnswerContext, n: Neighbour): string {
  return MESSAGES.notOurRole(
    n.name,
    ctx.knowledge.roles.length,
    closestRoles(ctx, n).map((r) => r.name),
  );
}

/** The neighbour beside its closest role(s), and how they differ. */
function sideBySide(ctx: AnswerContext, n: Neighbour, role: Role | undefined): Block[] {
  const closest = closestRoles(ctx, n);
  const fields = [
    { label: n.name, value: plain(n.description) },
    ...(role ? [role] : closest.slice(0, 1)).map((r) => ({
      label: r.name,
      value: plain(`${r.character}. ${firstSentence(r.summary)}`),
    })),
  ];
  const blocks: Block[] = [{ type: "fields", fields }];
  if (!role || n.closest.includes(role.id))
    blocks.push({ type: "heading", text: MESSAGES.howTheyDiffer }, { type: "text", text: plain(n.difference) });
  else if (closest[0]) blocks.push({ type: "text", text: plain(MESSAGES.closestIs(n.name, closest[0].name, n.difference)) });
  return blocks;
}

const closestCards = (ctx: AnswerContext, n: Neighbour, score: number) => closestRoles(ctx, n).map((r) => roleCard(r, score));

/**
 * A search box's results for a neighbouring title typed ("data scientist" in Teams' message extension): its
 * closest roles, each saying the title is not one of the roles here, at the low score of a neighbour's answer.
 * Bare, the closest role's card would read as the title's own.
 */
export function neighbourSearchCards(ctx: AnswerContext, n: Neighbour): RoleCard[] {
  const note = plain(notOurs(ctx, n));
  return closestRoles(ctx, n).map((r) => roleCard(r, DISPLAY.closestScore, { how: note }));
}

/** The closest roles, each with what it does, then `between` (who holds them here), then how the neighbour differs. */
function closestAndDifference(n: Neighbour, closest: Role[], between: Block[] = []): Block[] {
  return [
    ...closest.map(
      (r): Block => ({ type: "role", role: roleCard(r, DISPLAY.closestScore, { how: plain(firstSentence(r.summary)) }) }),
    ),
    ...between,
    { type: "heading", text: MESSAGES.howTheyDiffer },
    { type: "text", text: plain(n.difference) },
  ];
}

/** The buttons under a neighbour answer: what the closest role does, and every role side by side. */
function nextSteps(ctx: AnswerContext, n: Neighbour, intent: Answer["intent"]): Answer["actions"] {
  const closest = closestRoles(ctx, n);
  return [
    ...closest.map((r) => ({ label: MESSAGES.describeButton(r.short), action: { do: "describe" as const, role: r.id } })),
    compareAllAction(closest.map((r) => r.id)),
    ...feedback(intent, closest[0]?.id),
  ];
}

/** describe_role: "what does a data scientist do?" */
export function describeNeighbour(ctx: AnswerContext, n: Neighbour): Answer {
  const summary = notOurs(ctx, n);
  return answer({
    intent: "describe_role",
    title: n.name,
    summary,
    blocks: [{ type: "text", text: plain(summary) }, ...sideBySide(ctx, n, undefined)],
    roles: closestCards(ctx, n, DISPLAY.closestScore),
    actions: nextSteps(ctx, n, "describe_role"),
    neighbour: { id: n.id, name: n.name },
  });
}

/**
 * describe_role of a job title the knowledge does not know ("what does a data governance officer do?"): said
 * plainly, with the closest role by the title's words, if any, as a guess.
 */
export function describeUnknownTitle(ctx: AnswerContext, title: string, closest: Role | undefined): Answer {
  const summary = MESSAGES.unknownTitle(title, ctx.knowledge.roles.length, closest?.name);
  return unknownTitleAnswer("describe_role", summary, closest, DISPLAY.closestScore);
}

/** compare_roles: "data governance officer vs DBA", a job not known here beside a role that is. */
export function compareWithUnknownTitle(ctx: AnswerContext, role: Role, title: string): Answer {
  const summary = MESSAGES.unknownTitleCompared(title, ctx.knowledge.roles.length, role.name);
  return unknownTitleAnswer("compare_roles", summary, role, 1);
}

/** What a job not known here is not, and the one role the answer can speak of: the closest, or the one named. */
function unknownTitleAnswer(intent: "describe_role" | "compare_roles", summary: string, role: Role | undefined, score: number) {
  const blocks: Block[] = [{ type: "text", text: plain(summary) }];
  if (role)
    blocks.push({
      type: "fields",
      fields: [{ label: role.name, value: plain(`${role.character}. ${firstSentence(role.summary)}`) }],
    });
  return answer({
    intent,
    title: MESSAGES.unknownTitleHeading,
    summary,
    blocks,
    roles: role ? [roleCard(role, score)] : [],
    actions: [
      ...(role ? [{ label: MESSAGES.describeButton(role.short), action: { do: "describe" as const, role: role.id } }] : []),
      compareAllAction(role ? [role.id] : []),
      ...feedback(intent, role?.id),
    ],
  });
}

/** compare_roles: "DBA vs database developer". */
export function compareWithNeighbour(ctx: AnswerContext, role: Role, n: Neighbour): Answer {
  const summary = `${role.name} is ${lowerName(role.character)}. ${notOurs(ctx, n)}`;
  return answer({
    intent: "compare_roles",
    title: `${role.name} vs ${n.name}`,
    summary,
    blocks: [{ type: "text", text: plain(notOurs(ctx, n)) }, ...sideBySide(ctx, n, role)],
    roles: [roleCard(role, 1)],
    actions: [
      { label: MESSAGES.describeButton(role.short), action: { do: "describe", role: role.id } },
      compareAllAction([role.id]),
      ...feedback("compare_roles", role.id),
    ],
    neighbour: { id: n.id, name: n.name },
  });
}

/**
 * collaboration, asking whom a neighbouring role works with ("what does a data scientist do?", "who do they work
 * with?"): among the roles here, its closest, and how they differ; the closest role's own partners are not its.
 */
export function neighbourPartners(ctx: AnswerContext, n: Neighbour): Answer {
  const closest = closestRoles(ctx, n);
  const summary = `${notOurs(ctx, n)} ${MESSAGES.neighbourPartners(closest.length)}`;
  return answer({
    intent: "collaboration",
    title: MESSAGES.neighbourPartnersTitle(n.name),
    summary,
    blocks: [{ type: "text", text: plain(summary) }, ...closestAndDifference(n, closest)],
    roles: closestCards(ctx, n, DISPLAY.closestScore),
    actions: nextSteps(ctx, n, "collaboration"),
    neighbour: { id: n.id, name: n.name },
  });
}

/** who_does, asking who holds a neighbouring role: "who is the data steward here?" */
export function neighbourHolder(ctx: AnswerContext, n: Neighbour): Answer {
  const summary = notOurs(ctx, n);
  const closest = closestRoles(ctx, n);
  return answer({
    intent: "who_does",
    title: n.name,
    summary,
    blocks: [{ type: "text", text: plain(summary) }, ...closestAndDifference(n, closest, peopleBlocks(ctx, closest))],
    roles: closestCards(ctx, n, DISPLAY.closestScore),
    actions: nextSteps(ctx, n, "who_does"),
    neighbour: { id: n.id, name: n.name },
  });
}

/** out_of_scope: work only a neighbouring role does ("who picks the font for reports?"). */
export function neighbourWork(ctx: AnswerContext, n: Neighbour): Answer {
  const summary = MESSAGES.theirWork(n.name, ctx.knowledge.roles.length);
  const closest = closestRoles(ctx, n)[0];
  const blocks: Block[] = [
    { type: "text", text: plain(summary) },
    { type: "fields", fields: [{ label: n.name, value: plain(n.description) }] },
  ];
  if (closest) blocks.push({ type: "text", text: plain(MESSAGES.closestIs(n.name, closest.name, n.difference)) });
  return answer({
    intent: "out_of_scope",
    title: MESSAGES.theirWorkTitle(n.name),
    summary,
    blocks,
    roles: closestCards(ctx, n, DISPLAY.theirWorkScore),
    actions: nextSteps(ctx, n, "out_of_scope"),
    neighbour: { id: n.id, name: n.name },
  });
}

/**
 * Another intent's answer about a neighbouring role ("how do DBAs and sysadmins work together?"): the
 * answer itself, opened by what the neighbour is and that it is not one of the roles here.
 */
export function withNeighbour(ctx: AnswerContext, a: Answer, n: Neighbour): Answer {
  const note: Block = {
    type: "text",
    text: plain(`${notOurs(ctx, n)} ${article(n.name) === "an" ? "An" : "A"} ${lowerName(n.name)}: ${lowerName(n.description)}`),
  };
  const roles = a.roles.length > 0 ? a.roles : closestCards(ctx, n, DISPLAY.closestScore);
  return { ...a, blocks: [note, ...a.blocks], roles, neighbour: { id: n.id, name: n.name } };
}
