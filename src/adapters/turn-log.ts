/**
 * One structured log line per answered turn, the same on every platform: which platform, what was
 * asked (the intent, never the text), the top role and its score, and how long the core took; and the
 * same turn counted for /metrics (answers by intent, the core's time, feedback votes).
 */
import { type Answer, type Whodoes, wrapWhodoes } from "../core/index.js";
import type { Logger } from "../logging/logger.js";
import { type Metrics, noMetrics } from "../metrics/metrics.js";

export function withTurnLog(whodoes: Whodoes, logger: Logger, platform: string, metrics: Metrics = noMetrics): Whodoes {
  const timed = (kind: string, answerIt: () => Answer) => {
    const started = performance.now();
    const answer = answerIt();
    const top = answer.roles[0];
    const ms = performance.now() - started;
    metrics.answered(platform, answer.intent, ms / 1000);
    logger.info("turn", {
      platform,
      kind,
      intent: answer.intent,
      ...(top ? { role: top.id, score: top.score } : {}),
      ms: Math.round(ms * 1000) / 1000,
    });
    return answer;
  };
  return wrapWhodoes(whodoes, {
    ask: (text, next) => timed("ask", () => next(text)),
    act: (action, next) => {
      if (action.do === "feedback") metrics.feedback(platform, action.vote);
      return timed(`act:${action.do}`, () => next(action));
    },
  });
}
