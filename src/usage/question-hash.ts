/**
 * A question's fingerprint: the same question typed twice (different case, punctuation, spacing,
 * a Slack mention) gives the same hash, so the report can count repeats without keeping the text.
 */
import { createHash } from "node:crypto";

/** Lower-case letters and digits, one space between words; Slack tokens like <@U123> dropped. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/<[@#!][^>]*>/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** SHA-256 (hex) of the normalised question. */
export function questionHash(text: string): string {
  return createHash("sha256").update(normaliseQuestion(text)).digest("hex");
}
