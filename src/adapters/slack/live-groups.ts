/**
 * A Slack user group's current members, as a live source for the directory (a role's
 * `slack.group_members` in directory.yaml): `usergroups.users.list`, which needs the usergroups:read scope.
 * Members are Slack user ids: the Slack renderer mentions them; other surfaces never get this source.
 */
import { webApi } from "@slack/bolt";
import type { Contacts, LivePerson } from "../../core/index.js";
import { SLACK_ID, slackEntries } from "../../render/slack-directory.js";
import { LIVE_READ_TIMEOUT_MS, type LiveSource } from "../live-directory.js";

/** Teams change slowly: a group's members are read again after this. */
export const GROUP_FRESH_MS = 10 * 60_000;

/** Settle when `signal` aborts: the Web API client takes no signal of its own. */
function abortion(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

export interface SlackGroupSourceOptions {
  botToken: string;
  /** The Web API's base URL, with its trailing slash. */
  apiUrl?: string;
}

export function createSlackGroupSource(options: SlackGroupSourceOptions): LiveSource {
  // Its own client: one try, bounded, and never the answers' retries (a late list is shown from the store).
  const client = new webApi.WebClient(options.botToken, {
    timeout: LIVE_READ_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  });
  return {
    name: "slack-group",
    freshMs: GROUP_FRESH_MS,
    lookups: (contacts: Contacts) => slackEntries(contacts).group_members.map((g) => ({ key: g.group, label: g.name })),
    async read(group, signal): Promise<LivePerson[]> {
      const res = await Promise.race([client.usergroups.users.list({ usergroup: group }), abortion(signal)]);
      return (res.users ?? []).filter((id) => SLACK_ID.user.test(id)).map((id) => ({ ids: { slack: id } }));
    },
  };
}
