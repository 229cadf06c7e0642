/** Find the roles a message names ("DBA", "data warehouse developer", "architect"), in order. */
import type { Role } from "../knowledge/types.js";
import { type Analysis, PhraseMap, stem } from "./analyzer.js";
import { normalise } from "./normalise.js";

export interface RoleMention {
  roleId: string;
  start: number;
  end: number;
}

export interface RoleFinder {
  find(analysis: Analysis): RoleMention[];
  /** The role a free-text name or id means, e.g. from a `/whodoes onboard dba` argument. */
  resolve(name: string): string | undefined;
}

export function createRoleFinder(roles: readonly Role[]): RoleFinder {
  const names = new PhraseMap<string>();
  for (const role of roles) {
    // A role's one-line character names it too ("the system designer").
    const character = role.character.replace(/^the\s+/i, "");
    for (const alias of [role.id.replace(/[-_]/g, " "), role.name, role.short, character, ...role.aliases]) {
      const stems = normalise(alias).map(stem);
      // The first role to claim an alias keeps it, so file order decides and the result is stable.
      if (!names.has(stems)) names.set(stems, role.id);
    }
  }
  const byId = new Set(roles.map((r) => r.id));

  function find(analysis: Analysis): RoleMention[] {
    const found: RoleMention[] = [];
    for (const m of names.matches(analysis.stems)) found.push({ roleId: m.value, start: m.start, end: m.end });
    return found;
  }

  return {
    find,
    resolve(name) {
      if (byId.has(name)) return name;
      const stems = normalise(name).map(stem);
      const hits = [...names.matches(stems)];
      return hits.length === 1 && hits[0]?.start === 0 && hits[0].end === stems.length ? hits[0].value : undefined;
    },
  };
}
