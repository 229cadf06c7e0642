/**
 * `npm run explain -- [--intents DIR] "question"...`: show the evidence behind an answer (for people tuning
 * intents/). The knowledge comes from --intents, else $INTENTS_DIR, else the shipped intents/, as for `whodoes`.
 * It reads the shipped matcher's internals on purpose: the Matcher interface hides them from answers.
 */
import { parseArgs } from "node:util";
import { KnowledgeError, loadKnowledge } from "../src/core/index.js";
import { classify } from "../src/core/understanding/classify.js";
import { questionsOf } from "../src/core/understanding/questions.js";
import { createUnderstander } from "../src/core/understanding/understand.js";

const USAGE = 'Usage: npm run explain -- [--intents DIR] "question" ["question" ...]\n';

/** The questions and the knowledge; a mistake in either is one line on stderr, as `whodoes` says it, never a stack. */
function start() {
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { intents: { type: "string" } } });
    if (positionals.length === 0) throw new TypeError("no question given");
    return { questions: positionals, knowledge: loadKnowledge(values.intents ?? process.env.INTENTS_DIR) };
  } catch (err) {
    if (err instanceof KnowledgeError) process.stderr.write(`explain: knowledge error in ${err.message}\n`);
    else process.stderr.write(`explain: ${(err as Error).message}\n${USAGE}`);
    process.exit(err instanceof KnowledgeError ? 1 : 2);
  }
}

const { questions, knowledge } = start();
const understander = createUnderstander(knowledge);
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
