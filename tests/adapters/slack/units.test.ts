import { LogLevel, type webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createBoltLogger } from "../../../src/adapters/slack/bolt-logger.js";
import { errorFields } from "../../../src/adapters/slack/errors.js";
import { readUserMessage } from "../../../src/adapters/slack/message-filter.js";
import { createChannelMatcher } from "../../../src/adapters/slack/onboarding-channels.js";
import { placeOf } from "../../../src/adapters/slack/place.js";
import { CHANNEL_NAME_CACHE_MS } from "../../../src/adapters/slack/settings.js";
import { createWorkRunner } from "../../../src/adapters/slack/work.js";
import { BOT_USER_ID } from "./support/fake-slack.js";
import { fixture } from "./support/fixtures.js";
import { createRecordingLogger } from "./support/harness.js";

const eventOf = (name: string) => fixture<{ event: Record<string, unknown> }>(name).event;

describe("readUserMessage", () => {
  it("reads a person's DM and mention", () => {
    expect(readUserMessage(eventOf("message-im"), BOT_USER_ID)).toEqual({
      channel: "D0LAN6B4N",
      ts: "1515449600.000200",
      user: "U061F7AUR",
      text: "who restores a dropped table?",
    });
    expect(readUserMessage({ ...eventOf("app-mention"), thread_ts: "1515449000.000001" }, BOT_USER_ID)?.threadTs).toBe(
      "1515449000.000001",
    );
  });

  it("reads the question as typed: the bot's own mention dropped, Slack's escapes undone", () => {
    const text = `<@${BOT_USER_ID}> who does backup &amp; restore for <@U0AAAAAAA>? &lt;urgent&gt; &amp;lt;`;
    expect(readUserMessage({ ...eventOf("app-mention"), text }, BOT_USER_ID)?.text).toBe(
      "who does backup & restore for <@U0AAAAAAA>? <urgent> &lt;",
    );
  });

  it("drops the bot's own messages, other bots, and edits, deletions and joins", () => {
    expect(readUserMessage(eventOf("message-im-from-bot"), BOT_USER_ID)).toBeUndefined();
    expect(readUserMessage(eventOf("message-im-changed"), BOT_USER_ID)).toBeUndefined();
    expect(readUserMessage({ ...eventOf("message-im"), user: BOT_USER_ID }, BOT_USER_ID)).toBeUndefined();
    expect(readUserMessage({ ...eventOf("message-im"), bot_id: "B0OTHER" }, BOT_USER_ID)).toBeUndefined();
    for (const subtype of ["message_deleted", "channel_join", "bot_message", "channel_topic"]) {
      expect(readUserMessage({ ...eventOf("message-im"), subtype }, BOT_USER_ID)).toBeUndefined();
    }
    expect(readUserMessage(null, BOT_USER_ID)).toBeUndefined();
  });
});

describe("placeOf", () => {
  it("tells an ephemeral answer, a channel thread, a DM and the Home tab apart", () => {
    expect(placeOf(fixture("block-actions-ephemeral"))).toEqual({ kind: "ephemeral" });
    expect(placeOf(fixture("block-actions-message"))).toEqual({
      kind: "channel",
      channel: "C0LAE2LE3",
      threadTs: "1515449522.000016",
    });
    expect(
      placeOf({
        ...fixture<Record<string, unknown>>("block-actions-message"),
        container: { type: "message", channel_id: "D0LAN6B4N" },
        message: {},
      }),
    ).toEqual({
      kind: "dm",
      channel: "D0LAN6B4N",
    });
    expect(
      placeOf({
        ...fixture<Record<string, unknown>>("block-actions-message"),
        container: { type: "message", channel_id: "D0LAN6B4N", message_ts: "1515449601.000300" },
        message: {},
      }),
    ).toEqual({ kind: "dm", channel: "D0LAN6B4N", messageTs: "1515449601.000300" });
    expect(placeOf(fixture("block-actions-home"))).toEqual({ kind: "home", user: "U061F7AUR" });
    expect(placeOf({})).toBeUndefined();
  });
});

describe("createBoltLogger", () => {
  it("passes Bolt's lines on at their level, drops debug by default, and never dumps objects", () => {
    const logger = createRecordingLogger();
    const bolt = createBoltLogger(logger);
    bolt.debug("Received a message on the WebSocket: {secret text}");
    bolt.info("Now connected to Slack");
    bolt.warn("Request verification failed", new Error("Signature mismatch"));
    bolt.error("unexpected", { token: "xoxb-secret" });
    expect(logger.lines).toEqual([
      { level: "info", msg: "slack: Now connected to Slack", fields: { source: "bolt" } },
      { level: "warn", msg: "slack: Request verification failed Error: Signature mismatch", fields: { source: "bolt" } },
      { level: "error", msg: "slack: unexpected [object]", fields: { source: "bolt" } },
    ]);
    bolt.setLevel(LogLevel.DEBUG);
    bolt.debug("now shown");
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    expect(logger.lines.at(-1)?.msg).toBe("slack: now shown");
  });
});

describe("createWorkRunner", () => {
  it("logs a failure with its context, apologises, and lets stop() wait for work in flight", async () => {
    const logger = createRecordingLogger();
    const work = createWorkRunner(logger);
    let apologised = false;
    let finished = false;
    await work.run(
      { kind: "dm", channel: "D1" },
      async () => {
        throw Object.assign(new Error("An API error occurred: channel_not_found"), {
          code: "slack_webapi_platform_error",
          data: { error: "channel_not_found" },
        });
      },
      async () => {
        apologised = true;
      },
    );
    expect(apologised).toBe(true);
    expect(logger.lines).toEqual([
      {
        level: "error",
        msg: "slack: failed to answer",
        fields: {
          kind: "dm",
          channel: "D1",
          error: "An API error occurred: channel_not_found",
          code: "slack_webapi_platform_error",
          slackError: "channel_not_found",
        },
      },
    ]);
    void work.run({}, async () => {
      await new Promise((r) => setTimeout(r, 50));
      finished = true;
    });
    await work.drain(5000);
    expect(finished).toBe(true);
  });

  it("describes any thrown value safely", () => {
    expect(errorFields("boom")).toEqual({ error: "boom" });
    expect(errorFields(42)).toEqual({ error: "unknown error" });
  });
});

describe("createChannelMatcher", () => {
  /** A WebClient stand-in that knows channel names and counts lookups. */
  function fakeClient(names: Record<string, string>) {
    const lookups: string[] = [];
    const client = {
      conversations: {
        info: async ({ channel }: { channel: string }) => {
          lookups.push(channel);
          return { ok: true, channel: { id: channel, name: names[channel] } };
        },
      },
    } as unknown as webApi.WebClient;
    return { client, lookups };
  }

  it("matches ids outright, with no lookup", async () => {
    const { client, lookups } = fakeClient({});
    const matcher = createChannelMatcher(["C0698JE0H", "G0PRIVATE1"]);
    expect(await matcher.matches("C0698JE0H", client)).toBe(true);
    expect(await matcher.matches("G0PRIVATE1", client)).toBe(true);
    expect(await matcher.matches("C0OTHER001", client)).toBe(false);
    expect(lookups).toEqual([]);
  });

  it("matches names (any case, with or without #) through conversations.info, remembered for a while", async () => {
    const { client, lookups } = fakeClient({ C0NEW00001: "new-starters", C0RANDOM01: "random" });
    let now = 1_000_000;
    const matcher = createChannelMatcher(["#New-Starters"], () => now);
    expect(await matcher.matches("C0NEW00001", client)).toBe(true);
    expect(await matcher.matches("C0NEW00001", client)).toBe(true);
    expect(await matcher.matches("C0RANDOM01", client)).toBe(false);
    expect(lookups).toEqual(["C0NEW00001", "C0RANDOM01"]);
    now += CHANNEL_NAME_CACHE_MS + 1;
    expect(await matcher.matches("C0NEW00001", client)).toBe(true);
    expect(lookups).toEqual(["C0NEW00001", "C0RANDOM01", "C0NEW00001"]);
  });
});
