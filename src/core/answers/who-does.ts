/**
 * who_does: the role that owns a task, with the evidence; every role involved when the task is a
 * shared concern (the architect designs DR, the DBA implements it); both when too close to call.
 */
import type { Action, Answer, Block, Evidence, RoleCard } from "../answer.js";
import type { MatchedResponsibility, RankedRole } from "../matcher.js";
import { type AnswerContext, answer, nextSteps, peopleBlocks, roleCard, round } from "./context.js";
import { DISPLAY } from "./display.js";
import { MESSAGES } from "./messages.js";
import { highlight, plain } from "./rich-text.js";

function evidenceOf(m: MatchedResponsibility): Evidence {
  return {
    responsibilityId: m.responsibility.id,
    statement: highlight(m.responsibility.statement, m.highlight),
    terms: m.terms,
  };
}

/**
 * A role's card; on a shared concern, with its part in it: the part from its evidence that shares most of the
 * concerns asked about ("scalability and high availability": the DBA keeps the databases up, not its monitoring).
 * The evidence itself stays in the order it matched.
 */
function card(r: RankedRole, score: number, shared: ReadonlySet<string> | undefined): RoleCard {
  const evidence = r.evidence.filter((m) => m.relative >= DISPLAY.evidenceShare).map(evidenceOf);
  const common = (m: MatchedResponsibility) => m.responsibility.concerns.filter((c) => shared?.has(c)).length;
  // On a tie, the more specific part: the one with fewer concerns of its own.
  const part = shared
    ? [...r.evidence].sort(
        (a, b) => common(b) - common(a) || a.responsibility.concerns.length - b.responsibility.concerns.length,
      )[0]
    : undefined;
  const how = part?.responsibility.how;
  return roleCard(r.role, score, { evidence, ...(how ? { how: plain(how) } : {}) });
}

/** `everyPart`: the message asked who takes part, so every ranked role is shown with its part. */
export function whoDoes(ctx: AnswerContext, ranked: readonly RankedRole[], everyPart = false): Answer {
  const [top, ...rest] = ranked;
  if (!top) throw new Error("whoDoes needs at least one ranked role");
  const concerns = new Set(top.evidence[0]?.responsibility.concerns ?? []);
  const sharesConcern = (r: RankedRole) =>
    everyPart || r.evidence.some((m) => m.responsibility.concerns.some((c) => concerns.has(c)));
  // Asked who takes part, every role with a part is shown, and none is a rival owner "too close to call".
  const shared = everyPart ? rest : rest.filter(sharesConcern).slice(0, DISPLAY.maxRolesShown - 1);
  const topTerms = new Set(top.evidence.flatMap((m) => m.terms));
  const otherPart = (r: RankedRole) =>
    r.relative >= DISPLAY.otherPartRatio && r.evidence.some((m) => m.terms.some((t) => !topTerms.has(t)));
  const close = rest.filter((r) => !shared.includes(r) && (r.relative >= DISPLAY.tooCloseRatio || otherPart(r))).slice(0, 1);

  const topCard = card(top, top.score, shared.length > 0 ? concerns : undefined);
  const sharedCards = shared.map((r) => card(r, round(r.score), concerns));
  const closeCards = close.map((r) => card(r, round(r.score), undefined));

  // One word in common with a long message about something else is a guess, not an owner; so is the
  // closest role to a question about data that matched no task. Say so, and offer it as a "did you
  // mean" rather than an answer.
  const doubt = top.guess
    ? MESSAGES.guess
    : top.score < DISPLAY.unsureScore && (top.evidence[0]?.terms.length ?? 0) <= 1
      ? MESSAGES.unsure
      : top.score < DISPLAY.lowConfidence
        ? MESSAGES.weak
        : undefined;
  // Asked who holds a role ("who's the DBA here?"), with no task to show as evidence: the people who do, or that
  // no one is listed, then what the role does.
  const holder = top.evidence.length === 0 && !top.guess;
  const people = peopleBlocks(ctx, [top.role]);
  const blocks: Block[] = [
    ...(doubt ? [{ type: "text" as const, text: plain(doubt) }] : []),
    { type: "role", role: topCard },
    ...(holder && people.length === 0 ? [{ type: "text" as const, text: plain(MESSAGES.nobodyListed) }] : people),
  ];
  if (top.evidence.length === 0) blocks.push({ type: "text", text: plain(top.role.summary) });
  if (sharedCards.length > 0) {
    blocks.push({ type: "text", text: plain(MESSAGES.sharedIntro) });
    shared.forEach((r, i) => {
      const card = sharedCards[i];
      if (card) blocks.push({ type: "role", role: card }, ...peopleBlocks(ctx, [r.role]));
    });
  }
  // Too close to call: the runner-up is shown too, not only offered as a button, so the choice below reads
  // after both roles' evidence.
  close.forEach((r, i) => {
    const card = closeCards[i];
    if (card) blocks.push({ type: "role", role: card }, ...peopleBlocks(ctx, [r.role]));
  });
  const offered = closeCards.length > 0 || doubt ? [topCard, ...closeCards] : [];
  if (offered.length > 0)
    blocks.push({
      type: "choices",
      prompt: closeCards.length > 0 ? MESSAGES.didYouMean : MESSAGES.unsureChoices,
      choices: offered.map((c) => ({ label: c.name, action: { do: "describe", role: c.id } })),
    });
  // A role offered as a choice above is not offered again below ("What does a DWH engineer do?").
  const notOffered = ({ action }: Action) => !(action.do === "describe" && offered.some((c) => c.id === action.role));

  const statement = top.evidence[0]?.responsibility.statement ?? top.role.summary;
  const second = ranked[1]?.role;
  const handoff =
    closeCards.length > 0
      ? { reason: "did_you_mean" as const, roles: [topCard.id, ...closeCards.map((c) => c.id)] }
      : top.score < DISPLAY.lowConfidence
        ? { reason: "low_confidence" as const, roles: [topCard.id] }
        : undefined;
  return answer({
    intent: "who_does",
    title: top.role.name,
    summary: `${doubt ? `${doubt} ` : ""}${MESSAGES.whoDoesSummary(top.role.name, top.role.character, statement)}`,
    blocks,
    // Best first, always: a close runner-up may score above a role that only shares the concern.
    roles: [topCard, ...[...sharedCards, ...closeCards].sort((a, b) => b.score - a.score)],
    actions: nextSteps(ctx, top.role, "who_does", second ? { compareWith: second } : {}).filter(notOffered),
    ...(handoff ? { handoff } : {}),
  });
}
