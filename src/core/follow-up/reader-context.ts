/** What the follow-up readers share: the knowledge, the matcher, the names a follow-up may use short, what they read, and how a reading is written. */
import type { IntentId } from "../intents.js";
import type { Knowledge, Role } from "../knowledge/types.js";
import type { Matcher, MatchResult, RankedRole } from "../matcher.js";
import type { Last } from "./last-turn.js";
import type { Names } from "./names.js";
import type { Reference } from "./references.js";

export interface ReaderContext {
  knowledge: Knowledge;
  matcher: Matcher;
  names: Names;
}

/** A message read against the last turn: its text, what the matcher read of it alone, the last turn, and the words in the message that point back. */
export interface Reading {
  text: string;
  plain: MatchResult;
  last: Last;
  refs: Reference[];
}

/** The message read as `plain`, now asking `intent` about the roles `named`, ranked as `ranked`. */
export const result = (plain: MatchResult, intent: IntentId, named: Role[], ranked: RankedRole[] = []): MatchResult => ({
  ...plain,
  intent,
  named,
  ranked,
});
