/** The shape of each file in an intents/ directory. Messages here reach users editing YAML. */
import { z } from "zod";
import { INTENT_IDS } from "../answer.js";

const text = z.string().trim().min(1, "must not be empty");
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "must be lower-case words joined by - (e.g. data-architect)");
const words = z.array(text);

export const responsibilitySchema = z.strictObject({
  id,
  statement: text,
  keywords: words.min(1, "list at least one keyword"),
  concerns: z.array(id).default([]),
  how: text.optional(),
});

export const roleFileSchema = z.strictObject({
  id,
  name: text,
  short: text.max(30, "must be 30 characters or fewer (it labels buttons)").optional(),
  character: text,
  aliases: words.default([]),
  summary: text,
  note: text.optional(),
  responsibilities: z.array(responsibilitySchema).min(1, "list at least one responsibility"),
  example: text,
  works_with: z.array(z.strictObject({ role: id, how: text })).default([]),
  first_week: words.min(1, "list at least one first-week step"),
});

export const intentsFileSchema = z.strictObject({
  intents: z.array(
    z.strictObject({
      id: z.enum(INTENT_IDS, { error: `must be one of: ${INTENT_IDS.join(", ")}` }),
      description: text,
      cues: words.default([]),
      examples: words.default([]),
    }),
  ),
});

export const thesaurusFileSchema = z.strictObject({
  abbreviations: z.record(text, text).default({}),
  synonyms: z.record(text, words).default({}),
  weak: words.default([]),
});

export type RoleFile = z.infer<typeof roleFileSchema>;
