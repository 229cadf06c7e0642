/**
 * Score the matcher on a labelled question set: intent accuracy, top-1 role accuracy,
 * out-of-scope recall, in-scope questions wrongly rejected, and a confusion table.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { INTENT_IDS, type IntentId, type Whodoes } from "../../src/core/index.js";

export interface Labelled {
  q: string;
  intent: IntentId;
  role?: string;
  roles?: string[];
  accept?: string[];
}

export interface Miss {
  q: string;
  expected: string;
  got: string;
}

export interface Scores {
  total: number;
  intentAccuracy: number;
  roleAccuracy: number;
  roleQuestions: number;
  outOfScopeRecall: number;
  wronglyRejected: number;
  confusion: Map<IntentId, Map<IntentId, number>>;
  misses: Miss[];
}

/** tests/eval/, found from src/ or dist/ alike. */
export const EVAL_DIR = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!dir.endsWith("scripts") && dirname(dir) !== dir) dir = dirname(dir);
  return join(dirname(dir).replace(/[/\\]dist$/, ""), "tests", "eval");
})();

export function readQuestions(path: string): Labelled[] {
  return parse(readFileSync(path, "utf8")) as Labelled[];
}

export function evaluate(whodoes: Whodoes, questions: readonly Labelled[]): Scores {
  const confusion = new Map<IntentId, Map<IntentId, number>>(INTENT_IDS.map((i) => [i, new Map()]));
  const misses: Miss[] = [];
  let intentRight = 0;
  let roleRight = 0;
  let roleQuestions = 0;
  let oos = 0;
  let oosRight = 0;
  let inScope = 0;
  let rejected = 0;
  for (const item of questions) {
    const answer = whodoes.ask(item.q);
    const row = confusion.get(item.intent);
    row?.set(answer.intent, (row.get(answer.intent) ?? 0) + 1);
    if (answer.intent === item.intent) intentRight++;
    else misses.push({ q: item.q, expected: item.intent, got: answer.intent });
    if (item.intent === "out_of_scope") {
      oos++;
      if (answer.intent === "out_of_scope") oosRight++;
    } else {
      inScope++;
      if (answer.intent === "out_of_scope") rejected++;
    }
    const got = answer.roles.map((r) => r.id);
    if (item.roles) {
      roleQuestions++;
      // Two named roles: both must lead the answer, in either order.
      const ok = item.roles.every((r) => got.slice(0, item.roles?.length).includes(r));
      if (ok) roleRight++;
      else if (answer.intent === item.intent)
        misses.push({ q: item.q, expected: item.roles.join("+"), got: got.join(",") || "-" });
    } else if (item.role) {
      roleQuestions++;
      const ok = got[0] === item.role || (got[0] !== undefined && (item.accept ?? []).includes(got[0]));
      if (ok) roleRight++;
      else if (answer.intent === item.intent) misses.push({ q: item.q, expected: item.role, got: got.join(",") || "-" });
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    total: questions.length,
    intentAccuracy: ratio(intentRight, questions.length),
    roleAccuracy: ratio(roleRight, roleQuestions),
    roleQuestions,
    outOfScopeRecall: ratio(oosRight, oos),
    wronglyRejected: ratio(rejected, inScope),
    confusion,
    misses,
  };
}

export const TARGETS = { intentAccuracy: 0.95, roleAccuracy: 0.95, outOfScopeRecall: 0.9, wronglyRejected: 0.03 } as const;
