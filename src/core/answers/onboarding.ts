/**
 * The onboarding tour: one step per answer, Back / Next / Done, and a short quiz drawn from the
 * knowledge. Stateless: the role, step and quiz question travel in the buttons, so any instance
 * can serve the next click.
 */
import type { Action, Answer, Block } from "../answer.js";
import type { Role } from "../knowledge/types.js";
import { partnersOf } from "./collaboration.js";
import { type AnswerContext, answer, feedback, keyResponsibilities, listedAfter, peopleBlocks, roleCard } from "./context.js";
import { MESSAGES } from "./messages.js";
import { plain } from "./rich-text.js";

export const TOUR_STEPS = [
  "At a glance",
  "Key responsibilities",
  "Who you work with",
  "In the example",
  "Your first week",
  "Quick quiz",
] as const;
export const QUIZ_LENGTH = 3;
/** The step a newcomer asking what to do or learn first is shown first: the first week's list. */
export const FIRST_WEEK_STEP = TOUR_STEPS.indexOf("Your first week") + 1;
const KEY_RESPONSIBILITIES_STEP = TOUR_STEPS.indexOf("Key responsibilities") + 1;
const CHOICES = 4;

export function chooseRole(ctx: AnswerContext): Answer {
  return answer({
    intent: "onboarding",
    title: MESSAGES.chooseRoleTitle,
    summary: MESSAGES.chooseRole,
    blocks: [
      {
        type: "choices",
        prompt: MESSAGES.startingIn,
        choices: ctx.knowledge.roles.map((r) => ({ label: r.name, action: { do: "onboard", role: r.id, step: 1 } })),
      },
    ],
  });
}

function stepBlocks(ctx: AnswerContext, role: Role, step: number): Block[] {
  switch (step) {
    case 1:
      return [
        { type: "role", role: roleCard(role, 1, { how: plain(role.summary) }) },
        ...peopleBlocks(ctx, [role]),
        ...(role.note ? [{ type: "text" as const, text: plain(role.note) }] : []),
      ];
    case 2:
      return keyResponsibilities(role);
    case 3:
      return partnersOf(ctx, role).flatMap((p): Block[] => [
        { type: "role", role: roleCard(p.partner, 0.5, { how: plain(p.how) }) },
        ...peopleBlocks(ctx, [p.partner]),
      ]);
    case 4:
      return [{ type: "text", text: plain(role.example) }];
    case 5:
      return [{ type: "list", items: role.firstWeek.map(plain), ordered: true }];
    default:
      return [];
  }
}

function navigation(role: Role, step: number): Action[] {
  const total = TOUR_STEPS.length;
  const nav: Action[] = [];
  if (step > 1) nav.push({ label: MESSAGES.backButton, action: { do: "onboard", role: role.id, step: step - 1 } });
  if (step < total)
    nav.push({ label: MESSAGES.nextButton, action: { do: "onboard", role: role.id, step: step + 1 }, style: "primary" });
  nav.push({ label: MESSAGES.doneButton, action: { do: "onboard", role: role.id, step: total + 1 } });
  return nav;
}

export function tourStep(ctx: AnswerContext, role: Role, requested: number): Answer {
  const total = TOUR_STEPS.length;
  if (requested > total) return finished(role);
  const step = Math.max(1, requested);
  if (step === total) return quizQuestion(ctx, role, 1);
  const name = TOUR_STEPS[step - 1] ?? "";
  return answer({
    intent: "onboarding",
    title: MESSAGES.tourStepTitle(role.name, name),
    summary: MESSAGES.tourStep(role.name, step, total, name),
    blocks: [{ type: "progress", step, total }, ...stepBlocks(ctx, role, step)],
    roles: [roleCard(role, 1)],
    actions: navigation(role, step),
    // The key responsibilities end "…and 16 more": "what else?" or "more" goes on from there.
    ...(step === KEY_RESPONSIBILITIES_STEP && listedAfter(role) < role.responsibilities.length
      ? { listed: listedAfter(role) }
      : {}),
  });
}

function finished(role: Role): Answer {
  return answer({
    intent: "onboarding",
    title: MESSAGES.tourDoneTitle(role.short),
    summary: MESSAGES.tourDoneSummary(role.name),
    blocks: [{ type: "text", text: plain(MESSAGES.tourDone) }],
    roles: [roleCard(role, 1)],
    actions: [
      { label: MESSAGES.tourAgainButton, action: { do: "onboard", role: role.id, step: 1 } },
      { label: MESSAGES.rolesButton, action: { do: "roles" } },
      ...feedback("onboarding", role.id),
    ],
  });
}

/**
 * Deterministic quiz. Question 1 asks about one of the role's own responsibilities; 2 and 3 about a partner's, so
 * the answer is not always the tour's role: each such question takes the partner's first responsibility that
 * shares no concern with the role, the one least likely to be read as the role's own. A role with one partner
 * (a role an organisation added) is asked about another role next, never question 1 again.
 */
function quizItem(ctx: AnswerContext, role: Role, q: number) {
  const partners = partnersOf(ctx, role).map((p) => p.partner);
  const rest = ctx.knowledge.roles.filter((r) => r.id !== role.id && !partners.includes(r));
  const partner = q > 1 ? [...partners, ...rest][q - 2] : undefined;
  const owner = partner ?? role;
  const concerns = new Set(role.responsibilities.flatMap((r) => r.concerns));
  const apart = partner?.responsibilities.find((r) => !r.concerns.some((c) => concerns.has(c)));
  const resp = apart ?? owner.responsibilities[0];
  const others = ctx.knowledge.roles.filter((r) => r.id !== owner.id);
  const picked = others.slice(0, CHOICES - 1).map((r, i) => others[(i + q - 1) % others.length] ?? r);
  const choices = [...new Set([owner, ...picked])];
  const rotate = (q * 7 + role.id.length) % choices.length; // vary where the right answer sits
  return { owner, resp, choices: [...choices.slice(rotate), ...choices.slice(0, rotate)] };
}

const ask = (statement: string) => `Who ${statement.charAt(0).toLowerCase()}${statement.slice(1).replace(/\.$/, "")}?`;

export function quizQuestion(ctx: AnswerContext, role: Role, q: number): Answer {
  const total = TOUR_STEPS.length;
  const { resp, choices } = quizItem(ctx, role, q);
  const question = ask(resp?.statement ?? "");
  return answer({
    intent: "onboarding",
    title: MESSAGES.quizTitle(role.name, q, QUIZ_LENGTH),
    summary: question,
    blocks: [
      { type: "progress", step: total, total },
      {
        type: "choices",
        prompt: question,
        choices: choices.map((c, pick) => ({ label: c.name, action: { do: "quiz", role: role.id, q, pick } })),
      },
    ],
    roles: [roleCard(role, 1)],
    actions: navigation(role, total),
    quiz: q,
  });
}

export function quizAnswer(ctx: AnswerContext, role: Role, q: number, pick: number): Answer {
  const total = TOUR_STEPS.length;
  const { owner, resp, choices } = quizItem(ctx, role, q);
  const chosen = choices[pick];
  const right = chosen?.id === owner.id;
  const verdict = right ? MESSAGES.quizRight(owner.name) : MESSAGES.quizWrong(owner.name, chosen?.name);
  const reason = `${owner.name}: ${resp?.statement ?? ""}`;
  const next: Action[] =
    q < QUIZ_LENGTH
      ? [{ label: MESSAGES.nextQuestionButton, action: { do: "quiz", role: role.id, q: q + 1 }, style: "primary" }]
      : [{ label: MESSAGES.doneButton, action: { do: "onboard", role: role.id, step: total + 1 }, style: "primary" }];
  return answer({
    intent: "onboarding",
    title: right ? MESSAGES.quizRightTitle : MESSAGES.quizWrongTitle,
    summary: verdict,
    blocks: [
      { type: "progress", step: total, total },
      { type: "text", text: plain(verdict) },
      { type: "text", text: plain(reason) },
    ],
    roles: [roleCard(role, 1)],
    actions: [{ label: MESSAGES.backButton, action: { do: "onboard", role: role.id, step: total - 1 } }, ...next],
    quiz: q,
  });
}
