/**
 * The "people" block (who holds a role in this organisation) for Teams: real @mentions of Teams users and
 * links to Teams channels. Pure; used by teams.ts.
 *
 * Teams resolves a mention only inside a TextBlock whose text contains `<at>name</at>` and a matching
 * entity in the card's `msteams.entities`; TextBlocks are Markdown, so the mention line holds nothing but
 * the mentions, and everything else stays in TextRuns (never parsed).
 */
import type { Block, Contacts } from "../core/index.js";
import type { CardElement, MentionEntity, TextRun } from "./teams.js";
import { MAX_PEOPLE_PER_KIND, MAX_TEXT_CHARS } from "./teams-limits.js";

type PeopleBlock = Extract<Block, { type: "people" }>;

/** Characters that would break out of `<at>…</at>` or start Markdown in the mention line. */
const MENTION_UNSAFE = /[<>*_~`[\]()#|\\]/g;

function mentionName(name: string): string {
  return name.replace(MENTION_UNSAFE, "").replace(/\s+/g, " ").trim().slice(0, 100) || "colleague";
}

/** Teams accepts a Teams user id (29:…), an Entra object id or a UPN; `8:orgid:<object id>` is the object id. */
function mentionId(id: string): string {
  return id.replace(/^8:orgid:/i, "");
}

/** A Teams link that opens the channel (https, so every client treats it as an ordinary link). */
export function channelLink(channel: { id: string; name: string }): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/${encodeURIComponent(channel.name)}`;
}

function text(value: string, style: Omit<TextRun, "type" | "text"> = {}): TextRun {
  return { type: "TextRun", text: value.slice(0, MAX_TEXT_CHARS), ...style };
}

/** Elements for a people block; mention entities it needs are appended to `mentions`. */
export function peopleElements(block: PeopleBlock, mentions: MentionEntity[]): CardElement[] {
  const c: Contacts = block.contacts;
  const items: CardElement[] = [
    { type: "RichTextBlock", inlines: [text(`${block.roleName} in your organisation`, { weight: "bolder" })] },
  ];

  const users = c.teams.users.slice(0, MAX_PEOPLE_PER_KIND);
  if (users.length > 0) {
    const tags = users.map((u) => {
      const tag = `<at>${mentionName(u.name)}</at>`;
      if (!mentions.some((m) => m.text === tag && m.mentioned.id === mentionId(u.id))) {
        mentions.push({ type: "mention", text: tag, mentioned: { id: mentionId(u.id), name: u.name } });
      }
      return tag;
    });
    items.push({ type: "TextBlock", text: tags.join(", "), wrap: true, spacing: "small" });
  }

  const links: TextRun[] = [];
  for (const ch of c.teams.channels.slice(0, MAX_PEOPLE_PER_KIND)) {
    if (links.length > 0) links.push(text(", "));
    links.push({ ...text(ch.name), selectAction: { type: "Action.OpenUrl", title: ch.name, url: channelLink(ch) } });
  }
  for (const email of c.emails.slice(0, MAX_PEOPLE_PER_KIND)) {
    if (links.length > 0) links.push(text(", "));
    links.push(text(email));
  }
  if (links.length > 0) items.push({ type: "RichTextBlock", inlines: links, spacing: "small" });
  if (c.note) items.push({ type: "RichTextBlock", inlines: [text(c.note, { isSubtle: true })], spacing: "small" });

  // Only Slack contacts: say where to look rather than print ids that mean nothing here.
  if (items.length === 1) {
    const slack = c.slack.users.length + c.slack.groups.length + c.slack.channels.length;
    if (slack === 0) return [];
    items.push({ type: "RichTextBlock", inlines: [text("See Slack for who to contact.", { isSubtle: true })], spacing: "small" });
  }
  return [{ type: "Container", spacing: "medium", items }];
}
