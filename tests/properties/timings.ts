/** Collects call durations over a property run, so budgets are checked on percentiles rather than one noisy call. */
import { performance } from "node:perf_hooks";

export interface Timings {
  /** Time one call; `label` names the input, so the report can say which one was slowest. */
  time<T>(fn: () => T, label?: string): T;
  percentile(p: number): number;
  max(): number;
  summary(): string;
}

export function createTimings(): Timings {
  const samples: number[] = [];
  let slowest = { ms: -1, label: "" };
  const sorted = () => [...samples].sort((a, b) => a - b);
  const percentile = (p: number) => {
    const s = sorted();
    return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0);
  };
  return {
    time(fn, label = "") {
      const start = performance.now();
      try {
        return fn();
      } finally {
        const ms = performance.now() - start;
        samples.push(ms);
        if (ms > slowest.ms) slowest = { ms, label };
      }
    },
    percentile,
    max: () => Math.max(0, ...samples),
    summary() {
      const f = (n: number) => `${n.toFixed(2)} ms`;
      const mean = samples.reduce((a, b) => a + b, 0) / (samples.length || 1);
      const worst = slowest.label ? ` (${slowest.label})` : "";
      return `${samples.length} calls, mean ${f(mean)}, p50 ${f(percentile(50))}, p95 ${f(percentile(95))}, p99 ${f(percentile(99))}, max ${f(Math.max(0, ...samples))}${worst}`;
    },
  };
}
