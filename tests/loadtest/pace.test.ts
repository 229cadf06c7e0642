/**
 * The load test's paced driver: it sends exactly what it was asked to, spreads it over the instances,
 * counts what came back, and counts a request's latency from when it was due, so a backlog shows.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pace } from "../../scripts/loadtest/pace.js";
import { scenarioNotes, TARGETS, targetsSummary } from "../../scripts/loadtest/report.js";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server that answers `status` after `delayMs`, recording each request's path and body. */
async function serve(delayMs: number, status = 200) {
  const seen: { path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({ path: req.url ?? "", body });
      setTimeout(() => res.writeHead(status).end(), delayMs);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** `amount` empty POSTs to `urls` at `rate`, over `connections` sockets. */
const paceEmpty = (urls: string[], rate: number, connections: number, amount: number) =>
  pace({ title: "t", urls, rate, connections, amount, capSeconds: 10, build: () => ({ path: "/", body: "", headers: {} }) });

describe("pace", () => {
  it("sends each request once, in turn to each URL, and counts the answers", async () => {
    const a = await serve(0);
    const b = await serve(0, 503);
    let n = 0;
    const result = await pace({
      title: "t",
      urls: [a.url, b.url],
      rate: 2000,
      connections: 4,
      amount: 10,
      capSeconds: 10,
      build: () => ({ path: "/x", body: `request ${n++}`, headers: { "content-type": "text/plain" } }),
    });
    expect(result.requests).toBe(10);
    expect(a.seen.map((r) => r.body)).toEqual(["request 0", "request 2", "request 4", "request 6", "request 8"]);
    expect(b.seen).toHaveLength(5);
    expect(result.ok2xx).toBe(5);
    expect(result.non2xx).toBe(5);
    expect(result.statusCodes).toEqual({ 200: 5, 503: 5 });
    expect(result.offeredRps).toBe(2000);
  });

  it("counts latency from when a request was due, so a queue behind a busy connection shows", async () => {
    const slow = await serve(40);
    const result = await paceEmpty([slow.url], 1000, 1, 5);
    // All five fall due within 5 ms; one connection serves them one after another, 40 ms each, so the
    // last waits for the four before it. Timed from when a socket was free to take it, each would look like 40 ms.
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(40);
    expect(result.latencyMs.max).toBeGreaterThanOrEqual(4 * 40);
  });

  it("counts a refused connection as an error of its kind", async () => {
    const gone = await serve(0);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const result = await paceEmpty([gone.url], 1000, 2, 3);
    expect(result.errors).toBe(3);
    expect(result.errorKinds).toEqual({ ECONNREFUSED: 3 });
    expect(result.ok2xx).toBe(0);
  });
});

describe("targetsSummary", () => {
  const run = (over: Partial<Parameters<typeof targetsSummary>[0][number]["run"]>) => ({
    title: "teams messages",
    requests: 1000,
    durationS: 1,
    rps: 1000,
    latencyMs: { p50: 5, p90: 10, p99: 20, max: 30, mean: 6 },
    ok2xx: 1000,
    non2xx: 0,
    statusCodes: {},
    errors: 0,
    errorKinds: {},
    timeouts: 0,
    capped: false,
    generatorCpuPercent: 10,
    slowestAtS: 0,
    ...over,
  });
  const report = (r: ReturnType<typeof run>) => ({
    run: r,
    server: {} as never,
    platform: "teams" as const,
    answersAtEnd: 0,
    answersAfterDrain: 0,
    otherReplies: 0,
    drainMs: 0,
    wallS: 1,
    outboundConnections: 0,
  });

  it("takes throughput from the flat-out run and p99 from the paced one", () => {
    const text = targetsSummary(
      [
        report(
          run({ title: "teams messages, flat out", rps: 1200, latencyMs: { p50: 40, p90: 60, p99: 90, max: 99, mean: 41 } }),
        ),
        report(run({ title: "teams messages at 1,000/s", offeredRps: TARGETS.minRps, rps: 999.5 })),
      ],
      [],
      2000,
    );
    expect(text).toContain("flat out 1,200 req/s (>= 1,000: met)");
    expect(text).toContain("p99 20 ms (<= 50: met)");
    expect(text).not.toContain("MISSED");
  });

  it("notes each run's failed statuses, errors, busiest log lines and problems, and nothing for a clean run", () => {
    const clean = { ...report(run({})), server: { logMessages: {}, problems: [] } as never };
    expect(scenarioNotes([clean])).toEqual([]);
    const troubled = {
      ...report(run({ non2xx: 2, statusCodes: { 200: 998, 503: 2 }, errorKinds: { ECONNRESET: 1 } })),
      server: { logMessages: { "info: turn": 1000 }, problems: ["warn: redis away"] } as never,
    };
    expect(scenarioNotes([troubled])).toEqual([
      "teams messages status codes: 200: 998, 503: 2",
      "teams messages errors: ECONNRESET: 1",
      "teams messages: most logged: 1,000 × info: turn",
      "teams messages: first warnings/errors logged by the server:\n  warn: redis away",
    ]);
  });

  it("misses the latency target when the paced run fell behind, however fast its answers", () => {
    const text = targetsSummary([report(run({ title: "teams messages at 1,000/s", offeredRps: 1000, rps: 900 }))], [], 1000);
    expect(text).toContain("FELL BEHIND");
    expect(text).toContain("(<= 50: MISSED)");
  });
});
