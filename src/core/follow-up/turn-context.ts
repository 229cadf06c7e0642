/**
 * The TurnContext (see answer.ts) an answer leaves for the next turn. Read from the answer alone, so
 * a button's answer leaves one as a typed question's does.
 */
import type { Answer, TurnContext } from "../answer.js";
import type { IntentId } from "../intents.js";

/** Enough to lean on; a context is never larger than this. */
export const MAX_CONTEXT_ROLES = 4;
export const MAX_CONTEXT_TASKS = 8;

export const taskRef = (roleId: string, responsibilityId: string) => `${roleId}/${responsibilityId}`;

/** Intents whose answers are about no role in particular: nothing for a follow-up to lean on. */
const NO_FOCUS: ReadonlySet<IntentId> = new Set(["list_roles", "out_of_scope"]);
/** Small talk: the conversation is still about what came before it ("thanks!", then "and the architect?"). */
const KEEPS_PREVIOUS: ReadonlySet<IntentId> = new Set(["greeting", "help"]);

/**
 * The context an answer leaves. A greeting or help keeps the one before it (`previous`); an answer
 * without a role in focus leaves an empty one, so the next message is read on its own.
 */
export function contextOf(answer: Answer, previous?: TurnContext): TurnContext | undefined {
  if (KEEPS_PREVIOUS.has(answer.intent)) return previous;
  const tour = answer.intent === "onboarding" ? answer.roles[0]?.id : undefined;
  const starting = tour ?? previous?.starting;
  const neighbour = answer.neighbour?.id;
  const [shown] = answer.blocks.flatMap((b) => (b.type === "progress" ? [b.step] : []));
  // A question asked mid-tour keeps the tour's step, so "next" after it goes on with the tour; the tour's end
  // (a step past the last, with no progress shown) leaves none.
  const step = tour ? shown : previous?.step;
  const quiz = tour ? answer.quiz : previous?.quiz;
  const kept = {
    ...(starting ? { starting } : {}),
    ...(neighbour ? { neighbour } : {}),
    ...(starting && step !== undefined ? { step } : {}),
    ...(starting && step !== undefined && quiz !== undefined ? { quiz } : {}),
    ...(answer.listed ? { listed: answer.listed } : {}),
  };
  if (NO_FOCUS.has(answer.intent)) return { intent: answer.intent, roles: [], tasks: [], ...kept };
  const who = answer.intent === "who_does";
  const { roles, tasks } = answer.parts ? focusOfParts(answer.parts) : focusOf(answer);
  // "What does an architect do?", "and the DBA?", then "how are they different?": the role described just
  // before stays in the conversation, second.
  // So does the owner of the task asked about just before ("who designs the partitioning?", "and who restores a
  // dropped table?", then "how do they work together?"), with no score of its own in this answer.
  const sameKind = previous?.intent === answer.intent && (who || answer.intent === "describe_role");
  const before = sameKind ? previous?.roles[0] : undefined;
  if (before && roles.length === 1 && roles[0]?.id !== before.id) roles.push(who ? { id: before.id, score: 0 } : before);
  return { intent: answer.intent, roles, tasks: [...new Set(tasks)].slice(0, MAX_CONTEXT_TASKS), ...kept };
}

type Focus = { roles: TurnContext["roles"]; tasks: string[] };

/** The roles and tasks one answer is about. */
function focusOf(answer: Answer): Focus {
  if (NO_FOCUS.has(answer.intent)) return { roles: [], tasks: [] };
  const who = answer.intent === "who_does";
  // Other intents' roles asked about are the cards scored 1 ("named outright"): a collaboration answer
  // lists the partners too, at a lower score.
  const cards = who ? answer.roles : answer.roles.filter((r) => r.score === 1);
  const roles = cards.slice(0, who ? MAX_CONTEXT_ROLES : 2).map((r) => ({ id: r.id, score: r.score }));
  const tasks = who ? answer.roles.flatMap((r) => r.evidence.map((e) => taskRef(r.id, e.responsibilityId))) : [];
  return { roles, tasks };
}

/**
 * Several questions in one message: each question's top role, in the order asked, then each one's tasks, so
 * "who restores a dropped table and who designs the partitioning?", then "how do they work together?" means both.
 */
function focusOfParts(parts: readonly Answer[]): Focus {
  const focus = parts.map(focusOf);
  const roles = focus.flatMap((f) => f.roles.slice(0, 1));
  const unique = roles.filter((r, i) => roles.findIndex((x) => x.id === r.id) === i).slice(0, MAX_CONTEXT_ROLES);
  return { roles: unique, tasks: focus.flatMap((f) => f.tasks) };
}
