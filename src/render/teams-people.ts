/**
 * The "people" block (who holds a role in this organisation) for Teams: real @mentions of Teams users and
 * links to Teams channels. Pure; used by teams.ts.
 *
 * Teams resolves a mention only inside a TextBlock whose text contains `<at>name</at>` and a matching
 * entity in the card's `msteams.entities`; TextBlocks are Markdown, so the mention line holds nothing but
 * the mentions, and everything else stays in TextRuns (never parsed).
 */
import type { Block, Contacts, LiveContact } from "../core/index.js";
import { cut } from "./cut.js";
import type { CardElement, MentionEntity, TextRun } from "./teams-card.js";
import { teamsEntries } from "./teams-directory.js";
import { MAX_PEOPLE_PER_KIND, MAX_TEXT_CHARS } from "./teams-limits.js";
import { wellFormed } from "./teams-text.js";
import { liveNames } from "./text.js";

type PeopleBlock = Extract<Block, { type: "people" }>;

/** Longest name shown in a mention tag; directory names are people's names, so this only guards odd input. */
const MAX_MENTION_NAME_CHARS = 100;

/** Characters that would break out of `<at>…</at>` or start Markdown in the mention line. */
const MENTION_UNSAFE = /[<>*_~`[\]()#|\\]/g;

function mentionName(name: string): string {
  const safe = name.replace(MENTION_UNSAFE, "").replace(/\s+/g, " ").trim();
  return cut(safe, MAX_MENTION_NAME_CHARS).trim() || "colleague";
}

/** Teams accepts a Teams user id (29:…), an Entra object id or a UPN; `8:orgid:<object id>` is the object id. */
function mentionId(id: string): string {
  return id.replace(/^8:orgid:/i, "");
}

/**
 * The `<at>…</at>` text for a user, adding its entity to `mentions` the first time. Teams pairs a mention with
 * its entity by that text, so two different people who share a name get "(2)" rather than one ambiguous tag.
 */
export function mentionTag(user: { id: string; name: string }, mentions: MentionEntity[]): string {
  const id = mentionId(user.id);
  const name = mentionName(user.name);
  for (let n = 1; ; n++) {
    const tag = `<at>${n === 1 ? name : `${name} (${n})`}</at>`;
    const taken = mentions.find((m) => m.text === tag);
    if (taken?.mentioned.id === id) return tag;
    if (!taken) {
      mentions.push({ type: "mention", text: tag, mentioned: { id, name: user.name } });
      return tag;
    }
  }
}

/** A Teams link that opens the channel (https, so every client treats it as an ordinary link). */
export function channelLink(channel: { id: string; name: string }): string {
  const part = (s: string) => encodeURIComponent(wellFormed(s));
  return `https://teams.microsoft.com/l/channel/${part(channel.id)}/${part(channel.name)}`;
}

function text(value: string, style: Omit<TextRun, "type" | "text"> = {}): TextRun {
  return { type: "TextRun", text: cut(value, MAX_TEXT_CHARS), ...style };
}

/** "On call now (DBA on-call): Ana Ruiz (ana@…)", by name: live sources give Teams no ids to mention. */
function liveElement(live: LiveContact): CardElement[] {
  const names = liveNames(live);
  // Only another platform's ids (a Slack user group's members): nothing to show here.
  if (names.length === 0 && live.people.length > 0) return [];
  const inlines = [text(`${live.label}: `, { weight: "bolder" }), text(names.length > 0 ? names.join(", ") : "no one")];
  if (live.asOf) inlines.push(text(` (${live.asOf})`, { isSubtle: true }));
  return [{ type: "RichTextBlock", inlines, spacing: "small" }];
}

/** Elements for a people block; mention entities it needs are appended to `mentions`. */
export function peopleElements(block: PeopleBlock, mentions: MentionEntity[]): CardElement[] {
  const c: Contacts = block.contacts;
  const items: CardElement[] = [
    // The role's name beside the heading: a tour step about partners lists several roles' people.
    {
      type: "RichTextBlock",
      inlines: [text("In your organisation", { weight: "bolder" }), text(` · ${block.roleName}`, { isSubtle: true })],
    },
  ];

  const teams = teamsEntries(c);
  const users = teams.users.slice(0, MAX_PEOPLE_PER_KIND);
  if (users.length > 0) {
    const tags = users.map((u) => mentionTag(u, mentions));
    // Past the cap, "…" says there are more than the ones named, rather than passing them for the whole team.
    const more = teams.users.length > users.length ? ", …" : "";
    items.push({ type: "TextBlock", text: `${tags.join(", ")}${more}`, wrap: true, spacing: "small" });
  }

  const links: TextRun[] = [];
  for (const ch of teams.channels.slice(0, MAX_PEOPLE_PER_KIND)) {
    if (links.length > 0) links.push(text(", "));
    links.push({ ...text(ch.name), selectAction: { type: "Action.OpenUrl", title: ch.name, url: channelLink(ch) } });
  }
  for (const email of c.emails.slice(0, MAX_PEOPLE_PER_KIND)) {
    if (links.length > 0) links.push(text(", "));
    links.push(text(email));
  }
  if (links.length > 0 && Math.max(teams.channels.length, c.emails.length) > MAX_PEOPLE_PER_KIND) links.push(text(", …"));
  if (links.length > 0) items.push({ type: "RichTextBlock", inlines: links, spacing: "small" });
  for (const live of block.live ?? []) items.push(...liveElement(live));
  if (c.note) items.push({ type: "RichTextBlock", inlines: [text(c.note, { isSubtle: true })], spacing: "small" });

  // Only another platform's contacts: say where to look rather than print ids that mean nothing here.
  if (items.length === 1) {
    const elsewhere = Object.entries(c.platforms).find(([name]) => name !== "teams")?.[1];
    if (!elsewhere) return [];
    items.push({
      type: "RichTextBlock",
      inlines: [text(`See ${elsewhere.label} for who to contact.`, { isSubtle: true })],
      spacing: "small",
    });
  }
  return [{ type: "Container", spacing: "medium", items }];
}
