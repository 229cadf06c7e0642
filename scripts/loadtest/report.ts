/** Formatting the load test's figures as plain-text tables. Pure functions. */
import type { DriveResult } from "./drive.js";
import type { MemorySample, ServerStats } from "./server-process.js";

/** The targets, on this 2-core machine at 50 connections. */
export const TARGETS = { minRps: 1000, maxP99Ms: 50, maxErrors: 0, maxMemoryGrowthPercent: 10 } as const;

export interface ScenarioReport {
  run: DriveResult;
  server: ServerStats;
  platform: "slack" | "teams";
  /** Answers the fake platform had received when the load stopped, and once the backlog drained. */
  answersAtEnd: number;
  answersAfterDrain: number;
  /** Replies without an answer (apologies). */
  otherReplies: number;
  drainMs: number;
  /** TCP connections the server opened to the fake platform during the scenario. */
  outboundConnections: number;
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pct = (n: number) => `${n >= 0 ? "+" : ""}${n.toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? "met" : "MISSED");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function throughputTable(scenarios: ScenarioReport[]): string {
  return table(
    ["scenario", "requests", "secs", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-2xx", "errors", "timeouts"],
    scenarios.map(({ run }) => [
      run.title + (run.capped ? " (capped)" : ""),
      int(run.requests),
      run.durationS.toFixed(1),
      int(run.rps),
      ms(run.latencyMs.p50),
      ms(run.latencyMs.p90),
      ms(run.latencyMs.p99),
      ms(run.latencyMs.max),
      int(run.non2xx),
      int(run.errors),
      int(run.timeouts),
    ]),
  );
}

export function resourceTable(scenarios: ScenarioReport[]): string {
  return table(
    ["scenario", "server CPU", "loop delay p50/p99/max ms", "GC pauses", "generator CPU", "log lines"],
    scenarios.map(({ run, server }) => [
      run.title,
      `${server.cpuPercent.toFixed(0)}%`,
      `${ms(server.loopDelayMs.p50)} / ${ms(server.loopDelayMs.p99)} / ${ms(server.loopDelayMs.max)}`,
      `${int(server.gcCount)} = ${int(server.gcPauseMs)} ms`,
      `${run.generatorCpuPercent.toFixed(0)}%`,
      Object.entries(server.logLines)
        .map(([level, n]) => `${level} ${int(n)}`)
        .join(", ") || "none",
    ]),
  );
}

export function answersTable(scenarios: ScenarioReport[]): string {
  return table(
    ["scenario", "acked (2xx)", "answers at end", "after drain", "drain ms", "apologies/other", "missing", "connections opened"],
    scenarios.map((s) => [
      s.run.title,
      int(s.run.ok2xx),
      int(s.answersAtEnd),
      int(s.answersAfterDrain),
      int(s.drainMs),
      int(s.otherReplies),
      int(Math.max(0, s.run.ok2xx - s.answersAfterDrain - s.otherReplies)),
      int(s.outboundConnections),
    ]),
  );
}

export function growth(before: number, after: number): number {
  return before > 0 ? ((after - before) / before) * 100 : 0;
}

export function memoryTable(before: MemorySample, during: MemorySample[], after: MemorySample): string {
  const peak = (key: "rss" | "heapUsed") => Math.max(before[key], ...during.map((m) => m[key]));
  return table(
    ["server memory", "before (GC)", "peak during", "after (GC)", "growth"],
    (["rss", "heapUsed"] as const).map((key) => [
      key === "rss" ? "RSS" : "heap used",
      mb(before[key]),
      mb(peak(key)),
      mb(after[key]),
      pct(growth(before[key], after[key])),
    ]),
  );
}

export function targetsSummary(scenarios: ScenarioReport[], before: MemorySample, after: MemorySample, requests: number): string {
  const lines: string[] = [];
  for (const { run } of scenarios) {
    lines.push(
      `  ${run.title}: ${int(run.rps)} req/s (>= ${int(TARGETS.minRps)}: ${mark(run.rps >= TARGETS.minRps)}), ` +
        `p99 ${ms(run.latencyMs.p99)} ms (<= ${TARGETS.maxP99Ms}: ${mark(run.latencyMs.p99 <= TARGETS.maxP99Ms)}), ` +
        `${int(run.non2xx + run.errors + run.timeouts)} errors (= 0: ${mark(run.non2xx + run.errors + run.timeouts === 0)})`,
    );
  }
  const rss = growth(before.rss, after.rss);
  const heap = growth(before.heapUsed, after.heapUsed);
  lines.push(
    `  memory over ${int(requests)} requests: RSS ${pct(rss)}, heap ${pct(heap)} (<= ${TARGETS.maxMemoryGrowthPercent}%: ` +
      `${mark(Math.max(rss, heap) <= TARGETS.maxMemoryGrowthPercent)})` +
      (after.gcForced ? "" : " [no --expose-gc: measured without a forced GC]"),
  );
  return lines.join("\n");
}
