/**
 * The few answers the Teams adapter makes itself, for events the core never sees (a welcome on install,
 * a message too long to read). They are ordinary Answers so the same renderer draws them.
 */
import type { Action, Answer, Whodoes } from "../../core/index.js";

/** Example questions shown in a welcome, taken from the knowledge so an organisation's edits show up here. */
const WELCOME_EXAMPLES = 3;
/** Names listed in a welcome for people who joined together; the rest are counted. */
const WELCOME_NAMES = 5;

const WELCOME_ACTIONS: Action[] = [
  { label: "Start onboarding", action: { do: "onboard" }, style: "primary" },
  { label: "List the roles", action: { do: "roles" } },
  { label: "Compare all roles", action: { do: "compareAll" } },
  { label: "Help", action: { do: "help" } },
];

function listNames(names: string[]): string {
  const shown = names.slice(0, WELCOME_NAMES);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} ${more === 1 ? "other" : "others"}`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

export interface WelcomeOptions {
  /** People who just joined a team; empty when the bot itself was installed. */
  newMembers: string[];
  /** Channels and group chats need an @mention to reach the bot; a personal chat does not. */
  needsMention: boolean;
  /** The bot's display name, for the @mention hint. */
  botName: string;
}

export function welcomeAnswer(whodoes: Whodoes, options: WelcomeOptions): Answer {
  const { knowledge } = whodoes;
  // Names as the knowledge spells them: lower-casing would mangle acronyms an organisation may use.
  const roleNames = knowledge.roles.map((r) => r.name);
  const examples = (knowledge.intents.find((i) => i.id === "who_does")?.examples ?? []).slice(0, WELCOME_EXAMPLES);
  const title = options.newMembers.length > 0 ? `Welcome, ${listNames(options.newMembers)}!` : `Hi, I'm ${options.botName}`;
  const how = options.needsMention
    ? `Mention me (@${options.botName}) with a question about a data task and I'll tell you which role owns it.`
    : "Ask me about a data task and I'll tell you which role owns it.";
  const first = examples[0];
  return {
    intent: "greeting",
    title,
    summary: first ? `${how} For example: ${first}` : how,
    blocks: [
      { type: "text", text: [{ text: how }] },
      ...(roleNames.length > 0
        ? [{ type: "text" as const, text: [{ text: `I know these roles: ${listNames(roleNames)}.` }] }]
        : []),
      ...(examples.length > 0
        ? [
            { type: "heading" as const, text: "Try asking" },
            { type: "list" as const, items: examples.map((e) => [{ text: e }]) },
          ]
        : []),
      { type: "text", text: [{ text: "New to the data team? Start onboarding for a short tour of each role." }] },
    ],
    roles: [],
    actions: WELCOME_ACTIONS,
  };
}

export function tooLongAnswer(length: number, limit: number): Answer {
  const text = `That message is ${length.toLocaleString("en-US")} characters long; I read questions of up to ${limit.toLocaleString("en-US")}. Ask in a sentence or two, for example "who restores a dropped table?".`;
  return {
    intent: "out_of_scope",
    title: "That message is too long for me",
    summary: text,
    blocks: [{ type: "text", text: [{ text }] }],
    roles: [],
    actions: [{ label: "Help", action: { do: "help" } }],
  };
}
