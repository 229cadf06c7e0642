/**
 * What the bot remembers about its use, for `whodoes report`. One event per typed question (asked or
 * unanswered), one per 👍/👎, and one per correction (after a 👎, the role it should have been). Events
 * carry no user ids, and question text only when the operator opted in (RECORD_QUESTIONS=true).
 */
import { z } from "zod";

const base = {
  /** When it happened, ms since the epoch. */
  at: z.number().finite(),
  /** Where: "slack", "teams", "web", "cli". */
  platform: z.string().max(40),
};

const intent = z.string().max(80);
const roleId = z.string().max(120);

export const usageEventSchema = z.discriminatedUnion("type", [
  /** A question that got a confident answer. */
  z.object({ ...base, type: z.literal("asked"), intent, role: roleId.optional() }),
  /** A question the bot could not answer (out of scope) or answered with little confidence. */
  z.object({
    ...base,
    type: z.literal("unanswered"),
    reason: z.enum(["out_of_scope", "low_confidence"]),
    intent,
    role: roleId.optional(),
    /** The top role's score, for low-confidence answers. */
    score: z.number().optional(),
    /** HMAC-SHA256 of the normalised question with the installation's key: groups repeats without keeping the text. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** The knowledge terms the question matched (the answer's evidence), never free text. */
    terms: z.array(z.string().max(80)).max(50),
    /** The question as typed, only with RECORD_QUESTIONS=true. */
    question: z.string().max(4000).optional(),
  }),
  /** A 👍 or 👎 on an answer. */
  z.object({ ...base, type: z.literal("feedback"), vote: z.enum(["up", "down"]), intent, role: roleId.optional() }),
  /** After a 👎: the role the answer should have named (null: none of the data roles). */
  z.object({
    ...base,
    type: z.literal("correction"),
    /** What the answer was: its intent and first role. */
    intent,
    role: roleId.optional(),
    expected: roleId.nullable(),
    /** The question's hash, as unanswered questions have it; absent when the question was no longer kept. */
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    terms: z.array(z.string().max(80)).max(50).default([]),
    /** The question as typed, only with RECORD_QUESTIONS=true. */
    question: z.string().max(4000).optional(),
  }),
]);

export type UsageEvent = z.infer<typeof usageEventSchema>;

/** Parse one stored event; undefined for anything damaged or foreign (a torn line, an old format). */
export function parseUsageEvent(value: unknown): UsageEvent | undefined {
  const parsed = usageEventSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Parse one JSON line; undefined when it is not an event. */
export function parseUsageEventLine(line: string): UsageEvent | undefined {
  if (line.trim() === "") return undefined;
  try {
    return parseUsageEvent(JSON.parse(line));
  } catch {
    return undefined;
  }
}
