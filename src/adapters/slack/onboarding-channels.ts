/**
 * Is this channel one of ONBOARDING_CHANNELS? Entries are channel ids (C…, G…) or names without `#`.
 * An id matches outright; a name needs the channel's current name, from conversations.info
 * (channels:read), remembered for a while so a wave of new starters does not hit Slack's rate limits.
 * Names are looked up, not resolved once at start-up, so a channel created or renamed later still works.
 */
import type { webApi } from "@slack/bolt";
import { SLACK_ID } from "../../render/slack-directory.js";
import { CHANNEL_NAME_CACHE_MS } from "./settings.js";

export interface ChannelMatcher {
  matches(channel: string, client: webApi.WebClient): Promise<boolean>;
}

export function createChannelMatcher(entries: readonly string[], now: () => number = Date.now): ChannelMatcher {
  // Slack's channel ids are upper-case; channel names never are.
  const ids = new Set(entries.filter((e) => SLACK_ID.channel.test(e)));
  const names = new Set(entries.filter((e) => !SLACK_ID.channel.test(e)).map((e) => e.replace(/^#/, "").toLowerCase()));
  const cache = new Map<string, { name: string | undefined; at: number }>();

  async function nameOf(channel: string, client: webApi.WebClient): Promise<string | undefined> {
    const hit = cache.get(channel);
    if (hit && now() - hit.at < CHANNEL_NAME_CACHE_MS) return hit.name;
    const info = await client.conversations.info({ channel });
    const name = info.channel?.name?.toLowerCase();
    cache.set(channel, { name, at: now() });
    return name;
  }

  return {
    async matches(channel, client) {
      if (ids.has(channel)) return true;
      if (names.size === 0) return false;
      const name = await nameOf(channel, client);
      return name !== undefined && names.has(name);
    },
  };
}
