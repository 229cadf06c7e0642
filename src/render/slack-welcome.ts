/**
 * The welcome DM for someone who joined an onboarding channel: what the bot is for, the role map
 * (every role with its character, from the knowledge base) and a "Start onboarding" button. Pure.
 */
import type { Role } from "../core/index.js";
import {
  ACTION_ID_PREFIX,
  actionsBlocks,
  button,
  type NextId,
  plain,
  type SlackBlock,
  type SlackMessage,
  section,
} from "./slack.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import { escapeSlackText } from "./slack-text.js";

export interface WelcomeInput {
  roles: Role[];
  /** The channel the person joined (a Slack id from the event): linked as `<#C…>` when it looks like one. */
  channel: string;
  /** The slash command, e.g. "/whodoes". */
  command: string;
  /** An example question from the knowledge base. */
  example?: string;
}

const CHANNEL_ID = /^[CG][A-Z0-9]{2,20}$/;

export const WELCOME_FALLBACK = "Welcome! Here is who does what in data, and a short tour of your role.";

export function welcomeMessage(input: WelcomeInput): SlackMessage {
  let n = 0;
  const nextId: NextId = () => `${ACTION_ID_PREFIX}${n++}`;
  const where = CHANNEL_ID.test(input.channel) ? `<#${input.channel}>` : "the channel";
  const cmd = escapeSlackText(input.command);
  const roles = input.roles.map((r) => `• *${escapeSlackText(r.name)}* · _${escapeSlackText(r.character)}_`);
  const ask = input.example ? `\`${cmd} ${escapeSlackText(input.example)}\`` : `\`${cmd} your question\``;
  const blocks: SlackBlock[] = [
    { type: "header", text: plain("Welcome to the data team", SLACK_LIMITS.headerText) },
    section(
      `Welcome to ${where}! I'm whodoes: I tell you which data role owns a task, and I can walk you through the role you are starting in.`,
    ),
    ...(roles.length > 0 ? [section(["*Who does what*", ...roles].join("\n"))] : []),
    section(`Ask me any time: type ${ask} anywhere, or send me a message here.`),
    ...actionsBlocks(
      [
        button(nextId(), "Start onboarding", { do: "onboard" }, "primary"),
        button(nextId(), "All roles", { do: "roles" }),
        button(nextId(), "Compare all roles", { do: "compareAll" }),
        button(nextId(), "How to ask", { do: "help" }),
      ].flatMap((b) => b ?? []),
    ),
  ];
  return { text: WELCOME_FALLBACK, blocks };
}
