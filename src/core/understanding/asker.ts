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

/** Words right after a role that make it the asker's ("DBA here, ...", "from a DBA background, ..."). */
const AFTER_THE_ASKER: ReadonlySet<string> = new Set(["here", "background", "backgrounds"]);

/** Words for moving from one job to another ("moving from DBA into architecture", "promoted from engineer to ..."). */
const MOVING: ReadonlySet<string> = new Set([
  "move",
  "moving",
  "moved",
  "switch",
  "switching",
  "switched",
  "transition",
  "transitioning",
  "transitioned",
  "promoted",
  "pivot",
  "pivoting",
  "shift",
  "shifting",
  "coming",
  "going",
]);

/**
 * "moving from DBA into a data architect role", "promoted from senior data engineer to architect": the role
 * moved from is the asker's, with a moving word just before "from" and "to" or "into" a few words after it.
 */
function movesFrom(words: readonly string[], at: number, end: number): boolean {
  const from = ["a", "an", "the", "being"].includes(words[at - 1] ?? "") ? at - 2 : at - 1;
  return (
    words[from] === "from" &&
    words.slice(Math.max(0, from - 3), from).some((w) => MOVING.has(w)) &&
    words.slice(end, end + 6).some((w) => w === "to" || w === "into")
  );
}

export function namesTheAsker(words: readonly string[], m: Pick<RoleMention, "start" | "end">): boolean {
  if (AFTER_THE_ASKER.has(words[m.end] ?? "")) return true;
  const at = DESCRIBING.has(words[m.start - 1] ?? "") ? m.start - 1 : m.start;
  if (movesFrom(words, at, m.end)) return true;
  return SELF_FRAMES.some(
    (frame) =>
      frame.every((w, k) => words[at - frame.length + k] === w) &&
      !(frame[0] === "as" && COMPARING.has(words[at - frame.length - 1] ?? "")) &&
      // "am I a DBA or a data engineer?" asks what the asker is; it does not tell.
      !(frame[0] === "i" && words[at - frame.length - 1] === "am"),
  );
}
