/**
 * The accuracy contract. The tuning set (questions.dev*.yaml) must meet the targets. The
 * pristine held-out files (questions.heldout2+.yaml, never tuned on) do NOT meet them yet
 * (measured: intent 92.8%, top-1 role 89.5%, out-of-scope recall 84.5%, wrongly rejected 4.7%);
 * until they do, this guards them against regressions with floors a little under the measured
 * figures. Raise the floors as accuracy improves; the targets are TARGETS.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVAL_DIR, evaluate, type Labelled, readQuestions, TARGETS } from "../../scripts/eval/evaluate.js";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";

const HELD_OUT_FLOORS = { intentAccuracy: 0.9, roleAccuracy: 0.87, outOfScopeRecall: 0.8, wronglyRejected: 0.06 } as const;

const whodoes = createWhodoes(loadKnowledge());
const load = (pattern: RegExp): Labelled[] =>
  readdirSync(EVAL_DIR)
    .filter((f) => pattern.test(f))
    .sort()
    .flatMap((f) => readQuestions(`${EVAL_DIR}/${f}`));

describe.each([
  ["tuning set, at the targets", /^questions\.dev\d*\.yaml$/, TARGETS],
  ["pristine held-out set, at the regression floors", /^questions\.heldout\d+\.yaml$/, HELD_OUT_FLOORS],
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
