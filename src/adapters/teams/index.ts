/**
 * The Microsoft Teams adapter: glue only. Every `botbuilder` import lives in this folder, so the move to
 * its successor (the Microsoft 365 Agents SDK, @microsoft/agents-hosting) touches nothing else.
 */
import type express from "express";
import type { Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import { type Metrics, noMetrics } from "../../metrics/metrics.js";
import type { Store } from "../../store/store.js";
import { OUTBOUND_TIMEOUT_MS, type PlatformAdapter, SHUTDOWN_DRAIN_MS } from "../adapter.js";
import { createConversations } from "../conversations.js";
import { settledWithin } from "../deadline.js";
import type { LiveDirectory } from "../live-directory.js";
import { type BotFrameworkEndpoints, channelMetadataUrl, createBotFrameworkAuthentication, isLocalMode } from "./auth.js";
import { DeliveryFailed, WhodoesTeamsBot } from "./bot.js";
import { WhodoesCloudAdapter } from "./cloud-adapter.js";
import type { TeamsConfig } from "./config.js";
import { CONNECTOR_RETRY, type ConnectorRetryOptions, connectorRetryOptions } from "./connector-retry.js";
import { createInFlight, MESSAGES_PATH, mountMessagesRoute } from "./http.js";
import { ConnectorTimeoutError } from "./outbound.js";
import { routeSdkConsole } from "./sdk-console.js";
import { createSigningKeysCheck } from "./signing-keys.js";

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
  metrics?: Metrics;
  /** The extra connector retries (connector-retry.ts); default CONNECTOR_RETRY. For tests. */
  retry?: ConnectorRetryOptions;
  /**
   * The server listens on loopback only (no platform takes requests from other machines): local mode is then
   * what a newcomer trying the bot expects, no warning (the server says in one line what runs where).
   */
  localOnly?: boolean;
  /** CONVERSATION_TTL_MINUTES: how long a chat's or thread's last turn is kept for follow-ups (default 30 minutes; 0: off). */
  conversationTtlMs?: number;
  /** Bound on fetching the signing keys and on each Bot Connector attempt (a reply: twice this); default OUTBOUND_TIMEOUT_MS. */
  outboundTimeoutMs?: number;
  /** Who holds a role right now (PagerDuty). */
  live?: LiveDirectory;
  /** RECORD_QUESTIONS=true: keep a question's words with it even where no hand-off may send them. */
  recordQuestions?: boolean;
}

/** A Bot Connector call that ran out of time: our deadline, or the HTTP client's timeout abort. */
const isTimeout = (error: Error) => error instanceof ConnectorTimeoutError || error.name === "AbortError";

export function createTeamsAdapter(options: TeamsAdapterOptions): PlatformAdapter {
  const { whodoes, config, logger, store, app } = options;
  const metrics = options.metrics ?? noMetrics;
  const localMode = isLocalMode(config);
  routeSdkConsole();
  const retry = { ...(options.retry ?? CONNECTOR_RETRY), onRateLimited: () => metrics.rateLimited("teams") };
  const auth = createBotFrameworkAuthentication(
    config,
    options.endpoints,
    connectorRetryOptions(retry),
    options.outboundTimeoutMs ?? OUTBOUND_TIMEOUT_MS,
  );
  const adapter = new WhodoesCloudAdapter(auth);
  const conversations = createConversations({
    whodoes,
    store,
    logger,
    platform: "teams",
    ttlMs: options.conversationTtlMs,
  });
  const bot = new WhodoesTeamsBot({
    whodoes,
    store,
    conversations,
    logger,
    metrics,
    adapter,
    ...(config.appId ? { appId: config.appId } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.live ? { live: options.live } : {}),
    ...(options.recordQuestions ? { recordQuestions: true } : {}),
  });
  const work = createInFlight();
  const signingKeys = localMode ? undefined : createSigningKeysCheck(channelMetadataUrl(options.endpoints));

  adapter.onTurnError = async (context, error) => {
    // Already logged once, with the conversation kind; the connector is refusing, so an apology would fail too.
    if (error instanceof DeliveryFailed) return;
    logger.error("teams: turn failed", { type: context.activity.type, error: error.message });
    // An invoke's caller reads the HTTP response, not a message; only messages get an apology, and not when
    // the connector is the one that did not answer (the apology would wait as long again for nothing).
    if (context.activity.type !== "message" || isTimeout(error)) return;
    try {
      await context.sendActivity("Sorry, something went wrong while answering. Please try again.");
    } catch {
      // The connector is unreachable too; the error is already logged.
    }
  };

  mountMessagesRoute(app, { adapter, bot, localMode, logger, work });

  return {
    name: "teams",
    ackPaths: [MESSAGES_PATH],
    describe() {
      return localMode
        ? `Microsoft Teams (POST ${MESSAGES_PATH}, local mode: unauthenticated, this machine and loopback serviceUrls only)`
        : `Microsoft Teams (POST ${MESSAGES_PATH}, app ${config.appId}, ${config.appType})`;
    },
    async readiness() {
      if (!signingKeys) return { ok: true, mode: "local" };
      return { mode: "authenticated", ...(await signingKeys()) };
    },
    async start() {
      if (localMode && options.localOnly) {
        logger.debug("teams: local mode (Bot Framework Emulator from this machine)");
      } else if (localMode) {
        logger.warn(
          "teams: MICROSOFT_APP_ID is not set: local mode, requests are NOT authenticated, so only requests from this machine whose serviceUrl is on loopback are accepted (Bot Framework Emulator, tests)",
        );
      } else {
        logger.info("teams: Bot Framework authentication on", { appType: config.appType });
      }
    },
    async stop(graceMs = SHUTDOWN_DRAIN_MS) {
      work.stop();
      if ((await settledWithin(graceMs, work.drained())) === "late")
        logger.warn("teams: stopped with turns still waiting on the Bot Connector", { graceMs });
    },
  };
}
