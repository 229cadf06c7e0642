/**
 * One process, both platforms: the real server (startServer) with Slack in HTTP mode against a fake
 * Slack Web API and Teams in local mode (TEAMS_LOCAL_MODE=on) against a fake Bot Connector, on one port.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logging/logger.js";
import { parseConfig } from "../../src/server/config.js";
import { type Running, startServer } from "../../src/server/start.js";
import { type FakeSlack, startFakeSlack } from "../adapters/slack/support/fake-slack.js";
import { slackServerEnv } from "../adapters/slack/support/harness.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";
import { startFakeConnector } from "../adapters/teams/harness.js";

const SECRET = "test-signing-secret-0123456789";
let slack: FakeSlack;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let running: Running;
const dataDir = mkdtempSync(join(tmpdir(), "whodoes-both-platforms-"));

beforeAll(async () => {
  slack = await startFakeSlack();
  connector = await startFakeConnector();
  // Teams without an app id beside Slack: local mode only when asked for.
  const config = parseConfig({ ...slackServerEnv(slack.apiUrl, SECRET), TEAMS_LOCAL_MODE: "on", DATA_DIR: dataDir });
  running = await startServer(config, silentLogger);
});
afterAll(async () => {
  await running?.stop();
  await slack?.close();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("Slack and Teams in one process", () => {
  it("mounts both on one server and reports both in /healthz", async () => {
    const health = (await (await fetch(`${running.url}/healthz`)).json()) as { adapters: string[] };
    expect(health.adapters).toEqual(expect.arrayContaining(["slack", "teams"]));
    expect(health.adapters).not.toContain("web");
  });

  it("answers a signed Slack slash command and a Teams message", async () => {
    const form = new URLSearchParams({
      command: "/whodoes",
      text: "who restores a dropped table?",
      user_id: "U1",
      channel_id: "C1",
      team_id: "T0001",
      response_url: slack.responseUrl("both"),
      trigger_id: "1.2.3",
    }).toString();
    const slackRes = await fetch(`${running.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SECRET, form) },
      body: form,
    });
    expect(slackRes.status).toBe(200);
    // Answered in the ack.
    expect(await slackRes.text()).toContain("Database administrator");

    const teamsRes = await fetch(`${running.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: "m1",
        text: "who designs the partitioning?",
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        from: { id: "29:user", name: "Ana" },
        recipient: { id: "28:bot", name: "whodoes" },
        conversation: { id: "a:personal-1", conversationType: "personal" },
      }),
    });
    expect(teamsRes.status).toBeLessThan(300);
    const until = Date.now() + 10_000;
    while (connector.calls.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(JSON.stringify(connector.calls[0]?.body)).toMatch(/Data architect/);
  });
});
