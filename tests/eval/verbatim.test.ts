/**
 * The knowledge holds statements of work and the trade's words for them, never the evaluation's questions:
 * no labelled question (any set, tuning or held-out, written or real, single or a conversation's turn), nor
 * any sentence of one, appears in intents/ word for word. A failure names the file and the entry's number,
 * never the question, so a held-out question is not printed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EVAL_DIR } from "../../scripts/eval/evaluate.js";
import { DEFAULT_INTENTS_DIR } from "../../src/core/index.js";
import { sentences } from "../../src/core/understanding/normalise.js";

/** Words only, lower case, one space apart, with a space at either end so a match is whole words. */
const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
const wordCount = (text: string) => words(text).trim().split(" ").filter(Boolean).length;

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(f) ? [path] : [];
  });
}

/** Every question text of an eval file, with where it is (file and entry number). */
function questionsIn(path: string): { where: string; q: string }[] {
  const entries = (parse(readFileSync(path, "utf8")) ?? []) as { q?: string; turns?: { q: string }[] }[];
  const where = relative(EVAL_DIR, path);
  return entries.flatMap((e, i) => [
    ...(e.q ? [{ where: `${where} #${i + 1}`, q: e.q }] : []),
    ...(e.turns ?? []).map((t, k) => ({ where: `${where} #${i + 1} turn ${k + 1}`, q: t.q })),
  ]);
}

const knowledge = yamlFiles(DEFAULT_INTENTS_DIR)
  .map((f) => words(readFileSync(f, "utf8")))
  .join("\n");
const questions = yamlFiles(EVAL_DIR).flatMap(questionsIn);

describe("the knowledge holds no evaluation question", () => {
  it("reads the questions of every set", () => {
    expect(questions.length).toBeGreaterThan(6000);
    expect(questions.some((q) => q.where.startsWith("real/"))).toBe(true);
  });

  it("has no question, nor a sentence of one, word for word", () => {
    // A bare keyword query ("ETL", "disaster recovery") is the trade's word and may be a keyword, and a
    // short cue phrase ("how does this work") may be typed as a whole question: what must not be there is
    // anyone's question of five words or more, or a sentence of six or more lifted from one.
    const found: string[] = [];
    for (const { where, q } of questions) {
      const texts = [q, ...sentences(q)].filter((t, i) => wordCount(t) >= (i === 0 ? 5 : 6));
      if (texts.some((t) => knowledge.includes(words(t)))) found.push(where);
    }
    expect(found).toEqual([]);
  });
});
