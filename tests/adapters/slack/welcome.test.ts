import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseActionRef } from "../../../src/core/index.js";
import { asMessage, buttonLabelled, buttonsOf, headerOf, textsOf } from "./support/block-kit.js";
import { BOT_USER_ID } from "./support/fake-slack.js";
import { fixture } from "./support/fixtures.js";
import { type HttpHarness, realWhodoes, startHttpHarness } from "./support/harness.js";

type EventCallback = { event_id: string; event: Record<string, unknown> };

const LISTED = "C0698JE0H";
const BY_NAME = "C0NEWSTART";
const PERSON = "W06GH7XHN";
const OTHER_BOT = "U0OTHERBOT";

let seq = 0;
/** A member_joined_channel event with its own event id. */
function joined(user: string, channel: string, eventId = `Ev0JOIN${++seq}`): EventCallback {
  const base = fixture<EventCallback>("member-joined-channel");
  return { ...base, event_id: eventId, event: { ...base.event, user, channel } };
}

describe("the onboarding welcome on member_joined_channel (HTTP mode)", () => {
  let h: HttpHarness;
  beforeAll(async () => {
    // Welcomes paced 50 ms apart here; the pacing itself has its own test (rate-limits.test.ts).
    h = await startHttpHarness({ config: { onboardingChannels: [LISTED, "new-starters"] }, adapter: { welcomeIntervalMs: 50 } });
    h.slack.on("users.info", (c) =>
      c.body.user === OTHER_BOT ? { ok: true, user: { id: OTHER_BOT, is_bot: true, name: "deploybot" } } : undefined,
    );
    h.slack.on("conversations.info", (c) => ({
      ok: true,
      channel: { id: c.body.channel, name: c.body.channel === BY_NAME ? "New-Starters" : "random", is_channel: true },
    }));
  });
  afterAll(async () => {
    await h.close();
  });

  const dmsTo = (user: string) => h.slack.calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === user);
  /** How many times the adapter decided not to welcome, for `reason`: the sync point for "nothing happened". */
  const skipped = (reason: string) =>
    h.logger.lines.filter((l) => l.msg === "slack: no welcome" && l.fields?.reason === reason).length;

  it("DMs a person who joins a listed channel: the core's welcome, the roles and a Start onboarding button", async () => {
    expect((await h.postEvent(joined(PERSON, LISTED, "Ev0JOINFIRST"))).status).toBe(200);
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === PERSON);
    const message = asMessage(post?.body);
    const welcome = realWhodoes().welcome({ command: "/whodoes" });
    expect(message.text).toBe(welcome.summary);
    expect(headerOf(message)).toBe(welcome.title);
    const texts = textsOf(message).join("\n");
    expect(texts).toContain(`Welcome to <#${LISTED}>!`);
    expect(texts).toContain("Type /whodoes and your question anywhere");
    for (const role of realWhodoes().knowledge.roles) expect(texts).toContain(role.name);
    expect(parseActionRef(buttonLabelled(message, "Start onboarding").value)).toEqual({ do: "onboard" });
    expect(buttonsOf(message).map((b) => b.text.text)).toEqual([
      ...welcome.blocks.flatMap((b) => (b.type === "choices" ? b.choices.map((c) => c.label) : [])),
      "Start onboarding",
      "Show all roles",
      "Compare all roles",
      "How to ask",
    ]);
    // Matched by id: no lookup needed. The person was checked for being a bot.
    expect(h.slack.calls.some((c) => c.method === "conversations.info" && c.body.channel === LISTED)).toBe(false);
    expect(h.slack.calls.some((c) => c.method === "users.info" && c.body.user === PERSON)).toBe(true);
    await expect
      .poll(() => h.logger.lines)
      .toContainEqual({
        level: "info",
        msg: "slack: welcomed a new member",
        fields: { kind: "member_joined_channel", team: "T0001", channel: LISTED },
      });
  });

  it("never welcomes the same person twice in the same place: a second join and a retried event post nothing", async () => {
    await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === PERSON);
    const before = skipped("already welcomed");
    await h.postEvent(joined(PERSON, LISTED));
    await expect.poll(() => skipped("already welcomed")).toBe(before + 1);

    const retry = await h.postEvent(joined(PERSON, LISTED, "Ev0JOINFIRST"), {
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    expect(retry.status).toBe(200);
    await expect
      .poll(() => h.logger.lines.some((l) => l.msg === "slack: skipped a repeated event" && l.fields?.eventId === "Ev0JOINFIRST"))
      .toBe(true);
    expect(dmsTo(PERSON)).toHaveLength(1);
  });

  it("matches a channel listed by name through conversations.info, and welcomes there too", async () => {
    await h.postEvent(joined(PERSON, BY_NAME));
    await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === PERSON, 2);
    expect(h.slack.calls.filter((c) => c.method === "conversations.info").map((c) => c.body.channel)).toEqual([BY_NAME]);
    expect(textsOf(asMessage(dmsTo(PERSON)[1]?.body)).join("\n")).toContain(`Welcome to <#${BY_NAME}>!`);
    // The name is remembered: another join there needs no second lookup.
    await h.postEvent(joined("U0SECOND01", BY_NAME));
    await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "U0SECOND01");
    expect(h.slack.calls.filter((c) => c.method === "conversations.info")).toHaveLength(1);
  });

  it("never welcomes bots: not itself joining, not another app's bot user", async () => {
    const before = skipped("bot");
    await h.postEvent(joined(BOT_USER_ID, LISTED));
    await h.postEvent(joined(OTHER_BOT, LISTED));
    await expect.poll(() => skipped("bot")).toBe(before + 2);
    expect(dmsTo(BOT_USER_ID)).toEqual([]);
    expect(dmsTo(OTHER_BOT)).toEqual([]);
    // The bot knows itself without asking Slack.
    expect(h.slack.calls.some((c) => c.method === "users.info" && c.body.user === BOT_USER_ID)).toBe(false);
  });

  it("welcomes nobody in a channel that is not listed", async () => {
    const before = skipped("not an onboarding channel");
    await h.postEvent(joined("U0ELSEWHERE", "C0RANDOM01"));
    await expect.poll(() => skipped("not an onboarding channel")).toBe(before + 1);
    expect(dmsTo("U0ELSEWHERE")).toEqual([]);
  });

  it("the welcome's Start onboarding asks which role, in the DM", async () => {
    const welcome = asMessage(dmsTo(PERSON)[0]?.body);
    const start = buttonLabelled(welcome, "Start onboarding");
    const payload = fixture<Record<string, unknown> & { actions: Record<string, unknown>[]; message: object }>(
      "block-actions-message",
    );
    payload.user = { id: PERSON, username: "new", name: "new", team_id: "T0001" };
    payload.container = { type: "message", message_ts: "1515480000.000100", channel_id: "D0WELCOME1", is_ephemeral: false };
    payload.channel = { id: "D0WELCOME1", name: "directmessage" };
    payload.message = { ...payload.message, ts: "1515480000.000100", thread_ts: undefined };
    payload.actions = [{ ...payload.actions[0], action_id: start.action_id, block_id: start.blockId, value: start.value }];
    await h.postAction(payload);
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "D0WELCOME1");
    const card = asMessage(post?.body);
    expect(textsOf(card)).toContain("Which role are you starting in?");
    expect(buttonsOf(card).map((b) => b.text.text)).toEqual(realWhodoes().knowledge.roles.map((r) => r.name));
  });
});

describe("without ONBOARDING_CHANNELS", () => {
  it("sends no welcome and makes no Slack call for a join", async () => {
    const h = await startHttpHarness();
    try {
      await h.postEvent(joined(PERSON, LISTED));
      // A DM sent after the join: once it is answered, the join was long handled.
      const dm = fixture<EventCallback>("message-im");
      await h.postEvent({ ...dm, event_id: "Ev0NOWELCOME", event: { ...dm.event, channel: "D0SENTINEL" } });
      await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "D0SENTINEL");
      expect(h.slack.work().map((c) => [c.method, c.body.channel])).toEqual([["chat.postMessage", "D0SENTINEL"]]);
    } finally {
      await h.close();
    }
  });
});
