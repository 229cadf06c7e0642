/**
 * Child process: the real whodoes server (startServer, as `npm start` runs it) with Slack in HTTP mode
 * and Teams in local mode, pointed at the fakes. Reports its own memory, CPU, event-loop delay and GC
 * time over IPC, so the figures are the server's alone, not the load generator's.
 */
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { createLogger } from "../../src/logging/logger.js";
import type { Config } from "../../src/server/config.js";
import { type Running, startServer } from "../../src/server/start.js";
import { createCpuMeter } from "./cpu-meter.js";
import { serveRpc } from "./rpc.js";

export interface StartArgs {
  slackApiUrl: string;
  signingSecret: string;
  logLevel: Config["logLevel"];
  /** REDIS_URL: set when several instances run, so they share their state as in production. */
  redisUrl?: string;
}

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  gcForced: boolean;
}

export interface ServerStats {
  /** CPU time over wall time since the last reset (100 = one core busy). */
  cpuPercent: number;
  loopDelayMs: { p50: number; p99: number; max: number };
  gcPauseMs: number;
  gcCount: number;
  logLines: Record<string, number>;
  /** How often each message was logged (the busiest few), to tell per-request lines from rare ones. */
  logMessages: Record<string, number>;
  /** First few warn/error lines, to say what went wrong without flooding the report. */
  problems: string[];
}

const MAX_PROBLEMS = 10;
let running: Running | undefined;
let logLines: Record<string, number> = {};
let logMessages = new Map<string, number>();
const MAX_DISTINCT_MESSAGES = 200;
let problems: string[] = [];

// Lines are counted and dropped: the cost of formatting each log line stays in the figures, the
// cost of a terminal or log shipper does not.
function write(line: string): void {
  const level = /"level":"(\w+)"/.exec(line)?.[1] ?? "other";
  logLines[level] = (logLines[level] ?? 0) + 1;
  const msg = `${level}: ${/"msg":"((?:[^"\\]|\\.){0,80})/.exec(line)?.[1] ?? "?"}`;
  if (logMessages.has(msg) || logMessages.size < MAX_DISTINCT_MESSAGES) logMessages.set(msg, (logMessages.get(msg) ?? 0) + 1);
  if ((level === "warn" || level === "error") && problems.length < MAX_PROBLEMS) problems.push(line.slice(0, 600));
}

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let gcPauseMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauseMs += entry.duration;
    gcCount++;
  }
}).observe({ entryTypes: ["gc"] });
const cpu = createCpuMeter();

function memory(forceGc: boolean): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (forceGc && gc) {
    // Twice: the first pass can leave objects that only become unreachable after finalisers ran.
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    gcForced: forceGc && gc !== undefined,
  };
}

function stats(reset: boolean): ServerStats {
  const result: ServerStats = {
    cpuPercent: cpu.percent(reset),
    loopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    gcPauseMs,
    gcCount,
    logLines: { ...logLines },
    logMessages: Object.fromEntries([...logMessages].sort((a, b) => b[1] - a[1]).slice(0, 5)),
    problems: [...problems],
  };
  if (reset) {
    loop.reset();
    gcPauseMs = 0;
    gcCount = 0;
    logLines = {};
    logMessages = new Map();
    problems = [];
  }
  return result;
}

serveRpc({
  async start(arg) {
    const { slackApiUrl, signingSecret, logLevel, redisUrl } = arg as StartArgs;
    const config: Config = {
      port: 0,
      host: "127.0.0.1",
      logLevel,
      web: { requested: false },
      ...(redisUrl ? { redisUrl } : {}),
      slack: { botToken: "xoxb-loadtest-0000", signingSecret, apiUrl: slackApiUrl, onboardingChannels: [] },
      // No app id: local mode (asked for, as Slack is configured), which accepts only requests from this
      // machine with loopback serviceUrls (our fake connector).
      teams: { appType: "MultiTenant", localMode: true },
    };
    running = await startServer(config, createLogger({ level: logLevel, pretty: false, write }));
    return { url: running.url, adapters: running.adapters.map((a) => a.describe()) };
  },
  async memory(arg) {
    const { gc = false, settleMs = 0 } = (arg ?? {}) as { gc?: boolean; settleMs?: number };
    if (settleMs > 0) {
      // Give V8 and the allocator a quiet moment to hand freed pages back, so RSS is comparable run to run.
      memory(gc);
      await new Promise((resolve) => setTimeout(resolve, settleMs));
    }
    return memory(gc);
  },
  stats: (arg) => stats(Boolean((arg as { reset?: boolean } | undefined)?.reset)),
  async stop() {
    await running?.stop();
    // Exit normally so --cpu-prof, when on, writes its profile.
    setImmediate(() => process.exit(0));
  },
});
