/**
 * The last turn of a conversation, read back from its TurnContext (ids and scores) into the knowledge's
 * roles and responsibilities, and what follow-ups take from it: its task in words, its ranking again, a
 * role's part in its task.
 */
import type { TurnContext } from "../answer.js";
import type { IntentId } from "../intents.js";
import type { Knowledge, Neighbour, Responsibility, Role } from "../knowledge/types.js";
import type { Matcher, RankedRole } from "../matcher.js";
import { onSharedConcern } from "./shared-concern.js";

/** The last turn, with what the knowledge no longer holds (after a reload) left out. */
export interface Last {
  intent: IntentId;
  roles: { role: Role; score: number }[];
  tasks: { role: Role; responsibility: Responsibility }[];
  /** The role the asker is starting in (TurnContext.starting). */
  starting?: Role;
  /** The neighbouring role the last answer was about (TurnContext.neighbour). */
  neighbour?: Neighbour;
}

/** Reads a TurnContext against the knowledge, leaving out what it no longer holds (after a reload). */
export function createLastTurnReader(knowledge: Knowledge): (previous: TurnContext) => Last {
  const byId = new Map(knowledge.roles.map((r) => [r.id, r]));
  return function lastTurn(previous: TurnContext): Last {
    const roles = previous.roles.flatMap((r) => {
      const role = byId.get(r.id);
      return role ? [{ role, score: r.score }] : [];
    });
    const tasks = previous.tasks.flatMap((ref) => {
      const [roleId, id] = ref.split("/");
      const role = byId.get(roleId ?? "");
      const responsibility = role?.responsibilities.find((x) => x.id === id);
      return role && responsibility ? [{ role, responsibility }] : [];
    });
    const starting = previous.starting ? byId.get(previous.starting) : undefined;
    const neighbour = knowledge.neighbours.find((n) => n.id === previous.neighbour);
    return { intent: previous.intent, roles, tasks, ...(starting ? { starting } : {}), ...(neighbour ? { neighbour } : {}) };
  };
}

/** The task of the last turn in the knowledge's own words: each responsibility's first keyword. */
export const taskText = (last: Last) =>
  [...new Set(last.tasks.map((t) => t.responsibility.keywords[0] ?? t.responsibility.statement))].join(" and ");

/** The last who_does answer's ranking again, from the context alone. */
export function lastRanking(last: Last): RankedRole[] {
  const top = last.roles[0]?.score || 1;
  return last.roles.map(({ role, score }) => ({
    role,
    score,
    relative: score / top,
    evidence: last.tasks
      .filter((t) => t.role === role)
      .map((t) => ({ responsibility: t.responsibility, relative: 1, terms: [], highlight: [] })),
  }));
}

/**
 * `role`'s part in the last turn's task: from that answer, else from the task's words read again, else its
 * own work on the same shared concern ("who sets the retention policy?", "and the DBA?": the purge jobs).
 */
export function partIn(matcher: Matcher, last: Last, role: Role): RankedRole | undefined {
  return partsIn(matcher, last, [role])[0];
}

/** The parts of several roles in the last turn's task, as partIn finds each, the task read again at most once. */
export function partsIn(matcher: Matcher, last: Last, roles: readonly Role[]): RankedRole[] {
  let read: RankedRole[] | undefined;
  const again = () => {
    read ??= matcher.match(taskText(last)).ranked;
    return read;
  };
  return roles.flatMap((role) => {
    const shown = lastRanking(last).find((r) => r.role === role && r.evidence.length > 0);
    if (shown) return [shown];
    if (last.tasks.length === 0) return [];
    const found = again().find((r) => r.role === role);
    if (found) return [found];
    const shared = onSharedConcern(
      role,
      last.tasks.map((t) => t.responsibility),
    );
    if (!shared) return [];
    const evidence = [{ responsibility: shared, relative: 1, terms: [], highlight: [] }];
    return [{ role, score: last.roles[0]?.score ?? 1, relative: 1, evidence }];
  });
}
