/**
 * Bad input over real HTTP: malformed bodies get 400, a huge message is refused politely, an oversized body
 * gets 413, and the bot keeps answering afterwards.
 */
import { describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../../../src/render/teams.js";
import { fixture, recordingLogger, startBot, startFakeConnector, useBot } from "./harness.js";

const logger = recordingLogger();
const t = useBot({ logger });

async function stillAnswers(): Promise<void> {
  t.connector.reset();
  const res = await t.bot.post(fixture("personal-message", t.connector.serviceUrl));
  expect(res.status).toBe(200);
  expect(t.connector.calls).toHaveLength(1);
  const card = (t.connector.calls[0]?.body.attachments as { content: AdaptiveCard }[] | undefined)?.[0]?.content;
  expect(JSON.stringify(card?.body)).toContain("Database administrator");
}

describe("malformed requests", () => {
  it.each([
    ["broken JSON", "{ not json"],
    ["a JSON array", "[1, 2, 3]"],
    ["a JSON string", '"message"'],
    ["an object without a type", JSON.stringify({ text: "hi" })],
    ["an activity without serviceUrl", JSON.stringify({ type: "message", text: "hi", conversation: { id: "c" } })],
    ["an activity without conversation", JSON.stringify({ type: "message", text: "hi", serviceUrl: "http://127.0.0.1:1/" })],
    [
      "an activity whose recipient is a string",
      JSON.stringify({ ...fixture("personal-message"), serviceUrl: "http://127.0.0.1:1/", recipient: "bot" }),
    ],
  ])("%s gets 400 and the bot keeps serving", async (_name, body) => {
    const res = await t.bot.post(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBeTruthy();
    expect(t.connector.calls).toEqual([]);
    await stillAnswers();
  });

  it("a body that is not JSON at all gets 400", async () => {
    const res = await fetch(`${t.bot.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(res.status).toBe(400);
    await stillAnswers();
  });

  it("malformed entities and values do not break the turn", async () => {
    const activity = {
      ...fixture("channel-mention-message", t.connector.serviceUrl),
      entities: [null, 7, { type: "mention" }, { type: "mention", mentioned: null, text: "<at>x</at>" }, { type: 3 }],
      value: "not an object",
    };
    const res = await t.bot.post(activity);
    expect(res.status).toBe(200);
    expect(t.connector.calls).toHaveLength(1);
  });
});

describe("size limits", () => {
  it("a 200,000-character message is refused politely and the bot keeps serving", async () => {
    const text = `who restores a dropped table? ${"x".repeat(200_000 - 30)}`;
    expect(text.length).toBe(200_000);
    const started = performance.now();
    const res = await t.bot.post({ ...fixture("personal-message", t.connector.serviceUrl), text });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(200);
    expect(t.connector.calls).toHaveLength(1);
    const body = t.connector.calls[0]?.body;
    expect(body?.summary).toMatch(/200,000 characters/);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(28 * 1024);
    await stillAnswers();
  });

  it("a message just over the question limit after decoding is refused the same way", async () => {
    const res = await t.bot.post({ ...fixture("personal-message", t.connector.serviceUrl), text: "&amp;".repeat(2_001) });
    expect(res.status).toBe(200);
    expect(t.connector.calls[0]?.body.summary).toMatch(/too long|characters long/);
  });

  it("a body over the size limit gets 413 and the bot keeps serving", async () => {
    const res = await t.bot.post({ ...fixture("personal-message", t.connector.serviceUrl), text: "y".repeat(600 * 1024) });
    expect(res.status).toBe(413);
    expect(t.connector.calls).toEqual([]);
    await stillAnswers();
  });
});

describe("failures inside a turn", () => {
  it("a Bot Connector that rejects the reply is logged, and the bot keeps serving", async () => {
    const failing = await startFakeConnector({ failWith: 400 });
    try {
      logger.lines.length = 0;
      const res = await t.bot.post(fixture("personal-message", failing.serviceUrl));
      // botbuilder's turn error handler caught it: the request itself is acknowledged.
      expect(res.status).toBe(200);
      // The answer, then the apology, were both tried.
      expect(failing.calls.length).toBe(2);
      expect(failing.calls[1]?.body.text).toMatch(/something went wrong/);
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: "error", msg: "teams: turn failed" }));
    } finally {
      await failing.close();
    }
    await stillAnswers();
  });
});

describe("shutdown", () => {
  it("stop() lets a request in progress finish, then refuses new ones with 503", async () => {
    const own = await startBot();
    const slow = await startFakeConnector({ delayMs: 300 });
    try {
      const inFlight = own.post(fixture("personal-message", slow.serviceUrl));
      // The reply is held for 300 ms, so the turn is still running when stop() is called.
      await new Promise((resolve) => setTimeout(resolve, 100));
      let stopped = false;
      const stopping = own.adapter.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stopped).toBe(false);
      expect((await inFlight).status).toBe(200);
      await stopping;
      expect(slow.calls).toHaveLength(1);
      const after = await own.post(fixture("personal-message", slow.serviceUrl));
      expect(after.status).toBe(503);
      expect(slow.calls).toHaveLength(1);
    } finally {
      await own.close();
      await slow.close();
    }
  });
});
