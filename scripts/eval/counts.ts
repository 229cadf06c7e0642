/** `npm run eval -- --counts`: how many questions of each intent every file holds, as a Markdown table. */
import { readdirSync } from "node:fs";
import { INTENT_IDS } from "../../src/core/index.js";
import { EVAL_DIR, readQuestions } from "./evaluate.js";

/** questions.dev10.yaml sorts after questions.dev9.yaml; questions.dev.yaml comes first. */
const batch = (f: string) => Number(/(\d+)\.yaml$/.exec(f)?.[1] ?? 1);
const order = (a: string, b: string) => batch(a) - batch(b) || a.localeCompare(b);

export function countsTable(): string {
  const files = readdirSync(EVAL_DIR)
    .filter((f) => /^questions\..+\.yaml$/.test(f))
    .sort(order);
  const head = ["file", ...INTENT_IDS, "total", "who... out of scope", "accept"];
  const rows = files.map((f) => {
    const qs = readQuestions(`${EVAL_DIR}/${f}`);
    const per = INTENT_IDS.map((i) => qs.filter((q) => q.intent === i).length);
    const whoOos = qs.filter((q) => q.intent === "out_of_scope" && /^\W*who/i.test(q.q)).length;
    const accept = qs.filter((q) => q.accept && q.accept.length > 0).length;
    return [`\`${f}\``, ...per.map(String), String(qs.length), String(whoOos), String(accept)];
  });
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}
