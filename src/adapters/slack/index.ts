/**
 * The Slack adapter: a Bolt app that translates Slack's commands, events and button clicks into calls
 * to the core, and posts the rendered answers back. Glue only: listeners live in listeners/, the
 * Block Kit in src/render/slack.ts.
 *
 * - Socket Mode when `config.appToken` (SLACK_APP_TOKEN) is set: no public URL needed.
 * - Otherwise HTTP mode: Bolt's ExpressReceiver mounted on the server's express app at /slack/events,
 *   with Bolt's own signature and timestamp checks. The server listens; this adapter never does.
 * - ONBOARDING_CHANNELS (`config.onboardingChannels`): people who join one get a welcome DM.
 * - Answers to a response_url go through response-url.ts (kept-alive node:http), not Bolt's respond().
 */
import { App, ExpressReceiver, SocketModeReceiver } from "@slack/bolt";
import type express from "express";
import type { Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import { type Metrics, noMetrics } from "../../metrics/metrics.js";
import { pictureUrlFor } from "../../render/picture-url.js";
import { answerToBlockKit } from "../../render/slack.js";
import type { Store } from "../../store/store.js";
import { OUTBOUND_TIMEOUT_MS, type PlatformAdapter, SHUTDOWN_DRAIN_MS } from "../adapter.js";
import { createAnswerExtras } from "../answer-extras.js";
import { createConversations } from "../conversations.js";
import { settledWithin } from "../deadline.js";
import { createHandOffs } from "../hand-off.js";
import { createLiveDirectory, type LiveDirectory } from "../live-directory.js";
import { createBoltLogger } from "./bolt-logger.js";
import type { SlackConfig } from "./config.js";
import { createEventDedupe, createReplayGuard } from "./dedupe.js";
import type { SlackDeps } from "./deps.js";
import { errorFields, SlackAdapterError, slackErrorCode, unreachableReason } from "./errors.js";
import { slackTriagePlaces } from "./hand-off.js";
import { createEventErrorHandler, createSlackRouter, finishSlackRouter, requestSignature } from "./http-route.js";
import { registerActions } from "./listeners/actions.js";
import { registerCommands } from "./listeners/commands.js";
import { registerEvents } from "./listeners/events.js";
import { registerHome } from "./listeners/home.js";
import { registerWelcome } from "./listeners/welcome.js";
import { createSlackGroupSource } from "./live-groups.js";
import { createPacer } from "./pacer.js";
import { createRateLimitAdapter, type RateLimitOptions, SLACK_RATE_LIMITS } from "./rate-limits.js";
import { createResponseUrlClient } from "./response-url.js";
import { SLACK_EVENTS_PATH, WEB_API_RETRY, WELCOME_INTERVAL_MS } from "./settings.js";
import { createWorkRunner } from "./work.js";

export { SlackAdapterError } from "./errors.js";
export { SLACK_EVENTS_PATH, SLASH_COMMAND } from "./settings.js";

export interface SlackAdapterOptions {
  whodoes: Whodoes;
  config: SlackConfig;
  logger: Logger;
  /** De-duplicates Slack's retried events (claimOnce on the event id). */
  store: Store;
  /** The server's express app; required in HTTP mode (no SLACK_APP_TOKEN), unused in Socket Mode. */
  app?: express.Express;
  /** PUBLIC_URL: where Slack can fetch the comparison's picture (GET /compare.png); without it, the table alone. */
  publicUrl?: string;
  metrics?: Metrics;
  /** How Web API 429s are waited out (rate-limits.ts); default SLACK_RATE_LIMITS. For tests. */
  rateLimits?: RateLimitOptions;
  /** Least time between two welcome DMs for one onboarding channel; default WELCOME_INTERVAL_MS. For tests. */
  welcomeIntervalMs?: number;
  /** CONVERSATION_TTL_MINUTES: how long a DM's or thread's last turn is kept for follow-ups (default 30 minutes; 0: off). */
  conversationTtlMs?: number;
  /** Bound on each Web API attempt and each response_url post; default OUTBOUND_TIMEOUT_MS. */
  outboundTimeoutMs?: number;
  /** Who holds a role right now (PagerDuty); Slack adds its user groups' members. Default: none. */
  live?: LiveDirectory;
  /** RECORD_QUESTIONS=true: keep a question's words with it even where no hand-off may send them. */
  recordQuestions?: boolean;
}

/** WebClient wants the base URL with its trailing slash ("https://slack.com/api/"). */
const withTrailingSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);

export function createSlackAdapter(options: SlackAdapterOptions): PlatformAdapter {
  const { whodoes, config, logger, store } = options;
  const metrics = options.metrics ?? noMetrics;
  const boltLogger = createBoltLogger(logger);
  const rateLimits: RateLimitOptions = {
    ...(options.rateLimits ?? SLACK_RATE_LIMITS),
    onRateLimited(method, retryAfterS) {
      metrics.rateLimited("slack");
      logger.warn("slack: rate limited; waiting before calling this method again", { method, retryAfterS });
    },
  };
  const timeoutMs = options.outboundTimeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const clientOptions = {
    retryConfig: { ...WEB_API_RETRY },
    timeout: timeoutMs,
    // A 429 comes back to us instead of pausing every call of the client; the adapter waits per method.
    rejectRateLimitedCalls: true,
    adapter: createRateLimitAdapter(rateLimits),
    ...(config.apiUrl ? { slackApiUrl: withTrailingSlash(config.apiUrl) } : {}),
  };

  let socket: SocketModeReceiver | undefined;
  let receiver: ExpressReceiver | SocketModeReceiver;
  if (config.appToken) {
    // The Socket Mode client opens its connection with apps.connections.open, so it needs the same
    // Web API base URL as the bot's client.
    socket = new SocketModeReceiver({ appToken: config.appToken, logger: boltLogger, installerOptions: { clientOptions } });
    receiver = socket;
  } else {
    if (!config.signingSecret) {
      throw new SlackAdapterError(
        "SLACK_CONFIG_INVALID",
        "SLACK_SIGNING_SECRET is missing: Slack's HTTP mode needs it to verify requests.",
      );
    }
    if (!options.app) {
      throw new SlackAdapterError(
        "SLACK_CONFIG_INVALID",
        "Slack's HTTP mode needs the server's express app to mount /slack/events on.",
      );
    }
    // Our checks run first on this router (http-route.ts), then the receiver's own handler that it adds.
    const router = createSlackRouter(logger);
    receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      app: options.app,
      router,
      endpoints: SLACK_EVENTS_PATH,
      // Ack first (the HTTP 200 goes out when a listener calls ack()), answer after.
      processBeforeResponse: false,
      logger: boltLogger,
      customPropertiesExtractor: requestSignature,
      processEventErrorHandler: createEventErrorHandler(logger),
    });
    finishSlackRouter(router, logger);
  }

  const bolt = new App({
    token: config.botToken,
    receiver,
    ...(socket ? { socketMode: true } : {}),
    logger: boltLogger,
    clientOptions,
    // No listener reads context.conversation, and Bolt's in-memory conversation store costs every
    // request a lookup that throws (and builds a stack trace for) "Conversation not found".
    convoStore: false,
    // auth.test runs in start(), so a bad token fails start-up with a clear message, not an
    // unhandled rejection later.
    deferInitialization: true,
  });

  const work = createWorkRunner(logger, () => metrics.outboundError("slack"));
  const responseUrls = createResponseUrlClient({ timeoutMs });
  const blockKit: SlackDeps["blockKit"] = (answer, o = {}) => {
    const pictureUrl = pictureUrlFor(options.publicUrl, answer);
    return answerToBlockKit(answer, { ...o, ...(pictureUrl ? { pictureUrl } : {}) });
  };
  const welcomes = createPacer(options.welcomeIntervalMs ?? WELCOME_INTERVAL_MS);

  // Socket Mode: connected or not (readiness), and each re-established connection (metrics).
  let connected = false;
  let everConnected = false;
  socket?.client.on("connected", () => {
    if (everConnected) metrics.socketModeReconnect();
    connected = true;
    everConnected = true;
  });
  for (const state of ["disconnected", "reconnecting"])
    socket?.client.on(state, () => {
      connected = false;
    });
  const conversations = createConversations({
    whodoes,
    store,
    logger,
    platform: "slack",
    ttlMs: options.conversationTtlMs,
  });
  const live = (options.live ?? createLiveDirectory({ store, logger })).with(
    createSlackGroupSource({ botToken: config.botToken, ...(config.apiUrl ? { apiUrl: withTrailingSlash(config.apiUrl) } : {}) }),
  );
  const extras = createAnswerExtras({
    platform: "slack",
    whodoes,
    store,
    logger,
    live,
    canHandOff: (roles) => slackTriagePlaces(whodoes.knowledge, roles).length > 0,
    ...(options.recordQuestions ? { recordQuestions: true } : {}),
  });
  const handOffs = createHandOffs(store, "slack", logger);
  const deps: SlackDeps = {
    whodoes,
    logger,
    store,
    conversations,
    work,
    responseUrls,
    blockKit,
    welcomes,
    extras,
    handOffs,
  };
  bolt.use(createReplayGuard(store, logger));
  bolt.use(createEventDedupe(store, logger));
  registerCommands(bolt, deps);
  registerEvents(bolt, deps);
  registerActions(bolt, deps);
  registerHome(bolt, deps);
  const onboardingChannels = config.onboardingChannels ?? [];
  registerWelcome(bolt, deps, onboardingChannels);
  bolt.error(async (error) => {
    // The listeners catch their own failures; this is for anything Bolt itself trips on.
    logger.error("slack: unhandled error", errorFields(error));
  });

  const mode = socket ? "Socket Mode" : `HTTP at ${SLACK_EVENTS_PATH}`;
  const apiUrl = clientOptions.slackApiUrl ?? "https://slack.com/api/";
  /** Start-up failed before Slack could answer: say so, rather than blame the token. */
  const unreachable = (err: unknown) => {
    const reason = unreachableReason(err);
    return reason === undefined
      ? undefined
      : new SlackAdapterError(
          "SLACK_UNREACHABLE",
          `Cannot reach Slack's Web API at ${apiUrl} (${reason}). Check the network, DNS, any proxy, and SLACK_API_URL.`,
          { cause: err },
        );
  };
  return {
    name: "slack",
    describe: () => `Slack (${mode})`,
    ackPaths: socket ? [] : [SLACK_EVENTS_PATH],
    async readiness() {
      // HTTP mode has no connection of its own to check: Slack calls us.
      return socket ? { ok: connected, mode: "socket", connected } : { ok: true, mode: "http" };
    },
    async start() {
      try {
        await bolt.init();
      } catch (err) {
        throw (
          unreachable(err) ??
          new SlackAdapterError(
            "SLACK_AUTH_FAILED",
            `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${slackErrorCode(err)}). Check the Bot User OAuth Token under OAuth & Permissions.`,
            { cause: err },
          )
        );
      }
      if (socket) {
        try {
          await bolt.start();
        } catch (err) {
          throw (
            unreachable(err) ??
            new SlackAdapterError(
              "SLACK_CONNECT_FAILED",
              `Slack's Socket Mode did not connect (${slackErrorCode(err)}). Check SLACK_APP_TOKEN (an app-level token with connections:write) and that Socket Mode is on.`,
              { cause: err },
            )
          );
        }
      }
      logger.info("slack: started", { mode, onboardingChannels: onboardingChannels.length });
    },
    async stop(graceMs = SHUTDOWN_DRAIN_MS) {
      // Socket Mode: close the connection so Slack sends new work elsewhere. HTTP: the server stops
      // taking requests. Either way, answers already being sent may finish within the drain time;
      // then the response_url connections still open are closed.
      const deadline = Date.now() + graceMs;
      if (socket) await settledWithin(graceMs, socket.client.disconnect());
      const left = await work.drain(Math.max(0, deadline - Date.now()));
      if (left > 0) logger.warn("slack: stopped with answers still being sent", { unfinished: left, graceMs });
      responseUrls.close();
    },
  };
}
