/** Slack as the server composes it: SLACK_* variables, `slack:` entries in directory.yaml, the Bolt adapter. */
import { slackDirectory } from "../../render/slack-directory.js";
import type { Platform } from "../adapter.js";
import { readSlackConfig, type SlackConfig } from "./config.js";

export const slackPlatform: Platform<"slack", SlackConfig | undefined> = {
  name: "slack",
  readConfig: readSlackConfig,
  isPublic: (config) => config !== undefined,
  directory: slackDirectory,
  async create(config, context) {
    if (!config) return undefined;
    // Bolt is loaded only when Slack is on.
    const { createSlackAdapter } = await import("./index.js");
    return createSlackAdapter({ ...context, config });
  },
};
