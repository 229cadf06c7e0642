/**
 * Properties of the core over any text: an answer always comes back (never a throw), well formed,
 * deterministic, and quickly, whatever a chat client or an attacker sends.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { type Answer, createWhodoes, INTENT_IDS, loadKnowledge, parseActionRef, type RoleCard } from "../../src/core/index.js";
import { actionRefArb, anyText, HUGE_LENGTH, hugeText } from "./arbitraries.js";
import { createTimings } from "./timings.js";

const knowledge = loadKnowledge();
const whodoes = createWhodoes(knowledge);
// A second instance that only answers the re-asks: any state carried between calls would show as a difference.
const other = createWhodoes(knowledge);
const roleIds = knowledge.roles.map((r) => r.id);

/**
 * Per-call budget on this 2-core machine, shared with other work: checked on the 95th percentile, not on
 * single calls. Known outlier: one 100,000-letter "word" with no spaces costs 30-200 ms (the Porter
 * stemmer's regexes are slow on a huge token), so the 99th percentile of the mixed run is reported only.
 */
const BUDGET_MS = 50;
/** A single call this slow means a blow-up (quadratic or worse work), not a busy machine. */
const BLOW_UP_MS = 2_000;

/** A short, printable description of an input, for the timing report. */
function describeInput(text: string): string {
  const spaces = (text.match(/\s/g) ?? []).length;
  return `${text.length.toLocaleString("en-US")} chars, ${spaces} spaces, starts ${JSON.stringify(text.slice(0, 24))}`;
}

function rolesIn(answer: Answer): RoleCard[] {
  return [...answer.roles, ...answer.blocks.flatMap((b) => (b.type === "role" ? [b.role] : []))];
}

/** What every answer must be, whatever the question. */
function expectWellFormed(answer: Answer): void {
  expect(INTENT_IDS).toContain(answer.intent);
  expect(typeof answer.title).toBe("string");
  expect(answer.title.trim()).not.toBe("");
  expect(answer.summary.trim()).not.toBe("");
  expect(Array.isArray(answer.blocks)).toBe(true);
  // Renderers rely on this: Slack refuses a section whose text is empty.
  for (const block of answer.blocks) {
    if (block.type === "text")
      expect(
        block.text
          .map((s) => s.text)
          .join("")
          .trim(),
      ).not.toBe("");
    if (block.type === "heading") expect(block.text.trim()).not.toBe("");
    if (block.type === "choices") expect(block.prompt.trim()).not.toBe("");
  }
  for (const role of rolesIn(answer)) {
    expect(roleIds).toContain(role.id);
    expect(Number.isFinite(role.score)).toBe(true);
    expect(role.score).toBeGreaterThanOrEqual(0);
    expect(role.score).toBeLessThanOrEqual(1);
  }
  // Every button must survive the trip through a platform and back.
  const actions = [...answer.actions, ...answer.blocks.flatMap((b) => (b.type === "choices" ? b.choices : []))];
  for (const action of actions) {
    expect(action.label.trim()).not.toBe("");
    expect(parseActionRef(JSON.stringify(action.action))).toEqual(action.action);
  }
}

const askTimings = createTimings();
const hugeTimings = createTimings();

afterAll(() => {
  // Reported, not only asserted: the figures say how far from the budget the core is.
  console.info(`core ask timings: ${askTimings.summary()}`);
  console.info(`core ask timings, ${HUGE_LENGTH.toLocaleString("en-US")}-character texts: ${hugeTimings.summary()}`);
});

describe("core: any text", () => {
  it("gives a well-formed, deterministic answer without throwing", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const answer = askTimings.time(() => whodoes.ask(text), describeInput(text));
        expectWellFormed(answer);
        expect(other.ask(text)).toEqual(answer);
        expect(whodoes.ask(text)).toEqual(answer);
      }),
      { numRuns: 600 },
    );
    expect(askTimings.percentile(95)).toBeLessThanOrEqual(BUDGET_MS);
    expect(askTimings.max()).toBeLessThan(BLOW_UP_MS);
  });

  it(`answers ${HUGE_LENGTH.toLocaleString("en-US")}-character texts within the budget`, () => {
    fc.assert(
      fc.property(hugeText, (text) => {
        expect(text).toHaveLength(HUGE_LENGTH);
        expectWellFormed(hugeTimings.time(() => whodoes.ask(text), describeInput(text)));
      }),
      { numRuns: 40 },
    );
    expect(hugeTimings.percentile(50)).toBeLessThanOrEqual(BUDGET_MS);
    expect(hugeTimings.max()).toBeLessThan(BLOW_UP_MS);
  });

  it("answers the edge cases by name", () => {
    const cases = [
      "",
      " ",
      "\u0000",
      "\ud800",
      "\u202e",
      "👍",
      "<!channel>",
      "<script>",
      "a".repeat(HUGE_LENGTH),
      " ".repeat(HUGE_LENGTH),
    ];
    for (const text of cases) expectWellFormed(whodoes.ask(text));
  });
});

describe("core: any button", () => {
  it("every valid ActionRef passes parseActionRef and gives a well-formed, deterministic answer", () => {
    fc.assert(
      fc.property(actionRefArb(roleIds), (ref) => {
        // The generator only makes refs the core accepts from a button; prove it, then press the button.
        expect(parseActionRef(JSON.stringify(ref))).toEqual(ref);
        const answer = whodoes.act(ref);
        expectWellFormed(answer);
        expect(other.act(ref)).toEqual(answer);
      }),
      { numRuns: 500 },
    );
  });
});
