/** collaboration: whom a role works with and how, or how two roles work together. */
import type { Answer, Block } from "../answer.js";
import type { Role } from "../knowledge/types.js";
import { type AnswerContext, answer, feedback, peopleBlocks, roleCard } from "./context.js";
import { MESSAGES } from "./messages.js";
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
    title: MESSAGES.partnersTitle(role.short),
    summary: MESSAGES.partners(
      role.name,
      partners.map((p) => p.partner.name),
    ),
    blocks: partners.flatMap((p): Block[] => [
      { type: "role", role: roleCard(p.partner, 0.5, { how: plain(p.how) }) },
      ...peopleBlocks(ctx, [p.partner]),
    ]),
    roles: [roleCard(role, 1), ...partners.map((p) => roleCard(p.partner, 0.5))],
    actions: [
      ...partners.slice(0, 3).map((p) => ({
        label: MESSAGES.collaborateWithButton(p.partner.short),
        action: { do: "collaborate" as const, role: role.id, with: p.partner.id },
      })),
      { label: MESSAGES.onboardButton, action: { do: "onboard", role: role.id, step: 1 } },
      ...feedback("collaboration", role.id),
    ],
  });
}

function pair(a: Role, b: Role): Answer {
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
          { type: "text", text: plain(MESSAGES.pairNotSaid(a.short, b.short)) },
          ...(overlap.length > 0
            ? ([
                { type: "heading", text: MESSAGES.meetsHeading },
                { type: "list", items: meetingLines(a, b, overlap) },
              ] satisfies Block[])
            : []),
        ];
  return answer({
    intent: "collaboration",
    title: MESSAGES.pairTitle(a.short, b.short),
    summary: lines[0] ?? MESSAGES.pairNotRecorded(a.short, b.short),
    blocks,
    roles: [roleCard(a, 1), roleCard(b, 1)],
    actions: [
      { label: MESSAGES.compareButton(b.short), action: { do: "compare", roles: [a.id, b.id] } },
      { label: MESSAGES.otherPartnersButton(a.short), action: { do: "collaborate", role: a.id } },
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
    title: MESSAGES.allTogetherTitle,
    summary: MESSAGES.allTogether,
    blocks: [{ type: "list", items }],
    roles: ctx.knowledge.roles.map((r) => roleCard(r, 0.5)),
    actions: ctx.knowledge.roles
      .slice(0, 4)
      .map((r) => ({ label: MESSAGES.partnersButton(r.short), action: { do: "collaborate", role: r.id } })),
  });
}
