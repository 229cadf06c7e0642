/**
 * What a button does, and the check it passes on the way back: button payloads come back from Slack,
 * Teams and the web chat as untrusted data. Only ids and small numbers travel, never state, so any
 * instance can serve the click. The ActionRef type is the schema's, so the two cannot drift apart.
 */
import { z } from "zod";
import { INTENT_IDS } from "./intents.js";
import { ID_PATTERN } from "./knowledge/schema.js";
import { MAX_QUESTION_CHARS } from "./limits.js";
import { parseChecked } from "./parse-checked.js";

/** Shaped like a role id of the knowledge: nothing else (markup, terminal escapes) travels on as one. */
const roleId = z.string().min(1).max(100).regex(ID_PATTERN);
/**
 * A question kept for a while in the store under a random id (adapters/asked.ts): a button names it, never
 * carries its text, so a forged button can neither make up a question nor guess someone else's.
 */
export const QUESTION_ID = /^[A-Za-z0-9_-]{16,40}$/;
const questionId = z.string().regex(QUESTION_ID);
/** Roles a "Compare all roles" button may put first: the two of a comparison, with room to spare. */
const MAX_FIRST = 5;
const actionRefSchema = z.discriminatedUnion("do", [
  z.object({ do: z.literal("describe"), role: roleId }),
  z.object({ do: z.literal("compare"), roles: z.tuple([roleId, roleId]) }),
  z.object({ do: z.literal("compareAll"), first: z.array(roleId).max(MAX_FIRST).optional() }),
  z.object({ do: z.literal("collaborate"), role: roleId, with: roleId.optional() }),
  z.object({ do: z.literal("onboard"), role: roleId.optional(), step: z.number().int().min(1).max(50).optional() }),
  z.object({
    do: z.literal("quiz"),
    role: roleId,
    q: z.number().int().min(1).max(20),
    pick: z.number().int().min(0).max(20).optional(),
  }),
  z.object({ do: z.literal("roles") }),
  z.object({ do: z.literal("help") }),
  z.object({ do: z.literal("ask"), text: z.string().max(MAX_QUESTION_CHARS) }),
  z.object({
    do: z.literal("feedback"),
    vote: z.enum(["up", "down"]),
    intent: z.enum(INTENT_IDS),
    role: roleId.optional(),
    q: questionId.optional(),
  }),
  /** After a 👎: the role the answer should have named (null: none of them). */
  z.object({
    do: z.literal("correct"),
    intent: z.enum(INTENT_IDS),
    role: roleId.optional(),
    expected: roleId.nullable(),
    q: questionId.optional(),
  }),
  /** "Ask the data team": hand the question to people (Slack and Teams adapters act on it). */
  z.object({ do: z.literal("handoff"), q: questionId }),
  /** Claim or Answered on a question handed to the data team. */
  z.object({ do: z.literal("triage"), q: questionId, step: z.enum(["claim", "answered"]) }),
]);

/** What a button does. Small and id-only, so it fits in a Slack value or a card's data. */
export type ActionRef = z.infer<typeof actionRefSchema>;

/** The ActionRef in a button payload (a JSON string or an object), or undefined if it is not one. */
export function parseActionRef(value: unknown): ActionRef | undefined {
  return parseChecked(actionRefSchema, value, 2000);
}
