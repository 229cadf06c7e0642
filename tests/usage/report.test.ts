/** The usage report: counting (pure) and the table a maintainer reads (exact output). */
import { describe, expect, it } from "vitest";
import type { UsageEvent } from "../../src/store/store.js";
import { parseDuration } from "../../src/usage/duration.js";
import { questionHash } from "../../src/usage/question-hash.js";
import { buildReport } from "../../src/usage/report.js";
import { formatReport } from "../../src/usage/report-table.js";

const T = Date.UTC(2025, 2, 10, 12, 0);
const window = { since: new Date(T - 7 * 86_400_000), until: new Date(T) };
/** Any key: these hashes only name questions here. */
const KEY = Buffer.alloc(32, 1);
const H1 = questionHash("what time is the all-hands", KEY);
const H2 = questionHash("who owns the sepsis study data", KEY);

const events: UsageEvent[] = [
  { type: "asked", at: T - 1000, platform: "slack", intent: "who_does", role: "database-administrator" },
  { type: "asked", at: T - 2000, platform: "teams", intent: "who_does", role: "database-administrator" },
  { type: "asked", at: T - 3000, platform: "slack", intent: "describe_role", role: "data-architect" },
  { type: "asked", at: T - 4000, platform: "web", intent: "greeting" },
  { type: "unanswered", at: T - 5000, platform: "slack", reason: "out_of_scope", intent: "out_of_scope", hash: H1, terms: [] },
  {
    type: "unanswered",
    at: T - 6000,
    platform: "slack",
    reason: "out_of_scope",
    intent: "out_of_scope",
    hash: H1,
    terms: [],
    question: "What time is the all-hands?",
  },
  {
    type: "unanswered",
    at: T - 7000,
    platform: "teams",
    reason: "low_confidence",
    intent: "who_does",
    role: "data-manager",
    score: 0.2,
    hash: H2,
    terms: ["research", "data"],
  },
  { type: "feedback", at: T - 100, platform: "slack", vote: "down", intent: "who_does", role: "data-architect" },
  { type: "feedback", at: T - 200, platform: "slack", vote: "down", intent: "who_does", role: "data-architect" },
  { type: "feedback", at: T - 300, platform: "teams", vote: "up", intent: "who_does", role: "data-architect" },
  { type: "feedback", at: T - 400, platform: "teams", vote: "down", intent: "collaboration" },
  { type: "feedback", at: T - 500, platform: "teams", vote: "up", intent: "who_does", role: "database-administrator" },
  // Outside the window: ignored.
  { type: "feedback", at: T - 8 * 86_400_000, platform: "slack", vote: "down", intent: "help" },
  { type: "asked", at: T + 1, platform: "slack", intent: "help" },
];

describe("buildReport", () => {
  const report = buildReport(events, window);

  it("counts the window's questions and feedback", () => {
    expect(report.since).toBe("2025-03-03T12:00:00.000Z");
    expect(report.until).toBe("2025-03-10T12:00:00.000Z");
    expect(report.totals).toEqual({ questions: 7, answered: 4, unanswered: 3, up: 2, down: 3, corrections: 0 });
  });

  it("groups unanswered questions by hash, most frequent first, with the text when any was recorded", () => {
    expect(report.unanswered).toEqual([
      {
        hash: H1,
        question: "What time is the all-hands?",
        terms: [],
        count: 2,
        outOfScope: 2,
        lowConfidence: 0,
        lastAt: new Date(T - 5000).toISOString(),
      },
      {
        hash: H2,
        terms: ["data", "research"],
        count: 1,
        outOfScope: 0,
        lowConfidence: 1,
        lastAt: new Date(T - 7000).toISOString(),
      },
    ]);
  });

  it("lists answers with a 👎, most 👎 first, and what is asked about most", () => {
    expect(report.disliked).toEqual([
      { intent: "who_does", role: "data-architect", up: 1, down: 2 },
      { intent: "collaboration", up: 0, down: 1 },
    ]);
    expect(report.intents).toEqual([
      { intent: "who_does", count: 3 },
      { intent: "out_of_scope", count: 2 },
      { intent: "describe_role", count: 1 },
      { intent: "greeting", count: 1 },
    ]);
    expect(report.roles).toEqual([
      { role: "database-administrator", count: 2 },
      { role: "data-architect", count: 1 },
      { role: "data-manager", count: 1 },
    ]);
  });

  it("keeps each list to the row limit", () => {
    const many: UsageEvent[] = Array.from({ length: 30 }, (_, i) => ({
      type: "unanswered",
      at: T - i,
      platform: "web",
      reason: "out_of_scope",
      intent: "out_of_scope",
      hash: questionHash(`q${i}`, KEY),
      terms: [],
    }));
    expect(buildReport(many, window).unanswered).toHaveLength(10);
    expect(buildReport(many, window, 3).unanswered).toHaveLength(3);
  });
});

describe("formatReport", () => {
  it("prints one readable table per section", () => {
    expect(formatReport(buildReport(events, window))).toBe(
      [
        "whodoes usage from 2025-03-03 12:00 to 2025-03-10 12:00 UTC",
        "7 question(s): 4 answered, 3 unanswered or unsure; feedback: 2 up, 3 down, 0 correction(s)",
        "",
        "Most frequent unanswered questions (add keywords or examples to intents/ for these)",
        "  count  why           question (or hash: matched terms)",
        '      2  out of scope  "What time is the all-hands?"',
        `      1  unsure        #${H2.slice(0, 12)}: data, research`,
        "  (#… are questions recorded without their text. Set RECORD_QUESTIONS=true where whodoes runs to keep the text",
        "  of unanswered questions, from then on; chat text can be sensitive, so it is off by default.)",
        "",
        "Corrections after a thumbs-down (whodoes report --suggest proposes edits for these)",
        "  none",
        "",
        "Answers with the most thumbs-down",
        "  down  up  intent         role",
        "     2   1  who_does       data-architect",
        "     1   0  collaboration  -",
        "",
        "Most asked intents",
        "  count  intent",
        "      3  who_does",
        "      2  out_of_scope",
        "      1  describe_role",
        "      1  greeting",
        "",
        "Most asked-about roles",
        "  count  role",
        "      2  database-administrator",
        "      1  data-architect",
        "      1  data-manager",
        "",
      ].join("\n"),
    );
  });

  it("says none for empty sections, and makes hostile question text inert", () => {
    const empty = formatReport(buildReport([], window));
    expect(empty).toContain("0 question(s): 0 answered, 0 unanswered or unsure; feedback: 0 up, 0 down, 0 correction(s)");
    expect(empty.match(/^ {2}none$/gm)).toHaveLength(5);

    const hostile = formatReport(
      buildReport(
        [
          {
            type: "unanswered",
            at: T - 1,
            platform: "slack",
            reason: "out_of_scope",
            intent: "out_of_scope",
            hash: H1,
            terms: [],
            question: `evil\u001b[2J\nline\u202Eredro ${"🙂".repeat(80)}`,
          },
        ],
        window,
      ),
    );
    const row = hostile.split("\n").find((l) => l.includes("evil")) ?? "";
    expect(row).toMatch(/^ {6}1 {2}out of scope {2}"evil \[2J line redro 🙂+…$/u);
    expect(hostile.includes("\u001b") || hostile.includes("\u202E")).toBe(false);
    // Every question has its text: no hint about recording it.
    expect(hostile).not.toContain("RECORD_QUESTIONS");
  });
});

describe("parseDuration", () => {
  it("reads minutes, hours, days and weeks", () => {
    expect(parseDuration("30m")).toBe(30 * 60_000);
    expect(parseDuration("12h")).toBe(12 * 3_600_000);
    expect(parseDuration("7d")).toBe(7 * 86_400_000);
    expect(parseDuration("4w")).toBe(28 * 86_400_000);
    expect(parseDuration("7D")).toBe(7 * 86_400_000);
  });
  it("rejects anything else", () => {
    for (const bad of ["", "7", "d", "0d", "-1d", "1.5d", "7 days", "1y", "9999999d"]) expect(parseDuration(bad)).toBeUndefined();
  });
});
