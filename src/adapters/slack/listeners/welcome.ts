/**
 * The onboarding welcome: someone who joins a channel listed in ONBOARDING_CHANNELS gets one DM with
 * the core's welcome (the roles, questions to try, a "Start onboarding" button). Once per person and
 * channel, ever (a claim in the store, so also across instances and restarts with a shared store), and
 * never for bots: not the bot itself joining, not an app's bot user, not Slackbot.
 */
import type { App, webApi } from "@slack/bolt";
import { answerToBlockKit } from "../../../render/slack.js";
import { isRecord } from "../../is-record.js";
import type { SlackDeps } from "../deps.js";
import { createChannelMatcher } from "../onboarding-channels.js";
import { SLASH_COMMAND } from "../settings.js";
import { toBolt } from "../to-bolt.js";

/** Slackbot is no bot to users.info (is_bot is false), but it is nobody to welcome either. */
const SLACKBOT = "USLACKBOT";

/** The store key that makes the welcome once-only. */
export const welcomeKey = (team: string, channel: string, user: string) => `welcome:slack:${team}:${channel}:${user}`;

/** Bots by the event alone: the bot itself, or an event that carries a bot's fields. */
function botByEvent(event: Record<string, unknown>, botUserId: string | undefined): boolean {
  return event.user === botUserId || event.user === SLACKBOT || event.bot_id !== undefined || event.is_bot === true;
}

/** users.info (users:read) knows whether a member is an app's bot user. */
async function isBotUser(client: webApi.WebClient, user: string): Promise<boolean> {
  const info = await client.users.info({ user });
  return info.user?.is_bot === true;
}

export function registerWelcome(app: App, deps: SlackDeps, channels: readonly string[]): void {
  if (channels.length === 0) return;
  const matcher = createChannelMatcher(channels);

  app.event("member_joined_channel", async ({ event, context, client }) => {
    const fields: Record<string, unknown> = isRecord(event) ? event : {};
    const { user, channel } = fields;
    if (typeof user !== "string" || typeof channel !== "string") return;
    const team = context.teamId ?? (typeof fields.team === "string" ? fields.team : "unknown");
    const log = { kind: "member_joined_channel", team, channel };
    const skip = (reason: string) => deps.logger.debug("slack: no welcome", { ...log, reason });

    await deps.work.run(log, async () => {
      if (botByEvent(fields, context.botUserId)) return skip("bot");
      if (!(await matcher.matches(channel, client))) return skip("not an onboarding channel");
      if (await isBotUser(client, user)) return skip("bot");
      // A cohort joining at once is welcomed one a second per channel, not in one burst Slack would refuse.
      await deps.welcomes.wait(channel);
      // Claimed last, just before sending: a failed users.info must not cost the person their welcome.
      if (!(await deps.store.claimOnce(welcomeKey(team, channel, user)))) return skip("already welcomed");
      // Built at send time: the knowledge can be reloaded while the bot runs.
      const message = answerToBlockKit(deps.whodoes.welcome({ command: SLASH_COMMAND }), { joinedChannel: channel });
      // Posting to a user id lands in the app's DM with them (the Messages tab).
      await client.chat.postMessage({ channel: user, ...toBolt(message), unfurl_links: false, unfurl_media: false });
      deps.logger.info("slack: welcomed a new member", log);
    });
  });
}
