/**
 * The last turn of a conversation, read back from its TurnContext (ids and scores) into the knowledge's
 * roles and responsibilities, and what follow-ups take from it: its task in words, its ranking again.
 */
import type { TurnContext } from "../answer.js";
import type { IntentId } from "../intents.js";
import type { Knowledge, Neighbour, Responsibility, Role } from "../knowledge/types.js";
import type { RankedRole } from "../matcher.js";

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
