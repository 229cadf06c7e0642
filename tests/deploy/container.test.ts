/**
 * The container image and compose file, for real: podman builds the project's Dockerfile unchanged, and
 * podman-compose starts compose.yaml unchanged (two whodoes instances and Redis, reading .env), plus a fake
 * Slack Web API as one more service on its network. Then: a question through each instance, a Slack retry sent
 * to the other instance answered once, the health check, the non-root user, and one instance stopped (cleanly)
 * while the other keeps answering.
 *
 * Base images cannot be pulled where CI runs, so standins.sh first builds local ones under the names the
 * Dockerfile and compose file use (reused on later runs; so is the image's dependency layer while the lock
 * file is unchanged). Needs root, podman, podman-compose, runc and debootstrap: .ci/run installs them; where
 * podman is absent the test is skipped and says so.
 */

import { execFile, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/redis-server.js";
import { fixture } from "../adapters/slack/support/fixtures.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";

const run = promisify(execFile);
const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
const HERE = fileURLToPath(new URL(".", import.meta.url));
const PODMAN = spawnSync("podman", ["--version"]).status === 0 && spawnSync("podman-compose", ["--version"]).status === 0;
const ENV = { ...process.env, CONTAINERS_CONF: join(HERE, "containers.conf") };
const IMAGE = "localhost/whodoes:deploy-test";
const SECRET = "deploy-test-signing-secret-0123456789";
/** Unique per run, so two runs on one machine never share containers, networks or volumes. */
const PROJECT_NAME = `whodoes-deploytest-${process.pid}`;

const timings: [string, number][] = [];
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings.push([step, (Date.now() - started) / 1000]);
  }
}
const sh = (file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  run(file, args, { env: { ...ENV, ...options.env }, cwd: options.cwd ?? PROJECT, maxBuffer: 64 * 1024 * 1024 });

let dir = "";
const ports = { one: 0, two: 0, fake: 0 };
const composeEnv = () => ({
  WHODOES_IMAGE: IMAGE,
  WHODOES_PORT_1: String(ports.one),
  WHODOES_PORT_2: String(ports.two),
});
const compose = (...args: string[]) =>
  sh("podman-compose", ["-p", PROJECT_NAME, "-f", "compose.yaml", "-f", "compose.test.yaml", ...args], {
    cwd: dir,
    env: composeEnv(),
  });
const container = (service: string) => `${PROJECT_NAME}_${service}_1`;
const url = (port: number) => `http://127.0.0.1:${port}`;

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Each command is a new one, as Slack's are (its own trigger_id): the same signed request twice is a replay, answered once. */
async function slashCommand(port: number, text: string) {
  const trigger_id = `${Date.now()}.${randomUUID()}`;
  const form = new URLSearchParams({ ...fixture<Record<string, string>>("slash-command"), text, trigger_id }).toString();
  const res = await fetch(`${url(port)}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SECRET, form) },
    body: form,
  });
  return { status: res.status, text: await res.text() };
}

type FakeCall = { method: string; channel?: string; thread_ts?: string };
const fakeCalls = async () => (await (await fetch(`${url(ports.fake)}/calls`)).json()) as FakeCall[];

describe.skipIf(!PODMAN)("container image and compose (skipped where podman is not installed; .ci/run installs it)", () => {
  beforeAll(async () => {
    await timed("stand-in base images (built once, then reused)", () => sh("bash", [join(HERE, "standins.sh")]));
    const previous = await sh("podman", ["image", "inspect", "--format", "{{.Id}}", IMAGE]).then(
      (r) => r.stdout.trim(),
      () => "",
    );
    // --format docker keeps the HEALTHCHECK (the OCI format has none); --network host reaches the npm registry.
    await timed("podman build of the Dockerfile", () =>
      sh("podman", ["build", "--quiet", "--network", "host", "--format", "docker", "-t", IMAGE, "."]),
    );
    const current = (await sh("podman", ["image", "inspect", "--format", "{{.Id}}", IMAGE])).stdout.trim();
    // The replaced image would only pile up; its layers stay as the next build's cache.
    if (previous && previous !== current) await sh("podman", ["rmi", previous]).catch(() => undefined);

    ports.one = await freePort();
    ports.two = await freePort();
    ports.fake = await freePort();
    dir = mkdtempSync(join(tmpdir(), "whodoes-deploy-"));
    copyFileSync(join(PROJECT, "compose.yaml"), join(dir, "compose.yaml"));
    copyFileSync(join(HERE, "fake-slack.mjs"), join(dir, "fake-slack.mjs"));
    writeFileSync(
      join(dir, ".env"),
      [
        "SLACK_BOT_TOKEN=xoxb-deploy-test",
        `SLACK_SIGNING_SECRET=${SECRET}`,
        "SLACK_API_URL=http://fake-slack:8080/api/",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "compose.test.yaml"),
      [
        "services:",
        "  fake-slack:",
        "    image: node:20-bookworm-slim",
        '    command: ["node", "/fake/fake-slack.mjs"]',
        "    volumes:",
        "      - ./fake-slack.mjs:/fake/fake-slack.mjs:ro",
        "    ports:",
        `      - "127.0.0.1:${ports.fake}:8080"`,
        "",
      ].join("\n"),
    );
    await timed("podman-compose up", async () => {
      // The fake Slack first: each instance checks its token against it (auth.test) as it starts.
      await compose("up", "-d", "fake-slack");
      await waitUntil("the fake Slack", async () => (await fetch(`${url(ports.fake)}/calls`)).ok);
      await compose("up", "-d");
    });
    await timed("both instances ready", () =>
      waitUntil("both instances' /readyz", async () => {
        const ready = await Promise.all([ports.one, ports.two].map((p) => fetch(`${url(p)}/readyz`).then((r) => r.ok)));
        return ready.every(Boolean);
      }),
    );
  });

  afterAll(async () => {
    if (dir) {
      const logs = await sh("podman", ["logs", "--tail", "20", container("whodoes-1")]).catch(() => undefined);
      if (logs && process.env.WHODOES_DEPLOY_TEST_LOGS) process.stderr.write(`${logs.stdout}${logs.stderr}\n`);
      // The containers' anonymous volumes (the image's /data) and the network outlive podman-compose 1.0.3's
      // `down -v`: remove them by name, so runs on one machine leave nothing behind.
      const services = ["whodoes-1", "whodoes-2", "redis", "fake-slack"].map(container);
      const mounts = await sh("podman", ["inspect", "--format", "{{range .Mounts}}{{.Name}} {{end}}", ...services]).then(
        (r) => r.stdout.split(/\s+/).filter(Boolean),
        () => [],
      );
      await compose("down", "-v").catch(() => undefined);
      for (const volume of mounts) await sh("podman", ["volume", "rm", volume]).catch(() => undefined);
      await sh("podman", ["network", "rm", `${PROJECT_NAME}_default`]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
    process.stdout.write(`container test timings: ${timings.map(([step, s]) => `${step} ${s.toFixed(1)} s`).join("; ")}\n`);
  });

  it("runs both instances on the shared Redis, each ready and answering a question", async () => {
    for (const port of [ports.one, ports.two]) {
      const ready = (await (await fetch(`${url(port)}/readyz`)).json()) as { checks: Record<string, unknown> };
      expect(ready.checks.store).toEqual({ ok: true, mode: "redis" });
      expect(ready.checks.slack).toEqual({ ok: true, mode: "http" });
      const answer = await slashCommand(port, "who restores a dropped table?");
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).text).toMatch(/^Database administrator/);
    }
  });

  it("answers a Slack event once when Slack retries it to the other instance", async () => {
    const base = fixture<{ event_id: string; event: Record<string, unknown> }>("app-mention");
    const ts = `${Math.floor(Date.now() / 1000)}.000100`;
    const event = { ...base, event_id: `Ev0DEPLOY${process.pid}`, event: { ...base.event, ts, event_ts: ts } };
    const body = JSON.stringify(event);
    const post = (port: number, headers: Record<string, string> = {}) =>
      fetch(`${url(port)}/slack/events`, {
        method: "POST",
        headers: { "content-type": "application/json", ...signedHeaders(SECRET, body), ...headers },
        body,
      });
    const answers = async () => (await fakeCalls()).filter((c) => c.method === "chat.postMessage" && c.thread_ts === ts);
    expect((await post(ports.one)).status).toBe(200);
    await waitUntil("the first answer", async () => (await answers()).length === 1, 20_000);
    expect((await post(ports.two, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await answers()).toHaveLength(1);
  });

  it("runs as the unprivileged node user, with a passing health check and no secret in the image", async () => {
    expect((await sh("podman", ["exec", container("whodoes-1"), "id", "-u"])).stdout.trim()).toBe("1000");
    await sh("podman", ["healthcheck", "run", container("whodoes-1")]);
    const env = (await sh("podman", ["image", "inspect", "--format", "{{json .Config.Env}}", IMAGE])).stdout;
    expect(env).not.toMatch(/SLACK_|MICROSOFT_APP_PASSWORD|REDIS_URL|METRICS_TOKEN/);
  });

  it("keeps answering from the other instance when one is stopped, and the stopped one exits cleanly", async () => {
    await timed("podman stop of one instance", () => sh("podman", ["stop", "-t", "30", container("whodoes-1")]));
    const state = (await sh("podman", ["inspect", "--format", "{{.State.ExitCode}}", container("whodoes-1")])).stdout.trim();
    expect(state).toBe("0");
    await expect(fetch(`${url(ports.one)}/livez`)).rejects.toThrow();
    const answer = await slashCommand(ports.two, "who designs the partitioning?");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).text).toMatch(/^Data architect/);
  });
});
