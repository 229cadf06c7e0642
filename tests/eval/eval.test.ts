/**
 * The accuracy contract. The written sets: the tuning set (questions.dev*.yaml) and the pristine held-out
 * files (questions.heldout2+.yaml, never tuned on, misses never read) must both meet their targets. The
 * real questions' held-out part (real/heldout/, never tuned on, misses never read) is held to the bar of
 * issue 15 wherever it meets it; see REAL_HELD_OUT_MEETS_THE_BAR below.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lengthReport } from "../../scripts/eval/by-length.js";
import {
  evaluate,
  type Labelled,
  loadWritten,
  REAL_DIR,
  REAL_TARGETS,
  readQuestionDir,
  readQuestions,
  TARGETS,
} from "../../scripts/eval/evaluate.js";
import { createWhodoes, INTENT_IDS, loadKnowledge } from "../../src/core/index.js";

const whodoes = createWhodoes(loadKnowledge());
const load = loadWritten;

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

/**
 * Which of issue 15's bars the real held-out questions meet today. A bar that is met is enforced; one that
 * is not is listed as skipped, never lowered. What is measured today is REAL_HELD_OUT_MEASURED below (npm
 * run eval); the causes of the misses are in tests/eval/real/README.md. Turn a flag on when the figure
 * reaches the bar.
 */
const REAL_HELD_OUT_MEETS_THE_BAR = {
  intentAccuracy: false,
  roleAccuracy: false,
  outOfScopeRecall: false,
  wronglyRejected: false,
} as const;

describe("real questions' held-out part, at issue 15's bar", () => {
  const questions = readQuestionDir(join(REAL_DIR, "heldout"));
  const scores = evaluate(whodoes, questions);
  const met = REAL_HELD_OUT_MEETS_THE_BAR;
  it("has enough questions to mean something", () => expect(questions.length).toBeGreaterThan(100));
  it.skipIf(!met.intentAccuracy)(`intent accuracy >= ${REAL_TARGETS.intentAccuracy}`, () =>
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(REAL_TARGETS.intentAccuracy),
  );
  it.skipIf(!met.roleAccuracy)(`top-1 role accuracy >= ${REAL_TARGETS.roleAccuracy}`, () =>
    expect(scores.roleAccuracy).toBeGreaterThanOrEqual(REAL_TARGETS.roleAccuracy),
  );
  it.skipIf(!met.outOfScopeRecall)(`out-of-scope recall >= ${REAL_TARGETS.outOfScopeRecall}`, () =>
    expect(scores.outOfScopeRecall).toBeGreaterThanOrEqual(REAL_TARGETS.outOfScopeRecall),
  );
  it.skipIf(!met.wronglyRejected)(`in-scope wrongly rejected <= ${REAL_TARGETS.wronglyRejected}`, () =>
    expect(scores.wronglyRejected).toBeLessThanOrEqual(REAL_TARGETS.wronglyRejected),
  );
});

/**
 * Until the bar is met, the real held-out figures may not slide back: each is held at what was measured
 * above (a change that costs real questions fails here, however well it does on the written sets). When a
 * new batch joins the held-out part the figures are measured again, on the larger set, and held there.
 * Once, a change was kept that trades one figure for others, decided on the tuning part before the
 * held-out part was scored: the guess at the closest role for a question about data that matched no task
 * (classify.ts) took out-of-scope recall from 0.464 to 0.434 and wrongly rejected from 0.103 to 0.069.
 * Once, questions left the held-out part: when the split began to deal a site's country domains together,
 * Glassdoor's three held-out ones joined its tuning ones, and the figures were measured again on the 738 left.
 * With batch 19's 17 held-out questions (755 in all) they were measured again: 0.775, 0.733, 0.405, 0.068; and
 * at the end of its round: 0.776, 0.733, 0.405, 0.066. With batch 20's 13 (768 in all): 0.778, 0.736, 0.410, 0.065;
 * and at the end of its round: 0.781, 0.738, 0.417, 0.064. With batch 21's 16 (784 in all): 0.781, 0.736, 0.413, 0.064;
 * and at the end of its round: 0.781, 0.743, 0.413, 0.064. With batch 22's 13 (797 in all): 0.779, 0.742, 0.410, 0.063;
 * and at the end of its round: 0.783, 0.744, 0.422, 0.062. With batch 23's 16 (813 in all): 0.782, 0.746, 0.422, 0.061;
 * and at the end of its round: 0.782, 0.749, 0.422, 0.061. With batch 24's 12 (825 in all): 0.779, 0.751, 0.412, 0.061;
 * and at the end of its round: 0.781, 0.753, 0.412, 0.061. After five more exploratory rounds, with no new
 * batch: 0.786, 0.762, 0.423, 0.059. After eight more: 0.790, 0.770, 0.435, 0.059. With batch 25's 23 (848 in
 * all): 0.788, 0.768, 0.423, 0.060; and after nine exploratory rounds with it: 0.792, 0.770, 0.434 (the floor says 0.433, as 0.434 reads to the linter as log10 e), 0.057.
 * With batch 26 (956 in all) and the labelling rule for questions asked of a product's makers, on the new labels at
 * the end of its round: 0.765, 0.793, 0.405, 0.056. With batch 27's 146 (1,102 in all): 0.768, 0.792, 0.412, 0.057;
 * with batch 28's 7 (1,109): 0.768, 0.793, 0.409, 0.057; and at the end of their round: 0.768, 0.796, 0.409, 0.057.
 * With batch 29's 171 Reddit titles (1,280): 0.770, 0.783, 0.432, 0.061; after that round's changes, with batch
 * 30's 103 (1,383): 0.770, 0.796, 0.441, 0.058. A spelling fix then cost two questions the old misreading had
 * turned away by luck ("hosters" read as "posters"): 0.770, 0.796, 0.438, 0.058. With batch 31's 141 Reddit titles
 * (1,524): 0.765, 0.782, 0.435, 0.062. With batch 32's 269 (235 Reddit titles, 34 questions from GitHub threads;
 * 1,793): 0.767, 0.779, 0.445, 0.065. With batch 33's 258 (244 Reddit titles, 14 questions from GitHub threads;
 * 2,051): 0.761, 0.776, 0.459, 0.062. Batch 34's 587 Reddit titles all went to tuning (the held-out part did not
 * change); after the round's changes tuned on them: 0.765, 0.776, 0.474, 0.062. The figures of batches 35 to 60,
 * each as it joined and at the end of its round, are in tests/eval/real/README.md.
 */
const REAL_HELD_OUT_MEASURED = { intentAccuracy: 0.74, roleAccuracy: 0.773, outOfScopeRecall: 0.466, wronglyRejected: 0.078 };

describe("real questions' held-out part, no worse than measured", () => {
  const scores = evaluate(whodoes, readQuestionDir(join(REAL_DIR, "heldout")));
  const was = REAL_HELD_OUT_MEASURED;
  // The figures are printed to one decimal; half a point of slack is rounding, not a regression.
  const slack = 0.0005;
  it(`intent accuracy >= ${was.intentAccuracy}`, () =>
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(was.intentAccuracy - slack));
  it(`top-1 role accuracy >= ${was.roleAccuracy}`, () =>
    expect(scores.roleAccuracy).toBeGreaterThanOrEqual(was.roleAccuracy - slack));
  it(`out-of-scope recall >= ${was.outOfScopeRecall}`, () =>
    expect(scores.outOfScopeRecall).toBeGreaterThanOrEqual(was.outOfScopeRecall - slack));
  it(`in-scope wrongly rejected <= ${was.wronglyRejected}`, () =>
    expect(scores.wronglyRejected).toBeLessThanOrEqual(was.wronglyRejected + slack));
});

describe("the second labels (scripts/eval/agreement.ts)", () => {
  const roles = new Set(loadKnowledge().roles.map((r) => r.id));
  const dir = join(REAL_DIR, "second-labels");
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
  it("cover both parts", () => expect(files).toEqual(expect.arrayContaining(["dev.yaml", "heldout.yaml"])));
  it.each(files)("%s labels questions of its part, with known intents and roles", (file) => {
    const asked = new Set(readQuestionDir(join(REAL_DIR, file.split(".")[0] ?? "")).map((q) => q.q));
    const second = readQuestions(join(dir, file));
    expect(second.length).toBeGreaterThan(100);
    expect(second.filter((l) => !asked.has(l.q)).map((l) => l.q)).toEqual([]);
    expect(second.filter((l) => !INTENT_IDS.includes(l.intent)).map((l) => l.q)).toEqual([]);
    const named = second.flatMap((l) => [...(l.role ? [l.role] : []), ...(l.roles ?? []), ...(l.accept ?? [])]);
    expect(named.filter((r) => !roles.has(r))).toEqual([]);
  });
  it("are scored on the held-out part only when asked (--held-out), so a round of tuning can check new ones blind", () => {
    const script = fileURLToPath(new URL("../../dist/scripts/eval/agreement.js", import.meta.url));
    const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8", timeout: 60_000 }).stdout;
    const plain = run([]);
    expect(plain).toMatch(/== tuning part: \d+ questions/);
    expect(plain).not.toMatch(/== HELD-OUT part: \d+ questions/);
    expect(plain).toMatch(/HELD-OUT part \(heldout\.yaml\): not shown/);
    expect(run(["--held-out"])).toMatch(/== HELD-OUT part: \d+ questions/);
  }, 120_000);
});

describe("the real questions by length (scripts/eval/by-length.ts)", () => {
  it("counts every question in exactly one length, by its words", () => {
    const words = (n: number): Labelled => ({ q: Array(n).fill("backup").join(" "), intent: "who_does" });
    const lines = lengthReport(whodoes, [3, 14, 15, 39, 40, 120].map(words));
    expect(lines.map((l) => Number(l.match(/\)\s+(\d+)/)?.[1]))).toEqual([2, 2, 2]);
  });
});
