/**
 * `whodoes chat` and `whodoes onboard`: a console conversation. Buttons become numbered choices;
 * typing a number, a button's label or its obvious word ("next", "back", "done", "quiz") presses one,
 * so the onboarding tour works here as on Slack and Teams; one that presses none of the last answer's buttons
 * says so. A question may lean on the last answer
 * ("and the architect?"): the conversation's context is kept in memory for the session.
 */
import { createInterface } from "node:readline";
import { MESSAGES } from "../../core/answers/messages.js";
// Straight from its module, not the core's index: that would load the schema and YAML libraries at start-up.
import { tourPress } from "../../core/follow-up/tour-words.js";
import type { ActionRef, Answer, TurnContext, Whodoes } from "../../core/index.js";
import { answerToText } from "../../render/text.js";
import { terminalText } from "../../usage/report-table.js";
import { answerFor } from "./ask.js";
import { isButtonWord, typedAction } from "./typed-action.js";

const NO_SUCH_BUTTON = (typed: string) =>
  `There is no "${typed}" to press here: type the number of a button above, or ask a question.`;

const PICK_ONE = "Pick one of the choices above: type its number or its name, or ask a question.";

/** The answer asks the user to choose ("Which role should it have been?", a quiz question, the role to start in). */
const offersChoices = (answer: Answer | undefined) => answer?.blocks.some((b) => b.type === "choices") ?? false;
/** Small talk, or "I didn't follow that": a line that asked nothing ("yes", "hmm"). */
const askedNothing = (answer: Answer) =>
  answer.intent === "greeting" || (answer.intent === "help" && answer.title === MESSAGES.notFollowedTitle);

const TOUR_HINT = 'Type a button\'s number or label to press it (next, back, quiz, done), or ask a question; "quit" to leave.';

export async function runChat(whodoes: Whodoes, input: NodeJS.ReadableStream, start?: ActionRef): Promise<void> {
  const tty = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output: process.stdout, terminal: tty, prompt: "you> " });
  let last: Answer | undefined;
  let previous: TurnContext | undefined;
  const show = (given: Answer) => {
    const answer = answerFor(whodoes, given);
    last = answer;
    previous = answer.context ?? previous;
    process.stdout.write(`\n${terminalText(answerToText(answer, { numberedActions: true }))}\n\n`);
  };
  if (start) {
    show(whodoes.act(start));
    // Said once the tour's first answer is on screen, just before the first prompt.
    process.stdout.write(`${TOUR_HINT}\n\n`);
  } else
    process.stdout.write(
      'Ask who does a data task, e.g. "who restores a dropped table?". Type a button\'s number or label to press it, "quit" to leave.\n\n',
    );
  rl.prompt();
  let quit = false;
  for await (const raw of rl) {
    const line = raw.trim();
    quit = /^(quit|exit|q)$/i.test(line);
    if (quit) break;
    if (line !== "") {
      // After a question asked mid-tour, "next" goes on with the tour, as the core reads it on every surface.
      const pick = typedAction(line, last, { resolveRole: (name) => whodoes.resolveRole(name) }) ?? tourPress(line, previous);
      if (pick) show(whodoes.act(pick, previous ? { previous } : {}));
      // "next" after the tour's last step, "9" of five buttons: nothing to press, and the conversation carries on.
      else if (last && isButtonWord(line, last)) process.stdout.write(`\n${terminalText(NO_SUCH_BUTTON(line))}\n\n`);
      else {
        const asked = whodoes.ask(line, previous ? { previous } : {});
        // "yes" or "hmm" under a choice the bot asked for chooses nothing: the choice stays on screen to be made.
        if (offersChoices(last) && askedNothing(asked)) process.stdout.write(`\n${PICK_ONE}\n\n`);
        else show(asked);
      }
    }
    rl.prompt();
  }
  rl.close();
  // Input that ends on a prompt (Ctrl-D, Ctrl-C, a pipe, whose lines are not echoed) ends its line too, so the
  // shell's own prompt does not follow "you> "; a "quit" typed at a terminal has ended it already.
  if (!(tty && quit)) process.stdout.write("\n");
}
