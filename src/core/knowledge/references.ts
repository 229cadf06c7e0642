/**
 * Where the knowledge names a role, for the error about an unknown one: a role removed (or its id changed)
 * is named in many places, and saying them all at once spares the data lead a run for each.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { KNOWLEDGE_FILES } from "./paths.js";

/**
 * `closest names an unknown role "x" (known: ...); it is named in 3 places in all: neighbours.yaml lines 9, 12;
 * roles/a.yaml line 40`. `subject` is the field that names it ("works_with"), or "" for a key that is the id.
 */
export function unknownRole(
  root: string,
  shown: (path: string) => string,
  subject: string,
  id: string,
  known: Iterable<string>,
): string {
  const problem = `${subject ? `${subject} ` : ""}names an unknown role "${id}" (known: ${[...known].join(", ")})`;
  const places = placesNaming(root, shown, id);
  const count = [...places.values()].reduce((n, lines) => n + lines.length, 0);
  if (count < 2) return problem;
  const where = [...places].map(([file, lines]) => `${file} line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}`);
  return `${problem}; it is named in ${count} places in all: ${where.join("; ")}`;
}

/** A comment, or an id being declared (a neighbour's "id: data-steward" is not a role named). */
const NOT_A_REFERENCE = /^\s*(?:#|(?:- )?id:)/;

/** The lines of each knowledge file that name `id` outside a comment. */
function placesNaming(root: string, shown: (path: string) => string, id: string): Map<string, number[]> {
  const { roles, ...single } = KNOWLEDGE_FILES;
  const dir = join(root, roles);
  const files = [
    ...Object.values(single).map((f) => join(root, f)),
    ...(existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /\.ya?ml$/i.test(f))
          .sort()
      : []
    ).map((f) => join(dir, f)),
  ];
  // An id is lower-case words joined by - or _ (ID_PATTERN): nothing in it needs escaping.
  const named = new RegExp(`(?<![\\w-])${id}(?![\\w-])`);
  const places = new Map<string, number[]>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => (!NOT_A_REFERENCE.test(line) && named.test(line) ? [i + 1] : []));
    if (lines.length > 0) places.set(shown(file), lines);
  }
  return places;
}
