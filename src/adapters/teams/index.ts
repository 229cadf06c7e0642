/**
 * The Microsoft Teams adapter: glue only. Every `botbuilder` import lives in this folder, so the move to
 * its successor (the Microsoft 365 Agents SDK, @microsoft/agents-hosting) touches nothing else.
 */
import type express from "express";
import type { Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import type { Store } from "../../store/store.js";
import type { PlatformAdapter } from "../adapter.js";
import { type BotFrameworkEndpoints, createBotFrameworkAuthentication, isLocalMode } from "./auth.js";
import { WhodoesTeamsBot } from "./bot.js";
import { WhodoesCloudAdapter } from "./cloud-adapter.js";
import type { TeamsConfig } from "./config.js";
import { createInFlight, MESSAGES_PATH, mountMessagesRoute } from "./http.js";

export type { BotFrameworkEndpoints } from "./auth.js";
export { MESSAGES_PATH } from "./http.js";

export interface TeamsAdapterOptions {
  whodoes: Whodoes;
  config: TeamsConfig;
  logger: Logger;
  store: Store;
  /** The shared express app; the adapter mounts POST /api/messages on it and never listens itself. */
  app: express.Express;
  /** Where botbuilder fetches token-signing keys; default: botbuilder's public-cloud endpoints. For tests. */
  endpoints?: BotFrameworkEndpoints;
  /** PUBLIC_URL: where Teams can fetch the comparison's picture (GET /compare.png); without it, the table alone. */
  publicUrl?: string;
}

export function createTeamsAdapter(options: TeamsAdapterOptions): PlatformAdapter {
  const { whodoes, config, logger, store, app } = options;
  const localMode = isLocalMode(config);
  const auth = createBotFrameworkAuthentication(config, options.endpoints);
  const adapter = new WhodoesCloudAdapter(auth);
  const bot = new WhodoesTeamsBot({ whodoes, store, logger, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
  const work = createInFlight();

  adapter.onTurnError = async (context, error) => {
    logger.error("teams: turn failed", { type: context.activity.type, error: error.message });
    // An invoke's caller reads the HTTP response, not a message; only messages get an apology.
    if (context.activity.type !== "message") return;
    try {
      await context.sendActivity("Sorry, something went wrong while answering. Please try again.");
    } catch {
      // The connector is unreachable too; the error is already logged.
    }
  };

  mountMessagesRoute(app, { adapter, bot, localMode, logger, work });

  return {
    name: "teams",
    describe() {
      return localMode
        ? `Microsoft Teams (POST ${MESSAGES_PATH}, local mode: unauthenticated, loopback serviceUrl only)`
        : `Microsoft Teams (POST ${MESSAGES_PATH}, app ${config.appId}, ${config.appType})`;
    },
    async start() {
      if (localMode) {
        logger.warn(
          "teams: MICROSOFT_APP_ID is not set: local mode, requests are NOT authenticated and only activities whose serviceUrl is on loopback are accepted (Bot Framework Emulator, tests)",
        );
      } else {
        logger.info("teams: Bot Framework authentication on", { appType: config.appType });
      }
    },
    async stop() {
      work.stop();
      await work.drained();
    },
  };
}
