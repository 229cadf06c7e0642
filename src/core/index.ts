/**
 * The platform-free core: load the knowledge, understand a message, build an Answer.
 * Adapters call `createWhodoes(loadKnowledge(dir))` once and then `ask` / `act` per message.
 */

export { parseActionRef } from "./action-ref.js";
export type * from "./answer.js";
export { INTENT_IDS } from "./answer.js";
export { DEFAULT_INTENTS_DIR, KnowledgeError, loadKnowledge } from "./knowledge/load.js";
export type * from "./knowledge/types.js";
export { createWhodoes, type Whodoes } from "./whodoes.js";
