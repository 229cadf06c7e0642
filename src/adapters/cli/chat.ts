/**
 * `whodoes chat` and `whodoes onboard`: a console conversation. Buttons become numbered choices;
 * typing a number presses one, so the onboarding tour works here as on Slack and Teams.
 */
import { createInterface } from "node:readline";
import type { ActionRef, Answer, Whodoes } from "../../core/index.js";
import { answerToText, numberedActions } from "../../render/text.js";

export async function runChat(whodoes: Whodoes, input: NodeJS.ReadableStream, start?: ActionRef): Promise<void> {
  const tty = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output: process.stdout, terminal: tty, prompt: "you> " });
  let last: Answer | undefined;
  const show = (answer: Answer) => {
    last = answer;
    process.stdout.write(`\n${answerToText(answer, { numberedActions: true })}\n\n`);
  };
  if (start) show(whodoes.act(start));
  else
    process.stdout.write(
      'Ask who does a data task, e.g. "who restores a dropped table?". Type a number to pick a button, "quit" to leave.\n\n',
    );
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (/^(quit|exit|q)$/i.test(line)) break;
    const pick = /^\d+$/.test(line) && last ? numberedActions(last)[Number(line) - 1] : undefined;
    if (line !== "") show(pick ? whodoes.act(pick.action) : whodoes.ask(line));
    rl.prompt();
  }
  rl.close();
}
