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

/** Live sources a role names: few, since each is read when an answer names the role. */
const MAX_LIVE_GROUPS = 3;

const schema = z.strictObject({
  users: z.array(slackId(SLACK_ID.user, "user", "U0123ABCD")).default([]),
  groups: z.array(slackId(SLACK_ID.group, "user group", "S0123ABCD")).default([]),
  channels: z.array(slackId(SLACK_ID.channel, "channel", "C0123ABCD")).default([]),
  /** User groups whose current members answers list, read live with usergroups.users.list (usergroups:read). */
  group_members: z
    .array(
      z.strictObject({
        group: slackId(SLACK_ID.group, "user group", "S0123ABCD"),
        name: z.string().trim().min(1, "must not be empty").max(80, "must be 80 characters or fewer"),
      }),
    )
    .max(MAX_LIVE_GROUPS, `list at most ${MAX_LIVE_GROUPS}`)
    .default([]),
});

export type SlackEntries = z.infer<typeof schema>;

/** directory.yaml's `triage: { slack: { channel: C… } }`: where questions for the data team go on Slack. */
const triageSchema = z.strictObject({ channel: slackId(SLACK_ID.channel, "channel", "C0123ABCD") });
export type SlackTriage = z.infer<typeof triageSchema>;

export const slackDirectory: DirectoryFormat<SlackEntries> = {
  platform: "slack",
  label: "Slack",
  schema,
  triage: triageSchema,
  // Bare ids: they mean nothing outside Slack.
  names: () => [],
  isEmpty: (e) => e.users.length + e.groups.length + e.channels.length + e.group_members.length === 0,
};

/** A role's Slack entries (checked by slackDirectory when the knowledge was loaded); none when it has no section. */
export function slackEntries(contacts: Contacts): SlackEntries {
  const e = contacts.platforms.slack?.entries as Partial<SlackEntries> | undefined;
  return { users: e?.users ?? [], groups: e?.groups ?? [], channels: e?.channels ?? [], group_members: e?.group_members ?? [] };
}

/** The Slack triage channel (checked by slackDirectory when the knowledge was loaded), if the directory names one. */
export function slackTriage(triage: Record<string, unknown> | undefined): SlackTriage | undefined {
  const t = triage?.slack as Partial<SlackTriage> | undefined;
  return t?.channel ? { channel: t.channel } : undefined;
}
