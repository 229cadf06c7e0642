/** What the follow-up readers share: the knowledge, the matcher, the names a follow-up may use short, and how a reading is written. */
import type { IntentId } from "../intents.js";
import type { Knowledge, Role } from "../knowledge/types.js";
import type { Matcher, MatchResult, RankedRole } from "../matcher.js";
import type { Names } from "./names.js";

export interface ReaderContext {
  knowledge: Knowledge;
  matcher: Matcher;
  names: Names;
}

/** The message read as `plain`, now asking `intent` about the roles `named`, ranked as `ranked`. */
export const result = (plain: MatchResult, intent: IntentId, named: Role[], ranked: RankedRole[] = []): MatchResult => ({
  ...plain,
  intent,
  named,
  ranked,
});
