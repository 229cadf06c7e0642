/**
 * `npm run explain -- "question"`: show the evidence behind an answer (for people tuning intents/).
 * It reads the shipped matcher's internals on purpose: the Matcher interface hides them from answers.
 */
import { loadKnowledge } from "../src/core/index.js";
import { classify } from "../src/core/understanding/classify.js";
import { questionsOf } from "../src/core/understanding/questions.js";
import { createUnderstander } from "../src/core/understanding/understand.js";

const understander = createUnderstander(loadKnowledge(process.env.INTENTS_DIR));
const questions = process.argv.slice(2);
for (const message of questions) {
  const { asked, unasked } = questionsOf(understander, message);
  console.log(`\n> ${message}`);
  for (const { text, understanding: u } of asked) explain(text, u, asked.length > 1);
  for (const text of unasked) console.log(`  [not answered, beyond the first ${asked.length}: ${text}]`);
}

function explain(q: string, u: ReturnType<typeof understander.understand>, part: boolean) {
  const decision = classify(u);
  if (part || u.focus) console.log(`  [question: ${q}]`);
  console.log(`  words: ${u.analysis.words.join(" ")}`);
  console.log(
    `  concepts: ${u.analysis.concepts
      .filter((c) => !c.stop)
      .map((c) => c.id)
      .join(" | ")}`,
  );
  console.log(
    `  roles named: ${u.roles.map((r) => r.id).join(", ") || "-"}   neighbours named: ${u.neighbours.map((n) => n.id).join(", ") || "-"}   cues: ${[...u.cues].map(([i, v]) => `${i}=${v}`).join(" ") || "-"}`,
  );
  console.log(`  content: ${[...u.content].join(" | ")}   weight ${u.weight.toFixed(2)}`);
  for (const r of u.ranking.slice(0, 3))
    console.log(
      `  ${r.role.id.padEnd(24)} raw ${r.raw.toFixed(2)} conf ${r.confidence.toFixed(2)} ev ${r.evidence.toFixed(2)}  ${r.matches.map((m) => `${m.entry.responsibility.id}[${m.concepts.join(",")}]`).join(" ")}`,
    );
  const w = u.neighbourWork;
  if (w)
    console.log(
      `  neighbour work: ${w.neighbour.id.padEnd(16)} raw ${w.raw.toFixed(2)} conf ${w.confidence.toFixed(2)} ev ${w.evidence.toFixed(2)} own ${w.own.toFixed(2)} beyond ${w.beyond.toFixed(2)}  [${w.matches[0]?.concepts.join(",")}]`,
    );
  console.log(
    `  => ${decision.intent} ${decision.ranking.map((r) => r.role.id).join(",")}${decision.neighbour ? ` (neighbour ${decision.neighbour.id})` : ""}`,
  );
}
