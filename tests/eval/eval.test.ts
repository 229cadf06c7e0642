/**
 * The accuracy contract: `npm test` fails when the matcher falls under the targets. The tuning set
 * (questions.dev*.yaml) guards against regressions; the pristine held-out files
 * (questions.heldout2+.yaml) were never tuned on and carry the targets.
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
  ["tuning set", /^questions\.dev\d*\.yaml$/],
  ["pristine held-out set", /^questions\.heldout\d+\.yaml$/],
])("%s", (_name, pattern) => {
  const questions = load(pattern);
  const scores = evaluate(whodoes, questions);
  it("has enough questions to mean something", () => expect(questions.length).toBeGreaterThan(100));
  it(`intent accuracy >= ${TARGETS.intentAccuracy}`, () =>
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(TARGETS.intentAccuracy));
  it(`top-1 role accuracy >= ${TARGETS.roleAccuracy}`, () =>
    expect(scores.roleAccuracy).toBeGreaterThanOrEqual(TARGETS.roleAccuracy));
  it(`out-of-scope recall >= ${TARGETS.outOfScopeRecall}`, () =>
    expect(scores.outOfScopeRecall).toBeGreaterThanOrEqual(TARGETS.outOfScopeRecall));
  it(`in-scope wrongly rejected <= ${TARGETS.wronglyRejected}`, () =>
    expect(scores.wronglyRejected).toBeLessThanOrEqual(TARGETS.wronglyRejected));
});
