/** Formatting the load test's figures as plain-text tables. Pure functions. */
import type { DriveResult } from "./drive.js";
import type { MemorySample, ServerStats } from "./server-process.js";

/** The issue's targets, on this 2-core machine at 50 connections. */
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
  /** Wall time the server statistics cover (the load, from reset to reset). */
  wallS: number;
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
    ["scenario", "requests", "secs", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms (at s)", "non-2xx", "errors", "timeouts"],
    scenarios.map(({ run }) => [
      run.title + (run.capped ? " (capped)" : ""),
      int(run.requests),
      run.durationS.toFixed(1),
      int(run.rps),
      ms(run.latencyMs.p50),
      ms(run.latencyMs.p90),
      ms(run.latencyMs.p99),
      `${ms(run.latencyMs.max)} (${run.slowestAtS.toFixed(1)})`,
      int(run.non2xx),
      int(run.errors),
      int(run.timeouts),
    ]),
  );
}

export function resourceTable(scenarios: ScenarioReport[]): string {
  return table(
    ["scenario", "server CPU", "CPU ms/request", "loop delay p50/p99/max ms", "GC pauses", "generator CPU", "log lines"],
    scenarios.map((s) => [
      s.run.title,
      `${s.server.cpuPercent.toFixed(0)}%`,
      cpuPerRequest(s).toFixed(2),
      `${ms(s.server.loopDelayMs.p50)} / ${ms(s.server.loopDelayMs.p99)} / ${ms(s.server.loopDelayMs.max)}`,
      `${int(s.server.gcCount)} = ${int(s.server.gcPauseMs)} ms`,
      `${s.run.generatorCpuPercent.toFixed(0)}%`,
      Object.entries(s.server.logLines)
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

/** A reading after a forced GC, labelled with how many measured requests had been served by then. */
export interface Checkpoint {
  label: string;
  memory: MemorySample;
}

/**
 * Memory at each checkpoint (forced GC, then a quiet moment) and the peak between them. Heap used after
 * GC is the leak signal; RSS also depends on how many pages V8 and malloc have handed back after a peak.
 */
export function memoryTable(checkpoints: Checkpoint[], during: MemorySample[]): string {
  const first = checkpoints[0]?.memory;
  const last = checkpoints.at(-1)?.memory;
  if (!first || !last) return "(no memory readings)";
  const peak = (key: "rss" | "heapUsed") => Math.max(first[key], ...during.map((m) => m[key]));
  return table(
    ["server memory", ...checkpoints.map((c) => c.label), "peak during", "growth"],
    (["rss", "heapUsed"] as const).map((key) => [
      key === "rss" ? "RSS" : "heap used",
      ...checkpoints.map((c) => mb(c.memory[key])),
      mb(peak(key)),
      pct(growth(first[key], last[key])),
    ]),
  );
}

/** A paced run kept up when it served nearly all it was offered, per second; the rest is the last responses' tail. */
const KEPT_UP = 0.99;

const errorsOf = (run: DriveResult) => run.non2xx + run.errors + run.timeouts;

/**
 * Per platform: throughput from the flat-out run (the most it serves), latency from the paced run (at the
 * target load; a flat-out run's latency is only 50 connections ÷ its throughput), errors from both.
 */
export function targetsSummary(scenarios: ScenarioReport[], checkpoints: Checkpoint[], requests: number): string {
  const lines: string[] = [];
  for (const platform of ["slack", "teams"] as const) {
    const runs = scenarios.filter((s) => s.platform === platform).map((s) => s.run);
    const flat = runs.find((r) => r.offeredRps === undefined);
    const paced = runs.find((r) => r.offeredRps !== undefined);
    if (!flat && !paced) continue;
    const parts: string[] = [];
    if (flat) parts.push(`flat out ${int(flat.rps)} req/s (>= ${int(TARGETS.minRps)}: ${mark(flat.rps >= TARGETS.minRps)})`);
    if (paced?.offeredRps !== undefined) {
      const keptUp = paced.rps >= paced.offeredRps * KEPT_UP;
      const belowTarget = paced.offeredRps < TARGETS.minRps ? ` [below the ${int(TARGETS.minRps)}/s target]` : "";
      parts.push(
        `at ${int(paced.offeredRps)} req/s offered${belowTarget}: served ${int(paced.rps)} req/s (${keptUp ? "kept up" : "FELL BEHIND"}), ` +
          `p99 ${ms(paced.latencyMs.p99)} ms (<= ${TARGETS.maxP99Ms}: ${mark(paced.latencyMs.p99 <= TARGETS.maxP99Ms && keptUp)})`,
      );
    }
    const errors = runs.reduce((n, r) => n + errorsOf(r), 0);
    parts.push(`${int(errors)} errors (= 0: ${mark(errors === 0)})`);
    lines.push(`  ${platform}: ${parts.join("; ")}`);
  }
  const before = checkpoints[0]?.memory;
  const after = checkpoints.at(-1)?.memory;
  if (!before || !after) return lines.join("\n");
  const rss = growth(before.rss, after.rss);
  const heap = growth(before.heapUsed, after.heapUsed);
  lines.push(
    `  memory over ${int(requests)} requests: RSS ${pct(rss)}, heap ${pct(heap)} (<= ${TARGETS.maxMemoryGrowthPercent}%: ` +
      `${mark(Math.max(rss, heap) <= TARGETS.maxMemoryGrowthPercent)})` +
      (after.gcForced ? "" : " [no --expose-gc: measured without a forced GC]"),
  );
  // A leak keeps growing; a working set that settled after the first load peak does not.
  const mid = checkpoints.length > 2 ? checkpoints[1] : undefined;
  if (mid) {
    lines.push(
      `    from the ${mid.label.replace(/^after /, "").replace(/ \(GC\)$/, "")}-request checkpoint to the end: ` +
        `RSS ${pct(growth(mid.memory.rss, after.rss))}, heap ${pct(growth(mid.memory.heapUsed, after.heapUsed))}`,
    );
  }
  return lines.join("\n");
}

/** One platform's flat-out run of whodoes and of its framework's floor (floor-process.ts). */
/** What else each run showed: its non-2xx status codes, its errors, its most logged lines, its first problems. */
export function scenarioNotes(scenarios: ScenarioReport[]): string[] {
  const list = (counts: Record<string, number>, line: (key: string, n: number) => string, sep = ", ") =>
    Object.entries(counts)
      .map(([key, n]) => line(key, n))
      .join(sep);
  return scenarios.flatMap((s) => [
    ...(s.run.non2xx > 0 ? [`${s.run.title} status codes: ${list(s.run.statusCodes, (code, n) => `${code}: ${n}`)}`] : []),
    ...(Object.keys(s.run.errorKinds).length > 0
      ? [`${s.run.title} errors: ${list(s.run.errorKinds, (kind, n) => `${kind}: ${n}`)}`]
      : []),
    ...(Object.keys(s.server.logMessages).length > 0
      ? [`${s.run.title}: most logged: ${list(s.server.logMessages, (msg, n) => `${n.toLocaleString("en-US")} × ${msg}`, "; ")}`]
      : []),
    ...(s.server.problems.length > 0
      ? [`${s.run.title}: first warnings/errors logged by the server:\n  ${s.server.problems.join("\n  ")}`]
      : []),
  ]);
}

export interface FloorComparison {
  platform: "slack" | "teams";
  whodoes: ScenarioReport;
  floor: ScenarioReport;
}

/** Server CPU time per request, in ms. */
export const cpuPerRequest = (s: ScenarioReport) =>
  s.run.requests > 0 ? ((s.server.cpuPercent / 100) * s.wallS * 1000) / s.run.requests : 0;

/** The share of the floor's throughput whodoes reaches that counts as keeping up with its framework. */
export const FLOOR_TARGET = 0.9;

export function floorTable(rows: FloorComparison[]): string {
  const x = (n: number) => `${n.toFixed(2)}x`;
  return table(
    [
      "platform",
      "whodoes req/s",
      "floor req/s",
      "throughput ratio",
      "whodoes CPU ms/req",
      "floor CPU ms/req",
      "CPU ratio",
      "target",
    ],
    rows.map(({ platform, whodoes, floor }) => {
      const ratio = floor.run.rps > 0 ? whodoes.run.rps / floor.run.rps : 0;
      const cpuRatio = cpuPerRequest(floor) > 0 ? cpuPerRequest(whodoes) / cpuPerRequest(floor) : 0;
      return [
        platform,
        int(whodoes.run.rps),
        int(floor.run.rps),
        x(ratio),
        cpuPerRequest(whodoes).toFixed(2),
        cpuPerRequest(floor).toFixed(2),
        x(cpuRatio),
        `>= ${FLOOR_TARGET}x: ${mark(ratio >= FLOOR_TARGET)}`,
      ];
    }),
  );
}
