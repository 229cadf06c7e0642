/**
 * A question's fingerprint: the same question typed twice (different case, punctuation, spacing,
 * a Slack mention) gives the same hash, so the report can count repeats without keeping the text.
 * The hash is keyed (HMAC-SHA256 with the installation's key, see Store.hashKey): a plain hash of a
 * short question can be found again by hashing guesses, a keyed one only by whoever holds the key.
 */
import { createHmac } from "node:crypto";

/** Lower-case letters and digits, one space between words; Slack tokens like <@U123> dropped. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/<[@#!][^>]*>/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** HMAC-SHA256 (hex) of the normalised question under `key`. */
export function questionHash(text: string, key: Buffer): string {
  return createHmac("sha256", key).update(normaliseQuestion(text)).digest("hex");
}
