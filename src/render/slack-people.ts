/**
 * The "people" block (who holds a role in this organisation) for Slack: live mentions of users
 * (`<@U…>`), user groups (`<!subteam^S…>`) and channels (`<#C…>`), then emails and the note. Pure.
 *
 * The ids come from the organisation's directory, checked at start-up by Slack's own format (slack-directory.ts). They are
 * checked again here anyway: a live token is the one thing the renderer emits on purpose, and a
 * malformed one (`U1> <!channel`) could ping the wrong people. Everything else is escaped.
 */
import type { Block, Contacts, LiveContact, LivePerson } from "../core/index.js";
import { SLACK_ID, slackEntries } from "./slack-directory.js";
import { SLACK_LIMITS, truncate } from "./slack-limits.js";
import { textToMrkdwn } from "./slack-text.js";

type PeopleBlock = Extract<Block, { type: "people" }>;

/** How many of each kind (users, groups, channels, emails) one answer names: ours, for a readable line. */
export const PEOPLE_SHOWN_PER_KIND = 10;
/** The note's share of the section; the mentions get the rest, and are never cut in half. */
export const PEOPLE_NOTE_MAX = 500;

/** An address that can sit inside `<mailto:…|…>`: no control characters, no `|`. */
const LINKABLE_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

const tokens = (ids: string[], shape: RegExp, token: (id: string) => string) =>
  ids
    .filter((id) => shape.test(id))
    .slice(0, PEOPLE_SHOWN_PER_KIND)
    .map(token);

/** Whether the cap of PEOPLE_SHOWN_PER_KIND left anyone out, so the line can say there are more. */
function capped(c: Contacts): boolean {
  const slack = slackEntries(c);
  return [slack.users, slack.groups, slack.channels, c.emails].some((ids) => ids.length > PEOPLE_SHOWN_PER_KIND);
}

function parts(c: Contacts): string[] {
  const slack = slackEntries(c);
  const found = [
    ...tokens(slack.users, SLACK_ID.user, (id) => `<@${id}>`),
    ...tokens(slack.groups, SLACK_ID.group, (id) => `<!subteam^${id}>`),
    ...tokens(slack.channels, SLACK_ID.channel, (id) => `<#${id}>`),
    ...c.emails.slice(0, PEOPLE_SHOWN_PER_KIND).map((e) => (LINKABLE_EMAIL.test(e) ? `<mailto:${e}|${e}>` : textToMrkdwn(e))),
  ];
  if (found.length > 0) return found;
  // Only other platforms' contacts: their names still tell the reader whom to look for.
  return Object.entries(c.platforms)
    .filter(([name, p]) => name !== "slack" && p.names.length > 0)
    .map(([, p]) => `${textToMrkdwn(p.names.slice(0, PEOPLE_SHOWN_PER_KIND).join(", "))} (on ${textToMrkdwn(p.label)})`);
}

/** Keep whole parts while they fit in `budget` characters (joined with ", "). */
function fitParts(all: string[], budget: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const p of all) {
    const cost = p.length + (kept.length > 0 ? 2 : 0);
    if (used + cost > budget) break;
    kept.push(p);
    used += cost;
  }
  return kept;
}

/** A person a live source named: a mention when Slack's own source gave their id, else their name or email. */
function livePerson(p: LivePerson): string | undefined {
  const id = p.ids?.slack;
  if (id && SLACK_ID.user.test(id)) return `<@${id}>`;
  if (p.name) return textToMrkdwn(p.name);
  if (p.email) return LINKABLE_EMAIL.test(p.email) ? `<mailto:${p.email}|${p.email}>` : textToMrkdwn(p.email);
  return undefined;
}

/** "On call now (DBA on-call): Ana Ruiz; DBA group: <@U…>, <@U…>", with the age of a value that is not current. */
function liveLine(live: readonly LiveContact[], budget: number): string {
  const each = live.map((c) => {
    const people = c.people.flatMap((p) => livePerson(p) ?? []);
    const who = people.length > 0 ? fitParts(people, Math.max(0, budget / live.length - 60)).join(", ") : "no one";
    const age = c.asOf ? ` _(${textToMrkdwn(c.asOf)})_` : "";
    return `${truncate(textToMrkdwn(c.label), 80)}: ${who}${age}`;
  });
  return each.join("; ");
}

/** "In your organisation (Role): <@U…>, <!subteam^S…>, <#C…>, email", who holds it now, and the note; undefined when empty. */
export function peopleToMrkdwn(block: PeopleBlock): string | undefined {
  const note = block.contacts.note?.trim() ? truncate(textToMrkdwn(block.contacts.note.trim()), PEOPLE_NOTE_MAX) : "";
  const head = `*In your organisation* (${truncate(textToMrkdwn(block.roleName), 100)}):`;
  const now = block.live && block.live.length > 0 ? liveLine(block.live, SLACK_LIMITS.sectionText / 3) : "";
  const budget = SLACK_LIMITS.sectionText - head.length - note.length - now.length - 10;
  const all = parts(block.contacts);
  const kept = fitParts(all, budget);
  // A directory of 30 showed ten with nothing to say the rest exist; "…" says so, as when the section is full.
  const more = kept.length < all.length || capped(block.contacts);
  const list = kept.length > 0 ? `${kept.join(", ")}${more ? ", …" : ""}` : "";
  const lines = [list, now, note].filter((l) => l !== "");
  if (lines.length === 0) return undefined;
  return `${head} ${lines.join("\n")}`;
}
