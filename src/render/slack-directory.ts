/**
 * Slack's section of intents/directory.yaml: user, user group and channel ids. Slack owns these formats;
 * the loader checks each role's `slack:` section with this, and the Slack renderer reads it back.
 */
import { z } from "zod";
import type { Contacts, DirectoryFormat } from "../core/index.js";

/** Slack's id shapes: users (U…, or W… on Enterprise Grid), user groups (S…), channels (C…, or G… private). */
export const SLACK_ID = {
  user: /^[UW][A-Z0-9]{2,20}$/,
  group: /^S[A-Z0-9]{2,20}$/,
  channel: /^[CG][A-Z0-9]{2,20}$/,
} as const;

const slackId = (shape: RegExp, what: string, example: string) =>
  z.string().regex(shape, `must be a Slack ${what} id (e.g. ${example})`);

const schema = z.strictObject({
  users: z.array(slackId(SLACK_ID.user, "user", "U0123ABCD")).default([]),
  groups: z.array(slackId(SLACK_ID.group, "user group", "S0123ABCD")).default([]),
  channels: z.array(slackId(SLACK_ID.channel, "channel", "C0123ABCD")).default([]),
});

export type SlackEntries = z.infer<typeof schema>;

export const slackDirectory: DirectoryFormat<SlackEntries> = {
  platform: "slack",
  label: "Slack",
  schema,
  // Bare ids: they mean nothing outside Slack.
  names: () => [],
  isEmpty: (e) => e.users.length + e.groups.length + e.channels.length === 0,
};

/** A role's Slack entries (checked by slackDirectory when the knowledge was loaded); none when it has no section. */
export function slackEntries(contacts: Contacts): SlackEntries {
  const e = contacts.platforms.slack?.entries as Partial<SlackEntries> | undefined;
  return { users: e?.users ?? [], groups: e?.groups ?? [], channels: e?.channels ?? [] };
}
