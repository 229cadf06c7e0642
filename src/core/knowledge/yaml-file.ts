/** Reading a knowledge file: YAML parsed with line numbers, checked against its schema, mistakes reported at their line. */
import { isUtf8 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { type Document, isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { KnowledgeError } from "./errors.js";

export interface Parsed {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/**
 * Largest knowledge file read. The largest shipped one is about 25 kB; a file of megabytes is a mistake (or
 * an attack) that would stall the server while it is parsed, so it is refused before it is read.
 */
export const MAX_KNOWLEDGE_FILE_BYTES = 1024 * 1024;
/**
 * Aliases a file may expand (yaml's maxAliasCount). Knowledge files use none; a handful of nested aliases
 * (a "billion laughs" bomb) would otherwise expand to gigabytes.
 */
export const MAX_YAML_ALIASES = 100;

export function parseYamlFile(path: string, shown: string): Parsed {
  const size = statSync(path).size;
  if (size > MAX_KNOWLEDGE_FILE_BYTES)
    throw new KnowledgeError(
      "KNOWLEDGE_TOO_LARGE",
      shown,
      undefined,
      `is ${(size / 1024 / 1024).toFixed(1)} MB; a knowledge file may be at most ${MAX_KNOWLEDGE_FILE_BYTES / 1024 / 1024} MB`,
    );
  const bytes = readFileSync(path);
  const text = bytes.toString("utf8");
  // A file saved in another encoding (Windows-1252, Latin-1, UTF-16) would otherwise load, and every
  // accented letter in it reach people as "�".
  if (!isUtf8(bytes))
    throw new KnowledgeError(
      "KNOWLEDGE_SYNTAX",
      shown,
      text.slice(0, text.indexOf("\uFFFD")).split("\n").length,
      "is not UTF-8 text (this line has a character in another encoding): save the file as UTF-8",
    );
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = lines.linePos(err.pos[0]).line;
    throw new KnowledgeError("KNOWLEDGE_SYNTAX", shown, line, `YAML syntax: ${err.message.split("\n")[0]}`);
  }
  return { file: shown, doc, lines };
}

/** The line of the node at `path`, or of its nearest existing parent. */
export function lineOf(p: Parsed, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = p.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return p.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The file's data; an alias bomb is refused here, where yaml would expand it. */
function dataOf(p: Parsed): unknown {
  try {
    return p.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    // yaml's ReferenceError: "Excessive alias count indicates a resource exhaustion attack".
    throw new KnowledgeError(
      "KNOWLEDGE_SYNTAX",
      p.file,
      undefined,
      `YAML aliases expand too far (more than ${MAX_YAML_ALIASES}): refused (${(err as Error).message})`,
    );
  }
}

export function validate<S extends z.ZodType>(p: Parsed, schema: S): z.infer<S> {
  const data = dataOf(p);
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues;
  // A misspelt key also leaves its right spelling missing: the misspelling is what to fix, so it comes first.
  const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
  if (!issue) throw new KnowledgeError("KNOWLEDGE_INVALID", p.file, undefined, "is not valid");
  if (data == null)
    throw new KnowledgeError("KNOWLEDGE_INVALID", p.file, undefined, "is empty: it holds no fields (or only comments)");
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  const line = (issue.code === "unrecognized_keys" && keyLineOf(p, issue.path, issue.keys[0])) || lineOf(p, issue.path);
  throw new KnowledgeError("KNOWLEDGE_INVALID", p.file, line, `${where}${problemOf(issue, issues, data)}`);
}

/** The line of a key itself in the mapping at `path` (lineOf gives its value's, which may start a line later). */
function keyLineOf(p: Parsed, path: readonly PropertyKey[], key: string | undefined): number | undefined {
  const map = p.doc.getIn(path as unknown[], true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((i) => isScalar(i.key) && i.key.value === key);
  const range = isScalar(pair?.key) ? pair.key.range : undefined;
  return range ? p.lines.linePos(range[0]).line : undefined;
}

/** What the YAML calls each kind of value, for the people who write it. */
const KINDS: Record<string, string> = {
  array: "a list",
  object: "a group of fields (name: value)",
  string: "text",
  number: "a number",
  boolean: "true or false",
};
const kindOf = (value: unknown) =>
  value === null ? "empty" : Array.isArray(value) ? KINDS.array : (KINDS[typeof value] ?? typeof value);

/** An issue in words a data lead reads: zod's own ("Invalid input: expected array, received string") name no YAML. */
function problemOf(issue: z.core.$ZodIssue, issues: readonly z.core.$ZodIssue[], data: unknown): string {
  const parent = issue.path.join(".");
  switch (issue.code) {
    case "unrecognized_keys": {
      const missing = issues.filter(
        (i) => i.code === "invalid_type" && valueAt(data, i.path) === undefined && i.path.slice(0, -1).join(".") === parent,
      );
      const unknown = `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
      const only = missing.length === 1 && issue.keys.length === 1 ? missing[0]?.path.at(-1) : undefined;
      return only === undefined ? unknown : `${unknown} (is it "${String(only)}", which is missing?)`;
    }
    case "invalid_type": {
      if (!issue.message.startsWith("Invalid input")) return issue.message;
      const value = valueAt(data, issue.path);
      return value === undefined ? "is missing" : `must be ${KINDS[issue.expected] ?? issue.expected}, not ${kindOf(value)}`;
    }
    case "invalid_key":
      // A record's key: the key schema's own message ("a short form in capitals"), not "Invalid key in record".
      return issue.issues[0]?.message ?? issue.message;
    default:
      return issue.message;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path)
    value = value != null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** A key that repeats an earlier one in the same list is a mistake, reported at its own line. */
export function rejectRepeats(
  p: Parsed,
  keys: readonly string[],
  at: (i: number) => PropertyKey[],
  problem: (key: string) => string,
): void {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) throw new KnowledgeError("KNOWLEDGE_INVALID", p.file, lineOf(p, at(i)), problem(key));
    seen.add(key);
  });
}
