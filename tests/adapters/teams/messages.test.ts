/**
 * Teams messages over real HTTP: fixture activities POSTed to /api/messages, replies caught by a loopback
 * fake Bot Connector. Local mode (no app id), as with the Bot Framework Emulator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../../../src/render/teams.js";
import { answerToTeamsMessage } from "../../../src/render/teams.js";
import { TEAMS_MAX_CARD_VERSION } from "../../../src/render/teams-limits.js";
import { bodyButtonsOf, buttonsOf, cardOf, cardText, versionAtMost } from "./card-helpers.js";
import {
  type FakeConnector,
  fixture,
  realWhodoes,
  recordingLogger,
  startBot,
  startFakeConnector,
  type TestBot,
} from "./harness.js";

const BOT_ID = "28:9f1c7a52-3b1e-4c0e-9d0a-6f2b8e4d1a37";

let connector: FakeConnector;
let bot: TestBot;
const logger = recordingLogger();

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startBot({ logger });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});
beforeEach(() => {
  connector.reset();
  logger.lines.length = 0;
});

describe("a personal message", () => {
  it("gets an Adaptive Card answer with the best role, replied to the message", async () => {
    const activity = fixture("personal-message", connector.serviceUrl);
    const res = await bot.post(activity);
    expect(res.status).toBe(200);

    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0];
    expect(call?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(call?.replyToId).toBe(activity.id);
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
    expect(text).toMatch(/Matched: .*backups/);
    expect(JSON.stringify(card.body)).toContain('"weight":"bolder"');
    // Text fallbacks: the activity's summary and the card's fallbackText.
    expect(call?.body.summary).toMatch(/^Database administrator/);
    expect(card.fallbackText).toContain("Database administrator");
    expect(Buffer.byteLength(JSON.stringify(call?.body))).toBeLessThan(28 * 1024);

    // Buttons mirror Slack's: describe, compare, collaborate, onboard, feedback.
    const refs = buttonsOf(card).map((b) => b.data.whodoes.do);
    expect(refs).toEqual(["describe", "compare", "collaborate", "onboard", "feedback", "feedback"]);
    expect(buttonsOf(card)[0]).toEqual({
      type: "Action.Submit",
      title: "What does a DBA do?",
      data: { whodoes: { do: "describe", role: "database-administrator" } },
    });
  });

  it("renders exactly the core's answer", async () => {
    await bot.post(fixture("personal-message", connector.serviceUrl));
    const expected = answerToTeamsMessage(realWhodoes().ask("who restores a dropped table?"));
    expect(connector.calls[0]?.body.attachments).toEqual(expected.attachments);
    expect(connector.calls[0]?.body.summary).toBe(expected.summary);
  });

  it("decodes Teams' HTML before asking", async () => {
    const activity = {
      ...fixture("personal-message", connector.serviceUrl),
      text: "<p>who restores a dropped table&#63;&nbsp;&amp; who patches?</p>",
    };
    await bot.post(activity);
    const expected = answerToTeamsMessage(realWhodoes().ask("who restores a dropped table? & who patches?"));
    expect(connector.calls[0]?.body.attachments).toEqual(expected.attachments);
  });

  it("answers the help command with usage from the knowledge base", async () => {
    await bot.post({ ...fixture("personal-message", connector.serviceUrl), text: "help" });
    const expected = answerToTeamsMessage(realWhodoes().ask("help"));
    expect(connector.calls[0]?.body.attachments).toEqual(expected.attachments);
    expect(cardText(cardOf(connector.calls[0]))).toContain(
      realWhodoes().knowledge.intents.find((i) => i.id === "who_does")?.examples[0] ?? "?",
    );
  });

  it.each(["roles", "compare DBA and data architect", "onboard data manager"])(
    "passes the %s command to the core as text",
    async (text) => {
      await bot.post({ ...fixture("personal-message", connector.serviceUrl), text });
      expect(connector.calls[0]?.body.attachments).toEqual(answerToTeamsMessage(realWhodoes().ask(text)).attachments);
    },
  );
});

describe("a channel message", () => {
  it("strips only the bot's own @mention and answers in the thread", async () => {
    const activity = fixture("channel-mention-message", connector.serviceUrl);
    const res = await bot.post(activity);
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0];
    expect(call?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(call?.replyToId).toBe(activity.id);
    // Adele's mention stays as her name; the bot's is gone.
    const expected = answerToTeamsMessage(realWhodoes().ask("who restores a dropped table? asking for Adele Vance"));
    expect(call?.body.attachments).toEqual(expected.attachments);
    expect(cardText(cardOf(call)).split("\n")[0]).toBe("Database administrator");
  });

  it("answers a bare @mention with help", async () => {
    await bot.post({ ...fixture("channel-mention-message", connector.serviceUrl), text: "<at>whodoes</at>" });
    expect(connector.calls[0]?.body.attachments).toEqual(answerToTeamsMessage(realWhodoes().act({ do: "help" })).attachments);
  });
});

describe("card buttons", () => {
  async function firstCard(text: string): Promise<AdaptiveCard> {
    await bot.post({ ...fixture("personal-message", connector.serviceUrl), text });
    const card = cardOf(connector.calls[0]);
    connector.reset();
    return card;
  }

  it("every button of an answer gets the core's answer for its action", async () => {
    const card = await firstCard("who restores a dropped table?");
    const buttons = buttonsOf(card);
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    for (const button of buttons) {
      connector.reset();
      const res = await bot.post({ ...fixture("card-submit", connector.serviceUrl), value: button.data });
      expect(res.status, button.title).toBe(200);
      expect(connector.calls, button.title).toHaveLength(1);
      const expected = answerToTeamsMessage(realWhodoes().act(button.data.whodoes));
      expect(connector.calls[0]?.body.attachments, button.title).toEqual(expected.attachments);
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
      connector.reset();
      await bot.post({ ...fixture("card-submit", connector.serviceUrl), value: choice.data });
      expect(connector.calls[0]?.body.attachments).toEqual(
        answerToTeamsMessage(realWhodoes().act(choice.data.whodoes)).attachments,
      );
    }
  });

  it("records feedback votes", async () => {
    const value = { whodoes: { do: "feedback", vote: "up", intent: "who_does", role: "database-administrator" } };
    await bot.post({ ...fixture("card-submit", connector.serviceUrl), value });
    expect(logger.lines).toContainEqual({
      level: "info",
      msg: "teams: feedback",
      fields: { vote: "up", intent: "who_does", role: "database-administrator" },
    });
    expect(connector.calls).toHaveLength(1);
  });

  it("a forged button value gets help, not an error", async () => {
    const res = await bot.post({
      ...fixture("card-submit", connector.serviceUrl),
      value: { whodoes: { do: "rm -rf", role: 1 } },
    });
    expect(res.status).toBe(200);
    expect(connector.calls[0]?.body.attachments).toEqual(answerToTeamsMessage(realWhodoes().act({ do: "help" })).attachments);
  });
});
