/**
 * In the console chat and tour, a typed line may press one of the last answer's buttons, as a click
 * would elsewhere: its number, its label ("Next", "compare with the architect"), the obvious word for
 * it ("next", "back", "done", "quiz"), a role's name for a choice of roles (a quiz question, "Which
 * role are you starting in?"), or the start of exactly one label ("compare"). Anything else is a
 * question for the core.
 */

// Straight from its module, not the core's index: that would load the schema and YAML libraries at start-up.
import { asksForMore, plainWords, QUIZ_WORDS, TOUR_WORDS } from "../../core/follow-up/tour-words.js";
import type { Action, ActionRef, Answer } from "../../core/index.js";
import { numberedActions } from "../../render/text.js";

/** What people type for the tour's buttons, by the button's label (as `plainWords` reads it). */
const OBVIOUS: readonly { typed: readonly string[]; labels: readonly string[] }[] = [
  { typed: TOUR_WORDS.next, labels: ["next", "next question"] },
  { typed: TOUR_WORDS.back, labels: ["back"] },
  { typed: TOUR_WORDS.done, labels: ["done"] },
  { typed: TOUR_WORDS.again, labels: ["take tour again"] },
];
/** An emoji's skin tone and presentation selector, which a typed "👍🏽" may carry and a label's "👍" does not. */
const SKIN_TONE = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu;
/** A prefix shorter than this presses nothing: "w" is not "What does a DBA do?". */
const MIN_PREFIX = 3;

export interface TypedActionOptions {
  /** The role a typed name means ("dba"), as the core resolves it. */
  resolveRole(name: string): string | undefined;
}

/** The button `line` presses on `answer`, or undefined when it is a question. */
export function typedAction(line: string, answer: Answer | undefined, options: TypedActionOptions): ActionRef | undefined {
  if (!answer) return undefined;
  const buttons = numberedActions(answer);
  const typed = line.trim();
  const said = plainWords(typed);
  // "2", "[2]" and "2." as the buttons are numbered on screen.
  if (/^\d+$/.test(said)) return buttons[Number(said) - 1]?.action;
  // "👍" for "👍 Helpful": a line of emoji alone is the button its label starts with (skin tones aside).
  const emoji = typed.replace(SKIN_TONE, "");
  if (said === "") return emoji === "" ? undefined : buttons.find((b) => b.label.startsWith(emoji))?.action;
  const byLabel = (labels: readonly string[]) => buttons.find((b) => labels.includes(plainWords(b.label)));

  const exact = byLabel([said]);
  if (exact) return exact.action;
  const role = choiceOfRole(typed, answer, options);
  if (role) return role.action;
  const obvious = asksForMore(typed, answer) ? undefined : OBVIOUS.find((o) => o.typed.includes(said));
  if (obvious) return byLabel(obvious.labels)?.action;
  if (QUIZ_WORDS.has(said)) return quizOf(answer, buttons);
  const started = buttons.filter((b) => said.length >= MIN_PREFIX && plainWords(b.label).startsWith(said));
  return started.length === 1 ? started[0]?.action : undefined;
}

/**
 * Whether `line` is typed to press a button rather than to ask: a number, or a tour's word ("next", "back",
 * "quiz"; "more" only on a tour step, as elsewhere it asks for more). When it presses none of the last answer's,
 * the chat says so rather than asking the core about "n".
 */
export function isButtonWord(line: string, answer: Answer | undefined): boolean {
  const said = plainWords(line.trim());
  if (asksForMore(line, answer)) return false;
  return /^\d+$/.test(said) || OBVIOUS.some((o) => o.typed.includes(said)) || QUIZ_WORDS.has(said);
}

/** How a question of its own starts: "what does a data architect do?" on the role chooser is asked, not a pick. */
const ASKS = /^(who|what|whats|how|why|when|where|which|does|do|can|could|should|would|will)\b/;

/** On a choice of roles, the choice whose role the line names ("dba" for "Database administrator"). */
function choiceOfRole(typed: string, answer: Answer, options: TypedActionOptions): Action | undefined {
  const choices = answer.blocks.flatMap((b) => (b.type === "choices" ? b.choices : []));
  if (choices.length === 0 || (typed.endsWith("?") && ASKS.test(plainWords(typed)))) return undefined;
  const id = options.resolveRole(typed);
  return id ? choices.find((c) => options.resolveRole(c.label) === id) : undefined;
}

/** "quiz" in a tour: the quiz button where one is shown, else the quiz of the tour's role (its last step). */
function quizOf(answer: Answer, buttons: readonly Action[]): ActionRef | undefined {
  const shown = buttons.find((b) => b.action.do === "quiz" && b.action.pick === undefined);
  if (shown) return shown.action;
  const role = answer.intent === "onboarding" ? answer.roles[0]?.id : undefined;
  return role ? { do: "quiz", role, q: 1 } : undefined;
}
