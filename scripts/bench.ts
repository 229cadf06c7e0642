/**
 * `npm run bench`: speed figures (printed, never asserted). Per-question latency and batch
 * throughput on the shipped knowledge and on a generated one of 10,000 responsibilities, index
 * build time, and the CLI's cold start.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createWhodoes, type Knowledge, loadKnowledge } from "../src/core/index.js";
import { generateKnowledge } from "./bench/generate-knowledge.js";
import { EVAL_DIR, readQuestions } from "./eval/evaluate.js";
import { percentile } from "./percentile.js";

const ms = (x: number) => `${x.toFixed(3)} ms`;

function measure(name: string, knowledge: Knowledge, questions: string[], rounds: number) {
  let t = performance.now();
  const whodoes = createWhodoes(knowledge);
  const build = performance.now() - t;
  for (const q of questions) whodoes.ask(q); // warm the JIT and caches first
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of questions) {
      t = performance.now();
      whodoes.ask(q);
      times.push(performance.now() - t);
    }
  times.sort((a, b) => a - b);
  t = performance.now();
  let n = 0;
  while (performance.now() - t < 2000)
    for (const q of questions) {
      whodoes.ask(q);
      n++;
    }
  const perSecond = n / ((performance.now() - t) / 1000);
  const responsibilities = knowledge.roles.reduce((s, r) => s + r.responsibilities.length, 0);
  console.log(
    `\n${name}: ${knowledge.roles.length} roles, ${responsibilities} responsibilities, ${questions.length} distinct questions`,
  );
  console.log(`  index build        ${ms(build)}`);
  console.log(`  latency p50        ${ms(percentile(times, 50))}`);
  console.log(`  latency p99        ${ms(percentile(times, 99))}`);
  console.log(`  latency max        ${ms(times[times.length - 1] ?? 0)}`);
  console.log(`  batch throughput   ${Math.round(perSecond).toLocaleString("en")} questions/s`);
}

function coldStart(runs: number) {
  const bin = fileURLToPath(new URL("../../bin/whodoes.js", import.meta.url));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, "ask", "who restores a dropped table?"], { encoding: "utf8" });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  times.sort((a, b) => a - b);
  console.log(
    `\nCLI cold start (whodoes ask, ${runs} runs): median ${percentile(times, 50).toFixed(0)} ms, worst ${times[times.length - 1]?.toFixed(0)} ms`,
  );
}

console.log(
  "Targets: shipped p99 <= 1 ms and >= 5,000 questions/s; 10,000 responsibilities p50 <= 5 ms, p99 <= 20 ms; CLI <= 400 ms.",
);
const questions = readdirSync(EVAL_DIR)
  .filter((f) => f.startsWith("questions.") && f.endsWith(".yaml"))
  .flatMap((f) => readQuestions(`${EVAL_DIR}/${f}`).map((q) => q.q));
measure("shipped knowledge", loadKnowledge(), questions, 20);
const big = generateKnowledge(200, 50);
measure("generated knowledge", big.knowledge, [...big.questions, ...questions], 3);
coldStart(10);
