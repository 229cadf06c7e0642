/**
 * One autocannon run against the server, bounded in time: a request count or a duration, and a hard
 * cap after which it is stopped whatever happens. Every request is built fresh (setupRequest), so each
 * Slack command carries its own signature and timestamp, question, user and response_url.
 */
import autocannon from "autocannon";
import { signedSlackHeaders, slashCommandBody, teamsActivity } from "./traffic.js";

/** One request to send, built fresh each time (a new signature, question and ids): for drive() and pace() alike. */
export interface PacedRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface DriveResult {
  title: string;
  requests: number;
  /** From the first request to the last response (autocannon's own figure is rounded up to its 1 s tick). */
  durationS: number;
  rps: number;
  /** The rate a paced run offered (pace.ts); absent when requests went as fast as they were acked. */
  offeredRps?: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  ok2xx: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  /** How many of the errors were of each kind (an errno code such as ECONNRESET, else the message). */
  errorKinds: Record<string, number>;
  timeouts: number;
  /** True when the hard cap stopped the run before its count or duration was reached. */
  capped: boolean;
  /** CPU used by this process (the load generator) over the run; 100 = one core. */
  generatorCpuPercent: number;
  /** When in the run (seconds from its start) the slowest response arrived, to tell start-up from steady state. */
  slowestAtS: number;
}

export interface Targets {
  /** Each server instance's base URL. */
  urls: string[];
  signingSecret: string;
  responseBase: string;
  serviceUrl: string;
}

export function countError(kinds: Record<string, number>, err: NodeJS.ErrnoException): void {
  const kind = err.code ?? err.message;
  kinds[kind] = (kinds[kind] ?? 0) + 1;
}

/** Numbers the requests across runs, so every response_url and activity id is unique. */
let sequence = 0;

/** The next Slack slash command, freshly signed. */
export function slackCommand(t: Targets): PacedRequest {
  const body = slashCommandBody(sequence++, t.responseBase);
  return { path: "/slack/events", body, headers: signedSlackHeaders(t.signingSecret, body) };
}

/** The next Teams message activity. */
export function teamsMessage(t: Targets): PacedRequest {
  return {
    path: "/api/messages",
    body: JSON.stringify(teamsActivity(sequence++, t.serviceUrl)),
    headers: { "content-type": "application/json" },
  };
}

/** autocannon's form of a request builder: each request is built when it is sent. */
export function asAutocannon(build: () => PacedRequest): autocannon.Request {
  return {
    method: "POST",
    setupRequest: (req) => {
      const { path, body, headers } = build();
      return { ...req, path, body, headers };
    },
  };
}

export interface DriveOptions {
  title: string;
  /** Connections are spread evenly over these (autocannon gives connection i the URL i mod n). */
  urls: string[];
  requests: autocannon.Request[];
  connections: number;
  /** Stop after this many responses... */
  amount?: number;
  /** ...or after this many seconds. */
  duration?: number;
  /** Stop no later than this, in seconds. */
  capSeconds: number;
}

export function drive(options: DriveOptions): Promise<DriveResult> {
  const startCpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let capped = false;
  let lastResponse = started;
  let slowest = { ms: -1, at: started };
  const errorKinds: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        // autocannon takes an array of URLs (run.js: connection i gets urls[i % n]); its types say string.
        url: options.urls as unknown as string,
        title: options.title,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
        requests: options.requests,
        timeout: 10,
      },
      (err, result) => {
        clearTimeout(cap);
        if (err) {
          reject(err);
          return;
        }
        const cpu = process.cpuUsage(startCpu);
        const activeS = Number(lastResponse - started) / 1e9;
        const wallUs = Number(process.hrtime.bigint() - started) / 1000;
        const l = result.latency;
        const codes: Record<string, number> = {};
        const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
        for (const [code, s] of Object.entries(stats)) codes[code] = s.count;
        resolve({
          title: options.title,
          requests: result.requests.total,
          durationS: activeS,
          rps: activeS > 0 ? result.requests.total / activeS : 0,
          latencyMs: { p50: l.p50, p90: l.p90, p99: l.p99, max: l.max, mean: l.average },
          ok2xx: result["2xx"],
          non2xx: result.non2xx,
          statusCodes: codes,
          errors: result.errors,
          errorKinds,
          timeouts: result.timeouts,
          capped,
          generatorCpuPercent: wallUs > 0 ? ((cpu.user + cpu.system) / wallUs) * 100 : 0,
          slowestAtS: Number(slowest.at - started) / 1e9,
        });
      },
    );
    instance.on("reqError", (err: NodeJS.ErrnoException) => countError(errorKinds, err));
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      lastResponse = process.hrtime.bigint();
      if (responseTime > slowest.ms) slowest = { ms: responseTime, at: lastResponse };
    });
    const cap = setTimeout(() => {
      capped = true;
      instance.stop();
    }, options.capSeconds * 1000);
  });
}
