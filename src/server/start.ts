/**
 * The composition root: load the knowledge, create the store, create every configured platform on one
 * HTTP server with its probes (/livez, /readyz, /healthz) and /metrics, and stop them all cleanly. Platforms come from adapters/platforms.ts; nothing here
 * names one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Platform, type PlatformAdapter, type PlatformContext, SHUTDOWN_DRAIN_MS } from "../adapters/adapter.js";
import { createLiveDirectory } from "../adapters/live-directory.js";
import { createPagerDutySource } from "../adapters/pagerduty/source.js";
import { PLATFORMS } from "../adapters/platforms.js";
import { withTurnLog } from "../adapters/turn-log.js";
import { PROJECT_ROOT } from "../config/paths.js";
import type { Logger } from "../logging/logger.js";
import { createMetrics } from "../metrics/metrics.js";
import { createStore } from "../store/create-store.js";
import { recordingWhodoes } from "../usage/recorder.js";
import { createComparePictureRouter } from "./compare-picture-routes.js";
import type { Config } from "./config.js";
import { createHttpApp, finishHttpApp, listen } from "./http.js";
import { createLiveKnowledge } from "./live-knowledge.js";
import { mountMetrics } from "./metrics-route.js";
import { type Check, mountProbes } from "./probes.js";

const VERSION: string = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).version;

/** How long in-flight requests and answers being sent may take to finish on shutdown (the drain time). */
export const SHUTDOWN_GRACE_MS = SHUTDOWN_DRAIN_MS;

/** Whether HOST serves this machine only. */
const isLoopbackHost = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");

/**
 * The web chat has no sign-in: served on an address other machines reach (HOST=0.0.0.0 beside a platform with
 * WEB_CHAT=on, or set by hand), the operator is told so at start, once.
 */
export function openWebChatWarning(host: string, adapters: readonly string[]): string | undefined {
  if (!adapters.includes("web") || isLoopbackHost(host)) return undefined;
  return `the web chat has no sign-in and listens on ${host}: anyone who can reach this port can ask it; keep the port private (compose publishes it on this machine's loopback only) or put a proxy that signs people in in front of it`;
}

export interface Running {
  url: string;
  adapters: PlatformAdapter[];
  /** Reload the knowledge now (as SIGHUP or a file edit would); false if it is broken. */
  reload(): boolean;
  stop(): Promise<void>;
}

/** A platform with its configuration read: all the server needs to decide on it and create it. */
interface Configured {
  isPublic: boolean;
  create(context: (name: string) => PlatformContext): Promise<PlatformAdapter | undefined>;
}

function configured<C>(platform: Platform<string, C>, config: C): Configured {
  return {
    isPublic: platform.isPublic(config),
    create: (context) => platform.create(config, context(platform.name)),
  };
}

export async function startServer(config: Config, logger: Logger): Promise<Running> {
  const platforms = PLATFORMS.map((p) => configured(p, config[p.name]));
  // With no platform reachable from other machines, the server stays on loopback and serves the web chat.
  const localOnly = !platforms.some((p) => p.isPublic);
  // Someone trying the bot with no credentials gets one line saying what runs where; the rest of the
  // start-up story (store, adapters) goes to the debug level.
  const startupLog: Logger = localOnly ? { ...logger, info: logger.debug } : logger;
  const metrics = createMetrics();
  const live = createLiveKnowledge(config.intentsDir, logger, { onReload: (ok) => metrics.knowledgeReload(ok) });
  const { whodoes } = live;
  const knowledge = whodoes.knowledge;
  const store = await createStore({ dataDir: config.dataDir, redisUrl: config.redisUrl, logger: startupLog });
  metrics.watchStore(() => store.status());
  const adapters: PlatformAdapter[] = [];
  /** The knowledge's state for the probes: loaded, how many roles, and what is wrong with a broken edit. */
  const knowledgeState = () => {
    const { ok, roles, error } = live.status();
    return { ok, roles, ...(error ? { error } : {}) };
  };
  // The platforms' request paths (filled in as they are created), whose response times are their acks.
  const ackPaths: Record<string, string> = {};
  const app = createHttpApp(
    () => ({ version: VERSION, adapters: adapters.map((a) => a.name), knowledge: knowledgeState() }),
    metrics,
    ackPaths,
    logger,
  );
  let stopping = false;
  const probes = mountProbes(app, async () => {
    const checks: Record<string, Check> = { knowledge: knowledgeState(), store: { ...store.status() } };
    for (const adapter of adapters) if (adapter.readiness) checks[adapter.name] = await adapter.readiness();
    if (stopping) checks.shutdown = { ok: false, stopping: true };
    return checks;
  });
  mountMetrics(app, metrics, config.metricsToken);

  // Who holds a role right now: PagerDuty's on-call people when a token is set (Slack adds its user groups).
  const people = createLiveDirectory({
    store,
    logger,
    sources: config.pagerduty ? [createPagerDutySource(config.pagerduty)] : [],
  });
  if (!config.pagerduty && [...knowledge.directory.values()].some((c) => c.platforms.pagerduty))
    logger.warn("directory.yaml names PagerDuty schedules but PAGERDUTY_TOKEN is not set: answers show the static entries only");

  const host = config.host ?? (localOnly ? "127.0.0.1" : "0.0.0.0");
  // Per platform: record usage for `whodoes report`, and log and count one line per turn.
  const context = (platform: string): PlatformContext => ({
    whodoes: withTurnLog(
      recordingWhodoes(whodoes, store, { platform, recordQuestions: config.recordQuestions ?? false, logger }),
      logger,
      platform,
      metrics,
    ),
    logger,
    store,
    app,
    localOnly,
    metrics,
    loopbackOnly: isLoopbackHost(host),
    live: people,
    recordQuestions: config.recordQuestions ?? false,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    ...(config.conversationTtlMs !== undefined ? { conversationTtlMs: config.conversationTtlMs } : {}),
  });
  // The comparison's picture, for the README, the web and (with PUBLIC_URL) Slack's and Teams' answers.
  app.use(createComparePictureRouter(() => whodoes.knowledge, logger));
  for (const p of platforms) {
    const adapter = await p.create(context);
    if (!adapter) continue;
    adapters.push(adapter);
    for (const path of adapter.ackPaths ?? []) ackPaths[path] = adapter.name;
  }

  finishHttpApp(app, logger);

  for (const adapter of adapters) await adapter.start();
  const server = await listen(app, config.port, host);
  startupLog.info(`whodoes ${VERSION} listening on ${server.url} (${knowledge.roles.length} roles from ${knowledge.dir})`);
  for (const adapter of adapters) startupLog.info(`on: ${adapter.describe()}`, { adapter: adapter.name });
  const open = openWebChatWarning(
    host,
    adapters.map((a) => a.name),
  );
  if (open) logger.warn(open);
  if (localOnly)
    logger.info(
      `whodoes is running: open ${server.url}/ to try it in your browser (no Slack or Teams credentials yet; README "Connect Slack and Teams" adds them)`,
    );

  const onHangup = () => live.reload();
  process.on("SIGHUP", onHangup);

  return {
    url: server.url,
    adapters,
    reload: () => live.reload(),
    async stop() {
      stopping = true;
      process.off("SIGHUP", onHangup);
      live.close();
      probes.close();
      // One drain time for everything: stop taking connections and let requests in flight finish; then the
      // adapters stop (Socket Mode closes its socket) and answers still being sent to Slack or Teams may finish
      // in what is left of it. Whatever still runs at the deadline is dropped.
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      const left = () => Math.max(0, deadline - Date.now());
      await server.close(left());
      await Promise.all(adapters.map((a) => a.stop(left())));
      await store.close();
    },
  };
}
