/**
 * Every platform whodoes speaks, in the order the server starts them. Adding one is a folder under
 * adapters/ and one line here (docs/architecture.md, "Add a platform").
 */
import type { DirectoryFormat } from "../core/index.js";
import { pagerDutyDirectory } from "./pagerduty/directory.js";
import { slackPlatform } from "./slack/platform.js";
import { teamsPlatform } from "./teams/platform.js";
import { webChatPlatform } from "./web/platform.js";

export const PLATFORMS = [slackPlatform, teamsPlatform, webChatPlatform] as const;

/** Each platform's section of directory.yaml, and the live sources' (PagerDuty), for the knowledge loader. */
export const DIRECTORY_FORMATS: readonly DirectoryFormat[] = [
  ...PLATFORMS.flatMap((p) => (p.directory ? [p.directory] : [])),
  pagerDutyDirectory as DirectoryFormat,
];
