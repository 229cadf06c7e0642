import express from "express";
import { describe, expect, it } from "vitest";
import { createSlackAdapter, SlackAdapterError } from "../../../src/adapters/slack/index.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import { startFakeSlack } from "./support/fake-slack.js";
import { fixture } from "./support/fixtures.js";
import { BOT_TOKEN, realWhodoes, SIGNING_SECRET, useHttpHarness } from "./support/harness.js";
import { signedHeaders, slackSignature } from "./support/signing.js";

describe("Slack request verification (HTTP mode)", () => {
  const h = useHttpHarness();

  const mention = () => JSON.stringify(fixture("app-mention"));
  const command = () =>
    new URLSearchParams({
      ...fixture<Record<string, string>>("slash-command"),
      response_url: h.slack.responseUrl("x"),
    }).toString();

  it("rejects a bad signature with 401 and makes no Slack call", async () => {
    const body = mention();
    const res = await h.post(body, "application/json", {
      "x-slack-signature": slackSignature("not-the-secret", Math.floor(Date.now() / 1000), body),
    });
    expect(res.status).toBe(401);
    const cmd = await h.post(command(), "application/x-www-form-urlencoded", { "x-slack-signature": "v0=00" });
    expect(cmd.status).toBe(401);
    expect(h.slack.work()).toEqual([]);
  });

  it("rejects a correctly signed request older than 5 minutes with 401 and makes no Slack call", async () => {
    const body = mention();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.post(body, "application/json", signedHeaders(SIGNING_SECRET, body, sixMinutesAgo));
    expect(res.status).toBe(401);
    expect(h.slack.work()).toEqual([]);
  });

  it("rejects a request with no signature headers", async () => {
    const res = await fetch(`${h.baseUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: mention(),
    });
    expect(res.status).toBe(401);
    expect(h.slack.work()).toEqual([]);
  });

  it("answers Slack's url_verification challenge when signed", async () => {
    const res = await h.postEvent({
      token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });
});

describe("Slack adapter start-up", () => {
  const base = { whodoes: realWhodoes(), logger: silentLogger, store: createMemoryStore() };

  it("HTTP mode needs the signing secret and the server's express app", () => {
    expect(() => createSlackAdapter({ ...base, config: { botToken: BOT_TOKEN, signingSecret: "" }, app: express() })).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
    expect(() => createSlackAdapter({ ...base, config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET } })).toThrow(
      SlackAdapterError,
    );
  });

  it("a token Slack rejects stops start-up with a message naming the variable, never its value", async () => {
    const slack = await startFakeSlack();
    slack.on("auth.test", () => ({ ok: false, error: "invalid_auth" }));
    try {
      const adapter = createSlackAdapter({
        ...base,
        config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl },
        app: express(),
      });
      expect(adapter.describe()).toBe("Slack (HTTP at /slack/events)");
      const error = await adapter.start().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SlackAdapterError);
      expect((error as SlackAdapterError).code).toBe("SLACK_AUTH_FAILED");
      expect((error as Error).message).toMatch(/SLACK_BOT_TOKEN.*invalid_auth/);
      expect((error as Error).message).not.toContain(BOT_TOKEN);
      await adapter.stop();
    } finally {
      await slack.close();
    }
  });
});
