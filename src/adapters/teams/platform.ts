/**
 * Microsoft Teams as the server composes it: MICROSOFT_APP_* variables, `teams:` entries in
 * directory.yaml, the botbuilder adapter. Always on: without an app id it runs in local mode.
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
    const { createTeamsAdapter } = await import("./index.js");
    return createTeamsAdapter({ ...context, config });
  },
};
