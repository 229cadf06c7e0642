/**
 * The local web chat as the server composes it: for trying the bot before any platform is set up, or
 * alongside one when WEB_CHAT=on. It names nobody in directory.yaml (it shows names and emails).
 */
import type { Platform } from "../adapter.js";
import { readWebChatConfig, type WebChatConfig } from "./config.js";

export const webChatPlatform: Platform<"web", WebChatConfig> = {
  name: "web",
  readConfig: readWebChatConfig,
  isPublic: () => false,
  async create(config, context) {
    if (!config.requested && !context.localOnly) return undefined;
    const { createWebChatAdapter } = await import("./index.js");
    return createWebChatAdapter(context);
  },
};
