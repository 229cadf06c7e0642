/**
 * The asker's own role: "I'm a DBA, what does a data architect do?", "as a junior ETL dev, is partitioning my
 * job?", "DBA here, who owns retention?". A role named so says who asks, not whom the question is about.
 * Grammar, not knowledge: the same whatever roles the knowledge holds.
 */
import type { RoleMention } from "./role-finder.js";

/** Words right before a role that make it the asker's ("I'm a", "as an"), as the words read: "I'm" is "i". */
const SELF_FRAMES: readonly (readonly string[])[] = [
  ["i", "a"],
  ["i", "an"],
  ["i", "the"],
  ["i", "am", "a"],
  ["i", "am", "an"],
  ["i", "am", "the"],
  ["im", "a"],
  ["im", "an"],
  ["as", "a"],
  ["as", "an"],
  // "I've been a DBA for ten years and now ...": who has been one is who asks.
  ["been", "a"],
  ["been", "an"],
];
/** A word that may stand between the frame and the role ("I'm a junior DBA"). */
const DESCRIBING: ReadonlySet<string> = new Set([
  "new",
  "junior",
  "trainee",
  "senior",
  "lead",
  "principal",
  "experienced",
  "former",
  "certified",
  "solo",
  "lone",
  "sole",
  "contract",
  "freelance",
]);

/** Words before "as a" that make it a comparison ("the same thing as a DBA", "as good as an architect"). */
const COMPARING: ReadonlySet<string> = new Set(["same", "thing", "such", "much", "well", "good", "as", "similar", "just"]);

export function namesTheAsker(words: readonly string[], m: Pick<RoleMention, "start" | "end">): boolean {
  if (words[m.end] === "here") return true;
  const at = DESCRIBING.has(words[m.start - 1] ?? "") ? m.start - 1 : m.start;
  return SELF_FRAMES.some(
    (frame) =>
      frame.every((w, k) => words[at - frame.length + k] === w) &&
      !(frame[0] === "as" && COMPARING.has(words[at - frame.length - 1] ?? "")) &&
      // "am I a DBA or a data engineer?" asks what the asker is; it does not tell.
      !(frame[0] === "i" && words[at - frame.length - 1] === "am"),
  );
}
