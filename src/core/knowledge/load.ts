export { KnowledgeError } from "./errors.js";
export { DEFAULT_INTENTS_DIR, KNOWLEDGE_FILES } from "./paths.js";
export { MAX_KNOWLEDGE_FILE_BYTES, MAX_YAML_ALIASES } from "./yaml-file.js";

/**
 * Load and check an intents/ directory. A mistake in a file is reported as one KnowledgeError
 * naming the file, the line and what is wrong: it is a user's data mistake, not a crash.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { INTENT_IDS } from "../intents.js";
import { KnowledgeError } from "./errors.js";
import { loadNeighbours, title } from "./neighbours.js";
import { DEFAULT_INTENTS_DIR, KNOWLEDGE_FILES } from "./paths.js";
import { unknownRole } from "./references.js";
import {
  comparisonFileSchema,
  directoryFileSchema,
  intentsFileSchema,
  otherDepartmentsFileSchema,
  type RoleFile,
  roleFileSchema,
  thesaurusFileSchema,
} from "./schema.js";
import type { Comparison, Contacts, DirectoryFormat, Glance, Knowledge, PlatformContacts, Role } from "./types.js";
import { lineOf, type Parsed, parseYamlFile, rejectRepeats, validate } from "./yaml-file.js";

function yamlFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir)
      // Editors on Windows may save "Data-Engineer.YAML": a role file is read whatever the case of its extension.
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => join(dir, f))
  );
}

export interface LoadOptions {
  /**
   * The platforms' sections of directory.yaml (adapters/platforms.ts lists them), each checked by its
   * own format; any other section is an unknown field. Default: none.
   */
  platforms?: readonly DirectoryFormat[];
}

/** Load every file of an intents/ directory and check it, and the references between files. */
export function loadKnowledge(dir: string = DEFAULT_INTENTS_DIR, options: LoadOptions = {}): Knowledge {
  const root = resolve(dir);
  const shown = (path: string) => relative(process.cwd(), path) || basename(path);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new KnowledgeError("KNOWLEDGE_NOT_FOUND", dir, undefined, "is not a directory of knowledge files");

  const need = (name: string) => {
    const path = join(root, name);
    if (!existsSync(path)) throw new KnowledgeError("KNOWLEDGE_NOT_FOUND", shown(path), undefined, "is missing");
    return parseYamlFile(path, shown(path));
  };

  const { intents, personalWords, providerWords, departments } = withOtherDepartments(
    listedIntents(need(KNOWLEDGE_FILES.intents)).map(({ context_cues, ...intent }) => ({
      ...intent,
      contextCues: context_cues,
    })),
    root,
    shown,
  );
  const {
    data_nouns: dataNouns,
    everyday_data_nouns: everydayDataNouns,
    ...thesaurusRest
  } = validate(need(KNOWLEDGE_FILES.thesaurus), thesaurusFileSchema);
  const thesaurus = { ...thesaurusRest, dataNouns, everydayDataNouns };

  const roleFiles = readRoleFiles(root, shown);
  const comparison = loadComparison(root, shown);
  const { roles, files } = rolesOf(roleFiles, comparison, root, shown);
  const { directory, triage } = loadDirectory(root, files, shown, options.platforms ?? []);
  return {
    dir: root,
    roles,
    intents,
    thesaurus,
    comparison,
    neighbours: loadNeighbours(root, shown, roles),
    directory,
    ...(triage ? { triage } : {}),
    ...(personalWords ? { personalWords } : {}),
    ...(providerWords ? { providerWords } : {}),
    ...(departments ? { departments } : {}),
  };
}

/** The role files of intents/roles/, parsed; there must be at least one. */
function readRoleFiles(root: string, shown: (path: string) => string): Parsed[] {
  const files = yamlFilesIn(join(root, KNOWLEDGE_FILES.roles)).map((path) => parseYamlFile(path, shown(path)));
  if (files.length === 0)
    throw new KnowledgeError(
      "KNOWLEDGE_NOT_FOUND",
      shown(join(root, KNOWLEDGE_FILES.roles)),
      undefined,
      "holds no role files (*.yaml)",
    );
  return files;
}

/**
 * Each role file checked (its id used once, its responsibilities and partners each named once, every partner
 * another role that exists) and read as a Role; with the file that gives each role id, for references to them.
 */
function rolesOf(
  roleFiles: readonly Parsed[],
  comparison: Comparison,
  root: string,
  shown: (path: string) => string,
): { roles: Role[]; files: Map<string, string> } {
  const roles: Role[] = [];
  const files = new Map<string, string>(); // role id -> the file that gives it
  const parsedRoles = roleFiles.map((p) => ({ p, role: validate(p, roleFileSchema) }));
  for (const { p, role } of parsedRoles) {
    const first = files.get(role.id);
    if (first)
      throw new KnowledgeError("KNOWLEDGE_INVALID", p.file, lineOf(p, ["id"]), `id "${role.id}" is already used by ${first}`);
    files.set(role.id, p.file);
    rejectRepeats(
      p,
      role.responsibilities.map((r) => r.id),
      (i) => ["responsibilities", i, "id"],
      (id) => `responsibility id "${id}" appears twice`,
    );
    rejectRepeats(
      p,
      role.works_with.map((w) => w.role),
      (i) => ["works_with", i, "role"],
      (id) => `works_with names "${id}" twice (say all of how they work together in one entry)`,
    );
  }
  rejectSharedTitles(parsedRoles);
  for (const { p, role } of parsedRoles) {
    role.works_with.forEach((w, i) => {
      if (!files.has(w.role))
        throw new KnowledgeError(
          "KNOWLEDGE_INVALID",
          p.file,
          lineOf(p, ["works_with", i, "role"]),
          unknownRole(root, shown, "works_with", w.role, files.keys()),
        );
      if (w.role === role.id)
        throw new KnowledgeError(
          "KNOWLEDGE_INVALID",
          p.file,
          lineOf(p, ["works_with", i, "role"]),
          "a role cannot work with itself",
        );
    });
    roles.push({
      id: role.id,
      name: role.name,
      short: role.short ?? role.name,
      character: role.character,
      aliases: role.aliases,
      summary: role.summary,
      ...(role.note ? { note: role.note } : {}),
      responsibilities: role.responsibilities.map((r) => ({
        id: r.id,
        statement: r.statement,
        keywords: r.keywords,
        concerns: r.concerns,
        ...(r.how ? { how: r.how } : {}),
      })),
      actions: role.actions,
      tools: role.tools,
      example: role.example,
      worksWith: role.works_with,
      firstWeek: role.first_week,
      glance: glanceOf(p, role, comparison),
    });
  }
  return { roles, files };
}

/**
 * intents.yaml's intents, each listed once: one left out (or deleted by mistake) would quietly never be
 * answered ("hello" read as out of scope without its greeting entry).
 */
function listedIntents(p: Parsed) {
  const { intents } = validate(p, intentsFileSchema);
  const ids = intents.map((i) => i.id);
  rejectRepeats(
    p,
    ids,
    (i) => ["intents", i, "id"],
    (id) => `the intent "${id}" is listed twice`,
  );
  const unlisted = INTENT_IDS.filter((id) => !ids.includes(id));
  if (unlisted.length > 0)
    throw new KnowledgeError(
      "KNOWLEDGE_INVALID",
      p.file,
      lineOf(p, ["intents"]),
      `intents: ${unlisted.map((id) => `"${id}"`).join(", ")} ${unlisted.length === 1 ? "is" : "are"} not listed; every kind of question needs its entry (its cues and examples may be empty)`,
    );
  return intents;
}

/**
 * A role's name, short name or alias names that role alone: the first file read keeps a title two roles give,
 * so the second would quietly take the other's questions, or lose its own ("dba" added to the data manager's
 * aliases answered "what does a dba do?" with the data manager).
 */
function rejectSharedTitles(parsedRoles: readonly { p: Parsed; role: RoleFile }[]): void {
  const owners = new Map<string, { id: string; at: string }>();
  for (const { p, role } of parsedRoles) {
    const titles = [
      { text: role.name, at: ["name"] },
      ...(role.short ? [{ text: role.short, at: ["short"] }] : []),
      ...role.aliases.map((text, i) => ({ text, at: ["aliases", i] })),
    ];
    for (const { text, at } of titles) {
      const line = lineOf(p, at);
      // Plurals folded, as messages are read: "data engineers" on one role is "data engineer" on another.
      const key = title(text).replace(/s\b/g, "");
      const owner = owners.get(key);
      // Both places are named: the files are read in name order, so the one edited may be either.
      if (owner && owner.id !== role.id)
        throw new KnowledgeError(
          "KNOWLEDGE_INVALID",
          p.file,
          line,
          `"${text}" is also a name of the role "${owner.id}" (${owner.at}): a name or alias may belong to one role only`,
        );
      owners.set(key, { id: role.id, at: `${p.file}:${line}` });
    }
  }
}

/**
 * comparison.yaml: the labels of the comparison of all roles. Optional, so that a knowledge folder made
 * before it existed still loads: without one, the shipped file's labels are used.
 */
function loadComparison(root: string, shown: (path: string) => string): Comparison {
  const own = join(root, KNOWLEDGE_FILES.comparison);
  const path = existsSync(own) ? own : join(DEFAULT_INTENTS_DIR, KNOWLEDGE_FILES.comparison);
  if (!existsSync(path)) throw new KnowledgeError("KNOWLEDGE_NOT_FOUND", shown(own), undefined, "is missing");
  const parsed = parseYamlFile(path, shown(path));
  const file = validate(parsed, comparisonFileSchema);
  rejectRepeats(
    parsed,
    file.rows.map((r) => r.aspect),
    (i) => ["rows", i, "aspect"],
    (aspect) => `the row "${aspect}" appears twice`,
  );
  return file;
}

/** A role's at_a_glance, checked against the comparison's horizons; task ids become their responsibility's words. */
function glanceOf(p: Parsed, role: RoleFile, comparison: Comparison): Glance {
  const g = role.at_a_glance;
  if (!g) return {};
  const horizons = comparison.horizons;
  if (g.horizon !== undefined && horizons.length > 0 && !horizons.includes(g.horizon))
    throw new KnowledgeError(
      "KNOWLEDGE_INVALID",
      p.file,
      lineOf(p, ["at_a_glance", "horizon"]),
      `at_a_glance.horizon: "${g.horizon}" is not one of the horizons in comparison.yaml (${horizons.join(", ")})`,
    );
  const tasks = g.tasks?.map((t, i) => {
    const r = role.responsibilities.find((x) => x.id === t);
    // Words joined by hyphens are an id, not a task anyone writes: a misspelt one would be shown as the task.
    if (!r && /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/.test(t))
      throw new KnowledgeError(
        "KNOWLEDGE_INVALID",
        p.file,
        lineOf(p, ["at_a_glance", "tasks", i]),
        `at_a_glance.tasks.${i}: "${t}" is not the id of one of this role's responsibilities; use one of their ids, or write the task out`,
      );
    return r ? (r.how ?? r.statement) : t;
  });
  return {
    ...(g.looks_after ? { looksAfter: g.looks_after } : {}),
    ...(g.question ? { question: g.question } : {}),
    ...(g.horizon ? { horizon: g.horizon } : {}),
    ...(tasks ? { tasks } : {}),
    ...(g.artefacts ? { artefacts: g.artefacts } : {}),
  };
}

/**
 * The optional other-departments.yaml: its words join out_of_scope's cues, kept in a file of their
 * own because there are a great many of them. Its personal and provider groups' words are also listed apart.
 */
function withOtherDepartments<I extends { id: string; cues: string[] }>(
  intents: I[],
  root: string,
  shown: (path: string) => string,
): Pick<Knowledge, "personalWords" | "providerWords" | "departments"> & { intents: I[] } {
  const path = join(root, KNOWLEDGE_FILES.otherDepartments);
  if (!existsSync(path)) return { intents };
  const groups = Object.values(validate(parseYamlFile(path, shown(path)), otherDepartmentsFileSchema));
  const words = groups.flatMap((g) => (Array.isArray(g) ? g : g.words));
  const ofKind = (kind: string) => groups.flatMap((g) => (!Array.isArray(g) && g.kind === kind ? g.words : []));
  const personalWords = ofKind("personal");
  const providerWords = ofKind("provider");
  const departments = groups.flatMap((g) => (!Array.isArray(g) && g.name ? [{ name: g.name, words: g.words }] : []));
  return {
    intents: intents.map((i) => (i.id === "out_of_scope" ? { ...i, cues: [...i.cues, ...words] } : i)),
    ...(personalWords.length > 0 ? { personalWords } : {}),
    ...(providerWords.length > 0 ? { providerWords } : {}),
    ...(departments.length > 0 ? { departments } : {}),
  };
}

/** The optional organisation directory; every role it names must exist. */
function loadDirectory(
  root: string,
  roleIds: Map<string, string>,
  shown: (path: string) => string,
  formats: readonly DirectoryFormat[],
): { directory: Map<string, Contacts>; triage?: Record<string, unknown> } {
  const directory = new Map<string, Contacts>();
  const path = join(root, KNOWLEDGE_FILES.directory);
  if (!existsSync(path)) return { directory };
  const parsed = parseYamlFile(path, shown(path));
  const file = validate(parsed, directoryFileSchema(formats));
  for (const [roleId, entry] of Object.entries(file.roles)) {
    if (!roleIds.has(roleId))
      throw new KnowledgeError(
        "KNOWLEDGE_INVALID",
        parsed.file,
        lineOf(parsed, ["roles", roleId]),
        unknownRole(root, shown, "", roleId, roleIds.keys()),
      );
    directory.set(roleId, contactsOf(entry, formats));
  }
  const triage = Object.fromEntries(Object.entries(file.triage ?? {}).filter(([, v]) => v !== undefined));
  return { directory, ...(Object.keys(triage).length > 0 ? { triage } : {}) };
}

/**
 * A role's checked directory entry as Contacts: emails and note for everyone, and each platform's
 * section (in the formats' order, only those that name someone) for that platform alone.
 */
export function contactsOf(
  entry: { emails: string[]; note?: string | undefined } & Record<string, unknown>,
  formats: readonly DirectoryFormat[] | undefined,
): Contacts {
  const platforms: Record<string, PlatformContacts> = {};
  if (formats) {
    for (const f of formats) {
      const entries = entry[f.platform];
      if (entries !== undefined && !f.isEmpty(entries))
        platforms[f.platform] = { label: f.label, names: f.names(entries), entries };
    }
  } else {
    for (const [key, entries] of Object.entries(entry))
      if (key !== "emails" && key !== "note") platforms[key] = { label: key, names: [], entries };
  }
  return { emails: entry.emails, ...(entry.note ? { note: entry.note } : {}), platforms };
}
