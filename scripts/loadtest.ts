/**
 * `npm run loadtest`: the real server under signed Slack slash commands and Teams message activities
 * on loopback, at 50 connections (by default), reporting throughput, ack latency, errors, the answers
 * the fake platforms received, and the server's memory before, during and after the run.
 *
 * Three processes, so each figure belongs to one of them: the server (child, with npm start's Node flags
 * and --expose-gc), the fake Slack and Bot Connector (child), and autocannon here. It prints figures and
 * never fails on a missed target; it always stops by itself (a per-scenario cap and an overall deadline).
 */
import { readdirSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { SERVER_NODE_FLAGS } from "../src/server/node-flags.js";
import {
  drain,
  everyServer,
  SIGNING_SECRET,
  scenario,
  serverExecArgv,
  startChildren,
  startFloor,
  startSharedRedis,
} from "./loadtest/children.js";
import { asAutocannon, drive, slackCommand, type Targets, teamsMessage } from "./loadtest/drive.js";
import { sumMemory } from "./loadtest/instances.js";
import { parseOptions } from "./loadtest/options.js";
import { pace } from "./loadtest/pace.js";
import { summariseProfile } from "./loadtest/profile-summary.js";
import {
  answersTable,
  type Checkpoint,
  type FloorComparison,
  floorTable,
  memoryTable,
  resourceTable,
  type ScenarioReport,
  scenarioNotes,
  targetsSummary,
  throughputTable,
} from "./loadtest/report.js";
import type { MemorySample, StartArgs } from "./loadtest/server-process.js";

const MEMORY_SAMPLE_MS = 1_000;
/**
 * Quiet time before the before/after memory readings (see server-process.ts). Long enough for V8's memory
 * reducer, which hands idle pages back some seconds after a GC: with 3 s, RSS read 113 MB or 180 MB for
 * the same idle server depending on whether it had run yet (the warm-up's drain adds idle time the other
 * readings lack), so the same build passed or failed the memory target by chance. After 10 s every reading
 * is taken in the same state; heap used after a forced GC, the leak signal, is unaffected.
 */
const MEMORY_SETTLE_MS = 10_000;

const log = (line = "") => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const cpus = os.cpus();
  log(`whodoes load test: node ${process.version}, ${cpus.length} CPU(s) ${cpus[0]?.model ?? ""}`.trim());
  log(
    `load average at start: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")} (other work on this machine shares the CPUs)`,
  );

  const redis = await startSharedRedis(options.instances);
  const children = startChildren(options);
  const deadline = setTimeout(
    () => {
      process.stderr.write("loadtest: overall deadline passed; stopping\n");
      for (const s of children.servers) s.child.kill("SIGKILL");
      redis?.stop();
      children.fakes.child.kill("SIGKILL");
      process.exit(2);
    },
    (options.warmup + 4 * options.timeout + 180) * 1000,
  );
  deadline.unref();

  const fakeUrls = await children.fakes.call<{ slackApiUrl: string; responseBase: string; serviceUrl: string }>("start");
  const startArgs: StartArgs = {
    slackApiUrl: fakeUrls.slackApiUrl,
    signingSecret: SIGNING_SECRET,
    logLevel: options.logLevel,
    ...(redis ? { redisUrl: redis.url } : {}),
  };
  const started = await everyServer<{ url: string; adapters: string[] }>(children, "start", startArgs, 60_000);
  const urls = started.map((s) => s.url);
  log(
    `${urls.length === 1 ? "server" : `${urls.length} server instances sharing a Redis (${redis?.url}), the load spread evenly over them:`} ` +
      `${urls.join(", ")} (${started[0]?.adapters.join("; ")}), LOG_LEVEL=${options.logLevel}`,
  );
  log(
    `server node flags: ${[...SERVER_NODE_FLAGS, ...options.serverArgs].join(" ") || "(none)"} (npm start's${options.serverArgs.length > 0 ? ", then --server-args" : ""})`,
  );
  const targets: Targets = { urls, signingSecret: SIGNING_SECRET, ...fakeUrls };

  // Per platform, two runs: as fast as the acks come back (the most it can serve), then paced at --rate
  // (the latency at the target load).
  const runs = options.only ? 2 : 4;
  const perRun = Math.ceil(options.requests / runs);
  const size = options.duration ? { duration: options.duration } : { amount: perRun };
  log(
    `${options.connections} connections, ${options.duration ? `${options.duration} s` : `${perRun.toLocaleString("en-US")} requests`} per run` +
      `, capped at ${options.timeout} s; paced runs at ${options.rate.toLocaleString("en-US")} req/s; warm-up ${options.warmup} s\n`,
  );

  // Warm-up: let V8 optimise the hot paths and the sockets open before anything is measured.
  await drive({
    title: "warm-up",
    urls: targets.urls,
    requests: [asAutocannon(() => slackCommand(targets)), asAutocannon(() => teamsMessage(targets))],
    connections: options.connections,
    duration: options.warmup,
    capSeconds: options.warmup + 30,
  });
  await drain(children.fakes, "slack", Number.POSITIVE_INFINITY).catch(() => undefined);

  const checkpoint = async (label: string): Promise<Checkpoint> => ({
    label,
    memory: sumMemory(await everyServer<MemorySample>(children, "memory", { gc: true, settleMs: MEMORY_SETTLE_MS })),
  });
  const checkpoints = [await checkpoint("before (GC)")];
  const during: MemorySample[] = [];
  const sampler = setInterval(() => {
    everyServer<MemorySample>(children, "memory", { gc: false }).then(
      (m) => during.push(sumMemory(m)),
      () => undefined,
    );
  }, MEMORY_SAMPLE_MS);

  const scenarios: ScenarioReport[] = [];
  const floors: FloorComparison[] = [];
  const common = { urls: targets.urls, connections: options.connections, capSeconds: options.timeout, ...size };
  const plan = [
    { platform: "slack" as const, title: "slack slash commands", next: slackCommand },
    { platform: "teams" as const, title: "teams messages", next: teamsMessage },
  ].filter((p) => !options.only || p.platform === options.only);
  const rate = options.rate.toLocaleString("en-US");
  for (const { platform, title, next } of plan) {
    const whodoes = await scenario(children, platform, () =>
      drive({ ...common, title: `${title}, flat out`, requests: [asAutocannon(() => next(targets))] }),
    );
    scenarios.push(whodoes);
    // The framework's floor, flat out too, right after: same machine, same moment, same load generator.
    // npm start's Node flags (a --profile is of whodoes only).
    const floor = await startFloor(platform, serverExecArgv(options));
    const floorTargets = { ...targets, urls: [floor.url] };
    const floorRun = await scenario(
      children,
      platform,
      () =>
        drive({
          ...common,
          urls: floorTargets.urls,
          title: `${platform} framework floor, flat out`,
          requests: [asAutocannon(() => next(floorTargets))],
        }),
      [floor.rpc],
    );
    await floor.rpc.call("stop").catch(() => undefined);
    await floor.rpc.exited;
    floors.push({ platform, whodoes, floor: floorRun });
    scenarios.push(
      await scenario(children, platform, () =>
        pace({ ...common, title: `${title} at ${rate}/s`, rate: options.rate, build: () => next(targets) }),
      ),
    );
    const served = scenarios.reduce((n, s) => n + s.run.requests, 0);
    checkpoints.push(await checkpoint(`after ${served.toLocaleString("en-US")} (GC)`));
  }
  clearInterval(sampler);
  const total = scenarios.reduce((n, s) => n + s.run.requests, 0);

  log("Throughput and ack latency (HTTP response time seen by the client; in a paced run, from when each request was due):");
  log(throughputTable(scenarios));
  log("\nServer process during each scenario:");
  log(resourceTable(scenarios));
  log("\nAnswers received by the fake platforms (Slack answers after the ack; Teams replies inside the request):");
  log(answersTable(scenarios));
  if (scenarios.some((s) => s.answersAfterDrain + s.otherReplies > s.run.ok2xx)) {
    log("(more answers than acks: a timed run stops with requests in flight; the server still answers them)");
  }
  log(`\nMemory over ${total.toLocaleString("en-US")} measured requests (${during.length} samples during):`);
  log(memoryTable(checkpoints, during));
  for (const note of scenarioNotes(scenarios)) log(`\n${note}`);
  log("\nwhodoes against the frameworks' floors (flat out, one instance of each, same run; target >= 0.9x throughput):");
  log(floorTable(floors));
  log("\nTargets (2-core machine, 50 connections):");
  log(targetsSummary(scenarios, checkpoints, total));
  log(
    `load average at end: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );

  await everyServer(children, "stop").catch(() => undefined);
  await children.fakes.call("stop").catch(() => undefined);
  await Promise.all([...children.servers.map((s) => s.exited), children.fakes.exited]);
  await redis?.stop();
  clearTimeout(deadline);
  if (options.profileDir) {
    const profiles = readdirSync(options.profileDir)
      .filter((f) => f.endsWith(".cpuprofile"))
      .sort();
    const latest = profiles.at(-1);
    if (latest) log(`\n${summariseProfile(join(options.profileDir, latest))}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`loadtest: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
