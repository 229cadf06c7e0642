/**
 * Common English words (common-english.txt, which says where they come from): the spelling corrector
 * leaves these alone. A data file read once at start, not code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sourceFolder } from "../../config/paths.js";

function readWords(path: string): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(path, "utf8").split("\n"))
    if (!line.startsWith("#")) for (const word of line.split(/\s+/)) if (word !== "") words.add(word);
  return words;
}

export const COMMON_ENGLISH: ReadonlySet<string> = readWords(join(sourceFolder(import.meta.url), "common-english.txt"));
