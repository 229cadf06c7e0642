/** collaboration: whom a role works with and how, or how two roles work together. */
import type { Answer, Block } from "../answer.js";
import type { Role } from "../knowledge/types.js";
import { type AnswerContext, answer, feedback, peopleBlocks, roleCard } from "./context.js";
import { lowerName, MESSAGES } from "./messages.js";
import { plain } from "./rich-text.js";
import { meetingLines, sharedConcerns } from "./roles.js";

/** Everyone `role` works with: its own list, then roles that list it, each with how. */
export function partnersOf(ctx: AnswerContext, role: Role): { partner: Role; how: string }[] {
  const out: { partner: Role; how: string }[] = [];
  for (const w of role.worksWith) {
    const partner = ctx.role(w.role);
    if (partner) out.push({ partner, how: w.how });
  }
  for (const other of ctx.knowledge.roles) {
    const back = other.worksWith.find((w) => w.role === role.id);
    if (back && !out.some((o) => o.partner.id === other.id)) out.push({ partner: other, how: `${other.short}: ${back.how}` });
  }
  return out;
}

export function collaboration(ctx: AnswerContext, role: Role | undefined, other?: Role): Answer {
  if (!role) return overview(ctx);
  if (other) return pair(role, other);
  const partners = partnersOf(ctx, role);
  return answer({
    intent: "collaboration",
    title: `Who the ${lowerName(role.short)} works with`,
    summary: `The ${role.name.toLowerCase()} works with ${partners.map((p) => p.partner.name.toLowerCase()).join(", ") || "no other role listed"}.`,
    blocks: partners.flatMap((p): Block[] => [
      { type: "role", role: roleCard(p.partner, 0.5, { how: plain(p.how) }) },
      ...peopleBlocks(ctx, [p.partner]),
    ]),
    roles: [roleCard(role, 1), ...partners.map((p) => roleCard(p.partner, 0.5))],
    actions: [
      ...partners.slice(0, 3).map((p) => ({
        label: `How do they work with the ${lowerName(p.partner.short)}?`,
        action: { do: "collaborate" as const, role: role.id, with: p.partner.id },
      })),
      { label: MESSAGES.onboardButton, action: { do: "onboard", role: role.id, step: 1 } },
      ...feedback("collaboration", role.id),
    ],
  });
}

function pair(a: Role, b: Role): Answer {
  // Mid-sentence a short name is a common noun ("the architect"); a line that starts with it keeps its capital.
  const [an, bn] = [lowerName(a.short), lowerName(b.short)];
  const lines = [
    ...a.worksWith.filter((w) => w.role === b.id).map((w) => `${a.short}: ${w.how}`),
    ...b.worksWith.filter((w) => w.role === a.id).map((w) => `${b.short}: ${w.how}`),
  ];
  // With no hand-off recorded between the two, the concerns both take part in still say where they meet.
  const overlap = lines.length > 0 ? [] : sharedConcerns(a, b);
  const blocks: Block[] =
    lines.length > 0
      ? [{ type: "list", items: lines.map(plain) }]
      : [
          {
            type: "text",
            text: plain(`The knowledge doesn't say how the ${an} and the ${bn} work together directly.`),
          },
          ...(overlap.length > 0
            ? ([
                { type: "heading", text: MESSAGES.meetsHeading },
                { type: "list", items: meetingLines(a, b, overlap) },
              ] satisfies Block[])
            : []),
        ];
  return answer({
    intent: "collaboration",
    title: `How the ${an} and the ${bn} work together`,
    summary: lines[0] ?? `No direct collaboration is recorded between the ${an} and the ${bn}.`,
    blocks,
    roles: [roleCard(a, 1), roleCard(b, 1)],
    actions: [
      { label: MESSAGES.compareButton(b.short), action: { do: "compare", roles: [a.id, b.id] } },
      { label: `Who else does the ${an} work with?`, action: { do: "collaborate", role: a.id } },
      ...feedback("collaboration", a.id),
    ],
  });
}

function overview(ctx: AnswerContext): Answer {
  const items = ctx.knowledge.roles.flatMap((r) =>
    r.worksWith.map((w) => plain(`${r.short} → ${ctx.role(w.role)?.short ?? w.role}: ${w.how}`)),
  );
  return answer({
    intent: "collaboration",
    title: "How the data roles work together",
    summary: "Each role is distinct, but they work closely: here is who works with whom.",
    blocks: [{ type: "list", items }],
    roles: ctx.knowledge.roles.map((r) => roleCard(r, 0.5)),
    actions: ctx.knowledge.roles
      .slice(0, 4)
      .map((r) => ({ label: `Who does the ${lowerName(r.short)} work with?`, action: { do: "collaborate", role: r.id } })),
  });
}
