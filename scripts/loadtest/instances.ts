/**
 * Several server instances read as one deployment: CPU, GC and log counts add up, memory adds up,
 * and the event-loop delay is the worst instance's (a request waits on the loop of the one it reached).
 */
import type { MemorySample, ServerStats } from "./server-process.js";

const MAX_PROBLEMS = 10;

export function mergeStats(all: ServerStats[]): ServerStats {
  const logLines: Record<string, number> = {};
  const logMessages: Record<string, number> = {};
  for (const s of all) {
    for (const [k, n] of Object.entries(s.logLines)) logLines[k] = (logLines[k] ?? 0) + n;
    for (const [k, n] of Object.entries(s.logMessages)) logMessages[k] = (logMessages[k] ?? 0) + n;
  }
  const worst = (key: "p50" | "p99" | "max") => Math.max(0, ...all.map((s) => s.loopDelayMs[key]));
  return {
    cpuPercent: all.reduce((n, s) => n + s.cpuPercent, 0),
    loopDelayMs: { p50: worst("p50"), p99: worst("p99"), max: worst("max") },
    gcPauseMs: all.reduce((n, s) => n + s.gcPauseMs, 0),
    gcCount: all.reduce((n, s) => n + s.gcCount, 0),
    logLines,
    logMessages,
    problems: all.flatMap((s) => s.problems).slice(0, MAX_PROBLEMS),
  };
}

export function sumMemory(all: MemorySample[]): MemorySample {
  const sum = (key: "rss" | "heapUsed" | "heapTotal" | "external") => all.reduce((n, m) => n + m[key], 0);
  return {
    rss: sum("rss"),
    heapUsed: sum("heapUsed"),
    heapTotal: sum("heapTotal"),
    external: sum("external"),
    gcForced: all.every((m) => m.gcForced),
  };
}
