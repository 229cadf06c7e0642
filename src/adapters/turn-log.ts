/**
 * One structured log line per answered turn, the same on every platform: which platform, what was
 * asked (the intent, never the text), the top role and its score, and how long the core took.
 */
import type { Answer, Whodoes } from "../core/index.js";
import type { Logger } from "./adapter.js";

export function withTurnLog(whodoes: Whodoes, logger: Logger, platform: string): Whodoes {
  const log = (kind: string, started: number, answer: Answer) => {
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
  return {
    get knowledge() {
      return whodoes.knowledge;
    },
    ask(text) {
      const started = performance.now();
      return log("ask", started, whodoes.ask(text));
    },
    act(action) {
      const started = performance.now();
      return log(`act:${action.do}`, started, whodoes.act(action));
    },
    search: (text, limit) => whodoes.search(text, limit),
    explain: (text) => whodoes.explain(text),
    resolveRole: (name) => whodoes.resolveRole(name),
  };
}
