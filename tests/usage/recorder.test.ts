/** Learning from usage: what the recording Whodoes keeps, and that it never gets in an answer's way. */
import { describe, expect, it } from "vitest";
import { type Answer, createWhodoes, loadKnowledge, type Whodoes } from "../../src/core/index.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import type { Store, UsageEvent } from "../../src/store/store.js";
import { keepQuestion } from "../../src/usage/asked-questions.js";
import { normaliseQuestion, questionHash } from "../../src/usage/question-hash.js";
import { LOW_CONFIDENCE_SCORE, questionEvent, recordingWhodoes } from "../../src/usage/recorder.js";
import { captureLogger } from "../store/support/capture-logger.js";

const core = createWhodoes(loadKnowledge());
const settle = () => new Promise((r) => setTimeout(r, 10));
/** A hash key, as a store gives one. */
const KEY = Buffer.alloc(32, 7);
/** The key of the store `recorded` used last. */
let lastKey: Buffer = KEY;

async function recorded(bot: (w: Whodoes) => void, options: { recordQuestions?: boolean } = {}): Promise<UsageEvent[]> {
  const store = createMemoryStore();
  lastKey = await store.hashKey();
  bot(recordingWhodoes(core, store, { platform: "slack", now: () => 1_700_000_000_000, ...options }));
  await settle();
  return store.events(new Date(0));
}

describe("recordingWhodoes", () => {
  it("answers exactly as the core does", () => {
    const w = recordingWhodoes(core, createMemoryStore(), { platform: "slack" });
    for (const q of ["who restores a dropped table?", "what time is the all-hands?", "dba vs data architect"])
      expect(w.ask(q)).toEqual(core.ask(q));
    expect(w.act({ do: "roles" })).toEqual(core.act({ do: "roles" }));
    expect(w.search("dba")).toEqual(core.search("dba"));
    expect(w.knowledge).toBe(core.knowledge);
  });

  it("records an answered question as intent and top role, without its text", async () => {
    const events = await recorded((w) => w.ask("who restores a dropped table?"));
    expect(events).toEqual([
      { type: "asked", at: 1_700_000_000_000, platform: "slack", intent: "who_does", role: "database-administrator" },
    ]);
  });

  it("records an out-of-scope question as a hash by default, and its text only when asked to", async () => {
    const q = "What time is the all-hands?";
    const [hashed] = await recorded((w) => w.ask(q));
    expect(hashed).toEqual({
      type: "unanswered",
      at: 1_700_000_000_000,
      platform: "slack",
      reason: "out_of_scope",
      intent: "out_of_scope",
      hash: questionHash(q, lastKey),
      terms: [],
    });
    expect(JSON.stringify(hashed)).not.toMatch(/all-hands/i);
    const [withText] = await recorded((w) => w.ask(q), { recordQuestions: true });
    expect(withText).toMatchObject({ reason: "out_of_scope", hash: questionHash(q, lastKey), question: q });
  });

  it("records a 👍/👎 with its intent and role, and no other button", async () => {
    const events = await recorded((w) => {
      w.act({ do: "feedback", vote: "down", intent: "who_does", role: "data-architect" });
      w.act({ do: "feedback", vote: "up", intent: "help" });
      w.act({ do: "describe", role: "data-architect" });
    });
    expect(events).toEqual([
      { type: "feedback", at: 1_700_000_000_000, platform: "slack", vote: "down", intent: "who_does", role: "data-architect" },
      { type: "feedback", at: 1_700_000_000_000, platform: "slack", vote: "up", intent: "help" },
    ]);
  });

  it("records a correction with the kept question's hash and terms, its text only when asked to, and no made-up role", async () => {
    const text = "who restores a dropped table?";
    const run = async (recordQuestions: boolean) => {
      const store = createMemoryStore();
      const w = recordingWhodoes(core, store, { platform: "slack", now: () => 1_700_000_000_000, recordQuestions });
      const q = await keepQuestion(
        store,
        { text, platform: "slack", intent: "who_does", likely: [], terms: ["restor"], at: 1 },
        recordQuestions,
      );
      w.act({ do: "correct", intent: "who_does", role: "database-administrator", expected: "data-architect", q });
      // Forged: roles the knowledge does not have are not recorded.
      w.act({ do: "correct", intent: "who_does", role: "database-administrator", expected: "chief-of-vibes", q });
      // A question no longer kept: recorded without a hash.
      w.act({ do: "correct", intent: "who_does", expected: null });
      await settle();
      return { events: (await store.events(new Date(0))).filter((e) => e.type === "correction"), key: await store.hashKey() };
    };
    const base = { type: "correction", at: 1_700_000_000_000, platform: "slack", intent: "who_does" };
    const { events: hashed, key } = await run(false);
    expect(hashed).toHaveLength(2);
    expect(hashed).toEqual(
      expect.arrayContaining([
        { ...base, role: "database-administrator", expected: "data-architect", hash: questionHash(text, key), terms: ["restor"] },
        { ...base, expected: null, terms: [] },
      ]),
    );
    expect((await run(true)).events.find((e) => e.type === "correction" && e.expected === "data-architect")).toMatchObject({
      question: text,
    });
  });

  it("never fails or delays an answer: a store that rejects, throws or hangs", async () => {
    const logger = captureLogger();
    let t = 0;
    const failing = (record: Store["record"]): Store => ({ ...createMemoryStore(), record });
    for (const store of [
      failing(() => Promise.reject(new Error("disk full"))),
      failing(() => {
        throw new Error("broken");
      }),
      failing(() => new Promise(() => {})),
    ]) {
      const w = recordingWhodoes(core, store, { platform: "teams", logger, now: () => (t += 1000) });
      const started = performance.now();
      for (let i = 0; i < 5; i++) expect(w.ask("who restores a dropped table?").intent).toBe("who_does");
      expect(w.act({ do: "feedback", vote: "up", intent: "who_does" }).intent).toBeDefined();
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    await settle();
    // Warned, but not once per question: at most once a minute per recorder.
    expect(logger.at("warn")).toEqual([
      "usage: could not record usage; answering goes on",
      "usage: could not record usage; answering goes on",
    ]);
  });
});

describe("questionEvent", () => {
  const answer = (score: number, intent: Answer["intent"] = "who_does"): Answer => ({
    intent,
    title: "t",
    summary: "s",
    blocks: [],
    actions: [],
    roles: [
      {
        id: "data-manager",
        name: "Data manager",
        character: "c",
        score,
        evidence: [
          { responsibilityId: "r1", statement: [], terms: ["research", "data"] },
          { responsibilityId: "r2", statement: [], terms: ["data", "access"] },
        ],
      },
    ],
  });
  const opts = { platform: "web" };

  it("counts a weak who-does answer as unanswered, with the matched terms and no text", () => {
    const q = "a research team wants our EHR data, who should they talk to?";
    expect(questionEvent(q, answer(LOW_CONFIDENCE_SCORE - 0.01), opts, 5, KEY)).toEqual({
      type: "unanswered",
      at: 5,
      platform: "web",
      reason: "low_confidence",
      intent: "who_does",
      role: "data-manager",
      score: 0.24,
      hash: questionHash(q, KEY),
      terms: ["access", "data", "research"],
    });
    expect(questionEvent(q, answer(LOW_CONFIDENCE_SCORE), opts, 5)).toEqual({
      type: "asked",
      at: 5,
      platform: "web",
      intent: "who_does",
      role: "data-manager",
    });
    // Roles named outright are never "unsure", whatever their score.
    expect(questionEvent(q, answer(0.1, "describe_role"), opts, 5).type).toBe("asked");
  });

  it("cuts recorded text to a readable length", () => {
    const long = "x".repeat(100_000);
    const e = questionEvent(long, answer(0, "out_of_scope"), { platform: "web", recordQuestions: true }, 1, KEY);
    expect(e.type === "unanswered" && e.question?.length).toBe(500);
  });
});

describe("question hash", () => {
  it("is the same for the same question typed differently", () => {
    expect(normaliseQuestion("  Who RESTORES a dropped   table?? <@U123ABC>")).toBe("who restores a dropped table");
    expect(questionHash("who restores a dropped table", KEY)).toBe(questionHash("Who restores a dropped table?", KEY));
    expect(questionHash("who restores a dropped table", KEY)).not.toBe(questionHash("who drops a restored table", KEY));
    expect(questionHash("x", KEY)).toMatch(/^[0-9a-f]{64}$/);
    // Keyed: another installation's key gives another hash.
    expect(questionHash("x", KEY)).not.toBe(questionHash("x", Buffer.alloc(32, 8)));
  });
});
