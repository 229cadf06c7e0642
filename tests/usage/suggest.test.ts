/**
 * 👎 becomes a proposed fix: corrections recorded as the bot records them, turned into a diff by
 * `suggestEdits`, applied with `git apply` to a copy of the knowledge; the corrected questions then get the
 * role people said, and the eval sets still meet their targets on the patched copy.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVAL_DIR, evaluate, readQuestions, TARGETS } from "../../scripts/eval/evaluate.js";
import { DIRECTORY_FORMATS } from "../../src/adapters/platforms.js";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import type { UsageEvent } from "../../src/store/store.js";
import { keepQuestion } from "../../src/usage/asked-questions.js";
import { recordingWhodoes } from "../../src/usage/recorder.js";
import { appendToSequence, suggestEdits } from "../../src/usage/suggest.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

/** Questions the shipped knowledge gets wrong, and what the people who asked said they should have been. */
const CORRECTIONS: [question: string, expected: string | null][] = [
  ["who answers the freedom of information requests?", "data-manager"],
  ["who owns the epic clarity feed", "data-warehouse-engineer"],
  ["who approves the tableau licence requests", "data-manager"],
  ["who cleans the whiteboards in the data office", null],
];

/** Corrections as the server records them: asked, kept under an id, corrected from the button. */
async function recordCorrections(dir: string, recordQuestions: boolean): Promise<UsageEvent[]> {
  const store = createMemoryStore();
  const bot = recordingWhodoes(createWhodoes(loadKnowledge(dir, { platforms: DIRECTORY_FORMATS })), store, {
    platform: "slack",
    recordQuestions,
  });
  for (const [question, expected] of CORRECTIONS) {
    const answer = bot.ask(question);
    const role = answer.roles[0]?.id;
    const q = await keepQuestion(
      store,
      {
        text: question,
        platform: "slack",
        asker: "U061F7AUR",
        intent: answer.intent,
        likely: [],
        terms: [],
        at: Date.now(),
      },
      recordQuestions,
    );
    bot.act({ do: "correct", intent: answer.intent, ...(role ? { role } : {}), expected, q });
  }
  for (let i = 0; i < 50 && (await store.events(new Date(0))).filter((e) => e.type === "correction").length < 4; i++)
    await new Promise((r) => setTimeout(r, 10));
  return store.events(new Date(0));
}

const verdict = (dir: string, question: string) => {
  const a = createWhodoes(loadKnowledge(dir, { platforms: DIRECTORY_FORMATS })).ask(question);
  return a.intent === "out_of_scope" ? null : a.roles[0]?.id;
};

describe("whodoes report --suggest", () => {
  let copy: ReturnType<typeof copyKnowledge>;
  beforeAll(() => {
    copy = copyKnowledge();
  });
  afterAll(() => copy.remove());

  it("starts from questions the knowledge gets wrong", () => {
    for (const [question, expected] of CORRECTIONS) expect(verdict(copy.dir, question), question).not.toBe(expected);
  });

  it("records each correction with the question's hash, and its text only with RECORD_QUESTIONS=true", async () => {
    const hashed = (await recordCorrections(copy.dir, false)).filter((e) => e.type === "correction");
    expect(hashed).toHaveLength(4);
    for (const e of hashed) {
      expect(e).toMatchObject({ type: "correction", hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(JSON.stringify(e)).not.toMatch(/freedom|clarity|tableau|whiteboard/);
    }
    // Without the words there is nothing to propose, and the notes say why.
    const none = suggestEdits(hashed, loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));
    expect(none.patch).toBe("");
    expect(none.notes.join("\n")).toMatch(/RECORD_QUESTIONS=true/);
  });

  it("makes its paths relative to the knowledge folder's parent when the folder is outside the working directory", async () => {
    const events = await recordCorrections(copy.dir, true);
    // The copy is in the system's temporary folder, the tests run in the project: "../" paths git apply refuses.
    const { patch, base } = suggestEdits(events, loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));
    expect(base).toBe(dirname(copy.dir));
    expect(patch).toMatch(/^--- a\/whodoes-intents-\w+\/roles\/data-manager\.yaml$/m);
    expect(patch).not.toMatch(/^--- a\/\.\./m);
  });

  it("proposes a diff that git applies; then the corrected questions get the role people said, and the eval targets hold", async () => {
    const events = await recordCorrections(copy.dir, true);
    const { notes, patch } = suggestEdits(events, loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }), {
      base: dirname(copy.dir),
    });
    expect(notes).toHaveLength(4);
    expect(patch).toMatch(/^--- a\/whodoes-intents-\w+\/roles\/data-manager\.yaml$/m);
    expect(patch).toMatch(/^\+ {6}- epic clarity feed$/m);
    expect(patch).toMatch(/^\+reported_in_feedback: \[/m);

    const file = join(dirname(copy.dir), `${copy.dir.split("/").at(-1)}.patch`);
    writeFileSync(file, patch);
    const applied = spawnSync("git", ["apply", "--verbose", file], { cwd: dirname(copy.dir), encoding: "utf8" });
    rmSync(file, { force: true });
    expect(applied.stderr).toMatch(/Applied patch/);
    expect(applied.status).toBe(0);

    for (const [question, expected] of CORRECTIONS) expect(verdict(copy.dir, question), question).toBe(expected);
    const patched = createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));
    for (const pattern of [/^questions\.dev\d*\.yaml$/, /^questions\.heldout\d+\.yaml$/]) {
      const questions = readdirSync(EVAL_DIR)
        .filter((f) => pattern.test(f))
        .flatMap((f) => readQuestions(`${EVAL_DIR}/${f}`));
      const scores = evaluate(patched, questions);
      expect(scores.intentAccuracy).toBeGreaterThanOrEqual(TARGETS.intentAccuracy);
      expect(scores.roleAccuracy).toBeGreaterThanOrEqual(TARGETS.roleAccuracy);
      expect(scores.outOfScopeRecall).toBeGreaterThanOrEqual(TARGETS.outOfScopeRecall);
      expect(scores.wronglyRejected).toBeLessThanOrEqual(TARGETS.wronglyRejected);
    }

    // Applied, the same corrections have nothing left to propose.
    const again = suggestEdits(events, loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));
    expect(again.patch).toBe("");
  }, 60_000);
});

describe("the notes of report --suggest", () => {
  it("quote a recorded question with its terminal escapes, C1 codes and bidi overrides made inert, as the report does", () => {
    const question = "who waters the office plants \u202e?gnirts\u001b[31m red\u009b2J";
    const event: UsageEvent = {
      type: "unanswered",
      at: Date.now(),
      platform: "web",
      reason: "out_of_scope",
      intent: "out_of_scope",
      hash: "0".repeat(64),
      terms: [],
      question,
    };
    const { notes } = suggestEdits([event], loadKnowledge());
    expect(notes).toEqual([
      '"who waters the office plants ?gnirts [31m red 2J" (1x unanswered): nobody said which role; no edit',
    ]);
  });
});

describe("the notes of report --suggest name roles as the answers do", () => {
  it("'gets the architect already', in a sentence's case", () => {
    const question = "who designs the logical data model?";
    const event: UsageEvent = {
      type: "correction",
      at: Date.now(),
      platform: "web",
      intent: "who_does",
      role: "data-architect",
      expected: "data-architect",
      hash: "0".repeat(64),
      terms: [],
      question,
    };
    expect(suggestEdits([event], loadKnowledge()).notes).toEqual([`"${question}" gets the architect already`]);
  });
});

describe("appendToSequence keeps the file's own layout", () => {
  it("adds to a block list under its last item, and to a flow list before its bracket", () => {
    const block = "a:\n  keywords:\n    - one\n    - two\nb: 1\n";
    expect(appendToSequence(block, ["a", "keywords"], "three")).toBe(
      "a:\n  keywords:\n    - one\n    - two\n    - three\nb: 1\n",
    );
    const flow = "cues: [one, two]\nnext: x\n";
    expect(appendToSequence(flow, ["cues"], "three")).toBe("cues: [one, two, three]\nnext: x\n");
    // Words YAML would read as something else are quoted.
    expect(appendToSequence(flow, ["cues"], "yes")).toBe('cues: [one, two, "yes"]\nnext: x\n');
  });
});
