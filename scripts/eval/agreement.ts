/**
 * `npm run build && node dist/scripts/eval/agreement.js`: how far a second labeller agrees with the real
 * questions' labels, scored by the eval's own rules, beside the bot on the same questions. The second
 * labels (tests/eval/real/second-labels/) were made from the seed and the labelling rules alone, without
 * the first labels, the bot or its knowledge: a measure of how well the labels can be agreed at all, and so
 * of how much of the bot's gap to the bar is the bot's. A file `<part>.yaml` was labelled with each question's
 * source address at hand, as the first labels were; `<part>.text-only.yaml` from the words alone, as the bot
 * reads them. Prints figures only, never a question, and the held-out part's only with `--held-out`: checking a new
 * batch's second labels during a round of tuning shows nothing of the bot on the held-out part.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type Answer, createWhodoes, loadKnowledge, type Whodoes } from "../../src/core/index.js";
import {
  answersLabel,
  evaluate,
  type Label,
  type Labelled,
  pct,
  REAL_DIR,
  readQuestionDir,
  readQuestions,
  type Scores,
} from "./evaluate.js";

interface SecondLabel extends Labelled {
  /** The second labeller hesitated between labels. */
  unsure?: boolean;
}

/** A label read as if it were the bot's answer, so the eval's rules can score it. */
function asAnswer(label: Label): Answer {
  const ids = label.roles ?? (label.role ? [label.role] : []);
  return {
    intent: label.intent,
    roles: ids.map((id) => ({ id, score: 1 })),
    ...(label.neighbour ? { neighbour: { id: label.neighbour } } : {}),
  } as unknown as Answer;
}

function line(name: string, s: Scores): string {
  const shares = [s.intentAccuracy, s.roleAccuracy, s.outOfScopeRecall, s.wronglyRejected].map((x) => pct(x).padStart(7));
  return `${name.padEnd(44)}${String(s.total).padStart(6)}${shares.join("")}`;
}

const bot = createWhodoes(loadKnowledge(process.env.INTENTS_DIR));
const heldOut = process.argv.includes("--held-out");
const dir = join(REAL_DIR, "second-labels");
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .sort()) {
  const [part = "", ...how] = file.replace(/\.yaml$/, "").split(".");
  if (part !== "dev" && !heldOut) {
    console.log(`\n== HELD-OUT part (${file}): not shown; add --held-out ==`);
    continue;
  }
  const second = new Map((readQuestions(join(dir, file)) as SecondLabel[]).map((l) => [l.q, l]));
  const pairs = readQuestionDir(join(REAL_DIR, part)).flatMap((first) => {
    const other = second.get(first.q);
    return other ? [{ first, other }] : [];
  });
  const labeller: Whodoes = { ...bot, ask: (text) => asAnswer(second.get(text) ?? { intent: "out_of_scope" }) };
  const agreed = pairs.filter((p) => answersLabel(p.first, asAnswer(p.other))).map((p) => p.first);
  const questions = pairs.map((p) => p.first);
  const labelled = how.length > 0 ? how.join(" ") : "with sources";
  console.log(
    `\n== ${part === "dev" ? "tuning" : "HELD-OUT"} part: ${pairs.length} questions with a second label (${labelled}) ==`,
  );
  console.log(
    `${"".padEnd(44)}${"n".padStart(6)}${"intent".padStart(7)}${"role".padStart(7)}${"oos".padStart(7)}${"reject".padStart(7)}`,
  );
  console.log(line("second labeller, against the labels", evaluate(labeller, questions)));
  console.log(line("bot, against the labels", evaluate(bot, questions)));
  console.log(
    line(
      "bot, against the second labels",
      evaluate(
        bot,
        pairs.map((p) => p.other),
      ),
    ),
  );
  console.log(line("bot, where the two labellers agree", evaluate(bot, agreed)));
  console.log(`the second labeller marked ${pairs.filter((p) => p.other.unsure).length} of ${pairs.length} as unsure`);
}
