/**
 * Microsoft Teams as the server composes it: MICROSOFT_APP_* variables, `teams:` entries in
 * directory.yaml, the botbuilder adapter. On with an app id; without one its unauthenticated local mode (for
 * the Emulator) is on only when no platform takes requests from other machines (trying the bot out) or
 * TEAMS_LOCAL_MODE=on asks for it: never by accident beside Slack.
 */
import { teamsDirectory } from "../../render/teams-directory.js";
import type { Platform } from "../adapter.js";
import { readTeamsConfig, type TeamsConfig } from "./config.js";

export const teamsPlatform: Platform<"teams", TeamsConfig> = {
  name: "teams",
  readConfig: readTeamsConfig,
  isPublic: (config) => config.appId !== undefined,
  directory: teamsDirectory,
  async create(config, context) {
    if (!config.appId && !(config.localMode ?? context.localOnly)) return undefined;
    const { createTeamsAdapter } = await import("./index.js");
    return createTeamsAdapter({ ...context, config });
  },
};
