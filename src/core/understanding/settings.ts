/**
 * Every threshold and weight of the matcher, in one place. Tuned on the tuning sets
 * (tests/eval/questions.dev*.yaml) only; the held-out files are scored, never tuned on. How answers
 * show what the matcher found (how close is too close to call, how many roles) is answers/display.ts.
 */
export const SETTINGS = Object.freeze({
  /**
   * Any text the matcher reads (knowledge or message) is cut here and at maxWords: a bound on its work.
   * Questions are shorter still: the core refuses longer ones first (limits.ts).
   */
  maxInputChars: 4000,
  maxWords: 200,
  /** Spelling: words shorter than this are never corrected ("dr", "etl", "ha"). */
  minCorrectLength: 4,
  /** Words this long or longer may be two edits away from the word meant. */
  twoEditLength: 8,
  /** An inflected word's base ("recoever" of "recoevered") is corrected only from this length, by one edit. */
  minInflectedBase: 7,
  /**
   * What a word found in one responsibility only is worth (rarer words weigh more, like BM25's idf). Every
   * threshold below is in these units. ln(30): the weight such a word had when the knowledge held 29
   * responsibilities, which the thresholds were tuned at.
   */
  rareWordWeight: Math.log(30),
  /** A keyword found in a responsibility's `keywords` counts this much; one only in its statement less. */
  keywordWeight: 1,
  statementWeight: 0.55,
  /** A word that is only part of a multi-word keyword counts this much until the whole phrase matches. */
  phrasePartWeight: 0.5,
  /** Thesaurus `weak` words count this fraction of their weight. */
  weakFactor: 0.25,
  /** Ranking bonus per unit of whole-keyword evidence. */
  evidenceBoost: 0.5,
  /** Words a phrase may have between its own and still match whole ("restore the dropped table"). */
  phraseSlack: 5,
  /** A multi-word keyword matched whole adds this share of its strongest word's weight. */
  phraseBonus: 0.5,
  /** Weight given to a question word the knowledge has never seen (it makes the match less sure). */
  unknownWordWeight: 1,
  /** Weight of a word the knowledge knows but that names no task ("tell", "mean"). */
  knownNonTaskWeight: 0.4,
  /** who_does: below this confidence (matched share of the question's weight) the bot says it doesn't know. */
  minConfidence: 0.05,
  /** who_does: the best match must carry at least this much non-weak weight. */
  minEvidence: 1,
  /** who_does: evidence this strong is enough however much else the message says. */
  strongEvidence: 2,
  /** A newcomer's task words pick the role they start in with this much whole-keyword evidence... */
  startingEvidence: 4,
  /** ...and a match this many times the next role's. */
  startingLead: 3,
  /** Roles sharing a concern with the best one are shown when they score at least this share of it. */
  sharedConcernRatio: 0.45,
  /** With another department's word in the message, who_does needs at least this much evidence. */
  outOfScopeOverride: 3.5,
  /** A runner-up with real evidence goes first when the unproven best scores at most this much more. */
  provenRunnerUpRatio: 0.7,
  /** A role whose action words the message uses ("who decides ...") ranks this much higher. */
  actionBoost: 0.25,
  /** The one role whose everyday products the message names (and no other role's) ranks this much higher. */
  toolBoost: 0.2,
  /** In a message of several sentences, task words outside the one that asks count this much. */
  contextWeight: 0.5,
  /** ...and those only in sentences of context that name a role (what that role did or said), this much. */
  reportedWeight: 0.25,
  /** A question naming roles is answered among them unless their best scores under this share of another role's. */
  namedRolesShare: 0.8,
  /** A neighbouring role's own work wins when its evidence is at least this many times the roles' from other words. */
  theirWorkMargin: 1.5,
  /** ...or, when the roles' task words are all its own too, when its whole-keyword evidence is this many times theirs. */
  theirPhraseMargin: 1.3,
  /** Content words a message may have and still be a bare request ("list the roles", "help"). */
  shortMessageWords: 3,
  /** How much each content word past that takes off asking for the role list or for help. */
  wordyPenalty: 0.5,
  /** At most this many questions of one message are answered (the "up to three"). */
  maxQuestions: 3,
  /** A further question with no task word is asked apart when it has this many words ("What are the downsides?"). */
  furtherQuestionWords: 2,
  /**
   * The most a guess may score: a question about data that matched no task, answered with the closest
   * role by its loose words. Under the answers' low-confidence mark, so it always offers a person too.
   */
  guessConfidence: 0.15,
  /** How many words after "not the" a question rules out. */
  ruledOutWords: 3,
});
