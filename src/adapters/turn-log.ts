/**
 * One structured log line per answered turn, the same on every platform: which platform, what was
 * asked (the intent, never the text), the top role and its score, and how long the core took.
 */
import { type Answer, type Whodoes, wrapWhodoes } from "../core/index.js";
import type { Logger } from "../logging/logger.js";

export function withTurnLog(whodoes: Whodoes, logger: Logger, platform: string): Whodoes {
  const timed = (kind: string, answerIt: () => Answer) => {
    const started = performance.now();
    const answer = answerIt();
    const top = answer.roles[0];
    logger.info("turn", {
      platform,
      kind,
      intent: answer.intent,
      ...(top ? { role: top.id, score: top.score } : {}),
      ms: Math.round((performance.now() - started) * 1000) / 1000,
    });
    return answer;
  };
  return wrapWhodoes(whodoes, {
    ask: (text, next) => timed("ask", () => next(text)),
    act: (action, next) => timed(`act:${action.do}`, () => next(action)),
  });
}
