/**
 * The Teams `compare` command and the "Compare all roles" button over real HTTP: the answer is a card with
 * an Adaptive Cards 1.5 Table, and with PUBLIC_URL the picture under it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardOf } from "./card-helpers.js";
import { conversation, type FakeConnector, startBot, startFakeConnector, type TestBot } from "./harness.js";

const PUBLIC = "https://whodoes.example.com";

describe("Teams: every role side by side", () => {
  let connector: FakeConnector;
  let plain: TestBot;
  let withPicture: TestBot;
  beforeAll(async () => {
    connector = await startFakeConnector();
    plain = await startBot();
    withPicture = await startBot({ publicUrl: PUBLIC });
  });
  afterAll(async () => {
    await plain.close();
    await withPicture.close();
    await connector.close();
  });

  it("answers the compare command with a 1.5 Table card, the table alone without PUBLIC_URL", async () => {
    const [call] = await conversation(plain, connector).say("compare");
    const card = cardOf(call);
    expect(card.version).toBe("1.5");
    const table = card.body.find((e) => e.type === "Table");
    expect(table?.type === "Table" && table.rows[0]?.cells.length).toBe(5);
    expect(JSON.stringify(table)).toContain("Is the data trustworthy and allowed?");
    expect(card.body.some((e) => e.type === "Image")).toBe(false);
    expect(call?.body.summary).toMatch(/^The data roles side by side: /);
  });

  it("shows the picture from PUBLIC_URL, and the help card's button asks for the same table", async () => {
    const talk = conversation(withPicture, connector);
    const [help] = await talk.say("help");
    const button = cardOf(help).actions?.find((a) => a.title === "Compare all roles");
    expect(button?.data).toEqual({ whodoes: { do: "compareAll" } });
    const [call] = await talk.click(button?.data, String(help?.body.id ?? "help-card"));
    const card = cardOf(call);
    const image = card.body.find((e) => e.type === "Image");
    expect(image).toMatchObject({
      type: "Image",
      url: expect.stringMatching(/^https:\/\/whodoes\.example\.com\/compare\.png\?v=/),
    });
  });
});
