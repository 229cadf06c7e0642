/**
 * Common English words (common-english.txt, which says where they come from): the spelling corrector
 * leaves these alone. A data file, read once, the first time a word the knowledge does not know needs
 * checking (many questions never need it, and `whodoes ask` starts quicker without).
 */
import { readFileSync } from "node:fs";
import { inSources } from "../../config/paths.js";

function readWords(path: string): Set<string> {
  const text = readFileSync(path, "utf8").replace(/^#.*$/gm, "");
  return new Set(text.split(/\s+/).filter(Boolean));
}

let words: ReadonlySet<string> | undefined;

export function commonEnglish(): ReadonlySet<string> {
  words ??= readWords(inSources("core", "understanding", "common-english.txt"));
  return words;
}
