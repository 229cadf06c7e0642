/**
 * Hostile and ordinary chat text for property tests: what people type, what Slack and Teams wrap it in,
 * and what an attacker or a broken client sends. Plus random valid ActionRefs (button payloads).
 */
import fc from "fast-check";
import { type ActionRef, INTENT_IDS } from "../../src/core/index.js";
import { ID_PATTERN } from "../../src/core/knowledge/schema.js";

/** Longest message the properties try: far beyond any platform's limit, to prove the core bounds its work. */
export const HUGE_LENGTH = 100_000;

const QUESTIONS = [
  "who restores a dropped table?",
  "who designs the data model for the new warehouse",
  "the nightly ETL load failed, who fixes it",
  "what does a data manager do",
  "compare data architect and DBA",
  "how do the data architect and the data warehouse engineer work together",
  "list the roles",
  "onboard me",
  "help",
  "hi",
];

const WORDS = [
  "who",
  "what",
  "does",
  "the",
  "a",
  "backup",
  "restore",
  "table",
  "warehouse",
  "schema",
  "pipeline",
  "ETL",
  "dba",
  "architect",
  "manager",
  "engineer",
  "data",
  "quality",
  "governance",
  "GDPR",
  "index",
  "query",
  "slow",
  "access",
  "grant",
  "model",
  "lineage",
  "retention",
  "policy",
  "dropped",
  "prod",
  "postgres",
  "dbt",
  "kafka",
  "vs",
  "and",
  "or",
  "not",
  "?",
  "!",
  "...",
];

const CONTROL = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\t",
  "\n",
  "\u000b",
  "\f",
  "\r",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u009f",
  "\u00ad",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u2028",
  "\u2029",
  "\u2060",
  "\ufeff",
  "\ufffd",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udfff",
];

const RTL = [
  "من يستعيد جدولا محذوفا؟",
  "מי משחזר טבלה שנמחקה?",
  "مدير قاعدة البيانات",
  "ניהול נתונים",
  "\u202e",
  "\u202b",
  "\u202a",
  "\u202c",
  "\u2066",
  "\u2067",
  "\u2069",
  "\u061c",
  "elbat deppord a serotser ohw\u202e",
];

const EMOJI = [
  "😀",
  "🔥",
  "👍",
  "👎",
  "👩‍💻",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇩🇪",
  "✋🏽",
  "❤️",
  "🐌",
  ":snail:",
  ":+1:",
  ":thumbsup::skin-tone-3:",
  "🧑🏿‍🔧",
  "1️⃣",
  "©️",
  "🫠",
  "\u{1F9D1}\u{200D}\u{1F4BB}",
];

const SLACK_TOKENS = [
  "<@U024BE7LH>",
  "<@W012A3CDE|ana>",
  "<#C0LAE2LE3|general>",
  "<#C0LAE2LE3>",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!subteam^S012AB3CD|@data-team>",
  "<!date^1392734382^{date_short}|Feb 18, 2014>",
  "<https://example.com|a link>",
  "<https://example.com>",
  "<mailto:dba@example.com|dba@example.com>",
  "&lt;",
  "&gt;",
  "&amp;",
  "*bold*",
  "_italic_",
  "~strike~",
  "`code`",
  "```block```",
  "> quote",
  "<@U0LAN0Z89> who restores a dropped table?",
];

const MARKUP = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<b>bold</b>",
  "<at>whodoes</at>",
  "<at>Adele Vance</at>",
  "&nbsp;",
  "&#x3C;",
  "<p>who owns the schema?</p>",
  "[link](https://evil.example)",
  "![img](https://evil.example/x.png)",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input on purpose, a placeholder a careless template would run
  "${process.exit()}",
  "'; DROP TABLE roles; --",
  '" onmouseover="alert(1)',
  "</div></body>",
  '{"do":"describe","role":"database-administrator"}',
  "__proto__",
  "constructor",
  "prototype",
  "toString",
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...QUESTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...RTL) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...SLACK_TOKENS) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
);

/** Repeat `seed` (or a filler when it is empty) to exactly HUGE_LENGTH UTF-16 units. */
function toHuge(seed: string): string {
  const unit = seed === "" ? "x" : seed;
  return unit.repeat(Math.ceil(HUGE_LENGTH / unit.length)).slice(0, HUGE_LENGTH);
}

/** Strings of 100,000 characters: one long word, repeated questions, hostile fragments, random code units. */
export const hugeText: fc.Arbitrary<string> = fc
  .oneof(
    fc.array(fragment, { minLength: 1, maxLength: 30 }).map((parts) => `${parts.join(" ")} `),
    fc.string({ unit: "binary", minLength: 1, maxLength: 200 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 50 }),
    fc.stringMatching(/^[a-z]{1,12}$/),
  )
  .map(toHuge);

/** Any text a chat message could carry, weighted towards the hostile kinds. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 6, arbitrary: fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(" ")) },
  { weight: 3, arbitrary: fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join("")) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 2000 }) },
  { weight: 1, arbitrary: hugeText },
);

/**
 * Role ids: the knowledge's own, and ids it does not know (a stale or forged button), shaped as ids are:
 * parseActionRef refuses anything else before it reaches the core.
 */
export function roleIdArb(knownIds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...knownIds) },
    { weight: 1, arbitrary: fc.stringMatching(ID_PATTERN).filter((id) => id.length <= 100) },
  );
}

/**
 * A button value's most: parseActionRef refuses a longer JSON string (Slack's button value limit too). An
 * `ask` of 1,000 control characters is within the schema but escapes to ~6,000 characters of JSON.
 */
export const MAX_ACTION_JSON = 2000;

/** Every kind of ActionRef the core's parseActionRef accepts, with values across their whole valid ranges. */
export function actionRefArb(knownIds: readonly string[]): fc.Arbitrary<ActionRef> {
  return anyActionRef(knownIds).filter((ref) => JSON.stringify(ref).length <= MAX_ACTION_JSON);
}

function anyActionRef(knownIds: readonly string[]): fc.Arbitrary<ActionRef> {
  const role = roleIdArb(knownIds);
  return fc.oneof(
    fc.record({ do: fc.constant("describe" as const), role }),
    fc.record({ do: fc.constant("compare" as const), roles: fc.tuple(role, role) }),
    fc.record({ do: fc.constant("collaborate" as const), role, with: role }, { requiredKeys: ["do", "role"] }),
    fc.record({ do: fc.constant("onboard" as const), role, step: fc.integer({ min: 1, max: 50 }) }, { requiredKeys: ["do"] }),
    fc.record(
      { do: fc.constant("quiz" as const), role, q: fc.integer({ min: 1, max: 20 }), pick: fc.integer({ min: 0, max: 20 }) },
      { requiredKeys: ["do", "role", "q"] },
    ),
    fc.constant({ do: "roles" as const }),
    fc.constant({ do: "help" as const }),
    fc.record({ do: fc.constant("ask" as const), text: anyText.map((t) => t.slice(0, 1000)) }),
    fc.record(
      {
        do: fc.constant("feedback" as const),
        vote: fc.constantFrom("up" as const, "down" as const),
        intent: fc.constantFrom(...INTENT_IDS),
        role,
        q: questionId,
      },
      { requiredKeys: ["do", "vote", "intent"] },
    ),
    fc.record(
      {
        do: fc.constant("correct" as const),
        intent: fc.constantFrom(...INTENT_IDS),
        role,
        expected: fc.option(role, { nil: null }),
        q: questionId,
      },
      { requiredKeys: ["do", "intent", "expected"] },
    ),
    fc.record({ do: fc.constant("handoff" as const), q: questionId }),
    fc.record({
      do: fc.constant("triage" as const),
      q: questionId,
      step: fc.constantFrom("claim" as const, "answered" as const),
    }),
  );
}

/** A kept question's id, as a button carries it (random, base64url). */
const questionId = fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/);
