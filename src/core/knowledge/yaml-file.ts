/** Reading a knowledge file: YAML parsed with line numbers, checked against its schema, mistakes reported at their line. */
import { isUtf8 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { type Document, LineCounter, parseDocument } from "yaml";
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
  const result = schema.safeParse(dataOf(p) ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new KnowledgeError("KNOWLEDGE_INVALID", p.file, undefined, "is not valid");
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  const message =
    issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}` : issue.message;
  throw new KnowledgeError("KNOWLEDGE_INVALID", p.file, lineOf(p, issue.path), `${where}${message}`);
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
