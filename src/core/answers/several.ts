/**
 * Several questions in one message: one reply that answers each, in the order asked, each under its
 * question. The reply's own intent, roles and neighbour are the first question's, so a script that reads
 * only those sees what it saw before; `parts` holds every question's answer.
 */
import type { Action, Answer, AnswerPart, Block } from "../answer.js";
import { answer } from "./context.js";
import { MESSAGES } from "./messages.js";

/** How much of a question its heading shows. */
const QUESTION_SHOWN = 150;
/** Buttons under the reply besides 👍/👎: the parts' next steps, first come first. */
const MAX_ACTIONS = 5;
/** Buttons whose label says whom they are about ("What does a DBA do?", "Ask question 4"), whichever part they come from. */
const SAYS_WHOM: ReadonlySet<Action["action"]["do"]> = new Set(["describe", "ask", "roles", "compareAll", "help"]);

export function severalQuestions(parts: readonly AnswerPart[], unasked: readonly string[] = []): Answer {
  const [first] = parts;
  if (!first) throw new Error("severalQuestions needs at least one part");
  // "Is there a way to set the retention period for the data? Like max 7 days?": questions that all come to one
  // answer get it once, as one question does, not a numbered list of "The same answer as question 1".
  if (unasked.length === 0 && parts.every((p) => p.summary === first.summary)) {
    const { question: _, ...once } = first;
    return { ...once, parts: [...parts] };
  }
  const blocks: Block[] = [];
  parts.forEach((p, i) => {
    blocks.push({ type: "heading", text: `${i + 1}. ${shorten(p.question)}` });
    const same = parts.findIndex((q) => q.summary === p.summary);
    if (same < i) blocks.push({ type: "text", text: [{ text: MESSAGES.sameAnswer(same + 1) }] });
    else blocks.push(...p.blocks);
  });
  // Questions beyond the ones answered are not dropped without a word: each is named, and a button asks it.
  if (unasked.length > 0)
    blocks.push(
      { type: "text", text: [{ text: MESSAGES.notAnswered(parts.length, unasked.length) }] },
      { type: "list", items: unasked.map((q) => [{ text: shorten(q) }]) },
    );
  const askAgain: Action[] = unasked.map((q, i) => ({
    label: MESSAGES.askQuestion(parts.length + i + 1),
    action: { do: "ask", text: q },
  }));
  const isFeedback = (a: Action) => a.action.do === "feedback";
  // Parts about different roles share one row of buttons, where "Who do they work with?", "Start onboarding" or
  // "Compare with the architect" would not say whose: only the buttons that say whom they are about stay.
  const roles = new Set(parts.flatMap((p) => (p.roles[0] ? [p.roles[0].id] : [])));
  const clear = (a: Action) => roles.size <= 1 || SAYS_WHOM.has(a.action.do);
  const seen = new Set<string>();
  const steps = [...askAgain, ...parts.flatMap((p) => p.actions)]
    .filter((a) => {
      const key = JSON.stringify(a.action);
      if (isFeedback(a) || !clear(a) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_ACTIONS);
  return answer({
    intent: first.intent,
    title: MESSAGES.severalTitle(parts.length),
    summary: parts.map((p, i) => `${i + 1}. ${p.summary}`).join(" "),
    blocks,
    roles: first.roles,
    actions: [...steps, ...first.actions.filter(isFeedback)],
    ...(first.neighbour ? { neighbour: first.neighbour } : {}),
    parts: [...parts],
    ...(unasked.length > 0 ? { unasked: [...unasked] } : {}),
  });
}

/** Emoji codes ending a question ("... table? :pray:"): cut with the punctuation after them, they would read ":pray?". */
const TRAILING_EMOJI_CODES = /(?:\s*:[a-z0-9_+'-]+:)+\s*$/i;
/** A list's marker before a question ("- ", "* ", "2) ", "3. ", "1- ", "#2 ", "q3: "): the heading numbers the questions itself. */
const LIST_MARKER = /^(?:[-*•]|\d{1,2}[.):/-]|#\d{1,2}|q\d{1,2}:?)\s+/i;

function shorten(question: string): string {
  // "who restores a dropped table and who designs the partitioning?": the first part, cut from the message before
  // its "and", is a question too, and its heading says so.
  const oneLine = question
    .replace(/\s+/g, " ")
    .trim()
    .replace(LIST_MARKER, "")
    .replace(TRAILING_EMOJI_CODES, "")
    .replace(/[\s,;:]*$/, "")
    .replace(/(?<![?!.…])$/, "?");
  return oneLine.length <= QUESTION_SHOWN ? oneLine : `${oneLine.slice(0, QUESTION_SHOWN - 1).trimEnd()}…`;
}
