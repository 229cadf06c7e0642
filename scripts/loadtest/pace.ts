/**
 * Traffic at a fixed rate: request i is due at start + i / rate, whatever happened to the ones before,
 * over a pool of at most `connections` keep-alive sockets. This is how the target reads:
 * "1,000 requests/s with p99 ack <= 50 ms at 50 concurrent connections" is a latency at a load, and a
 * load generator that sends as fast as the answers come back (autocannon, drive.ts) measures something
 * else: with 50 connections always waiting, its latency is 50 / throughput, queueing and not service.
 *
 * Latency is counted from when a request was due, not from when a socket was free to send it, so a
 * slow server cannot hide its backlog by slowing the generator down (the "coordinated omission" wrk2
 * corrects for). autocannon's own rate option cannot serve here: it sends each connection's share of a
 * second back to back at the start of that second, which is the saturating test again in bursts.
 */
import http from "node:http";
import { percentile } from "../percentile.js";
import { countError, type DriveResult, type PacedRequest } from "./drive.js";

export interface PaceOptions {
  title: string;
  /** Requests go to these in turn, as a round-robin load balancer would send them. */
  urls: string[];
  /** Requests per second to offer. */
  rate: number;
  /**
   * Most sockets open at once, split evenly over the URLs; a request due while its URL's sockets are
   * all busy waits for one (and that wait counts).
   */
  connections: number;
  /** How many requests... */
  amount?: number;
  /** ...or for how many seconds. */
  duration?: number;
  /** Stop sending after this many seconds whatever happens. */
  capSeconds: number;
  /** Builds the n-th request (fresh signature, question and ids each time). */
  build: () => PacedRequest;
}

/** How long one request may take before it counts as a timeout, as drive.ts gives autocannon. */
const REQUEST_TIMEOUT_MS = 10_000;

type Outcome = "ok" | "status" | "error" | "timeout";

export function pace(options: PaceOptions): Promise<DriveResult> {
  const total = options.amount ?? Math.round(options.rate * (options.duration ?? 10));
  const perTarget = Math.max(1, Math.round(options.connections / options.urls.length));
  const targets = options.urls.map((url) => ({
    url: new URL(url),
    // First in, first out: every socket is used in turn. The default (last in, first out) leaves most of
    // them idle at a moderate rate until the server's keep-alive timeout closes one just as a burst
    // reuses it, a reset that says nothing about the server.
    agent: new http.Agent({ keepAlive: true, maxSockets: perTarget, scheduling: "fifo" }),
  }));
  const latencies = new Float64Array(total);
  const codes: Record<string, number> = {};
  const errorKinds: Record<string, number> = {};
  let sent = 0;
  let done = 0;
  let ok2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let capped = false;
  let slowest = { ms: -1, at: 0 };
  const startCpu = process.cpuUsage();
  const started = performance.now();
  let lastResponse = started;

  return new Promise((resolve) => {
    const finish = () => {
      clearInterval(ticker);
      clearTimeout(cap);
      for (const t of targets) t.agent.destroy();
      const cpu = process.cpuUsage(startCpu);
      const wallMs = performance.now() - started;
      const measured = latencies.slice(0, done).sort();
      const activeS = (lastResponse - started) / 1000;
      const mean = measured.reduce((s, v) => s + v, 0) / (measured.length || 1);
      resolve({
        title: options.title,
        requests: done,
        durationS: activeS,
        rps: activeS > 0 ? done / activeS : 0,
        offeredRps: options.rate,
        latencyMs: {
          p50: percentile(measured, 50),
          p90: percentile(measured, 90),
          p99: percentile(measured, 99),
          max: measured.at(-1) ?? 0,
          mean,
        },
        ok2xx,
        non2xx: done - ok2xx - errors - timeouts,
        statusCodes: codes,
        errors,
        errorKinds,
        timeouts,
        capped,
        generatorCpuPercent: wallMs > 0 ? ((cpu.user + cpu.system) / 1000 / wallMs) * 100 : 0,
        slowestAtS: (slowest.at - started) / 1000,
      });
    };

    const settle = (due: number, outcome: Outcome, status?: number) => {
      const now = performance.now();
      const ms = now - due;
      latencies[done++] = ms;
      lastResponse = now;
      if (ms > slowest.ms) slowest = { ms, at: now };
      if (status !== undefined) codes[status] = (codes[status] ?? 0) + 1;
      if (outcome === "ok") ok2xx++;
      else if (outcome === "error") errors++;
      else if (outcome === "timeout") timeouts++;
      if (done === sent && (sent === total || capped)) finish();
    };

    const send = (n: number, due: number) => {
      const { path, body, headers } = options.build();
      const { url, agent } = targets[n % targets.length] as (typeof targets)[number];
      let settled = false;
      const once = (outcome: Outcome, status?: number, err?: NodeJS.ErrnoException) => {
        if (settled) return;
        settled = true;
        if (err) countError(errorKinds, err);
        settle(due, outcome, status);
      };
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: "POST",
          path,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          res.on("end", () => once(status >= 200 && status < 300 ? "ok" : "status", status));
          res.on("error", (err) => once("error", undefined, err));
          res.resume();
        },
      );
      req.on("timeout", () => {
        once("timeout");
        req.destroy();
      });
      req.on("error", (err) => once("error", undefined, err));
      req.end(body);
    };

    // Every millisecond or so, send whatever has fallen due; the due time, not the send time, is the start.
    const interval = 1000 / options.rate;
    const ticker = setInterval(() => {
      const now = performance.now();
      while (sent < total && started + sent * interval <= now) {
        send(sent, started + sent * interval);
        sent++;
      }
      if (sent === total) clearInterval(ticker);
    }, 1);
    const cap = setTimeout(() => {
      capped = true;
      clearInterval(ticker);
      if (done === sent) finish();
    }, options.capSeconds * 1000);
  });
}
