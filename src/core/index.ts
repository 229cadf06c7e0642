/**
 * The platform-free core: load the knowledge, understand a message, build an Answer.
 * The server (once per knowledge version, see server/live-knowledge.ts), the CLI, the eval and the
 * tests call `createWhodoes(loadKnowledge(dir))`, then `ask` / `act` per message.
 */

export { type ActionRef, parseActionRef, QUESTION_ID } from "./action-ref.js";
export type * from "./answer.js";
export { lowerName } from "./answers/messages.js";
export { askTeamAction, whomToAsk, withAction, withQuestion } from "./answers/take-over.js";
export { parseTurnContext } from "./follow-up/parse-turn-context.js";
export { HAND_OFF_WORDS, type HandOffNotice, type PlatformPerson, type TriagePlace, type TriagePost } from "./hand-off.js";
export { INTENT_IDS, type IntentId } from "./intents.js";
export { contactsOf, DEFAULT_INTENTS_DIR, KnowledgeError, type LoadOptions, loadKnowledge } from "./knowledge/load.js";
export type * from "./knowledge/types.js";
export { MAX_QUESTION_CHARS } from "./limits.js";
export type * from "./matcher.js";
export { parseChecked } from "./parse-checked.js";
export { createMatcher } from "./understanding/matcher.js";
export {
  type AskOptions,
  createWhodoes,
  type WelcomeOptions,
  type Whodoes,
  type WhodoesHooks,
  type WhodoesOptions,
  wrapWhodoes,
} from "./whodoes.js";
