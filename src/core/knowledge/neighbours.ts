/**
 * intents/neighbours.yaml, optional: the jobs next to the modelled roles. Checked like the rest of the
 * knowledge, and against the roles: every closest (and beside) role exists, and two neighbours never share a title.
 * A role file wins over the list: an organisation that models a job itself (adds roles/data-scientist.yaml,
 * or gives a role the alias "BI developer") needs no edit here; that neighbour, or that title of it, is
 * set aside.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { KnowledgeError } from "./errors.js";
import { KNOWLEDGE_FILES } from "./paths.js";
import { unknownRole } from "./references.js";
import { neighboursFileSchema } from "./schema.js";
import type { Neighbour, Role } from "./types.js";
import { lineOf, parseYamlFile, rejectRepeats, validate } from "./yaml-file.js";

/** A title as written, for telling two titles apart: lower case, one space between words. */
export const title = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export function loadNeighbours(root: string, shown: (path: string) => string, roles: readonly Role[]): Neighbour[] {
  const path = join(root, KNOWLEDGE_FILES.neighbours);
  if (!existsSync(path)) return [];
  const parsed = parseYamlFile(path, shown(path));
  const { neighbours } = validate(parsed, neighboursFileSchema);
  const fail = (at: PropertyKey[], problem: string): never => {
    throw new KnowledgeError("KNOWLEDGE_INVALID", parsed.file, lineOf(parsed, ["neighbours", ...at]), problem);
  };
  rejectRepeats(
    parsed,
    neighbours.map((n) => n.id),
    (i) => ["neighbours", i, "id"],
    (id) => `neighbour id "${id}" appears twice`,
  );
  const roleIds = new Set(roles.map((r) => r.id));
  const roleTitles = new Set(roles.flatMap((r) => [r.name, ...r.aliases]).map(title));
  const seen = new Map<string, string>();
  neighbours.forEach((n, i) => {
    n.closest.forEach((id, k) => {
      if (!roleIds.has(id)) fail([i, "closest", k], unknownRole(root, shown, "closest", id, roleIds));
    });
    for (const id of Object.keys(n.beside))
      if (!roleIds.has(id)) fail([i, "beside", id], unknownRole(root, shown, "beside", id, roleIds));
    n.aliases.forEach((alias, k) => {
      const t = title(alias);
      const other = seen.get(t);
      if (other && other !== n.id) fail([i, "aliases", k], `"${alias}" is also a title of the neighbour "${other}"`);
      seen.set(t, n.id);
    });
  });
  return neighbours
    .filter((n) => !roleIds.has(n.id))
    .map((n) => ({ ...n, aliases: n.aliases.filter((a) => !roleTitles.has(title(a))) }))
    .filter((n) => n.aliases.length > 0);
}
