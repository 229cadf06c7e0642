/**
 * `npm run build && node dist/scripts/eval/first-look.js [REV]`: score a new batch of real questions once,
 * before anyone tunes on it. The batch is every entry in tests/eval/real/ (single questions and
 * conversations, each part apart) that git revision REV (default HEAD) does not have: run it after
 * split-real has dealt the batch and before the batch is committed. Prints figures only, never a miss.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { type Conversation, evaluateConversations } from "./conversations.js";
import { EVAL_DIR, evaluate, type Labelled, pct, REAL_DIR, type Scores } from "./evaluate.js";

const rev = process.argv[2] ?? "HEAD";
const repo = join(EVAL_DIR, "..", "..");
const whodoes = createWhodoes(loadKnowledge(process.env.INTENTS_DIR));

/** The entries of every YAML file in `dir` that `rev` did not have (compared by their text). */
function added<T>(dir: string, key: (entry: T) => string): T[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      const now = (parse(readFileSync(path, "utf8")) ?? []) as T[];
      let before: T[] = [];
      try {
        const text = execFileSync("git", ["show", `${rev}:${relative(repo, path)}`], { cwd: repo, stdio: "pipe" });
        before = (parse(text.toString()) ?? []) as T[];
      } catch {
        // A file the revision does not have: all of it is new.
      }
      const known = new Set(before.map(key));
      return now.filter((e) => !known.has(key(e)));
    });
}

const figures = (s: Scores) =>
  `${String(s.total).padStart(4)}  intent ${pct(s.intentAccuracy)}  top-1 role ${pct(s.roleAccuracy)} (${s.roleQuestions})  out-of-scope recall ${pct(s.outOfScopeRecall)}  wrongly rejected ${pct(s.wronglyRejected)}  confidently wrong ${pct(s.confidentlyWrong)}  neighbour named ${s.neighbourRight} of ${s.neighbourQuestions}  further questions ${s.alsoRight} of ${s.alsoQuestions}`;

for (const part of ["dev", "heldout"] as const) {
  const name = part === "dev" ? "tuning  " : "HELD-OUT";
  const questions = added<Labelled>(join(REAL_DIR, part), (e) => e.q);
  console.log(`${name} questions      ${figures(evaluate(whodoes, questions))}`);
  const conversations = added<Conversation>(join(REAL_DIR, "conversations", part), (c) => c.turns.map((t) => t.q).join("\n"));
  for (const [how, carry] of [
    ["carried", true],
    ["alone  ", false],
  ] as const) {
    const s = evaluateConversations(whodoes, conversations, { carry });
    console.log(
      `${name} conversations  ${String(s.conversations).padStart(4)}  ${how}  first turns: intent ${pct(s.first.intentAccuracy)} role ${pct(s.first.roleAccuracy)}  later turns (${s.later.total}): intent ${pct(s.later.intentAccuracy)} role ${pct(s.later.roleAccuracy)}`,
    );
  }
}
