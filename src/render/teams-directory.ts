/**
 * Teams' section of intents/directory.yaml: users and channels, each with an id and a display name. Teams
 * owns these formats; the loader checks each role's `teams:` section with this, and the Teams renderer
 * reads it back. The names read anywhere (other surfaces list them as they are).
 */
import { z } from "zod";
import type { Contacts, DirectoryFormat } from "../core/index.js";

const text = z.string().trim().min(1, "must not be empty");
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
  channels: z.array(named(/^19:[\w.-]+@thread\.(tacv2|skype|v2)$/, "channel", "19:abc@thread.tacv2")).default([]),
});

export type TeamsEntries = z.infer<typeof schema>;

export const teamsDirectory: DirectoryFormat<TeamsEntries> = {
  platform: "teams",
  label: "Microsoft Teams",
  schema,
  names: (e) => [...e.users.map((u) => u.name), ...e.channels.map((c) => c.name)],
  isEmpty: (e) => e.users.length + e.channels.length === 0,
};

/** A role's Teams entries (checked by teamsDirectory when the knowledge was loaded); none when it has no section. */
export function teamsEntries(contacts: Contacts): TeamsEntries {
  const e = contacts.platforms.teams?.entries as Partial<TeamsEntries> | undefined;
  return { users: e?.users ?? [], channels: e?.channels ?? [] };
}
