/** What the server needs from a platform: the descriptor it composes, and the adapter it runs. */
import type express from "express";
import type { Env } from "../config/env.js";
import type { DirectoryFormat, Whodoes } from "../core/index.js";
import type { Logger } from "../logging/logger.js";
import type { Metrics } from "../metrics/metrics.js";
import type { Store } from "../store/store.js";
import type { LiveDirectory } from "./live-directory.js";

/**
 * How long any one outbound HTTP call may take (Slack's Web API and response_urls per attempt, the Bot
 * Connector per attempt, Bot Framework's signing keys): a dependency that accepts and never answers is given
 * up on after this, and its socket closed. Adapters take `outboundTimeoutMs` to change it (tests).
 */
export const OUTBOUND_TIMEOUT_MS = 5_000;

/**
 * The drain time: on SIGTERM or SIGINT, how long requests in flight and answers being sent may take to finish,
 * on every platform together. Shutdown takes at most this, plus closing the store (at most a second).
 */
export const SHUTDOWN_DRAIN_MS = 5_000;

/** A running platform adapter (Slack, Teams, web chat). */
export interface PlatformAdapter {
  /** Short name for logs and /healthz, e.g. "slack". */
  readonly name: string;
  /** One human line saying what is on and how to reach it, e.g. "Slack (Socket Mode)". */
  describe(): string;
  start(): Promise<void>;
  /** Stop taking new work and let in-flight work finish, for at most `graceMs` (default SHUTDOWN_DRAIN_MS); then drop what is left. */
  stop(graceMs?: number): Promise<void>;
  /** What /readyz reports for this platform: `ok` and a few words of detail (never a secret). */
  readiness?(): Promise<ReadinessCheck>;
  /** The HTTP paths the platform's requests arrive on; their response times are its acks in /metrics. */
  readonly ackPaths?: readonly string[];
}

/** What the server hands a platform it creates. */
export interface PlatformContext {
  /** The core, wrapped for this platform (usage records, the turn log). */
  whodoes: Whodoes;
  logger: Logger;
  store: Store;
  /** The one HTTP server's express app: a platform mounts its routes on it and never listens itself. */
  app: express.Express;
  /** No platform takes requests from other machines (so by default the server listens on loopback only). */
  localOnly: boolean;
  /** The server listens on a loopback address (HOST, or its default): only this machine can reach it. */
  loopbackOnly: boolean;
  /** PUBLIC_URL: the address the platforms reach this server at (for the comparison's picture), if set. */
  publicUrl?: string;
  /** Counts for /metrics (rate limits, outbound errors, Socket Mode reconnects). */
  metrics?: Metrics;
  /** CONVERSATION_TTL_MINUTES: how long a conversation's last turn is kept for follow-ups, if set (0: off). */
  conversationTtlMs?: number;
  /** Who holds a role right now, from the live sources configured (PagerDuty); a platform may add its own. */
  live?: LiveDirectory;
  /** RECORD_QUESTIONS=true: a question's words are kept with it (for the corrections' report), not only where a hand-off may send them. */
  recordQuestions?: boolean;
}

/**
 * A platform whodoes speaks, as the server composes it: its section of the environment, its entries in
 * directory.yaml, and its adapter. Light: the platform's SDK is loaded only by `create`. One folder under
 * adapters/ per platform, listed once in adapters/platforms.ts.
 */
export interface Platform<Name extends string = string, Config = unknown> {
  /** Its name: in logs, /healthz, usage records, and as its key in directory.yaml. */
  readonly name: Name;
  /** Read its section of the environment; every problem goes into `problems`, reported with the others'. */
  readConfig(env: Env, problems: string[]): Config;
  /** Whether this configuration takes requests from other machines (its credentials are set). */
  isPublic(config: Config): boolean;
  /** How its section of directory.yaml is checked and read elsewhere, when it has one. */
  readonly directory?: DirectoryFormat;
  /** Its adapter, or undefined when this configuration leaves it off. */
  create(config: Config, context: PlatformContext): Promise<PlatformAdapter | undefined>;
}

export type ReadinessCheck = { ok: boolean } & Record<string, unknown>;
