/**
 * What GET /metrics reports, in Prometheus' text format (prom-client). Counts and timings only: labels are
 * the platform, the intent, the vote and the like, from fixed sets; never a user, a channel or message text.
 * Each server has its own registry, so several servers in one process (the tests) keep their counts apart.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** What the readiness check knows about the store, read at scrape time. */
export interface StoreState {
  mode: "memory" | "file" | "redis";
  ok: boolean;
}

export interface Metrics {
  /** An answer built (a question or a button), with how long the core took. */
  answered(platform: string, intent: string, seconds: number): void;
  /** A 👍 or 👎. */
  feedback(platform: string, vote: "up" | "down"): void;
  /** A platform request acknowledged (its HTTP response sent), with how long it took. */
  acked(platform: string, seconds: number): void;
  /** A call to the platform (Web API, response_url, Bot Connector) that failed for good. */
  outboundError(platform: string): void;
  /** A rate-limit answer (HTTP 429) from the platform. */
  rateLimited(platform: string): void;
  knowledgeReload(ok: boolean): void;
  socketModeReconnect(): void;
  /** Report the store's mode and health at each scrape. */
  watchStore(state: () => StoreState): void;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Acks must come within Slack's 3 s; the buckets resolve the low milliseconds where a healthy server is. */
const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** The core answers in well under a millisecond on the shipped knowledge. */
const ANSWER_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1];
const STORE_MODES = ["memory", "file", "redis"] as const;

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  // Node's own: CPU, memory, event-loop lag, GC, open handles (prom-client's standard set).
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "whodoes_" });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers });
  const histogram = (name: string, help: string, buckets: number[]) =>
    new Histogram<"platform">({ name, help, labelNames: ["platform"], buckets, registers });

  const answers = counter(
    "whodoes_answers_total",
    "Answers built, by platform and intent (out_of_scope: questions the bot turned away).",
    ["platform", "intent"],
  );
  const answerSeconds = histogram(
    "whodoes_answer_duration_seconds",
    "Time the core took to build an answer (matching and answer building).",
    ANSWER_BUCKETS,
  );
  const feedback = counter("whodoes_feedback_votes_total", "Feedback votes (thumbs up or down) on answers.", [
    "platform",
    "vote",
  ]);
  const ackSeconds = histogram(
    "whodoes_ack_duration_seconds",
    "Time from a platform's HTTP request arriving to its response (the ack) being sent.",
    ACK_BUCKETS,
  );
  const outboundErrors = counter(
    "whodoes_outbound_errors_total",
    "Calls to a platform (Slack Web API or response_url, Bot Connector) that failed after any retries.",
    ["platform"],
  );
  const rateLimited = counter("whodoes_rate_limited_total", "Rate-limit responses (HTTP 429) received from a platform.", [
    "platform",
  ]);
  const reloads = counter(
    "whodoes_knowledge_reloads_total",
    "Knowledge reloads after an edit or SIGHUP, by result (failed: the last good knowledge kept answering).",
    ["result"],
  );
  const reconnects = counter(
    "whodoes_slack_socket_mode_reconnects_total",
    "Times the Slack Socket Mode connection was re-established.",
  );
  let storeState: (() => StoreState) | undefined;
  new Gauge({
    name: "whodoes_store_mode",
    help: "The store in use: 1 for the current mode (memory, file or redis), 0 for the others.",
    labelNames: ["mode"] as const,
    registers,
    collect() {
      const mode = storeState?.().mode;
      for (const m of STORE_MODES) this.set({ mode: m }, m === mode ? 1 : 0);
    },
  });
  new Gauge({
    name: "whodoes_store_up",
    help: "1 when the store answers (Redis connected), 0 when the instance fell back to memory.",
    registers,
    collect() {
      if (storeState) this.set(storeState().ok ? 1 : 0);
    },
  });
  // Zero series from the start, so a rate() over a fresh instance is 0, not absent.
  reloads.inc({ result: "ok" }, 0);
  reloads.inc({ result: "failed" }, 0);
  reconnects.inc(0);

  return {
    answered(platform, intent, seconds) {
      answers.inc({ platform, intent });
      answerSeconds.observe({ platform }, seconds);
    },
    feedback: (platform, vote) => feedback.inc({ platform, vote }),
    acked: (platform, seconds) => ackSeconds.observe({ platform }, seconds),
    outboundError: (platform) => outboundErrors.inc({ platform }),
    rateLimited: (platform) => rateLimited.inc({ platform }),
    knowledgeReload: (ok) => reloads.inc({ result: ok ? "ok" : "failed" }),
    socketModeReconnect: () => reconnects.inc(),
    watchStore(state) {
      storeState = state;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** Metrics that count nothing: for the CLI, the tests that do not look, and adapters built on their own. */
export const noMetrics: Metrics = {
  answered() {},
  feedback() {},
  acked() {},
  outboundError() {},
  rateLimited() {},
  knowledgeReload() {},
  socketModeReconnect() {},
  watchStore() {},
  async render() {
    return { contentType: "text/plain; version=0.0.4; charset=utf-8", body: "" };
  },
};
