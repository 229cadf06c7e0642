import { createInterface } from "node:readline";
import { whomToAsk } from "../../core/answers/take-over.js";
import type { Answer, Whodoes } from "../../core/index.js";
import { answerToText } from "../../render/text.js";
import { terminalJson, terminalText } from "../../usage/report-table.js";

/**
 * The answer as the command line shows it: no triage channel here, so an answer that needs a person
 * says whom to ask, from the directory (names, emails, the note).
 */
export const answerFor = (whodoes: Whodoes, answer: Answer): Answer => whomToAsk(whodoes.knowledge, answer);

/**
 * The `--json` contract: intent, roles best first with 0..1 scores, the plain-text answer. What was asked is
 * quoted in it, so it is written for a terminal as the report is.
 */
export function answerToJson(answer: Answer): string {
  return terminalJson({
    ...fields(answer),
    text: answerToText(answer),
    title: answer.title,
    summary: answer.summary,
    evidence: evidence(answer),
    // Several questions in one message: each one's own answer, in order (the first is the fields above).
    ...(answer.parts
      ? { parts: answer.parts.map((p) => ({ question: p.question, ...fields(p), summary: p.summary, evidence: evidence(p) })) }
      : {}),
    // Questions beyond the ones answered, as the message put them.
    ...(answer.unasked ? { unasked: answer.unasked } : {}),
  });
}

/** What identifies an answer: its intent, its roles best first and, for a job not modelled here, that job. */
function fields(answer: Answer) {
  return {
    intent: answer.intent,
    roles: answer.roles.map((r) => ({ id: r.id, score: r.score })),
    ...(answer.neighbour ? { neighbour: answer.neighbour } : {}),
    ...(answer.department ? { department: answer.department } : {}),
  };
}

function evidence(answer: Answer) {
  return answer.roles.map((r) => ({
    id: r.id,
    responsibilities: r.evidence.map((e) => e.responsibilityId),
    terms: [...new Set(r.evidence.flatMap((e) => e.terms))],
  }));
}

export function askOne(whodoes: Whodoes, question: string, json: boolean): void {
  const answer = answerFor(whodoes, whodoes.ask(question));
  process.stdout.write(`${json ? answerToJson(answer) : terminalText(answerToText(answer))}\n`);
}

/** One answer per input line, in order; with --json exactly one JSON object per line. */
export async function askBatch(whodoes: Whodoes, input: NodeJS.ReadableStream, json: boolean): Promise<void> {
  // At a terminal, `whodoes ask` with no question would otherwise wait in silence, like a hung command.
  if ((input as { isTTY?: boolean }).isTTY)
    process.stderr.write(
      'whodoes: type one question a line, Ctrl-D to end (or ask one: whodoes ask "who restores a dropped table?")\n',
    );
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const answer = answerFor(whodoes, whodoes.ask(line));
    process.stdout.write(json ? `${answerToJson(answer)}\n` : `${terminalText(answerToText(answer))}\n\n`);
  }
}
