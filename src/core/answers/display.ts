/**
 * How answers show what the matcher found: presentation, not matching. The matcher's own thresholds
 * and weights are understanding/settings.ts; a swapped matcher keeps these.
 */
export const DISPLAY = Object.freeze({
  /** Without a shared concern, a runner-up at least this strong (relative to the best) makes the answer ask "did you mean". */
  tooCloseRatio: 0.9,
  /**
   * A runner-up this strong that matched a task word the best role did not ("who handles backups and
   * the warehouse?") holds another part of the question: it is shown beside the best, as a close call.
   */
  otherPartRatio: 0.75,
  /**
   * A who-does answer whose best role scores under this, on a single word of the message, is shown as a
   * guess ("I'm not sure I understood; did you mean ...") rather than as the owner.
   */
  unsureScore: 0.3,
  /**
   * What a role does, and the tour's "key responsibilities", list this many of its responsibilities (file
   * order: the seed's statements first), then say how many more there are.
   */
  keyResponsibilities: 12,
  /** At most this many roles in one who-does answer. */
  maxRolesShown: 3,
  /** A role card lists the responsibilities at least this strong relative to its best one. */
  evidenceShare: 0.6,
  /**
   * A who-does answer whose best role scores below this offers a person too ("Ask the data team"). The
   * same figure as the usage report's "unsure" (usage/recorder.ts): on the labelled questions about 7%
   * of who-does answers, mostly right but on thin evidence.
   */
  lowConfidence: 0.25,
  /**
   * The score of a modelled role standing in for a neighbouring one ("what does a data scientist do?" ->
   * the data warehouse engineer is the closest): related, not the same job, so never a confident owner.
   */
  closestScore: 0.3,
  /**
   * The score of a role described because the message names it, with nothing in it asking about the role ("Feeling
   * stuck at a DE job"): on the real questions' tuning part about a third of these answers are what was asked.
   */
  onlyNamedScore: 0.35,
  /** The closest roles' score when the work is a neighbouring role's and none of ours. */
  theirWorkScore: 0.1,
});
