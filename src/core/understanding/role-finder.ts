/**
 * Find the roles a message names ("DBA", "data warehouse developer", "architect"), in order, and the
 * neighbouring roles it names ("data scientist", "sysadmin"): jobs the knowledge knows of but does not model.
 */
import type { Neighbour, Role } from "../knowledge/types.js";
import { type Analysis, PhraseMap, stem } from "./analyzer.js";
import { foldPlural, normalise } from "./normalise.js";

export interface RoleMention {
  roleId: string;
  start: number;
  end: number;
}

export interface NeighbourMention {
  neighbourId: string;
  start: number;
  end: number;
}

export interface RoleFinder {
  find(analysis: Analysis): RoleMention[];
  /** The neighbouring roles a message names, in order. A title is one or the other: the longest match wins. */
  neighbours(analysis: Analysis): NeighbourMention[];
  /** The role a free-text name or id means, e.g. from a `/whodoes onboard dba` argument. */
  resolve(name: string): string | undefined;
}

/** "a data management plan": a plan named after a role's field is a document, not the role. */
const PLAN: ReadonlySet<string> = new Set(["plan", "plans"]);

const inside = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start >= b.start && a.end <= b.end && a.end - a.start < b.end - b.start;

/**
 * @param wordsOf a text's words as messages are read (the thesaurus's abbreviations spelt out: "sql admin" is
 * read "sql administrator"), so a title is found in the same words as the message it is in
 */
export function createRoleFinder(
  roles: readonly Role[],
  neighbours: readonly Neighbour[] = [],
  wordsOf: (text: string) => string[] = normalise,
): RoleFinder {
  // Aliases match by stem ("DBAs", "data engineering"), but a word shorter than the alias's own is another word
  // with the same stem: "database engine" is not the "database engineer", "data manage" not the data manager.
  const names = new PhraseMap<{ roleId: string; shortest: number[] }>();
  for (const role of roles) {
    // A role's one-line character names it too ("the system designer").
    const character = role.character.replace(/^the\s+/i, "");
    for (const alias of [role.id.replace(/[-_]/g, " "), role.name, role.short, character, ...role.aliases]) {
      const words = wordsOf(alias);
      const stems = words.map(stem);
      const lengths = words.map((w) => foldPlural(w).length);
      const claimed = names.get(stems);
      // The first role to claim an alias keeps it, so file order decides and the result is stable.
      if (!claimed) names.set(stems, { roleId: role.id, shortest: lengths });
      else claimed.shortest = claimed.shortest.map((n, i) => Math.min(n, lengths[i] ?? n));
    }
  }
  const wordsLongEnough = (analysis: Analysis, m: { start: number; end: number; value: { shortest: number[] } }) =>
    m.value.shortest.every((n, i) => foldPlural(analysis.words[m.start + i] ?? "").length >= n);
  const titles = new PhraseMap<string>();
  for (const n of neighbours)
    for (const alias of [n.name, ...n.aliases]) {
      const words = wordsOf(alias).map(foldPlural);
      if (!titles.has(words)) titles.set(words, n.id);
    }
  // Beside a role, some titles mean another job: "developer" next to "DBA" is the database developer.
  const besides = new Map<string, Map<string, string>>();
  for (const n of neighbours)
    for (const [roleId, aliases] of Object.entries(n.beside)) {
      const byTitle = besides.get(roleId) ?? new Map<string, string>();
      for (const alias of aliases) byTitle.set(wordsOf(alias).map(foldPlural).join(" "), n.id);
      besides.set(roleId, byTitle);
    }
  // Titles that are a job only beside a role ("ML" in "data engineer to ML"): alone they are a field or a topic.
  const besideOnly = new PhraseMap<true>();
  for (const byTitle of besides.values())
    for (const title of byTitle.keys()) if (!titles.has(title.split(" "))) besideOnly.set(title.split(" "), true);
  const byId = new Set(roles.map((r) => r.id));
  /** The job a title means beside one of the roles named, if any. */
  const besideNamed = (named: readonly RoleMention[], title: string) =>
    named.map((r) => besides.get(r.roleId)?.get(title)).find((id) => id);

  function both(analysis: Analysis): { roles: RoleMention[]; neighbours: NeighbourMention[] } {
    const roles: RoleMention[] = [];
    for (const m of names.matches(analysis.stems))
      if (wordsLongEnough(analysis, m) && !PLAN.has(analysis.words[m.end] ?? ""))
        roles.push({ roleId: m.value.roleId, start: m.start, end: m.end });
    if (neighbours.length === 0) return { roles, neighbours: [] };
    const found: NeighbourMention[] = [];
    const folded = analysis.words.map(foldPlural);
    for (const m of titles.matches(folded)) {
      const title = folded.slice(m.start, m.end).join(" ");
      const meant = besideNamed(roles, title);
      found.push({ neighbourId: meant ?? m.value, start: m.start, end: m.end });
    }
    for (const m of besideOnly.matches(folded)) {
      const title = folded.slice(m.start, m.end).join(" ");
      const meant = besideNamed(roles, title);
      if (meant && !found.some((n) => n.start < m.end && m.start < n.end))
        found.push({ neighbourId: meant, start: m.start, end: m.end });
    }
    // The longer title wins: "solutions architect" is not the architect, "ETL developer" not a developer.
    return {
      roles: roles.filter((r) => !found.some((n) => inside(r, n))),
      neighbours: found.filter((n) => !roles.some((r) => inside(n, r) || (r.start === n.start && r.end === n.end))),
    };
  }

  return {
    find: (analysis) => both(analysis).roles,
    neighbours: (analysis) => both(analysis).neighbours,
    resolve(name) {
      if (byId.has(name)) return name;
      const stems = wordsOf(name).map(stem);
      const hits = [...names.matches(stems)];
      return hits.length === 1 && hits[0]?.start === 0 && hits[0].end === stems.length ? hits[0].value.roleId : undefined;
    },
  };
}
