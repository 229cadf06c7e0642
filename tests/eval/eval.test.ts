/**
 * The accuracy contract: the tuning set (questions.dev*.yaml) and the pristine held-out files
 * (questions.heldout2+.yaml, never tuned on, misses never read) must both meet the targets.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVAL_DIR, evaluate, type Labelled, readQuestions, TARGETS } from "../../scripts/eval/evaluate.js";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";

const whodoes = createWhodoes(loadKnowledge());
const load = (pattern: RegExp): Labelled[] =>
  readdirSync(EVAL_DIR)
    .filter((f) => pattern.test(f))
    .sort()
    .flatMap((f) => readQuestions(`${EVAL_DIR}/${f}`));

describe.each([
  ["tuning set, at the targets", /^questions\.dev\d*\.yaml$/, TARGETS],
  ["pristine held-out set, at the targets", /^questions\.heldout\d+\.yaml$/, TARGETS],
] as const)("%s", (_name, pattern, bar) => {
  const questions = load(pattern);
  const scores = evaluate(whodoes, questions);
  it("has enough questions to mean something", () => expect(questions.length).toBeGreaterThan(100));
  it(`intent accuracy >= ${bar.intentAccuracy}`, () => expect(scores.intentAccuracy).toBeGreaterThanOrEqual(bar.intentAccuracy));
  it(`top-1 role accuracy >= ${bar.roleAccuracy}`, () => expect(scores.roleAccuracy).toBeGreaterThanOrEqual(bar.roleAccuracy));
  it(`out-of-scope recall >= ${bar.outOfScopeRecall}`, () =>
    expect(scores.outOfScopeRecall).toBeGreaterThanOrEqual(bar.outOfScopeRecall));
  it(`in-scope wrongly rejected <= ${bar.wronglyRejected}`, () =>
    expect(scores.wronglyRejected).toBeLessThanOrEqual(bar.wronglyRejected));
});
