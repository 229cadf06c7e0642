/**
 * A role's part in another role's task, from the knowledge's shared concerns (access, retention,
 * disaster-recovery, ...): "who sets the retention policy?", then "and the DBA?" is the DBA's purge jobs.
 */
import type { Responsibility, Role } from "../knowledge/types.js";

/**
 * A responsibility's name in words (its id and first keyword), endings cut ("indexing", "indexes": index) and
 * short words left out: enough to tell which of a role's tasks is about the same thing as another role's.
 */
const nameWords = (r: Responsibility) =>
  (`${r.id.replace(/-/g, " ")} ${r.keywords[0] ?? ""}`.toLowerCase().match(/[a-z]{4,}/g) ?? []).map((w) =>
    w.replace(/(?:ing|es|s)$/, ""),
  );

/**
 * The responsibility of `role` that shares a concern with `tasks`: the one whose name has most words in common
 * with theirs ("indexing approach": index maintenance, not query review), then the one sharing most concerns.
 * None when two are as good: that would be a guess.
 */
export function onSharedConcern(role: Role, tasks: readonly Responsibility[]): Responsibility | undefined {
  const concerns = new Set(tasks.flatMap((t) => t.concerns));
  const words = new Set(tasks.flatMap(nameWords));
  const scored = role.responsibilities
    .map((r) => {
      const shared = r.concerns.filter((c) => concerns.has(c)).length;
      const common = new Set(nameWords(r).filter((w) => words.has(w))).size;
      return { r, score: shared === 0 ? 0 : common * 10 + shared };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  return best && best.score !== next?.score ? best.r : undefined;
}
