/**
 * Knowing the server's state from outside: /livez, /readyz and /metrics on the real server (startServer) with
 * Slack in HTTP mode, Teams in local mode and the web chat, against fake platforms; known traffic, then a
 * scrape whose counts must reconcile with it; a broken knowledge edit fails readiness, not liveness.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logging/logger.js";
import { parseConfig } from "../../src/server/config.js";
import { type Running, startServer } from "../../src/server/start.js";
import { type FakeSlack, startFakeSlack } from "../adapters/slack/support/fake-slack.js";
import { fixture as slackFixture } from "../adapters/slack/support/fixtures.js";
import { slackServerEnv } from "../adapters/slack/support/harness.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";
import { type FakeConnector, startFakeConnector, fixture as teamsFixture } from "../adapters/teams/harness.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

const SECRET = "probe-signing-secret-0123456789";
const TOKEN = "metrics-token-0123456789abcdef";
let slack: FakeSlack;
let connector: FakeConnector;
let running: Running;
let dataDir: string;
const knowledge = copyKnowledge();

beforeAll(async () => {
  slack = await startFakeSlack();
  connector = await startFakeConnector();
  dataDir = mkdtempSync(join(tmpdir(), "whodoes-probes-"));
  const config = parseConfig({
    ...slackServerEnv(slack.apiUrl, SECRET),
    // Teams without an app id beside Slack: local mode only when asked for.
    TEAMS_LOCAL_MODE: "on",
    WEB_CHAT: "on",
    INTENTS_DIR: knowledge.dir,
    DATA_DIR: dataDir,
  });
  running = await startServer(config, silentLogger);
});
afterAll(async () => {
  await running?.stop();
  await slack?.close();
  await connector?.close();
  knowledge.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${running.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
};
const json = async (path: string) => {
  const r = await get(path);
  return { status: r.status, body: JSON.parse(r.text) as Record<string, unknown> };
};
/** The value of one series in the exposition text (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function webChat(body: unknown) {
  const res = await fetch(`${running.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}
async function slashCommand(text: string) {
  const form = new URLSearchParams({ ...slackFixture<Record<string, string>>("slash-command"), text }).toString();
  const res = await fetch(`${running.url}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SECRET, form) },
    body: form,
  });
  expect(res.status).toBe(200);
  await res.text();
}

describe("liveness and readiness", () => {
  it("says what it checked: the event loop; the knowledge, the store and each platform", async () => {
    const live = await json("/livez");
    expect(live).toMatchObject({ status: 200, body: { status: "ok", checks: { eventLoop: { ok: true } } } });
    const ready = await json("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: "ready",
      checks: {
        knowledge: { ok: true, roles: 4 },
        store: { ok: true, mode: "file" },
        slack: { ok: true, mode: "http" },
        teams: { ok: true, mode: "local" },
      },
    });
  });
});

describe("/metrics", () => {
  it("counts known traffic by platform and intent, with ack and answer timings, and no text or ids", async () => {
    const before = (await get("/metrics")).text;
    await webChat({ text: "who restores a dropped table?" });
    await webChat({ text: "who designs the partitioning?" });
    await webChat({ text: "what time is the all-hands meeting?" });
    await webChat({ action: { do: "feedback", vote: "up", intent: "who_does", role: "database-administrator" } });
    await slashCommand("who restores a dropped table?");
    await slashCommand("data manager vs dba");
    const teams = await fetch(`${running.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...teamsFixture("personal-message", connector.serviceUrl), text: "who restores a dropped table?" }),
    });
    expect(teams.status).toBe(200);

    const scrape = await get("/metrics");
    expect(scrape.status).toBe(200);
    expect(scrape.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = scrape.text;
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('whodoes_answers_total{platform="web",intent="who_does"}')).toBe(2);
    expect(delta('whodoes_answers_total{platform="web",intent="out_of_scope"}')).toBe(1);
    expect(delta('whodoes_feedback_votes_total{platform="web",vote="up"}')).toBe(1);
    expect(delta('whodoes_answers_total{platform="slack",intent="who_does"}')).toBe(1);
    expect(delta('whodoes_answers_total{platform="slack",intent="compare_roles"}')).toBe(1);
    expect(delta('whodoes_answers_total{platform="teams",intent="who_does"}')).toBe(1);
    expect(delta('whodoes_answer_duration_seconds_count{platform="web"}')).toBe(4);
    expect(delta('whodoes_ack_duration_seconds_count{platform="web"}')).toBe(4);
    expect(delta('whodoes_ack_duration_seconds_count{platform="slack"}')).toBe(2);
    expect(delta('whodoes_ack_duration_seconds_count{platform="teams"}')).toBe(1);
    expect(sample(after, 'whodoes_store_mode{mode="file"}')).toBe(1);
    expect(sample(after, "whodoes_store_up")).toBe(1);
    expect(after).toMatch(/^whodoes_process_cpu_seconds_total /m);
    // Counts and timings only: nothing a person typed, no user, channel or team id.
    for (const secret of ["dropped", "partitioning", "all-hands", "U2147483697", "C2147483705", "T0001"])
      expect(after).not.toContain(secret);
  });

  it("is served to this machine only, unless a bearer token is set", async () => {
    expect((await get("/metrics")).status).toBe(200);
    // A reverse proxy or tunnel on this machine connects from loopback for anyone on the internet.
    for (const [header, value] of [
      ["x-forwarded-for", "203.0.113.9"],
      ["forwarded", "for=203.0.113.9"],
      ["x-real-ip", "203.0.113.9"],
    ] as const) {
      const relayed = await get("/metrics", { [header]: value });
      expect(relayed.status).toBe(403);
      expect(relayed.text).not.toContain("whodoes_answers_total");
    }

    const withToken = await startServer(
      parseConfig({ PORT: "0", HOST: "127.0.0.1", METRICS_TOKEN: TOKEN, DATA_DIR: dataDir }),
      silentLogger,
    );
    try {
      const scrape = (headers: Record<string, string>) => fetch(`${withToken.url}/metrics`, { headers });
      expect((await scrape({})).status).toBe(401);
      expect((await scrape({ authorization: "Bearer not-the-token-at-all" })).status).toBe(401);
      const ok = await scrape({ authorization: `Bearer ${TOKEN}` });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("whodoes_answers_total");
    } finally {
      await withToken.stop();
    }
  });
});

describe("a broken knowledge edit", () => {
  it("fails readiness (and the old /healthz), not liveness, and is counted; a fix makes it ready again", async () => {
    knowledge.edit("roles/database-administrator.yaml", (t) => t.replace(/^name: .*$/m, "name: [broken"));
    expect(running.reload()).toBe(false);
    const ready = await json("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe("not ready");
    expect((ready.body.checks as Record<string, { ok: boolean; error?: string }>).knowledge).toMatchObject({
      ok: false,
      error: expect.stringContaining("database-administrator.yaml"),
    });
    expect((await json("/livez")).status).toBe(200);
    expect((await get("/healthz")).status).toBe(503);
    // Still answering from the last good knowledge.
    await webChat({ text: "who restores a dropped table?" });
    expect(sample((await get("/metrics")).text, 'whodoes_knowledge_reloads_total{result="failed"}')).toBeGreaterThanOrEqual(1);

    knowledge.edit("roles/database-administrator.yaml", (t) => t.replace("name: [broken", "name: Database administrator"));
    expect(running.reload()).toBe(true);
    expect((await json("/readyz")).status).toBe(200);
  });
});
