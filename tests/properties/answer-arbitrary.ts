/**
 * Synthetic Answers, larger and stranger than the core makes today (long lists, many roles and buttons,
 * hostile text everywhere, a big organisation directory), to prove the renderers' limits hold for any
 * answer, not only for today's knowledge.
 */
import fc from "fast-check";
import {
  type Action,
  type Answer,
  type Block,
  type Contacts,
  INTENT_IDS,
  type RichText,
  type RoleCard,
} from "../../src/core/index.js";
import { contacts } from "../helpers/contacts.js";
import { actionRefArb, anyText } from "./arbitraries.js";

const shortText = fc.oneof(
  { weight: 3, arbitrary: anyText.map((t) => t.slice(0, 200)) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4000 }) },
);
const longText = fc.oneof(
  shortText,
  anyText.map((t) => t.slice(0, 20_000)),
);

const richText: fc.Arbitrary<RichText> = fc.array(
  fc.record({ text: shortText, strong: fc.boolean() }, { requiredKeys: ["text"] }),
  {
    maxLength: 8,
  },
);
/**
 * Text that shows something. The core never sends an empty paragraph or prompt (core.property.test.ts
 * checks it), and the Slack renderer relies on that: Slack refuses a section with empty text.
 */
const visible = (t: string | RichText) => (typeof t === "string" ? t : t.map((s) => s.text).join("")).trim() !== "";
const someRichText = richText.filter(visible);
const someText = shortText.filter(visible);

function roleCardArb(ids: readonly string[]): fc.Arbitrary<RoleCard> {
  return fc.record(
    {
      id: fc.constantFrom(...ids),
      name: shortText,
      character: shortText,
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      how: richText,
      evidence: fc.array(
        fc.record({
          responsibilityId: fc.string({ maxLength: 40 }),
          statement: richText,
          terms: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
        }),
        { maxLength: 6 },
      ),
    },
    { requiredKeys: ["id", "name", "character", "score", "evidence"] },
  );
}

function actionArb(ids: readonly string[]): fc.Arbitrary<Action> {
  return fc.record(
    {
      label: shortText.filter((l) => l.trim() !== ""),
      action: actionRefArb(ids),
      style: fc.constantFrom("primary" as const, "danger" as const),
    },
    { requiredKeys: ["label", "action"] },
  );
}

const person = fc.record({ id: fc.string({ minLength: 1, maxLength: 60 }), name: shortText });
const contactsArb: fc.Arbitrary<Contacts> = fc
  .record(
    {
      slack: fc.record({
        users: fc.array(fc.stringMatching(/^[UW][A-Z0-9]{8,10}$/), { maxLength: 15 }),
        groups: fc.array(fc.stringMatching(/^S[A-Z0-9]{8,10}$/), { maxLength: 5 }),
        channels: fc.array(fc.stringMatching(/^C[A-Z0-9]{8,10}$/), { maxLength: 5 }),
      }),
      teams: fc.record({ users: fc.array(person, { maxLength: 15 }), channels: fc.array(person, { maxLength: 5 }) }),
      emails: fc.array(fc.emailAddress(), { maxLength: 15 }),
      note: shortText,
    },
    { requiredKeys: ["slack", "teams", "emails"] },
  )
  .map(contacts);

function blockArb(ids: readonly string[]): fc.Arbitrary<Block> {
  return fc.oneof(
    fc.record({ type: fc.constant("text" as const), text: someRichText }),
    fc.record({ type: fc.constant("heading" as const), text: someText }),
    fc.record(
      { type: fc.constant("list" as const), items: fc.array(richText, { maxLength: 40 }), ordered: fc.boolean() },
      { requiredKeys: ["type", "items"] },
    ),
    fc.record({
      type: fc.constant("fields" as const),
      fields: fc.array(fc.record({ label: shortText, value: richText }), { maxLength: 25 }),
    }),
    fc.record({ type: fc.constant("role" as const), role: roleCardArb(ids) }),
    fc.record({
      type: fc.constant("progress" as const),
      step: fc.integer({ min: 1, max: 50 }),
      total: fc.integer({ min: 1, max: 50 }),
    }),
    fc.record({ type: fc.constant("choices" as const), prompt: someText, choices: fc.array(actionArb(ids), { maxLength: 30 }) }),
    fc.record({
      type: fc.constant("people" as const),
      roleId: fc.constantFrom(...ids),
      roleName: shortText,
      contacts: contactsArb,
    }),
  );
}

/** Any Answer the contract allows (the core always gives a title: its own property test checks that). */
export function answerArb(ids: readonly string[]): fc.Arbitrary<Answer> {
  return fc.record({
    intent: fc.constantFrom(...INTENT_IDS),
    title: someText,
    // Empty means "use the title"; otherwise it says something (the core's summaries always do).
    summary: fc.oneof(fc.constant(""), longText.filter(visible)),
    blocks: fc.array(blockArb(ids), { maxLength: 70 }),
    roles: fc.array(roleCardArb(ids), { maxLength: 6 }),
    actions: fc.array(actionArb(ids), { maxLength: 30 }),
  });
}
