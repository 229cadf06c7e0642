/** The small talk around the answers: help, greetings, thanks, feedback, and "not one for us". */
import type { Answer, Block } from "../answer.js";
import type { IntentId } from "../intents.js";
import type { Role } from "../knowledge/types.js";
import { MAX_QUESTION_CHARS } from "../limits.js";
import { compareAllAction } from "./compare-all.js";
import { type AnswerContext, answer } from "./context.js";
import { listNames, lowerName, MESSAGES } from "./messages.js";
import { plain } from "./rich-text.js";

/** Examples already made, by knowledge and count: a knowledge never changes once loaded (a reload is a new one). */
type Example = { readonly intent: IntentId; readonly text: string };
const made = new WeakMap<object, Map<number, readonly Example[]>>();

/** Example questions for each intent, made from the knowledge: real role names and tasks. */
export function examples(ctx: AnswerContext, perIntent = 2): readonly Example[] {
  const byCount = made.get(ctx.knowledge) ?? new Map<number, readonly Example[]>();
  made.set(ctx.knowledge, byCount);
  const known = byCount.get(perIntent);
  if (known) return known;
  const list = Object.freeze(makeExamples(ctx, perIntent));
  byCount.set(perIntent, list);
  return list;
}

function makeExamples(ctx: AnswerContext, perIntent: number): { intent: IntentId; text: string }[] {
  const roles = ctx.knowledge.roles;
  const out: { intent: IntentId; text: string }[] = [];
  let r = 0;
  // By its short name in a sentence's case ("what does an architect do?"), short enough for a button's label.
  const nextRole = () => lowerName(roles[r++ % roles.length]?.short ?? "");
  const tasks = roles.flatMap((role) => role.responsibilities.map((x) => x.keywords[0] ?? x.id));
  let t = 0;
  for (const intent of ctx.knowledge.intents) {
    if (intent.id === "out_of_scope" || intent.id === "greeting") continue;
    const concrete = intent.examples
      .filter((e) => e.trim() !== "ROLE" && e.trim() !== "TASK")
      .slice(0, perIntent)
      .map((e) =>
        e
          // "what does a ROLE do?" -> "what does an architect do?"
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

/**
 * How to ask. `followed`: false for a word in a conversation that asks nothing the bot can follow ("why?" after
 * an answer), which is told so, rather than that it is another team's question; the conversation goes on.
 */
export function help(ctx: AnswerContext, followed = true): Answer {
  const list = examples(ctx);
  return answer({
    intent: "help",
    title: followed ? MESSAGES.helpTitle : MESSAGES.notFollowedTitle,
    summary: followed ? MESSAGES.helpSummary : `${MESSAGES.notFollowedTitle}. ${MESSAGES.notFollowed}`,
    blocks: [
      { type: "text", text: plain(followed ? MESSAGES.helpIntro : MESSAGES.notFollowed) },
      { type: "list", items: list.map((e) => plain(e.text)) },
    ],
    actions: [
      { label: MESSAGES.rolesButton, action: { do: "roles" } },
      compareAllAction(),
      { label: MESSAGES.onboardButton, action: { do: "onboard" } },
    ],
  });
}

/** What a welcome offers to try: two tasks, a role to describe and a pair to compare. */
const WELCOME_EXAMPLES: readonly (readonly [IntentId, number])[] = [
  ["who_does", 2],
  ["describe_role", 1],
  ["compare_roles", 1],
];

export interface WelcomeOptions {
  /** People who just joined (a Teams team's new members); none when the bot was installed or opened. */
  newMembers?: readonly string[];
  /** How people reach the bot where the welcome is shown: a mention ("@whodoes" in a Teams channel)... */
  mention?: string;
  /** ...or a command ("/whodoes" in Slack). */
  command?: string;
}

/**
 * The first thing a person sees, on every surface (Slack's App Home and welcome DM, Teams' install and
 * new members, the web chat's page): what the bot does, the roles it knows, questions to try (real
 * ones, made from the knowledge) and the ways in.
 */
export function welcome(ctx: AnswerContext, options: WelcomeOptions = {}): Answer {
  const all = examples(ctx);
  const tries = WELCOME_EXAMPLES.flatMap(([intent, count]) => all.filter((e) => e.intent === intent).slice(0, count));
  const reach = options.mention
    ? MESSAGES.welcomeMention(options.mention)
    : options.command
      ? MESSAGES.welcomeCommand(options.command)
      : undefined;
  const how = reach ? `${MESSAGES.welcomeIntro} ${reach}` : MESSAGES.welcomeIntro;
  const members = options.newMembers ?? [];
  const roles = ctx.knowledge.roles.map((r) => r.name);
  const blocks: Block[] = [{ type: "text", text: plain(how) }];
  if (roles.length > 0) blocks.push({ type: "text", text: plain(MESSAGES.knownRoles(listNames(roles))) });
  if (tries.length > 0)
    blocks.push({
      type: "choices",
      prompt: MESSAGES.tryAsking,
      choices: tries.map((e) => ({ label: e.text, action: { do: "ask", text: e.text } })),
    });
  blocks.push({ type: "text", text: plain(MESSAGES.welcomeOnboarding) });
  return answer({
    intent: "greeting",
    title: members.length > 0 ? MESSAGES.welcomeMembers(listNames(members)) : MESSAGES.welcomeTitle,
    summary: how,
    blocks,
    actions: [
      { label: MESSAGES.onboardButton, action: { do: "onboard" }, style: "primary" },
      { label: MESSAGES.rolesButton, action: { do: "roles" } },
      compareAllAction(),
      { label: MESSAGES.helpButton, action: { do: "help" } },
    ],
  });
}

/** A message over MAX_QUESTION_CHARS: said plainly, with a question to ask instead. */
export function tooLong(ctx: AnswerContext, length: number): Answer {
  const example = examples(ctx, 1).find((e) => e.intent === "who_does")?.text;
  const text = MESSAGES.tooLong(length, MAX_QUESTION_CHARS, example);
  return answer({
    intent: "out_of_scope",
    title: MESSAGES.tooLongTitle,
    summary: text,
    blocks: [{ type: "text", text: plain(text) }],
    actions: [{ label: MESSAGES.helpButton, action: { do: "help" } }],
  });
}

/** Small talk's kinds by its words; a greeting's cue that is none of these ("ok", "cool", "got it") acknowledges. */
const THANKS = /\b(?:thanks?|thx|ty|tysm|cheers|thankyou|appreciated?|ta)\b/;
const BYE = /\b(?:bye|goodbye|later|cya|ttyl|night|see (?:you|ya)|take care|have a (?:good|nice) (?:one|day))\b/;
const HELLO = /\b(?:hi|hello|hey|hiya|yo|morning|afternoon|evening|howdy|sup|gm|greetings|welcome|happy)\b/;

export function greeting(ctx: AnswerContext, words: readonly string[]): Answer {
  const said = words.join(" ");
  const example = examples(ctx, 1).find((e) => e.intent === "who_does")?.text;
  // "ok", "cool", "got it" after an answer take it in; greeting them with "Hi!" would start the conversation again.
  const text = THANKS.test(said)
    ? MESSAGES.thanks
    : BYE.test(said)
      ? MESSAGES.bye
      : HELLO.test(said)
        ? MESSAGES.hello(example)
        : MESSAGES.acknowledged;
  return answer({
    intent: "greeting",
    title: text,
    summary: text,
    blocks: [],
    actions: [{ label: MESSAGES.helpButton, action: { do: "help" } }],
  });
}

/**
 * Not a data role's: another department's (`department`, when the knowledge names it), or nothing we match.
 * `named`: the roles the message names ("how much does a data architect earn?"): the question is still not ours,
 * but what those roles do is, so it is offered first.
 */
export function outOfScope(ctx: AnswerContext, department?: string, named: readonly Role[] = []): Answer {
  const text = department
    ? MESSAGES.outOfScopeElsewhere(department)
    : named.length > 0
      ? MESSAGES.outOfScopeAbout(named.map((r) => r.name))
      : MESSAGES.outOfScopeText;
  const describe = named.map((r) => ({
    label: MESSAGES.describeButton(r.short),
    action: { do: "describe" as const, role: r.id },
  }));
  const tries = [
    // In the examples' case ("what does an architect do?"), for the surfaces that show no buttons.
    ...named.map((r) => plain(lowerName(MESSAGES.describeButton(lowerName(r.short))))),
    ...examples(ctx, 1)
      .filter(
        (e) => e.intent === "who_does" || (named.length === 0 && (e.intent === "describe_role" || e.intent === "compare_roles")),
      )
      .map((e) => plain(e.text)),
  ];
  return answer({
    intent: "out_of_scope",
    title: MESSAGES.outOfScopeTitle,
    summary: text,
    ...(department ? { department } : {}),
    blocks: [
      { type: "text", text: plain(text) },
      { type: "text", text: plain(MESSAGES.outOfScopeTry) },
      { type: "list", items: tries },
    ],
    actions: [
      ...describe,
      { label: MESSAGES.rolesButton, action: { do: "roles" } },
      { label: MESSAGES.helpButton, action: { do: "help" } },
    ],
    handoff: { reason: "out_of_scope", roles: [] },
  });
}

/**
 * A message that only points back ("who does that?", "what else do they do?") with nothing before it to point at:
 * asked what it means, with a task and a role to name, rather than told it matched no data role.
 */
export function referringTo(ctx: AnswerContext): Answer {
  const tries = examples(ctx, 1)
    .filter((e) => e.intent === "who_does" || e.intent === "describe_role")
    .map((e) => e.text);
  const text = MESSAGES.referringTo(tries);
  return answer({
    intent: "out_of_scope",
    title: MESSAGES.referringTitle,
    summary: `${MESSAGES.referringTitle} ${text}`,
    blocks: [{ type: "text", text: plain(text) }],
    actions: [
      { label: MESSAGES.rolesButton, action: { do: "roles" } },
      { label: MESSAGES.helpButton, action: { do: "help" } },
    ],
  });
}

/** `kept`: whether the vote is recorded for the people who maintain the knowledge. */
export function feedbackThanks(kept: boolean): Answer {
  const thanks = kept ? MESSAGES.feedbackThanks : MESSAGES.feedbackNotKept;
  return answer({ intent: "greeting", title: thanks, summary: thanks, blocks: [] });
}
