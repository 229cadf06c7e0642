/**
 * Two bot instances behind a load balancer, one Redis: the real Slack adapter on two loopback ports,
 * each with its own store on the same redis-server, talking to one fake Slack. The same event
 * delivered to both is answered once; feedback given through one is reported through the other; a
 * question handed to the data team through both at once is posted once, and claimed once.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/adapters/cli/report.js";
import { DIRECTORY_FORMATS } from "../../src/adapters/platforms.js";
import { createSlackAdapter } from "../../src/adapters/slack/index.js";
import { createWhodoes, loadKnowledge, parseActionRef } from "../../src/core/index.js";
import { silentLogger } from "../../src/logging/logger.js";
import { createStore } from "../../src/store/create-store.js";
import type { Store } from "../../src/store/store.js";
import { recordingWhodoes } from "../../src/usage/recorder.js";
import { type FakeSlack, startFakeSlack } from "../adapters/slack/support/fake-slack.js";
import { fixture } from "../adapters/slack/support/fixtures.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";
import { type RedisServer, redisAvailable, startRedis } from "./support/redis-server.js";

const SECRET = "two-instances-signing-secret";

interface Instance {
  url: string;
  store: Store;
  /** The status, and the response's JSON body when it has one (a slash command's answer is in its ack). */
  post(body: string, contentType: string): Promise<number>;
  postForBody(body: string, contentType: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

describe.runIf(redisAvailable())("two instances sharing one Redis", () => {
  let redis: RedisServer;
  let slack: FakeSlack;
  let a: Instance;
  let b: Instance;
  // A directory with a triage channel, so questions can be handed to the data team.
  const copy = copyKnowledge();
  copy.write("directory.yaml", "triage:\n  slack:\n    channel: C0TRIAGE01\n");
  const whodoes = createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));

  async function startInstance(): Promise<Instance> {
    const store = await createStore({ redisUrl: redis.url, logger: silentLogger });
    const app = express();
    const adapter = createSlackAdapter({
      whodoes: recordingWhodoes(whodoes, store, { platform: "slack" }),
      config: { botToken: "xoxb-test-two", signingSecret: SECRET, apiUrl: slack.apiUrl },
      logger: silentLogger,
      store,
      app,
    });
    await adapter.start();
    const server = http.createServer(app);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      url,
      store,
      async post(body, contentType) {
        const res = await fetch(`${url}/slack/events`, {
          method: "POST",
          headers: { "content-type": contentType, ...signedHeaders(SECRET, body) },
          body,
        });
        await res.text();
        return res.status;
      },
      async postForBody(body, contentType) {
        const res = await fetch(`${url}/slack/events`, {
          method: "POST",
          headers: { "content-type": contentType, ...signedHeaders(SECRET, body) },
          body,
        });
        return (await res.json()) as Record<string, unknown>;
      },
      async close() {
        await adapter.stop();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await store.close();
      },
    };
  }

  beforeAll(async () => {
    redis = await startRedis();
    slack = await startFakeSlack();
    a = await startInstance();
    b = await startInstance();
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await slack?.close();
    await redis?.stop();
    copy.remove();
  });

  it("listen on different ports", () => {
    expect(a.url).not.toBe(b.url);
  });

  it("answer the same Slack event, delivered to both (a retry landing elsewhere), exactly once", async () => {
    const event = fixture<{ event: { ts: string } }>("app-mention");
    const body = JSON.stringify(event);
    const statuses = await Promise.all([a.post(body, "application/json"), b.post(body, "application/json")]);
    expect(statuses).toEqual([200, 200]);
    const isAnswer = (c: { method: string; body: Record<string, unknown> }) =>
      c.method === "chat.postMessage" && c.body.thread_ts === event.event.ts;
    await slack.waitFor(isAnswer);
    // Give the losing instance time to (wrongly) answer too.
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.calls.filter(isAnswer)).toHaveLength(1);
  });

  it("report feedback given through one instance from the other", async () => {
    // A slash command through A; its 👎 button clicked, also through A.
    const command = { ...fixture<Record<string, string>>("slash-command"), response_url: slack.responseUrl("two-cmd") };
    const answer = { body: await a.postForBody(new URLSearchParams(command).toString(), "application/x-www-form-urlencoded") };
    // 👎 is one side of Slack's own feedback control (feedback_buttons in a context_actions block).
    type Vote = { action_id: string; negative_button: { value: string } };
    const votes = ((answer?.body.blocks ?? []) as { type: string; elements?: Vote[] }[]).flatMap((blk) =>
      blk.type === "context_actions" ? (blk.elements ?? []) : [],
    );
    const down = votes[0] && { action_id: votes[0].action_id, value: votes[0].negative_button.value };
    expect(parseActionRef(down?.value)).toMatchObject({ do: "feedback", vote: "down" });
    const payload = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>("block-actions-ephemeral");
    payload.actions = [{ ...payload.actions[0], action_id: down?.action_id, value: down?.value, type: "feedback_buttons" }];
    payload.response_url = slack.responseUrl("two-feedback");
    await a.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
    await slack.waitFor((c) => c.method === "response_url" && c.path.endsWith("/two-feedback"));

    // Read through B's store, and as `REDIS_URL=... whodoes report --json` would.
    const ref = parseActionRef(down?.value);
    const seen = async () => (await b.store.events(new Date(0))).some((e) => e.type === "feedback");
    for (let i = 0; i < 100 && !(await seen()); i++) await new Promise((r) => setTimeout(r, 20));
    let printed = "";
    expect(await runReport({ json: true, redisUrl: redis.url, stdout: (t) => (printed += t) })).toBe(0);
    const report = JSON.parse(printed);
    expect(report.totals.down).toBe(1);
    expect(report.disliked).toEqual([
      {
        intent: ref?.do === "feedback" ? ref.intent : "?",
        ...(ref?.do === "feedback" && ref.role ? { role: ref.role } : {}),
        up: 0,
        down: 1,
      },
    ]);
    // Both questions (the mention and the command) were counted once each.
    expect(report.totals.questions).toBe(2);
  });

  it("hand a question to the data team once when its button is pressed through both at once, and let one person claim it", async () => {
    type Button = { action_id: string; value: string; text: { text: string } };
    const buttonsOf = (body: Record<string, unknown> | undefined) =>
      ((body?.blocks ?? []) as { type: string; elements?: Button[] }[]).flatMap((blk) =>
        blk.type === "actions" ? (blk.elements ?? []) : [],
      );
    const command = {
      ...fixture<Record<string, string>>("slash-command"),
      text: "when is the all-hands?",
      response_url: slack.responseUrl("two-handoff"),
    };
    const answer = await a.postForBody(new URLSearchParams(command).toString(), "application/x-www-form-urlencoded");
    const send = buttonsOf(answer).find((btn) => btn.text.text === "Ask the data team");
    expect(send).toBeDefined();

    const press = (button: Button | undefined, user: string, name: string, container?: Record<string, unknown>) => {
      const payload = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>(
        container ? "block-actions-message" : "block-actions-ephemeral",
      );
      payload.user = { id: user, username: "u", name: "u", team_id: "T0001" };
      payload.actions = [{ ...payload.actions[0], action_id: button?.action_id, value: button?.value, type: "button" }];
      payload.response_url = slack.responseUrl(name);
      if (container) payload.container = container;
      return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    };
    const form = "application/x-www-form-urlencoded";
    const asker = "U061F7AUR"; // the slash-command fixture's user
    await Promise.all([a.post(press(send, asker, "send-a"), form), b.post(press(send, asker, "send-b"), form)]);
    const isPost = (c: { method: string; body: Record<string, unknown> }) =>
      c.method === "chat.postMessage" && c.body.channel === "C0TRIAGE01";
    const [post] = await slack.waitFor(isPost);
    await slack.waitFor((c) => c.method === "response_url" && /\/send-[ab]$/.test(c.path), 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.filter(isPost)).toHaveLength(1);

    // Two people claim it at the same moment, through different instances: one of them has it.
    const claim = buttonsOf(post?.body).find((btn) => btn.text.text === "Claim");
    const container = { type: "message", message_ts: "1515450000.000900", channel_id: "C0TRIAGE01", is_ephemeral: false };
    await Promise.all([
      a.post(press(claim, "U0DBA00002", "claim-a", container), form),
      b.post(press(claim, "U0DBA00003", "claim-b", container), form),
    ]);
    const [update] = await slack.waitFor((c) => c.method === "chat.update");
    const [refused] = await slack.waitFor((c) => c.method === "response_url" && /\/claim-[ab]$/.test(c.path));
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.filter((c) => c.method === "chat.update")).toHaveLength(1);
    // The other is told privately that it is taken (naming who took it once the winner's record is saved).
    const winner = JSON.stringify(update?.body).includes("Claimed by <@U0DBA00002>") ? "U0DBA00002" : "U0DBA00003";
    expect(JSON.stringify(update?.body)).toContain(`Claimed by <@${winner}>`);
    expect(JSON.stringify(refused?.body)).toMatch(/has already claimed this question\./);
    expect(JSON.stringify(refused?.body)).not.toContain(`Claimed by`);
  });
});
