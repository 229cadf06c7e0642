import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformAdapter } from "../../../src/adapters/adapter.js";
import { createSlackAdapter } from "../../../src/adapters/slack/index.js";
import { createMetrics } from "../../../src/metrics/metrics.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import { type FakeSlack, startFakeSlack } from "./support/fake-slack.js";
import { type FakeSocketServer, startFakeSocketServer } from "./support/fake-socket.js";
import { fixture } from "./support/fixtures.js";
import { BOT_TOKEN, createRecordingLogger, realWhodoes } from "./support/harness.js";

const APP_TOKEN = "xapp-1-A0001-0000-faketoken";

describe("Slack adapter in Socket Mode", () => {
  let slack: FakeSlack;
  let socket: FakeSocketServer;
  let adapter: PlatformAdapter;
  const logger = createRecordingLogger();
  const metrics = createMetrics({ processMetrics: false });

  beforeAll(async () => {
    slack = await startFakeSlack();
    socket = await startFakeSocketServer();
    slack.on("apps.connections.open", () => ({ ok: true, url: socket.url }));
    // No express app: Socket Mode needs no public URL.
    adapter = createSlackAdapter({
      whodoes: realWhodoes(),
      config: { botToken: BOT_TOKEN, signingSecret: "", appToken: APP_TOKEN, apiUrl: slack.apiUrl },
      logger,
      store: createMemoryStore(),
      metrics,
    });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await socket.close();
    await slack.close();
  });

  it("connects through apps.connections.open with the app-level token", async () => {
    expect(adapter.describe()).toBe("Slack (Socket Mode)");
    const [open] = await slack.waitFor((c) => c.method === "apps.connections.open");
    expect(open?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    await socket.connected();
  });

  it("acks an events_api envelope by its envelope_id and answers the mention in a thread", async () => {
    const envelope = fixture<{ envelope_id: string; payload: { event: { ts: string } } }>("socket-events-api");
    await socket.send(envelope);
    await socket.waitForAck(envelope.envelope_id);
    const [post] = await slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === envelope.payload.event.ts);
    expect(post?.body.channel).toBe("C0LAE2LE3");
    expect(String(post?.body.text)).toMatch(/^Database administrator/);
  });

  it("answers a redelivered event (retry_attempt 1) once", async () => {
    const first = fixture<
      Record<string, unknown> & { envelope_id: string; payload: { event_id: string; event: Record<string, unknown> } }
    >("socket-events-api");
    first.envelope_id = "env-retry-1";
    first.payload.event_id = "Ev0SOCKETRETRY";
    first.payload.event = { ...first.payload.event, ts: "1515449950.000100", event_ts: "1515449950.000100" };
    await socket.send(first);
    await slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === "1515449950.000100");
    await socket.send({ ...first, envelope_id: "env-retry-2", retry_attempt: 1, retry_reason: "timeout" });
    await socket.waitForAck("env-retry-2");
    await expect
      .poll(() => logger.lines.some((l) => l.msg === "slack: skipped a repeated event" && l.fields?.eventId === "Ev0SOCKETRETRY"))
      .toBe(true);
    expect(slack.calls.filter((c) => c.method === "chat.postMessage" && c.body.thread_ts === "1515449950.000100")).toHaveLength(
      1,
    );
  });

  it("answers a slash_commands envelope in its ack", async () => {
    const envelope = fixture<{ envelope_id: string; payload: Record<string, string> }>("socket-slash-command");
    envelope.payload.response_url = slack.responseUrl("socket-cmd");
    await socket.send(envelope);
    const ack = (await socket.waitForAck(envelope.envelope_id)) as { payload?: Record<string, unknown> };
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(((ack.payload?.blocks ?? []) as { text?: { text: string } }[])[0]?.text?.text).toBe("The data roles");
    expect(slack.calls.filter((c) => c.method === "response_url")).toEqual([]);
  });

  it("is ready while connected, and counts a reconnection when Slack asks it to reconnect", async () => {
    await socket.connected();
    expect(await adapter.readiness?.()).toEqual({ ok: true, mode: "socket", connected: true });
    const opens = slack.calls.filter((c) => c.method === "apps.connections.open").length;
    // Slack rotates Socket Mode connections now and then, announcing it with a disconnect message.
    await socket.send({ type: "disconnect", reason: "refresh_requested", debug_info: { host: "fake" } });
    await slack.waitFor((c) => c.method === "apps.connections.open", opens + 1, 10_000);
    await expect
      .poll(async () => (await metrics.render()).body, { timeout: 10_000 })
      .toContain("whodoes_slack_socket_mode_reconnects_total 1");
    await expect.poll(async () => (await adapter.readiness?.())?.ok, { timeout: 5_000 }).toBe(true);
  });
});
