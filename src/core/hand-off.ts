/**
 * A question handed to the data team ("Ask the data team"), as platform-neutral data: the post in the
 * triage place, and what the asker is told privately. Slack and Teams render these (render/slack-triage.ts,
 * render/teams-triage.ts); people are the platform's ids, which only its renderer turns into mentions.
 */

/** Someone on the platform: its user id and, when known, a display name. */
export interface PlatformPerson {
  id: string;
  name?: string;
}

/** A place the question went: the platform's channel id and, when known, its name. */
export interface TriagePlace {
  id: string;
  name?: string;
}

export interface TriagePost {
  /** The id its buttons name (the kept question's). */
  q: string;
  /** The question, exactly as the asker typed it; renderers escape it. */
  question: string;
  asker: PlatformPerson;
  /** The role it most likely belongs to, by name; absent when none is likely. */
  roleName?: string;
  state: "open" | "claimed" | "answered";
  /** Who claimed it, and who answered it. */
  claimedBy?: PlatformPerson;
  answeredBy?: PlatformPerson;
}

/** What the asker (or whoever pressed a button) is told privately. */
export type HandOffNotice =
  /** It was posted; they hear privately when someone takes it. */
  | { kind: "sent"; place: TriagePlace }
  /** Someone took it. */
  | { kind: "claimed"; by: PlatformPerson; place: TriagePlace }
  /** A second press: it went already (or is on its way). */
  | { kind: "already-sent"; place?: TriagePlace }
  /** Claim pressed on a question someone else took. */
  | { kind: "already-claimed"; by?: PlatformPerson }
  /** Answered pressed on a question already marked answered. */
  | { kind: "already-answered"; by?: PlatformPerson }
  /** Pressed by someone other than the asker. */
  | { kind: "not-yours" }
  /** The question is no longer kept (QUESTION_TTL_MS). */
  | { kind: "expired" }
  /** The triage place could not be reached. */
  | { kind: "failed" };

/**
 * The fixed words, in one place. `who` and `where` are already rendered by the platform (a mention, a
 * channel link), so these words must hold no character a platform would read as markup.
 */
export const HAND_OFF_WORDS = {
  postTitle: "Question for the data team",
  asked: (who: string) => `${who} asked:`,
  likelyRole: (role: string) => `Likely role: ${role}`,
  claimButton: "Claim",
  answeredButton: "Answered",
  claimedBy: (who: string) => `Claimed by ${who}`,
  answeredBy: (who: string) => `Answered by ${who}`,
  open: "Waiting for someone to take it.",
  sent: (where: string) => `Sent your question to ${where}. I'll tell you privately when someone takes it.`,
  claimed: (who: string, where: string) => `${who} took your question in ${where}: they'll be in touch.`,
  alreadySent: "Your question is already with the data team.",
  alreadySentTo: (where: string) => `Your question is already with the data team, in ${where}.`,
  alreadyClaimed: (who: string) => `${who} has already claimed this question.`,
  alreadyClaimedSomeone: "Someone has already claimed this question.",
  alreadyAnswered: (who: string) => `${who} has already marked this question answered.`,
  notYours: "Only the person who asked can send this question to the data team.",
  expired:
    "I no longer keep that question (questions are kept for two hours). Ask it again and press the button under the new answer.",
  failed: "I couldn't post your question to the data team just now. Please try again in a moment, or ask them directly.",
} as const;
