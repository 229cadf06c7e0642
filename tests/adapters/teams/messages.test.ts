/**
 * Teams messages over real HTTP: fixture activities POSTed to /api/messages, replies caught by a loopback
 * fake Bot Connector. Local mode (no app id), as with the Bot Framework Emulator.
 */
import { describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../../../src/render/teams.js";
import { answerToTeamsMessage } from "../../../src/render/teams.js";
import { TEAMS_MAX_CARD_VERSION } from "../../../src/render/teams-limits.js";
import { bodyButtonsOf, buttonsOf, cardOf, cardText, versionAtMost } from "./card-helpers.js";
import { fixture, realWhodoes, recordingLogger, useBot } from "./harness.js";

const BOT_ID = "28:9f1c7a52-3b1e-4c0e-9d0a-6f2b8e4d1a37";

const logger = recordingLogger();
/** The bot's answers use Teams' own 👍/👎 rather than feedback buttons on the card. */
const native = { nativeFeedback: true };
const t = useBot({ logger });

/** Post a fixture activity and return the one reply, checked to answer that message in its conversation. */
async function reply(name: string) {
  const activity = fixture(name, t.connector.serviceUrl);
  expect((await t.bot.post(activity)).status).toBe(200);
  expect(t.connector.calls).toHaveLength(1);
  const call = t.connector.calls[0];
  expect(call?.conversationId).toBe((activity.conversation as { id: string }).id);
  expect(call?.replyToId).toBe(activity.id);
  return { activity, call };
}

describe("a personal message", () => {
  it("gets an Adaptive Card answer with the best role, replied to the message", async () => {
    const { activity, call } = await reply("personal-message");
    expect(call?.body.type).toBe("message");
    expect(call?.body.replyToId).toBe(activity.id);
    expect((call?.body.from as { id: string } | undefined)?.id).toBe(BOT_ID);

    const card = cardOf(call);
    expect(card.type).toBe("AdaptiveCard");
    expect(versionAtMost(card.version, TEAMS_MAX_CARD_VERSION)).toBe(true);
    expect(card.version).toBe("1.2");
    // The answer names the DBA first, with its character and the matched responsibility in bold.
    const text = cardText(card);
    expect(text.split("\n")[0]).toBe("Database administrator");
    expect(text).toContain("The operational gatekeeper");
    expect(text).toMatch(/^• .*backups/m);
    expect(text).not.toContain("Matched:");
    expect(JSON.stringify(card.body)).toContain('"weight":"bolder"');
    // Text fallbacks: the activity's summary and the card's fallbackText.
    expect(call?.body.summary).toMatch(/^Database administrator/);
    expect(card.fallbackText).toContain("Database administrator");
    expect(Buffer.byteLength(JSON.stringify(call?.body))).toBeLessThan(28 * 1024);

    // Buttons mirror Slack's: describe, compare, collaborate, onboard; 👍/👎 are Teams' own (its feedback loop).
    const refs = buttonsOf(card).map((b) => b.data.whodoes.do);
    expect(refs).toEqual(["describe", "compare", "collaborate", "onboard"]);
    expect(call?.body.channelData).toMatchObject({ feedbackLoopEnabled: true });
    expect(buttonsOf(card)[0]).toEqual({
      type: "Action.Submit",
      title: "What does a DBA do?",
      data: { whodoes: { do: "describe", role: "database-administrator" } },
    });
  });

  it("renders exactly the core's answer", async () => {
    await t.bot.post(fixture("personal-message", t.connector.serviceUrl));
    const expected = answerToTeamsMessage(realWhodoes().ask("who restores a dropped table?"), native);
    expect(t.connector.calls[0]?.body.attachments).toEqual(expected.attachments);
    expect(t.connector.calls[0]?.body.summary).toBe(expected.summary);
  });

  it("decodes Teams' HTML before asking", async () => {
    const activity = {
      ...fixture("personal-message", t.connector.serviceUrl),
      text: "<p>who restores a dropped table&#63;&nbsp;&amp; who patches?</p>",
    };
    await t.bot.post(activity);
    const expected = answerToTeamsMessage(realWhodoes().ask("who restores a dropped table? & who patches?"), native);
    expect(t.connector.calls[0]?.body.attachments).toEqual(expected.attachments);
  });

  it("answers the help command with usage from the knowledge base", async () => {
    await t.bot.post({ ...fixture("personal-message", t.connector.serviceUrl), text: "help" });
    const expected = answerToTeamsMessage(realWhodoes().ask("help"));
    expect(t.connector.calls[0]?.body.attachments).toEqual(expected.attachments);
    expect(cardText(cardOf(t.connector.calls[0]))).toContain(
      realWhodoes().knowledge.intents.find((i) => i.id === "who_does")?.examples[0] ?? "?",
    );
  });

  it.each(["roles", "compare DBA and data architect", "onboard data manager"])(
    "passes the %s command to the core as text",
    async (text) => {
      await t.bot.post({ ...fixture("personal-message", t.connector.serviceUrl), text });
      expect(t.connector.calls[0]?.body.attachments).toEqual(answerToTeamsMessage(realWhodoes().ask(text), native).attachments);
    },
  );
});

describe("a channel message", () => {
  it("strips only the bot's own @mention and answers in the thread", async () => {
    const { call } = await reply("channel-mention-message");
    // Adele's mention stays as her name; the bot's is gone.
    const expected = answerToTeamsMessage(realWhodoes().ask("who restores a dropped table? asking for Adele Vance"), native);
    expect(call?.body.attachments).toEqual(expected.attachments);
    expect(cardText(cardOf(call)).split("\n")[0]).toBe("Database administrator");
  });

  it("answers a bare @mention with help", async () => {
    await t.bot.post({ ...fixture("channel-mention-message", t.connector.serviceUrl), text: "<at>whodoes</at>" });
    expect(t.connector.calls[0]?.body.attachments).toEqual(answerToTeamsMessage(realWhodoes().act({ do: "help" })).attachments);
  });
});

describe("card buttons", () => {
  async function firstCard(text: string): Promise<AdaptiveCard> {
    await t.bot.post({ ...fixture("personal-message", t.connector.serviceUrl), text });
    const card = cardOf(t.connector.calls[0]);
    t.connector.reset();
    return card;
  }

  it("every button of an answer gets the core's answer for its action", async () => {
    const card = await firstCard("who restores a dropped table?");
    const buttons = buttonsOf(card);
    expect(buttons.length).toBeGreaterThanOrEqual(4);
    for (const button of buttons) {
      t.connector.reset();
      const res = await t.bot.post({ ...fixture("card-submit", t.connector.serviceUrl), value: button.data });
      expect(res.status, button.title).toBe(200);
      expect(t.connector.calls, button.title).toHaveLength(1);
      const expected = answerToTeamsMessage(realWhodoes().act(button.data.whodoes), native);
      expect(t.connector.calls[0]?.body.attachments, button.title).toEqual(expected.attachments);
    }
  });

  it("'did you mean' and other choices are buttons that work", async () => {
    // Ambiguous questions get "did you mean" choices; which ones do depends on the knowledge, so ask the core.
    const candidates = ["who handles security?", "who handles access?", "security", "who owns the data?", "onboard"];
    const question = candidates.find((q) =>
      realWhodoes()
        .ask(q)
        .blocks.some((b) => b.type === "choices"),
    );
    expect(question, "one of the candidates gets choices").toBeDefined();
    const card = await firstCard(question ?? "");
    const choices = bodyButtonsOf(card);
    expect(choices.length).toBeGreaterThan(1);
    for (const choice of choices) {
      t.connector.reset();
      await t.bot.post({ ...fixture("card-submit", t.connector.serviceUrl), value: choice.data });
      expect(t.connector.calls[0]?.body.attachments).toEqual(
        answerToTeamsMessage(realWhodoes().act(choice.data.whodoes), native).attachments,
      );
    }
  });

  it("records feedback votes", async () => {
    const value = { whodoes: { do: "feedback", vote: "up", intent: "who_does", role: "database-administrator" } };
    await t.bot.post({ ...fixture("card-submit", t.connector.serviceUrl), value });
    expect(logger.lines).toContainEqual({
      level: "info",
      msg: "teams: feedback",
      fields: { vote: "up", intent: "who_does", role: "database-administrator" },
    });
    expect(t.connector.calls).toHaveLength(1);
  });

  it("a forged button value gets help, not an error", async () => {
    const res = await t.bot.post({
      ...fixture("card-submit", t.connector.serviceUrl),
      value: { whodoes: { do: "rm -rf", role: 1 } },
    });
    expect(res.status).toBe(200);
    expect(t.connector.calls[0]?.body.attachments).toEqual(answerToTeamsMessage(realWhodoes().act({ do: "help" })).attachments);
  });
});
