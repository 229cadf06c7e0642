/**
 * Answer → Block Kit. Pure functions: the one place that turns the core's Answer (and the role
 * directory of the App Home) into Slack blocks. Every piece of text is escaped here, so nothing a user
 * typed can come back as a live `<!channel>`, `<@U…>` or link.
 */
import { type ActionRef, type Answer, type Block, lowerName, type Role, type RoleCard } from "../core/index.js";
import {
  ACTION_ID_PREFIX,
  type ActionsBlock,
  actionsBlocks,
  type ButtonElement,
  button,
  type ContextActionsBlock,
  feedbackBlock,
  type NextId,
  type PlainText,
  plain,
} from "./slack-buttons.js";
import { SLACK_ID } from "./slack-directory.js";
import { SLACK_LIMITS, truncate } from "./slack-limits.js";
import { peopleToMrkdwn } from "./slack-people.js";
import {
  fitsTableBlock,
  type ImageBlock,
  type SectionFields,
  type TableBlock,
  tableAsSections,
  tableBlock,
  tableImage,
} from "./slack-table.js";
import { escapeSlackText, richTextToMrkdwn, textToMrkdwn } from "./slack-text.js";

export {
  ACTION_ID_PREFIX,
  type ButtonElement,
  encodeActionValue,
  type FeedbackButton,
  type FeedbackButtonsElement,
  type PlainText,
} from "./slack-buttons.js";
export { escapeSlackText, richTextToMrkdwn } from "./slack-text.js";

export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
  /** true: Slack does not auto-link URLs, channel names or bare "@here" in this text. */
  verbatim?: boolean;
}
export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: Mrkdwn; fields?: Mrkdwn[]; accessory?: ButtonElement }
  | { type: "section"; fields: Mrkdwn[] }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "divider" }
  | ActionsBlock
  | ContextActionsBlock
  | TableBlock
  | SectionFields
  | ImageBlock;

export interface SlackMessage {
  /** Fallback for notifications and screen readers. */
  text: string;
  blocks: SlackBlock[];
}
export interface SlackHomeView {
  type: "home";
  blocks: SlackBlock[];
}

/** The "Share in channel" button of an ephemeral answer; its value is the ActionRef that re-creates it. */
export const SHARE_ACTION_ID = "whodoes-share";
/**
 * The block_id prefix of the buttons on an onboarding card. A click on one of these continues the
 * tour, so the adapter updates that card in place instead of posting a new message per step.
 */
export const TOUR_BLOCK_ID_PREFIX = "whodoes-tour-";

export interface BlockKitOptions {
  /** Adds a "Share in channel" button whose value re-creates this answer (for ephemeral answers). */
  shareRef?: ActionRef;
  /** Slack user id of the person who shared the answer: adds a "Shared by" line. */
  sharedBy?: string;
  /**
   * The public address of the comparison's picture (PUBLIC_URL + /compare.png): a table answer shows it
   * under the table. Without it, the table alone.
   */
  pictureUrl?: string;
  /** The channel a welcome is for (a Slack channel id from the join event): linked under the title. */
  joinedChannel?: string;
}

const mrkdwn = (text: string, max: number = SLACK_LIMITS.sectionText): Mrkdwn => ({
  type: "mrkdwn",
  text: truncate(text, max),
  verbatim: true,
});
const section = (text: string): SlackBlock => ({ type: "section", text: mrkdwn(text) });

/**
 * Lines in as few sections as hold them whole. An organisation's long responsibilities can take a list past
 * one section's 3,000 characters, and one section cut there lost every item after the cut without a word.
 */
function linesInSections(lines: string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (current.length > 0 && [...current, line].join("\n").length > SLACK_LIMITS.sectionText) {
      out.push(section(current.join("\n")));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) out.push(section(current.join("\n")));
  return out;
}

/** How many evidence lines a role card shows: enough to say why, short enough to read. */
const EVIDENCE_SHOWN = 3;

function roleToMrkdwn(role: RoleCard): string {
  const lines = [`*${textToMrkdwn(role.name)}* · _${textToMrkdwn(role.character)}_`];
  if (role.how && role.how.length > 0) lines.push(richTextToMrkdwn(role.how));
  for (const e of role.evidence.slice(0, EVIDENCE_SHOWN)) lines.push(`• ${richTextToMrkdwn(e.statement)}`);
  return lines.join("\n");
}

function blockToSlack(block: Block, nextId: NextId, pictureUrl?: string): SlackBlock[] {
  switch (block.type) {
    case "text":
      return [section(richTextToMrkdwn(block.text))];
    case "heading":
      return [section(`*${textToMrkdwn(block.text)}*`)];
    case "list": {
      const lines = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "•"} ${richTextToMrkdwn(item)}`);
      return linesInSections(lines);
    }
    case "fields": {
      const fields = block.fields.map((f) =>
        mrkdwn(`*${textToMrkdwn(f.label)}*\n${richTextToMrkdwn(f.value)}`, SLACK_LIMITS.fieldText),
      );
      const out: SlackBlock[] = [];
      for (let i = 0; i < fields.length; i += SLACK_LIMITS.fieldsPerSection) {
        out.push({ type: "section", fields: fields.slice(i, i + SLACK_LIMITS.fieldsPerSection) });
      }
      return out;
    }
    case "role":
      return [section(roleToMrkdwn(block.role))];
    case "progress":
      return [{ type: "context", elements: [mrkdwn(`Step ${block.step} of ${block.total}`, SLACK_LIMITS.contextText)] }];
    case "choices": {
      const buttons = block.choices.flatMap((c) => button(nextId(), c.label, c.action, c.style) ?? []);
      return [section(textToMrkdwn(block.prompt)), ...actionsBlocks(buttons)];
    }
    case "people": {
      const text = peopleToMrkdwn(block);
      return text === undefined ? [] : [section(text)];
    }
    case "table": {
      const picture = pictureUrl && pictureUrl.length <= SLACK_LIMITS.imageUrl ? [tableImage(block.table, pictureUrl)] : [];
      const table = fitsTableBlock(block.table) ? [tableBlock(block.table)] : tableAsSections(block.table);
      return [...table, ...picture];
    }
  }
}

/** Visible characters of a block, for the message-wide text budget. */
function textLength(block: SlackBlock): number {
  switch (block.type) {
    case "header":
      return block.text.text.length;
    case "section":
      return ("text" in block ? block.text.text.length : 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case "table":
      return block.rows
        .flat()
        .reduce((n, c) => n + c.elements.reduce((m, e) => m + e.elements.reduce((k, t) => k + t.text.length, 0), 0), 0);
    case "image":
      return block.alt_text.length;
    case "context":
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case "actions":
      return block.elements.reduce((n, e) => n + e.text.text.length, 0);
    case "context_actions":
      return block.elements.reduce((n, e) => n + e.positive_button.text.text.length + e.negative_button.text.text.length, 0);
    case "divider":
      return 0;
  }
}

const SHORTENED_NOTE: SlackBlock = {
  type: "context",
  elements: [mrkdwn("This answer was shortened to fit in Slack. Ask a narrower question to see the rest.")],
};

/** Keep `body` blocks while they fit beside `fixed` ones; say so when some had to go. */
function fitBlocks(body: SlackBlock[], fixed: SlackBlock[], maxBlocks: number): SlackBlock[] {
  const room = maxBlocks - fixed.length;
  let budget = SLACK_LIMITS.messageTextBudget - fixed.reduce((n, b) => n + textLength(b), 0);
  const kept: SlackBlock[] = [];
  for (const block of body) {
    const len = textLength(block);
    if (kept.length >= room || len > budget) {
      while (kept.length > Math.max(0, room - 1)) kept.pop();
      kept.push(SHORTENED_NOTE);
      return kept;
    }
    kept.push(block);
    budget -= len;
  }
  return kept;
}

/** The Block Kit message for an Answer, within Slack's limits, with a meaningful fallback text. */
export function answerToBlockKit(answer: Answer, options: BlockKitOptions = {}): SlackMessage {
  let n = 0;
  const nextId: NextId = () => `${ACTION_ID_PREFIX}${n++}`;
  const header: SlackBlock = { type: "header", text: plain(answer.title, SLACK_LIMITS.headerText) };
  const body = answer.blocks.flatMap((b) => blockToSlack(b, nextId, options.pictureUrl));

  const others = answer.actions.filter((a) => a.action.do !== "feedback");
  const buttons = others.flatMap((a) => button(nextId(), a.label, a.action, a.style) ?? []);
  const feedback = feedbackBlock(answer.actions, nextId);
  // Without both votes (a hand-made answer), whatever vote there is stays an ordinary button.
  if (!feedback)
    buttons.push(
      ...answer.actions
        .filter((a) => a.action.do === "feedback")
        .flatMap((a) => button(nextId(), a.label, a.action, a.style) ?? []),
    );
  // Small talk, a thank-you and a correction's "Thanks, noted" say nothing to the channel (and sharing a
  // correction would send it again).
  if (options.shareRef && answer.intent !== "greeting") {
    const share = button(
      SHARE_ACTION_ID,
      "Share in channel",
      options.shareRef,
      "primary",
      "Post this answer in the channel for everyone",
    );
    if (share) buttons.push(share);
  }
  const tail: SlackBlock[] = actionsBlocks(buttons);
  if (feedback) tail.push(feedback);
  if (options.sharedBy && /^[A-Z0-9]+$/.test(options.sharedBy)) {
    // A Slack user id (checked above): a live token we send on purpose.
    tail.push({ type: "context", elements: [mrkdwn(`Shared by <@${options.sharedBy}>`, SLACK_LIMITS.contextText)] });
  }

  const head: SlackBlock[] = [header];
  if (options.joinedChannel && SLACK_ID.channel.test(options.joinedChannel)) {
    // A Slack channel id (checked above): a live token we send on purpose.
    head.push({ type: "context", elements: [mrkdwn(`Welcome to <#${options.joinedChannel}>!`, SLACK_LIMITS.contextText)] });
  }

  const fallback = answer.summary.trim() || answer.title;
  const blocks = [...head, ...fitBlocks(body, [...head, ...tail], SLACK_LIMITS.blocksPerMessage), ...tail];
  return {
    text: truncate(escapeSlackText(fallback), SLACK_LIMITS.fallbackText),
    blocks: answer.intent === "onboarding" ? markTour(blocks) : blocks,
  };
}

/** Tag the button rows of an onboarding card (see TOUR_BLOCK_ID_PREFIX); block_ids are unique per message. */
function markTour(blocks: SlackBlock[]): SlackBlock[] {
  let n = 0;
  return blocks.map((b) => (b.type === "actions" ? { ...b, block_id: `${TOUR_BLOCK_ID_PREFIX}${n++}` } : b));
}

export interface HomeViewInput {
  /** The core's welcome: what the bot does, questions to try (real ones), the ways in. */
  welcome: Answer;
  /** The role directory shown under it. */
  roles: Role[];
}

/** How many responsibilities the directory shows per role. */
const HOME_RESPONSIBILITIES = 3;

/** The App Home tab: the welcome, then the role directory. */
export function homeView(input: HomeViewInput): SlackHomeView {
  let n = 0;
  const nextId: NextId = () => `${ACTION_ID_PREFIX}${n++}`;
  const { welcome } = input;
  const intro: SlackBlock[] = [
    { type: "header", text: plain(welcome.title, SLACK_LIMITS.headerText) },
    ...welcome.blocks.flatMap((b) => blockToSlack(b, nextId)),
    ...actionsBlocks(welcome.actions.flatMap((a) => button(nextId(), a.label, a.action, a.style) ?? [])),
    { type: "divider" },
    section("*The roles*"),
  ];
  const roles: SlackBlock[] = input.roles.map((role) => {
    const lines = [
      `*${textToMrkdwn(role.name)}* · _${textToMrkdwn(role.character)}_`,
      ...role.responsibilities.slice(0, HOME_RESPONSIBILITIES).map((r) => `• ${textToMrkdwn(r.statement)}`),
    ];
    const more = button(
      nextId(),
      "What they do",
      { do: "describe", role: role.id },
      undefined,
      `What does the ${lowerName(role.name)} do?`,
    );
    return { type: "section", text: mrkdwn(lines.join("\n")), ...(more ? { accessory: more } : {}) };
  });
  return { type: "home", blocks: [...intro, ...roles].slice(0, SLACK_LIMITS.blocksPerView) };
}
