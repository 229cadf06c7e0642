/**
 * `npm run eval -- --sources`: every address the real questions and conversations were taken from, once each,
 * sorted. A collector checks a find against it for copies without reading any question (tests/eval/real/README.md).
 * It is made from the questions themselves, so it cannot fall behind them as a list kept by hand once did.
 */
import { join } from "node:path";
import { readConversations } from "./conversations.js";
import { REAL_DIR, readQuestionDir } from "./evaluate.js";

export function realSources(): string[] {
  const sources = (["dev", "heldout"] as const).flatMap((part) => [
    ...readQuestionDir(join(REAL_DIR, part)).map((q) => q.source),
    ...readConversations(part).map((c) => c.source),
  ]);
  return [...new Set(sources.filter((s) => s !== undefined))].sort();
}
