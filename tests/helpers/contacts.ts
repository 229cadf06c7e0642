import { DIRECTORY_FORMATS } from "../../src/adapters/platforms.js";
import { type Contacts, contactsOf } from "../../src/core/index.js";
import type { SlackEntries } from "../../src/render/slack-directory.js";
import type { TeamsEntries } from "../../src/render/teams-directory.js";

export interface DirectoryEntry {
  slack?: Partial<SlackEntries>;
  teams?: Partial<TeamsEntries>;
  emails?: string[];
  note?: string;
}

/**
 * A role's contacts as the loader makes them from its directory.yaml entry (missing lists are empty).
 * The ids are not checked, so a test can hand a renderer a malformed one.
 */
export function contacts({ slack, teams, emails = [], note }: DirectoryEntry): Contacts {
  return contactsOf(
    {
      slack: { users: [], groups: [], channels: [], group_members: [], ...slack },
      teams: { users: [], channels: [], ...teams },
      emails,
      ...(note !== undefined ? { note } : {}),
    },
    DIRECTORY_FORMATS,
  );
}
