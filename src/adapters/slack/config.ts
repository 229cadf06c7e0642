/** The Slack adapter's section of the environment: SLACK_* and ONBOARDING_CHANNELS. */
import { z } from "zod";
import type { Env } from "../../config/env.js";
import { optionalVar, readSection } from "../../config/section.js";

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Socket Mode when set (xapp-...). */
  appToken?: string;
  /** Base URL of the Slack Web API, e.g. a test fake or an enterprise proxy. */
  apiUrl?: string;
  /** Channels (ids or names, without #) whose new members get a welcome DM (ONBOARDING_CHANNELS). */
  onboardingChannels?: string[];
}

const slackEnv = z.object({
  SLACK_BOT_TOKEN: optionalVar,
  SLACK_SIGNING_SECRET: optionalVar,
  SLACK_APP_TOKEN: optionalVar,
  SLACK_API_URL: optionalVar.pipe(z.url().optional()),
  ONBOARDING_CHANNELS: optionalVar,
});

/** Slack's settings, or undefined when no Slack variable is set (Slack stays off). */
export function readSlackConfig(env: Env, problems: string[]): SlackConfig | undefined {
  const e = readSection(slackEnv, env, problems);
  if (!e || !(e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) return undefined;
  if (!e.SLACK_BOT_TOKEN)
    problems.push("SLACK_BOT_TOKEN is missing: Slack needs the bot token (xoxb-...) from OAuth & Permissions.");
  else if (!e.SLACK_BOT_TOKEN.startsWith("xoxb-")) problems.push("SLACK_BOT_TOKEN should be a bot token starting with xoxb-.");
  if (e.SLACK_APP_TOKEN && !e.SLACK_APP_TOKEN.startsWith("xapp-"))
    problems.push("SLACK_APP_TOKEN should be an app-level token starting with xapp- (Basic Information > App-Level Tokens).");
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN)
    problems.push(
      "SLACK_SIGNING_SECRET is missing: HTTP mode needs it (Basic Information > Signing Secret), or set SLACK_APP_TOKEN for Socket Mode.",
    );
  if (!e.SLACK_BOT_TOKEN) return undefined;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET ?? "",
    onboardingChannels: (e.ONBOARDING_CHANNELS ?? "")
      .split(",")
      .map((c) => c.trim().replace(/^#/, ""))
      .filter(Boolean),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
  };
}
