/** The small talk around the answers: help, greetings, thanks, feedback, and "not one for us". */
import type { Answer, IntentId } from "../answer.js";
import { compareAllAction } from "./compare-all.js";
import { type AnswerContext, answer } from "./context.js";
import { MESSAGES } from "./messages.js";
import { plain } from "./rich-text.js";

/** Example questions for each intent, made from the knowledge: real role names and tasks. */
export function examples(ctx: AnswerContext, perIntent = 2): { intent: IntentId; text: string }[] {
  const roles = ctx.knowledge.roles;
  const out: { intent: IntentId; text: string }[] = [];
  let r = 0;
  const nextRole = () => roles[r++ % roles.length]?.short ?? "";
  const tasks = roles.flatMap((role) => role.responsibilities.map((x) => x.keywords[0] ?? x.id));
  let t = 0;
  for (const intent of ctx.knowledge.intents) {
    if (intent.id === "out_of_scope" || intent.id === "greeting") continue;
    const concrete = intent.examples
      .filter((e) => e.trim() !== "ROLE" && e.trim() !== "TASK")
      .slice(0, perIntent)
      .map((e) =>
        e
          // "what does a ROLE do?" -> "what does an Architect do?"
          .replace(/\b(?:(an?) )?ROLE\b/g, (_, article?: string) => withArticle(nextRole(), article))
          .replace(/\bTASK\b/g, () => tasks[t++ % tasks.length] ?? ""),
      );
    for (const text of concrete) out.push({ intent: intent.id, text });
  }
  return out;
}

/** The role's name after the example's article, "a" or "an" as its first letter needs. */
function withArticle(role: string, article: string | undefined): string {
  if (!article) return role;
  return `${/^[aeiou]/i.test(role) ? "an" : "a"} ${role}`;
}

export function help(ctx: AnswerContext): Answer {
  const list = examples(ctx);
  return answer({
    intent: "help",
    title: MESSAGES.helpTitle,
    summary: MESSAGES.helpSummary,
    blocks: [
      { type: "text", text: plain(MESSAGES.helpIntro) },
      { type: "list", items: list.map((e) => plain(e.text)) },
    ],
    actions: [
      { label: MESSAGES.rolesButton, action: { do: "roles" } },
      compareAllAction(),
      { label: MESSAGES.onboardButton, action: { do: "onboard" } },
    ],
  });
}

export function greeting(ctx: AnswerContext, words: readonly string[]): Answer {
  const said = (re: RegExp) => words.some((w) => re.test(w));
  const example = examples(ctx, 1).find((e) => e.intent === "who_does")?.text;
  const text = said(/^(thanks?|thx|ty|tysm|cheers|thankyou|appreciated?)$/)
    ? MESSAGES.thanks
    : said(/^(bye|goodbye|later|cya|ttyl|night)$/)
      ? MESSAGES.bye
      : MESSAGES.hello(example);
  return answer({
    intent: "greeting",
    title: text,
    summary: text,
    blocks: [],
    actions: [{ label: MESSAGES.helpButton, action: { do: "help" } }],
  });
}

export function outOfScope(ctx: AnswerContext): Answer {
  const tries = examples(ctx, 1)
    .filter((e) => e.intent === "who_does" || e.intent === "describe_role" || e.intent === "compare_roles")
    .map((e) => plain(e.text));
  return answer({
    intent: "out_of_scope",
    title: MESSAGES.outOfScopeTitle,
    summary: MESSAGES.outOfScopeText,
    blocks: [
      { type: "text", text: plain(MESSAGES.outOfScopeText) },
      { type: "text", text: plain(MESSAGES.outOfScopeTry) },
      { type: "list", items: tries },
    ],
    actions: [
      { label: MESSAGES.rolesButton, action: { do: "roles" } },
      { label: MESSAGES.helpButton, action: { do: "help" } },
    ],
  });
}

export function feedbackThanks(): Answer {
  return answer({ intent: "greeting", title: MESSAGES.feedbackThanks, summary: MESSAGES.feedbackThanks, blocks: [] });
}
