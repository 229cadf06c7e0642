/** Answers about roles themselves: describe one, compare two, list them all. */
import type { Answer, Block } from "../answer.js";
import type { Role } from "../knowledge/types.js";
import { compareAllAction } from "./compare-all.js";
import {
  type AnswerContext,
  answer,
  feedback,
  keyResponsibilities,
  listedAfter,
  nextSteps,
  peopleBlocks,
  roleCard,
} from "./context.js";
import { listNames, lowerName, MESSAGES } from "./messages.js";
import { firstSentence, plain } from "./rich-text.js";

/**
 * What a role does. `listedBefore`: how many of its responsibilities the conversation was just shown, when it
 * asks about the same role again ("what else do they do?"): the answer goes on with the next ones, and says so
 * once all have been shown. `opening`: a line said before the role, on how it answers the question ("Here a data
 * warehouse engineer and an ETL developer are the same role:"). `score`: how sure the answer is that the role is what
 * is asked about; under 1 when the message only names it (DISPLAY.onlyNamedScore).
 */
export function describeRole(ctx: AnswerContext, role: Role, listedBefore = 0, opening?: string, score = 1): Answer {
  if (listedBefore > 0)
    return listedBefore < role.responsibilities.length ? moreOfRole(ctx, role, listedBefore) : allOfRole(ctx, role);
  const blocks: Block[] = [
    ...(opening ? [{ type: "text" as const, text: plain(opening) }] : []),
    { type: "role", role: roleCard(role, score, { how: plain(role.summary) }) },
    ...peopleBlocks(ctx, [role]),
    { type: "heading", text: MESSAGES.responsibilitiesHeading },
    ...keyResponsibilities(role),
  ];
  if (role.note) blocks.push({ type: "heading", text: MESSAGES.noteHeading }, { type: "text", text: plain(role.note) });
  blocks.push({ type: "heading", text: MESSAGES.exampleHeading }, { type: "text", text: plain(role.example) });
  return answer({
    intent: "describe_role",
    title: role.name,
    summary: `${role.name} (${lowerName(role.character)}): ${firstSentence(role.summary)}`,
    blocks,
    roles: [roleCard(role, score)],
    actions: nextSteps(ctx, role, "describe_role", { skip: ["describe"] }),
    listed: listedAfter(role),
  });
}

/** The next page of a role's responsibilities, after the `from` already shown. */
function moreOfRole(ctx: AnswerContext, role: Role, from: number): Answer {
  const listed = listedAfter(role, from);
  const heading = MESSAGES.moreOfRole(role.name, from + 1, listed, role.responsibilities.length);
  return answer({
    intent: "describe_role",
    title: role.name,
    summary: heading,
    blocks: [{ type: "heading", text: heading }, ...keyResponsibilities(role, from)],
    roles: [roleCard(role, 1)],
    actions: nextSteps(ctx, role, "describe_role", { skip: ["describe"] }),
    listed,
  });
}

/** "what else?" once every responsibility has been listed: says so, rather than starting the list again. */
function allOfRole(ctx: AnswerContext, role: Role): Answer {
  const total = role.responsibilities.length;
  const said = MESSAGES.allOfRole(role.name, total);
  return answer({
    intent: "describe_role",
    title: role.name,
    summary: said,
    blocks: [{ type: "text", text: plain(said) }],
    roles: [roleCard(role, 1)],
    actions: nextSteps(ctx, role, "describe_role", { skip: ["describe"] }),
    listed: total,
  });
}

/**
 * Concerns both roles take part in, with each one's part: where their work meets. A part that serves two of them
 * (the architect's "designs security into the architecture" is both its governance and its security) is said
 * once, on one line for both concerns, so no line repeats another.
 */
export function sharedConcerns(a: Role, b: Role): { concern: string; a: string; b: string }[] {
  const out: { concerns: string[]; a: string[]; b: string[] }[] = [];
  for (const ra of a.responsibilities)
    for (const concern of ra.concerns) {
      const rb = b.responsibilities.find((r) => r.concerns.includes(concern));
      if (!rb || out.some((o) => o.concerns.includes(concern))) continue;
      const [partA, partB] = [ra.how ?? ra.statement, rb.how ?? rb.statement];
      const same = out.find((o) => o.a.includes(partA) || o.b.includes(partB));
      if (!same) out.push({ concerns: [concern], a: [partA], b: [partB] });
      else {
        same.concerns.push(concern);
        if (!same.a.includes(partA)) same.a.push(partA);
        if (!same.b.includes(partB)) same.b.push(partB);
      }
    }
  return out.map((o) => ({ concern: listNames(o.concerns), a: o.a.join(" "), b: o.b.join(" ") }));
}

/** One line per shared concern: the concern, then each role's part. */
export function meetingLines(a: Role, b: Role, overlap: ReturnType<typeof sharedConcerns>) {
  return overlap.map((o) =>
    plain(`${o.concern.replace(/-/g, " ")}: ${a.short}: ${lowerName(o.a)} ${b.short}: ${lowerName(o.b)}`),
  );
}

export function compareRoles(a: Role, b: Role): Answer {
  const overlap = sharedConcerns(a, b);
  const blocks: Block[] = [
    {
      type: "fields",
      fields: [
        { label: a.name, value: plain(`${a.character}. ${firstSentence(a.summary)}`) },
        { label: b.name, value: plain(`${b.character}. ${firstSentence(b.summary)}`) },
      ],
    },
  ];
  if (overlap.length > 0) {
    blocks.push({ type: "heading", text: MESSAGES.meetsHeading });
    blocks.push({ type: "list", items: meetingLines(a, b, overlap) });
  }
  const together = [a.worksWith.find((w) => w.role === b.id), b.worksWith.find((w) => w.role === a.id)];
  const lines = [together[0] && `${a.short}: ${together[0].how}`, together[1] && `${b.short}: ${together[1].how}`].filter(
    (l): l is string => typeof l === "string",
  );
  if (lines.length > 0)
    blocks.push({ type: "heading", text: MESSAGES.togetherHeading }, { type: "list", items: lines.map(plain) });
  // Under whose it is: beside another role, a bare note reads as said of both.
  for (const r of [a, b])
    if (r.note) blocks.push({ type: "heading", text: MESSAGES.noteOn(r.name) }, { type: "text", text: plain(r.note) });
  return answer({
    intent: "compare_roles",
    title: `${a.name} vs ${b.name}`,
    summary: MESSAGES.compareSummary(a.name, a.character, b.name, b.character),
    blocks,
    roles: [roleCard(a, 1), roleCard(b, 1)],
    actions: [
      { label: MESSAGES.describeButton(a.short), action: { do: "describe", role: a.id } },
      { label: MESSAGES.describeButton(b.short), action: { do: "describe", role: b.id } },
      { label: MESSAGES.togetherButton, action: { do: "collaborate", role: a.id, with: b.id } },
      compareAllAction([a.id, b.id]),
      ...feedback("compare_roles", a.id),
    ],
  });
}

export function listRoles(ctx: AnswerContext): Answer {
  const roles = ctx.knowledge.roles;
  return answer({
    intent: "list_roles",
    title: MESSAGES.rolesTitle,
    summary: MESSAGES.rolesSummary(roles.map((r) => r.name)),
    blocks: roles.map((r) => ({ type: "role", role: roleCard(r, 1, { how: plain(firstSentence(r.summary)) }) })),
    roles: roles.map((r) => roleCard(r, 1)),
    actions: [
      ...roles.map((r) => ({ label: MESSAGES.describeButton(r.short), action: { do: "describe" as const, role: r.id } })),
      compareAllAction(),
    ],
  });
}
