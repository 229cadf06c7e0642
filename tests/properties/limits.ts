/**
 * Checks a rendered message against what Slack and Teams accept, returning every problem found (so a
 * failing property says exactly which limit broke and where), rather than stopping at the first.
 */
import { type Answer, parseActionRef } from "../../src/core/index.js";
import type { SlackBlock, SlackMessage } from "../../src/render/slack.js";
import { slackEntries } from "../../src/render/slack-directory.js";
import { SLACK_LIMITS } from "../../src/render/slack-limits.js";
import type { AdaptiveCard, TeamsCardMessage } from "../../src/render/teams.js";
import {
  MAX_CARD_ACTIONS,
  MAX_FALLBACK_CHARS,
  MAX_SUMMARY_CHARS,
  TEAMS_MAX_CARD_VERSION,
} from "../../src/render/teams-limits.js";

/** Teams refuses a bot message over about 28 KB on some posting paths (the activity, not only the card). */
export const TEAMS_MESSAGE_MAX_BYTES = 28 * 1000;
/** Slack caps a context block at 10 elements and an action_id at 255 characters. */
const CONTEXT_ELEMENTS = 10;
const ACTION_ID_MAX = 255;

/** A lone UTF-16 surrogate: what a careless cut leaves behind; Slack and Teams show it as garbage or refuse it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isWellFormed = (s: string) => !LONE_SURROGATE.test(s);

/** An `&` that does not start one of the three escapes Slack uses: text that skipped escapeSlackText. */
const RAW_AMPERSAND = /&(?!amp;|lt;|gt;)/;

function blockTexts(block: SlackBlock): { where: string; text: string; max: number }[] {
  switch (block.type) {
    case "header":
      return [{ where: "header", text: block.text.text, max: SLACK_LIMITS.headerText }];
    case "section":
      return [
        ...("text" in block ? [{ where: "section text", text: block.text.text, max: SLACK_LIMITS.sectionText }] : []),
        ...(block.fields ?? []).map((f) => ({ where: "section field", text: f.text, max: SLACK_LIMITS.fieldText })),
        ...("accessory" in block && block.accessory
          ? [{ where: "accessory button", text: block.accessory.text.text, max: SLACK_LIMITS.buttonText }]
          : []),
      ];
    case "context":
      return block.elements.map((e) => ({ where: "context", text: e.text, max: SLACK_LIMITS.contextText }));
    case "actions":
      return block.elements.map((e) => ({ where: "button", text: e.text.text, max: SLACK_LIMITS.buttonText }));
    case "context_actions":
      return block.elements.flatMap((e) =>
        [e.positive_button, e.negative_button].map((b) => ({
          where: "feedback button",
          text: b.text.text,
          max: SLACK_LIMITS.buttonText,
        })),
      );
    case "divider":
      return [];
    case "table":
      return block.rows
        .flat()
        .flatMap((c) =>
          c.elements.flatMap((e) =>
            e.elements.map((t) => ({ where: "table cell", text: t.text, max: SLACK_LIMITS.tableCellText })),
          ),
        );
    case "image":
      return [
        { where: "image alt_text", text: block.alt_text, max: SLACK_LIMITS.imageAltText },
        { where: "image_url", text: block.image_url, max: SLACK_LIMITS.imageUrl },
      ];
  }
}

/**
 * The live Slack tokens an answer may carry on purpose: mentions, user groups, channels and mail links of the
 * organisation directory (trusted knowledge, not chat text). Anything else with `<` or `>` must be escaped.
 */
export function trustedSlackTokens(answer: Answer): string[] {
  return answer.blocks.flatMap((b) =>
    b.type === "people"
      ? [
          ...slackEntries(b.contacts).users.map((id) => `<@${id}>`),
          ...slackEntries(b.contacts).groups.map((id) => `<!subteam^${id}>`),
          ...slackEntries(b.contacts).channels.map((id) => `<#${id}>`),
          ...b.contacts.emails.map((e) => `<mailto:${e}|${e}>`),
        ]
      : [],
  );
}

/**
 * Problems with a Block Kit message. `wellFormedInput`: every input string was well-formed UTF-16.
 * `liveTokens`: exact tokens allowed to stay live (a trusted mention); every other `<` or `>` is a problem.
 */
export function blockKitProblems(message: SlackMessage, options: { wellFormedInput: boolean; liveTokens?: string[] }): string[] {
  const problems: string[] = [];
  const { blocks } = message;
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) problems.push(`${blocks.length} blocks > ${SLACK_LIMITS.blocksPerMessage}`);
  if (message.text.trim() === "") problems.push("empty fallback text");
  if (message.text.length > SLACK_LIMITS.fallbackText)
    problems.push(`fallback text ${message.text.length} > ${SLACK_LIMITS.fallbackText}`);
  if (blocks.filter((b) => b?.type === "table").length > 1) problems.push("more than one table block");
  const ids = new Set<string>();
  let total = 0;
  const texts: { where: string; text: string }[] = [{ where: "fallback", text: message.text }];
  blocks.forEach((block, i) => {
    if (block === undefined || block === null || typeof block !== "object") {
      problems.push(`block ${i} is ${String(block)}`);
      return;
    }
    for (const t of blockTexts(block)) {
      total += t.text.length;
      // A table cell is rich text: shown as typed, never parsed for mentions or links, so never escaped.
      if (t.where !== "table cell") texts.push(t);
      if (t.text.length > t.max) problems.push(`block ${i} ${t.where}: ${t.text.length} chars > ${t.max}`);
      // Slack refuses an empty text object ("must be more than 0 characters").
      if (t.text === "") problems.push(`block ${i} ${t.where}: empty text`);
    }
    if (block.type === "section" && (block.fields?.length ?? 0) > SLACK_LIMITS.fieldsPerSection) {
      problems.push(`block ${i}: ${block.fields?.length} fields > ${SLACK_LIMITS.fieldsPerSection}`);
    }
    if (block.type === "table") {
      if (block.rows.length > SLACK_LIMITS.tableRows) problems.push(`block ${i}: ${block.rows.length} table rows`);
      if (block.rows.some((r) => r.length > SLACK_LIMITS.tableCellsPerRow))
        problems.push(`block ${i}: a table row over 20 cells`);
      if (block.column_settings.length > SLACK_LIMITS.tableCellsPerRow) problems.push(`block ${i}: too many column_settings`);
    }
    if (block.type === "context_actions" && block.elements.length > 5)
      problems.push(`block ${i}: context_actions over 5 elements`);
    if (block.type === "context" && block.elements.length > CONTEXT_ELEMENTS)
      problems.push(`block ${i}: context has ${block.elements.length} elements`);
    const buttons =
      block.type === "actions"
        ? block.elements
        : block.type === "context_actions"
          ? block.elements.flatMap((e) => [
              { ...e.positive_button, action_id: e.action_id },
              // One element, two sides: the same action_id, told apart by value.
              { ...e.negative_button, action_id: `${e.action_id} (negative)` },
            ])
          : block.type === "section" && "accessory" in block && block.accessory
            ? [block.accessory]
            : [];
    if (block.type === "actions" && block.elements.length > SLACK_LIMITS.elementsPerActions) {
      problems.push(`block ${i}: ${block.elements.length} buttons > ${SLACK_LIMITS.elementsPerActions}`);
    }
    if (block.type === "actions" && block.elements.length === 0) problems.push(`block ${i}: empty actions block`);
    for (const b of buttons) {
      if (ids.has(b.action_id)) problems.push(`duplicate action_id ${b.action_id}`);
      ids.add(b.action_id);
      if (b.action_id.length > ACTION_ID_MAX) problems.push(`action_id longer than ${ACTION_ID_MAX}`);
      if (b.text.text.trim() === "") problems.push(`block ${i}: button with an empty label`);
      if (b.value.length > SLACK_LIMITS.buttonValue)
        problems.push(`block ${i}: button value ${b.value.length} > ${SLACK_LIMITS.buttonValue}`);
      if (parseActionRef(b.value) === undefined)
        problems.push(`block ${i}: button value is not a valid ActionRef: ${b.value.slice(0, 80)}`);
      if ((b.accessibility_label?.length ?? 0) > SLACK_LIMITS.buttonAccessibilityLabel)
        problems.push(`block ${i}: accessibility_label too long`);
    }
  });
  if (total > SLACK_LIMITS.messageTextBudget) problems.push(`visible text ${total} > ${SLACK_LIMITS.messageTextBudget}`);
  for (const { where, text } of texts) {
    const live = (options.liveTokens ?? []).reduce((rest, token) => rest.split(token).join(""), text);
    if (/[<>]/.test(live))
      problems.push(`${where}: unescaped < or > (a live Slack token?): ${JSON.stringify(text.slice(0, 80))}`);
    if (RAW_AMPERSAND.test(text)) problems.push(`${where}: unescaped &: ${JSON.stringify(text.slice(0, 80))}`);
    if (options.wellFormedInput && !isWellFormed(text)) problems.push(`${where}: a lone surrogate (a character cut in half)`);
  }
  return problems;
}

/** Every string value anywhere in a JSON-like value. */
export function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(allStrings);
  return [];
}

function submits(value: unknown): { title: string; data: unknown }[] {
  if (Array.isArray(value)) return value.flatMap(submits);
  if (typeof value !== "object" || value === null) return [];
  const v = value as Record<string, unknown>;
  const here = v.type === "Action.Submit" && typeof v.title === "string" ? [{ title: v.title, data: v.data }] : [];
  return [...here, ...Object.values(v).flatMap(submits)];
}

/** The markdown TextBlocks of a card: the only place Teams resolves `<at>` mentions. */
function textBlocks(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textBlocks);
  if (typeof value !== "object" || value === null) return [];
  const v = value as Record<string, unknown>;
  const here = v.type === "TextBlock" && typeof v.text === "string" ? [v.text] : [];
  return [...here, ...Object.values(v).flatMap(textBlocks)];
}

function versionAtMost(version: string, max: string): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = max.split(".").map(Number);
  return a < c || (a === c && b <= d);
}

/** Problems with a Teams message (the activity carrying the card). */
export function teamsProblems(message: TeamsCardMessage, options: { wellFormedInput: boolean }): string[] {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(message), "utf8");
  if (bytes >= TEAMS_MESSAGE_MAX_BYTES) problems.push(`message is ${bytes} bytes >= ${TEAMS_MESSAGE_MAX_BYTES}`);
  if (message.summary.length > MAX_SUMMARY_CHARS) problems.push(`summary ${message.summary.length} > ${MAX_SUMMARY_CHARS}`);
  if (message.attachments.length !== 1) problems.push(`${message.attachments.length} attachments`);
  const card = message.attachments[0]?.content as AdaptiveCard | undefined;
  if (!card) return [...problems, "no card"];
  if (card.type !== "AdaptiveCard") problems.push(`card type ${String(card.type)}`);
  if (!versionAtMost(card.version, TEAMS_MAX_CARD_VERSION))
    problems.push(`card version ${card.version} > ${TEAMS_MAX_CARD_VERSION}`);
  if (card.fallbackText.length > MAX_FALLBACK_CHARS)
    problems.push(`fallbackText ${card.fallbackText.length} > ${MAX_FALLBACK_CHARS}`);
  if (card.body.length === 0) problems.push("empty card body");
  if ((card.actions?.length ?? 0) > MAX_CARD_ACTIONS) problems.push(`${card.actions?.length} card actions > ${MAX_CARD_ACTIONS}`);
  for (const s of submits(card)) {
    if (s.title.trim() === "") problems.push("a button with an empty title");
    const data = s.data as { whodoes?: unknown } | undefined;
    if (parseActionRef(data?.whodoes) === undefined)
      problems.push(`button data is not a valid ActionRef: ${JSON.stringify(s.data).slice(0, 80)}`);
  }
  // Mentions must pair with their entities, or Teams shows raw <at> tags.
  const mentionTexts = new Set((card.msteams?.entities ?? []).map((e) => e.text));
  for (const s of textBlocks(card.body)) {
    for (const tag of s.match(/<at>.*?<\/at>/g) ?? []) if (!mentionTexts.has(tag)) problems.push(`mention ${tag} has no entity`);
  }
  if (options.wellFormedInput) {
    for (const s of allStrings(message))
      if (!isWellFormed(s)) problems.push(`a lone surrogate in ${JSON.stringify(s.slice(0, 60))}`);
  }
  return problems;
}
