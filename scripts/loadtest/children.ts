/**
 * The load test's processes: whodoes' server instances and the fake platforms (each a child, so each figure
 * belongs to one process), a shared Redis when there are several instances, a framework's floor beside them,
 * and one measured scenario over them.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { SERVER_NODE_FLAGS } from "../../src/server/node-flags.js";
import { REDIS_SERVER, type RedisServer, startRedis } from "../redis-server.js";
import type { DriveResult } from "./drive.js";
import type { FakeCounts } from "./fakes.js";
import type { FloorArgs } from "./floor-process.js";
import { mergeStats } from "./instances.js";
import type { LoadOptions } from "./options.js";
import type { ScenarioReport } from "./report.js";
import { type ChildRpc, forkRpc } from "./rpc.js";
import type { ServerStats } from "./server-process.js";

/** A test-only secret: the server and the load generator must agree on it, nothing else uses it. */
export const SIGNING_SECRET = "loadtest-signing-secret-0123456789abcdef";
/** How long to wait for answers still on their way after the load stops. */
const DRAIN_LIMIT_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Children {
  /** One per server instance; with more than one they share a Redis, as instances behind a load balancer do. */
  servers: ChildRpc[];
  fakes: ChildRpc;
}

/** Ask every instance the same thing. */
export const everyServer = <T>(children: Children, cmd: string, arg?: unknown, timeoutMs?: number) =>
  Promise.all(children.servers.map((s) => s.call<T>(cmd, arg, timeoutMs)));

/** Instances share their state through Redis, as the deployment does; one instance needs none. */
export async function startSharedRedis(instances: number): Promise<RedisServer | undefined> {
  if (instances <= 1) return undefined;
  if (!REDIS_SERVER)
    throw new Error(`${instances} instances share a Redis, and redis-server is not installed (apt-get install redis-server)`);
  return startRedis();
}

/** The flags npm start runs the server with, so the figures are npm start's; then any extra ones to try. */
export const serverExecArgv = (options: LoadOptions) => ["--expose-gc", ...SERVER_NODE_FLAGS, ...options.serverArgs];

export function startChildren(options: LoadOptions): Children {
  const execArgv = serverExecArgv(options);
  if (options.profileDir) {
    mkdirSync(options.profileDir, { recursive: true });
    execArgv.push("--cpu-prof", "--cpu-prof-dir", resolve(options.profileDir));
  }
  return {
    servers: Array.from({ length: options.instances }, () => forkRpc(new URL("./server-process.js", import.meta.url), execArgv)),
    fakes: forkRpc(new URL("./fakes-process.js", import.meta.url)),
  };
}

const answered = (platform: "slack" | "teams", c: FakeCounts) =>
  platform === "slack" ? { answers: c.slackAnswers, other: c.slackOther } : { answers: c.teamsAnswers, other: c.teamsOther };

/** A framework's floor (floor-process.ts), started beside whodoes with the same Node flags. */
export async function startFloor(platform: "slack" | "teams", execArgv: string[]): Promise<{ rpc: ChildRpc; url: string }> {
  const rpc = forkRpc(new URL("./floor-process.js", import.meta.url), execArgv);
  const { url } = await rpc.call<{ url: string }>("start", { platform, signingSecret: SIGNING_SECRET } satisfies FloorArgs);
  return { rpc, url };
}

/** Wait until the fake platform has every answer the acks promised, or nothing has arrived for a while. */
export async function drain(fakes: ChildRpc, platform: "slack" | "teams", expected: number) {
  const started = Date.now();
  let last = -1;
  let lastChange = started;
  for (;;) {
    const counts = answered(platform, await fakes.call<FakeCounts>("counts"));
    const total = counts.answers + counts.other;
    if (total !== last) {
      last = total;
      lastChange = Date.now();
    }
    if (total >= expected || Date.now() - lastChange > 3_000 || Date.now() - started > DRAIN_LIMIT_MS) {
      return { ...counts, ms: Date.now() - started };
    }
    await sleep(50);
  }
}

/** The CPU and loop figures of one run, from the processes it loaded (whodoes' instances, or a floor). */
export async function scenario(
  children: Children,
  platform: "slack" | "teams",
  run: () => Promise<DriveResult>,
  measured: ChildRpc[] = children.servers,
): Promise<ScenarioReport> {
  const stats = (reset: boolean) => Promise.all(measured.map((s) => s.call<Partial<ServerStats>>("stats", { reset })));
  await children.fakes.call("reset");
  await stats(true);
  const startedAt = performance.now();
  const result = await run();
  const server = mergeStats((await stats(true)).map((s) => ({ ...EMPTY_STATS, ...s })));
  const wallS = (performance.now() - startedAt) / 1000;
  // A slash command is answered in its ack: each 2xx carried the answer. Teams' answers reach the connector.
  const inAck = platform === "slack";
  const atEnd = answered(platform, await children.fakes.call<FakeCounts>("counts"));
  const drained = inAck ? { ...atEnd, ms: 0 } : await drain(children.fakes, platform, result.ok2xx);
  const counts = await children.fakes.call<FakeCounts>("counts");
  return {
    run: result,
    server,
    wallS,
    platform,
    answersAtEnd: inAck ? result.ok2xx : atEnd.answers,
    answersAfterDrain: inAck ? result.ok2xx : drained.answers,
    otherReplies: drained.other,
    drainMs: drained.ms,
    outboundConnections: platform === "slack" ? counts.slackConnections : counts.teamsConnections,
  };
}

/** A floor reports only its CPU; the rest reads as nothing measured. */
const EMPTY_STATS: ServerStats = {
  cpuPercent: 0,
  loopDelayMs: { p50: 0, p99: 0, max: 0 },
  gcPauseMs: 0,
  gcCount: 0,
  logLines: {},
  logMessages: {},
  problems: [],
};
