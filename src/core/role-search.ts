/**
 * Roles by a partial name, for a search box (Teams' message extension): fuse.js over the roles' names,
 * short names, aliases and ids. Not a second matcher: it only finds roles by name, after the matcher has
 * had its say. Too loose to take a typed word for a role ("why?" finds the DWH engineer): `resolveRole` does not use it.
 */
import Fuse from "fuse.js";
import type { Role } from "./knowledge/types.js";

/** fuse.js scores a pattern letter by letter; a longer one only costs time. */
const MAX_PATTERN_CHARS = 100;

export interface RoleSearch {
  /** Roles whose names are like `text`, best first, each with a 0..1 score (1 = exact). */
  find(text: string): { role: Role; score: number }[];
}

export function createRoleSearch(roles: readonly Role[]): RoleSearch {
  // Cheap over a few role names, and it catches partial words typed into a search box.
  // Without includeScore fuse.js leaves every hit's score out: every hit would score 0 and none be the best.
  const fuse = new Fuse(roles, {
    keys: ["name", "short", "aliases", "id"],
    threshold: 0.35,
    ignoreLocation: true,
    includeScore: true,
  });
  const search = (text: string) => fuse.search(text.slice(0, MAX_PATTERN_CHARS));
  return {
    find: (text) => search(text).map((hit) => ({ role: hit.item, score: 1 - (hit.score ?? 1) })),
  };
}
