/**
 * A tour's words typed rather than clicked: "next", "back", "done" during the onboarding tour do what
 * its buttons do, on every surface. The conversation's last turn says which step it showed (ids and a
 * number, never text), so a typed "next" in a Slack DM, a Teams chat or the web chat moves the tour on.
 * The console chat reads the same words against the buttons it shows (adapters/cli/typed-action.ts).
 */
import type { ActionRef } from "../action-ref.js";
import type { TurnContext } from "../answer.js";
import { QUIZ_LENGTH, TOUR_STEPS } from "../answers/onboarding.js";
import type { IntentId } from "../intents.js";

/** Words that change nothing a button does: articles, and the courtesy of "next step please". */
const NOISE: ReadonlySet<string> = new Set(["the", "a", "an", "please", "pls", "plz"]);

/** Lower case, words only, without articles: "Compare with the Architect!" -> "compare with architect". */
export const plainWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w !== "" && !NOISE.has(w))
    .join(" ");

/** What people type for the tour's buttons, as `plainWords` reads it. */
export const TOUR_WORDS = {
  next: ["next", "n", "continue", "go on", "forward", "next step", "more", "ok next", "skip"],
  back: ["back", "b", "previous", "prev", "go back", "step back"],
  done: ["done", "finish", "finished", "end", "end tour", "stop", "stop tour", "skip tour", "exit tour", "quit tour"],
  again: ["again", "restart", "start again", "tour again", "repeat"],
} as const;
type TourMove = keyof typeof TOUR_WORDS;
/**
 * "more", "go on": the tour's Next on a tour step, but elsewhere (a question answered mid-tour, a chat) and on the
 * step whose list ends "…and 16 more" (`listed`), how people ask for more of the last answer, as "what else?" does.
 */
const MORE_WORDS: ReadonlySet<string> = new Set(["more", "continue", "go on", "keep going", "rest"]);
export const asksForMore = (text: string, last: { intent: IntentId; listed?: number | undefined } | undefined) =>
  MORE_WORDS.has(plainWords(text)) && (last?.intent !== "onboarding" || last.listed !== undefined);
export const QUIZ_WORDS: ReadonlySet<string> = new Set([
  "quiz",
  "quiz me",
  "take quiz",
  "quick quiz",
  "start quiz",
  "go to quiz",
]);

function tourMoveOf(text: string): TourMove | undefined {
  const said = plainWords(text);
  return (Object.keys(TOUR_WORDS) as TourMove[]).find((move) => (TOUR_WORDS[move] as readonly string[]).includes(said));
}

/**
 * The button a typed tour word presses during a tour (`previous.step`, kept across questions asked mid-tour), or
 * undefined when no tour is under way or the word is not one (then it is a message like any other).
 */
export function tourPress(text: string, previous: TurnContext | undefined): ActionRef | undefined {
  const step = previous?.step;
  const role = previous?.starting;
  if (step === undefined || !role || asksForMore(text, previous)) return undefined;
  const total = TOUR_STEPS.length;
  if (QUIZ_WORDS.has(plainWords(text))) return { do: "quiz", role, q: 1 };
  switch (tourMoveOf(text)) {
    case "next": {
      // In the quiz: the next question, or the tour's end after the last.
      const quiz = previous?.quiz;
      if (quiz !== undefined)
        return quiz < QUIZ_LENGTH ? { do: "quiz", role, q: quiz + 1 } : { do: "onboard", role, step: total + 1 };
      return step < total ? { do: "onboard", role, step: step + 1 } : undefined;
    }
    case "back":
      // On the first step there is nothing before it: the step again, rather than "back" read as a question.
      return { do: "onboard", role, step: Math.max(1, step - 1) };
    case "done":
      return { do: "onboard", role, step: total + 1 };
    case "again":
      return { do: "onboard", role, step: 1 };
    default:
      return undefined;
  }
}
