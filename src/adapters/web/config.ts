/** The web chat's section of the environment: WEB_CHAT. */
import { z } from "zod";
import type { Env } from "../../config/env.js";
import { optionalVar, readSection } from "../../config/section.js";

export interface WebChatConfig {
  /** WEB_CHAT=on: serve the web chat even when Slack or Teams is configured (without them it is on anyway). */
  requested: boolean;
}

const webEnv = z.object({ WEB_CHAT: optionalVar.pipe(z.enum(["on", "off", "true", "false", "1", "0"]).optional()) });

export function readWebChatConfig(env: Env, problems: string[]): WebChatConfig {
  const e = readSection(webEnv, env, problems);
  return { requested: ["on", "true", "1"].includes(e?.WEB_CHAT ?? "") };
}
