/**
 * Teams' section of intents/directory.yaml: users and channels, each with an id and a display name. Teams
 * owns these formats; the loader checks each role's `teams:` section with this, and the Teams renderer
 * reads it back. The names read anywhere (other surfaces list them as they are).
 */
import { z } from "zod";
import type { Contacts, DirectoryFormat } from "../core/index.js";

const text = z.string().trim().min(1, "must not be empty");
/** A Teams channel id, as "Get link to channel" shows it (URL-decoded). */
export const TEAMS_CHANNEL_ID = /^19:[\w.-]+@thread\.(tacv2|skype|v2)$/;
const named = (shape: RegExp, what: string, example: string) =>
  z.strictObject({ id: z.string().regex(shape, `must be a Teams ${what} id (e.g. ${example})`), name: text });

const schema = z.strictObject({
  users: z
    .array(
      named(
        /^(29:[\w-]+|8:orgid:[0-9a-f-]{36}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})$/i,
        "user",
        "29:1AbC... or an Entra object id",
      ),
    )
    .default([]),
  channels: z.array(named(TEAMS_CHANNEL_ID, "channel", "19:abc@thread.tacv2")).default([]),
});

export type TeamsEntries = z.infer<typeof schema>;

/** directory.yaml's `triage: { teams: { channel: { id, name } } }`: where questions for the data team go on Teams. */
const triageSchema = z.strictObject({ channel: named(TEAMS_CHANNEL_ID, "channel", "19:abc@thread.tacv2") });
export type TeamsTriage = z.infer<typeof triageSchema>;

export const teamsDirectory: DirectoryFormat<TeamsEntries> = {
  platform: "teams",
  label: "Microsoft Teams",
  schema,
  triage: triageSchema,
  names: (e) => [...e.users.map((u) => u.name), ...e.channels.map((c) => c.name)],
  isEmpty: (e) => e.users.length + e.channels.length === 0,
};

/** A role's Teams entries (checked by teamsDirectory when the knowledge was loaded); none when it has no section. */
export function teamsEntries(contacts: Contacts): TeamsEntries {
  const e = contacts.platforms.teams?.entries as Partial<TeamsEntries> | undefined;
  return { users: e?.users ?? [], channels: e?.channels ?? [] };
}

/** The Teams triage channel (checked by teamsDirectory when the knowledge was loaded), if the directory names one. */
export function teamsTriage(triage: Record<string, unknown> | undefined): TeamsTriage | undefined {
  const t = triage?.teams as Partial<TeamsTriage> | undefined;
  return t?.channel ? { channel: t.channel } : undefined;
}
