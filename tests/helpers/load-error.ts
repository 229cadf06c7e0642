import { KnowledgeError, loadKnowledge } from "../../src/core/index.js";

/** The KnowledgeError loading `dir` throws; fails the test if it loads or throws anything else. */
export function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error("expected a KnowledgeError");
}
