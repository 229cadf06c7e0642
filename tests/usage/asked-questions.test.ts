/** A question kept for its buttons: its hash always, its words only when asked to, for two hours. */
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { keepQuestion, QUESTION_TTL_MS, recallQuestion } from "../../src/usage/asked-questions.js";
import { questionHash } from "../../src/usage/question-hash.js";

const question = {
  text: "who restores a dropped table?",
  platform: "slack",
  asker: "U1",
  intent: "who_does",
  likely: [],
  terms: [],
  at: 1,
};

describe("a kept question", () => {
  it("is kept under a random id, with its words only where a hand-off may send them", async () => {
    let t = 0;
    const store = createMemoryStore(() => t);
    const hashed = await keepQuestion(store, question, false);
    const worded = await keepQuestion(store, question, true);
    expect(hashed).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(worded).not.toBe(hashed);
    const a = await recallQuestion(store, hashed);
    expect(a).toMatchObject({ hash: questionHash(question.text, await store.hashKey()), asker: "U1" });
    expect(a && "text" in a).toBe(false);
    expect((await recallQuestion(store, worded))?.text).toBe(question.text);
    t = QUESTION_TTL_MS;
    expect(await recallQuestion(store, worded)).toBeUndefined();
    expect(await recallQuestion(store, "no-such-question-id-here")).toBeUndefined();
  });
});
