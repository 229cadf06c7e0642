/**
 * A question kept for a short while under a random id, so the buttons under its answer can name it
 * without carrying its text: "Ask the data team" hands exactly these words on (and only for the person
 * who typed them), and a 👎 and its correction are grouped with the question's hash. Kept with a
 * time-to-live in the store (Redis when instances share one), then gone. The words themselves are kept
 * only where they may be needed (a platform that can hand questions over, or RECORD_QUESTIONS=true);
 * otherwise only the hash, as for unanswered questions.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { parseChecked } from "../core/index.js";
import type { Store } from "../store/store.js";
import { questionHash } from "./question-hash.js";

/** How long the buttons under an answer can still hand its question over or correct it. */
export const QUESTION_TTL_MS = 2 * 60 * 60 * 1000;

const askedSchema = z.object({
  /** The question's keyed hash (question-hash.ts, with the store's key): what a correction is grouped by. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The words, when they may be needed (see keepQuestion). */
  text: z.string().max(4000).optional(),
  /** "slack", "teams", "web". */
  platform: z.string().max(40),
  /** Who asked, as the platform names people (a Slack or Teams user id); absent where there are no users. */
  asker: z.string().max(200).optional(),
  /** Their display name, when the platform said it (Teams). */
  askerName: z.string().max(200).optional(),
  /** Where and how to reach the asker privately, in the platform's own terms (opaque here). */
  reply: z.unknown().optional(),
  /** What the bot answered: the intent and its first role. */
  intent: z.string().max(80),
  role: z.string().max(120).optional(),
  /** The roles a hand-off goes to first, best first. */
  likely: z.array(z.string().max(120)).max(10),
  /** The knowledge terms the answer matched (never the question's other words). */
  terms: z.array(z.string().max(80)).max(50),
  at: z.number(),
});

export type AskedQuestion = z.infer<typeof askedSchema>;

/** A question as an adapter hands it over: the words, and whether to keep them or only their hash. */
export type NewQuestion = Omit<AskedQuestion, "hash" | "text"> & { text: string };

const key = (id: string) => `asked:${id}`;
/** Longer than any record keepQuestion writes (the words, the terms and a Teams address, a few kB). */
const MAX_KEPT_CHARS = 32_000;

/**
 * Keep `question` and return its id: 18 random bytes, so nobody can guess another person's.
 * @param keepText keep the words too (a hand-off may send them, or RECORD_QUESTIONS=true records them); else only their hash.
 */
export async function keepQuestion(
  store: Store,
  question: NewQuestion,
  keepText: boolean,
  ttlMs = QUESTION_TTL_MS,
): Promise<string> {
  const id = randomBytes(18).toString("base64url");
  const { text, ...rest } = question;
  const kept: AskedQuestion = { ...rest, hash: questionHash(text, await store.hashKey()), ...(keepText ? { text } : {}) };
  await store.remember(key(id), JSON.stringify(kept), ttlMs);
  return id;
}

/** The question kept under `id`, or undefined when it has expired, never was, or is damaged. */
export async function recallQuestion(store: Store, id: string): Promise<AskedQuestion | undefined> {
  const raw = await store.recall(key(id));
  return raw === undefined ? undefined : parseChecked(askedSchema, raw, MAX_KEPT_CHARS);
}
