/**
 * who_does: the role that owns a task, with the evidence; every role involved when the task is a
 * shared concern (the architect designs DR, the DBA implements it); both when too close to call.
 */
import type { Answer, Block, Evidence, RoleCard } from "../answer.js";
import type { ResponsibilityMatch } from "../understanding/responsibility-index.js";
import { SETTINGS } from "../understanding/settings.js";
import type { RoleRanking } from "../understanding/understand.js";
import { type AnswerContext, answer, nextSteps, peopleBlocks, roleCard, round } from "./context.js";
import { MESSAGES } from "./messages.js";
import { emphasise, plain } from "./rich-text.js";

function evidenceOf(ctx: AnswerContext, m: ResponsibilityMatch): Evidence {
  const concepts = new Set(m.concepts);
  const statement = m.entry.responsibility.statement;
  return {
    responsibilityId: m.entry.responsibility.id,
    statement: emphasise(statement, ctx.understander.matchedWords(statement, concepts)),
    terms: m.concepts,
  };
}

function card(ctx: AnswerContext, r: RoleRanking, score: number, shared: boolean): RoleCard {
  const best = r.matches[0];
  const evidence = r.matches.filter((m) => best && m.raw >= best.raw * 0.6).map((m) => evidenceOf(ctx, m));
  const how = shared ? best?.entry.responsibility.how : undefined;
  return roleCard(r.role, score, { evidence, ...(how ? { how: plain(how) } : {}) });
}

export function whoDoes(ctx: AnswerContext, ranking: RoleRanking[]): Answer {
  const [top, ...rest] = ranking;
  if (!top) throw new Error("whoDoes needs at least one ranked role");
  const concerns = new Set(top.matches[0]?.entry.responsibility.concerns ?? []);
  const sharesConcern = (r: RoleRanking) => r.matches.some((m) => m.entry.responsibility.concerns.some((c) => concerns.has(c)));
  const shared = rest.filter(sharesConcern).slice(0, SETTINGS.maxRolesShown - 1);
  const close = rest.filter((r) => !shared.includes(r) && r.raw >= top.raw * SETTINGS.tooCloseRatio).slice(0, 1);

  const scoreOf = (r: RoleRanking) => round(top.confidence * (r.raw / top.raw));
  const topCard = card(ctx, top, top.confidence, shared.length > 0);
  const sharedCards = shared.map((r) => card(ctx, r, scoreOf(r), true));
  const closeCards = close.map((r) => card(ctx, r, scoreOf(r), false));

  const blocks: Block[] = [{ type: "role", role: topCard }, ...peopleBlocks(ctx, [top.role])];
  // Asked who holds a role ("who's the DBA here?"), with no task to show as evidence: say what it does.
  if (top.matches.length === 0) blocks.push({ type: "text", text: plain(top.role.summary) });
  if (top.role.note) blocks.push({ type: "text", text: plain(top.role.note) });
  if (sharedCards.length > 0) {
    blocks.push({ type: "text", text: plain(MESSAGES.sharedIntro) });
    shared.forEach((r, i) => {
      const card = sharedCards[i];
      if (card) blocks.push({ type: "role", role: card }, ...peopleBlocks(ctx, [r.role]));
    });
  }
  if (closeCards.length > 0)
    blocks.push({
      type: "choices",
      prompt: MESSAGES.didYouMean,
      choices: [topCard, ...closeCards].map((c) => ({ label: c.name, action: { do: "describe", role: c.id } })),
    });

  const statement = top.matches[0]?.entry.responsibility.statement ?? top.role.summary;
  const second = ranking[1]?.role;
  return answer({
    intent: "who_does",
    title: MESSAGES.whoDoesTitle(top.role.name),
    summary: MESSAGES.whoDoesSummary(top.role.name, top.role.character, statement),
    blocks,
    roles: [topCard, ...sharedCards, ...closeCards],
    actions: nextSteps(ctx, top.role, "who_does", second ? { compareWith: second } : {}),
  });
}
