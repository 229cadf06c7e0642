/**
 * The cue words of follow-ups, and the sizes that bound them: what in a message says it leans on the last
 * turn ("same question", "who else?", "fit in"), and how long a message may be for a pronoun to be chat.
 */
import { afterLead, leansBack, wordCount } from "./references.js";

/** "same question for a data scientist?": the last question again, about someone else. */
export const SAME_QUESTION = /\bsame question\b/i;
/** Words that ask how roles differ, strong enough to pair a role named now with the last one. */
export const DIFFERENCE =
  /\b(?:differen(?:t|ce|ces)|differs?|diffs?|vs\.?|versus|compared?|comparison|distinguish|tell (?:them )?apart)\b/i;
/**
 * Under this score, a who_does reading of a follow-up rests on too little of its own to leave the last
 * task for another role's: most of its words matched nothing ("I'd assume this is very similar to the
 * database branch..."). A new question of its own ("who designs the partitioning?") scores far above.
 */
export const WEAK_OWN_TASK = 0.5;
/**
 * A pronoun stands for the last turn's role only in a message about as short as a chat question: in a
 * long post, "their data" and "they" are the post's own people and things.
 */
export const MAX_ROLE_REFERENCE_WORDS = 15;
/** A message of several questions this long or shorter is chat; in a long post, "they" are the post's own people. */
export const MAX_CHAT_MESSAGE_WORDS = 30;
/** "what should I learn first for that?", "how do I get started doing that?" after whose task it is: that role's work. */
export const FOR_THAT_WORK =
  /\b(?:for|doing|with) (?:that|this|it|them|that (?:job|role|work)|this (?:job|role|work))\s*[?.!]*\s*$/i;
/** A message that asks something: a question word or a question mark. */
export const ASKS = /\?|\b(?:what|how|where|which|when|who|should)\b/i;
/**
 * A word or three that neither asks nor leads on ("hmm", "really?", "no", "the other one"): a reaction, with
 * nothing of its own, that is no question about the last task.
 */
export const onlyReacts = (text: string) =>
  wordCount(text) <= 3 &&
  !/\b(?:what|how|where|which|when|who|whose|why|should|can|could|does|do|is|are)\b/i.test(text) &&
  afterLead(text) === undefined;
// "cool, who approves that?", "ok what else do they do": a question after the thanks; "thanks, that's who I
// needed" is only thanks.
export const ASKS_AFTER_THANKS =
  /\?|^\W*(?:and\s+|so\s+)?(?:what|how|where|which|when|who|whom|whose|should|can|could|do|does|is|are)\b/i;
/** The asker speaking of themself: on a tour, the role they are starting in. */
export const FIRST_PERSON = /\b(?:i|me|my|im)\b/i;
/** "how does the DBA help with that?", "how does the ETL developer support that?": a role's help in a task. */
export const HELPING = /\b(?:help|helps|support|supports|contribute|contributes|assist|assists)\b/i;
/** "who helps them?", "who supports them with that?": who works with someone, not a request for the bot's help. */
export const WHO_HELPS = /\bwho\s+(?:helps|supports|assists)\b/i;
/** "what else?", "anything else?", "more", "go on": more of what the role in focus does, as "what else do they do?" asks. */
export const WHAT_ELSE =
  /^\W*(?:and\s+|so\s+)?(?:(?:what|anything)\s+else(?:\s+(?:is there|then))?|more|go on|continue|keep going|the rest)\W*$/i;
export const WHAT_ELSE_IN_FULL = "what else do they do?";
/** "no, I meant ...", "sorry, not that", "wrong one": the message corrects the last question ("same ..." repeats it). */
export const CORRECTION =
  /^(?!.*\bsame\b)(?:\W*(?:no|nope|nah|sorry|oops|wait|not that|correction)\b|.*\bi (?:mean|meant)\b|.*\bwrong one\b)/i;
/** "where does the DBA fit in?": how a role takes part beside the last one. */
export const FIT_IN = /\bfits?\s+in(?:to)?\b/i;
/** "who owns the website?", "which team looks after the servers?": a question asking who, from its start. */
const WHO_AFRESH = /^\W*(?:who|whose|which (?:role|team|person|one))\b/i;
/** A "who ...?" of three words or more that points back at nothing ("who owns the website?", not "who approves that?"). */
export const asksWhoAfresh = (text: string) => WHO_AFRESH.test(text) && !leansBack(text) && wordCount(text) >= 3;
/** "who else?", "who else is involved?": the other roles with a part in the last task. */
export const WHO_ELSE = /^\W*(?:and\s+|so\s+)?who\s+else\b/i;
/** "why not the DBA?": asking why the answer was not another role. */
export const WHY_NOT = /^\W*(?:but\s+|so\s+)?why\s+not\b/i;
