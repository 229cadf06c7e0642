/**
 * Answers with and without an organisation directory, over loopback HTTP. With intents/directory.yaml the
 * card says "In your organisation" with real Teams mentions (`<at>Name</at>` in a TextBlock plus a matching
 * mention entity under the card's `msteams.entities`) and channel links; without it none of that appears.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DIRECTORY_FORMATS } from "../../../src/adapters/platforms.js";
import { createWhodoes, loadKnowledge } from "../../../src/core/index.js";
import type { AdaptiveCard } from "../../../src/render/teams.js";
import { copyKnowledge } from "../../helpers/knowledge-copy.js";
import { button, cardText, expectSendable } from "./card-helpers.js";
import { conversation, type FakeConnector, startBot, startFakeConnector, type TestBot } from "./harness.js";

const DIRECTORY = `roles:
  database-administrator:
    teams:
      users:
        - { id: "29:1DbaLeeChen", name: Lee Chen }
        - { id: "8:orgid:0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f", name: Sam Okafor }
      channels:
        - { id: "19:dba-oncall@thread.tacv2", name: DBA on-call }
    emails: [dba@hospital.example]
    note: On-call rota in PagerDuty.
  data-architect:
    teams:
      users:
        - { id: "29:1ArchitectMarcoRossi", name: Marco Rossi }
  data-manager:
    slack:
      users: [U04MGR0001]
`;

const LEE = { type: "mention", text: "<at>Lee Chen</at>", mentioned: { id: "29:1DbaLeeChen", name: "Lee Chen" } };
const SAM = {
  type: "mention",
  text: "<at>Sam Okafor</at>",
  mentioned: { id: "0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f", name: "Sam Okafor" },
};
const MARCO = {
  type: "mention",
  text: "<at>Marco Rossi</at>",
  mentioned: { id: "29:1ArchitectMarcoRossi", name: "Marco Rossi" },
};
const CHANNEL_LINK = "https://teams.microsoft.com/l/channel/19%3Adba-oncall%40thread.tacv2/DBA%20on-call";

let connector: FakeConnector;
let withDirectory: TestBot;
let withoutDirectory: TestBot;
const copies: ReturnType<typeof copyKnowledge>[] = [];

beforeAll(async () => {
  connector = await startFakeConnector();
  const directory = copyKnowledge();
  directory.write("directory.yaml", DIRECTORY);
  const plain = copyKnowledge();
  rmSync(join(plain.dir, "directory.yaml"), { force: true });
  copies.push(directory, plain);
  withDirectory = await startBot({ whodoes: createWhodoes(loadKnowledge(directory.dir, { platforms: DIRECTORY_FORMATS })) });
  withoutDirectory = await startBot({ whodoes: createWhodoes(loadKnowledge(plain.dir)) });
});
afterAll(async () => {
  await withDirectory.close();
  await withoutDirectory.close();
  await connector.close();
  for (const c of copies) c.remove();
});
beforeEach(() => connector.reset());

/** The TextBlocks' text: the only place Teams resolves `<at>` mentions. */
function textBlocks(card: AdaptiveCard): string[] {
  const found: string[] = [];
  const walk = (items: unknown[]) => {
    for (const item of items as { type: string; text?: string; items?: unknown[] }[]) {
      if (item.type === "TextBlock") found.push(item.text ?? "");
      if (item.type === "Container") walk(item.items ?? []);
    }
  };
  walk(card.body);
  return found;
}

function linksOf(card: AdaptiveCard): string[] {
  return [...JSON.stringify(card.body).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] ?? "");
}

/** Every entity's text is on the card in a TextBlock, and every `<at>` on the card has its entity. */
function expectMentionsResolve(card: AdaptiveCard): void {
  const blocks = textBlocks(card).join("\n");
  const entities = card.msteams?.entities ?? [];
  for (const e of entities) expect(blocks).toContain(e.text);
  for (const tag of blocks.match(/<at>[^<]*<\/at>/g) ?? []) expect(entities.map((e) => e.text)).toContain(tag);
}

async function ask(bot: TestBot, text: string): Promise<AdaptiveCard> {
  const [call] = await conversation(bot, connector).say(text);
  return expectSendable(call);
}

describe("with a directory", () => {
  it("an answer names who holds the role here, with real mentions and the channel link", async () => {
    const card = await ask(withDirectory, "who restores a dropped table?");
    const text = cardText(card);
    expect(text.split("\n")[0]).toBe("Database administrator");
    expect(text).toContain("In your organisation · Database administrator");
    expect(textBlocks(card)).toContain("<at>Lee Chen</at>, <at>Sam Okafor</at>");
    expect(card.msteams).toEqual({ entities: [LEE, SAM] });
    expectMentionsResolve(card);
    expect(linksOf(card)).toContain(CHANNEL_LINK);
    expect(text).toContain("DBA on-call, dba@hospital.example");
    expect(text).toContain("On-call rota in PagerDuty.");
  });

  it("'What does a DBA do?' names them too", async () => {
    const chat = conversation(withDirectory, connector);
    const [answer] = await chat.say("who restores a dropped table?");
    const describe = button(expectSendable(answer), /^What does a/);
    const [call] = await chat.click(describe.data, answer?.messageId ?? "");
    const card = expectSendable(call);
    expect(cardText(card)).toContain("In your organisation");
    expect(card.msteams?.entities).toEqual([LEE, SAM]);
    expectMentionsResolve(card);
  });

  it("the tour's first step names the role's people, and 'who you work with' names the partners'", async () => {
    const chat = conversation(withDirectory, connector);
    const [first] = await chat.say("onboard data architect");
    const step1 = expectSendable(first);
    expect(cardText(step1)).toContain("In your organisation · Data architect");
    expect(step1.msteams?.entities).toEqual([MARCO]);

    const id = first?.messageId ?? "";
    const [second] = await chat.click(button(step1, "Next").data, id);
    const [third] = await chat.click(button(expectSendable(second), "Next").data, id);
    expect(third?.method).toBe("PUT");
    const step3 = expectSendable(third);
    expect(cardText(step3)).toContain("Step 3 of 6");
    expect(cardText(step3)).toContain("In your organisation · Database administrator");
    expect(step3.msteams?.entities).toEqual([LEE, SAM]);
    expectMentionsResolve(step3);
    expect(linksOf(step3)).toContain(CHANNEL_LINK);
  });

  it("a role with only Slack contacts points to Slack rather than printing Slack ids", async () => {
    const card = await ask(withDirectory, "onboard data manager");
    expect(cardText(card)).toContain("See Slack for who to contact.");
    expect(JSON.stringify(card)).not.toContain("U04MGR0001");
    expect(card.msteams).toBeUndefined();
  });
});

describe("without a directory", () => {
  it.each(["who restores a dropped table?", "what does a data architect do?", "onboard dba"])(
    "%s: no 'In your organisation', no mentions, no channel links",
    async (question) => {
      const card = await ask(withoutDirectory, question);
      const json = JSON.stringify(card);
      expect(cardText(card)).not.toContain("In your organisation");
      expect(card.msteams).toBeUndefined();
      expect(json).not.toContain("<at>");
      expect(json).not.toContain("teams.microsoft.com/l/channel");
      expect(textBlocks(card)).toEqual([]);
    },
  );

  it("the tour's 'who you work with' lists the partner roles only", async () => {
    const chat = conversation(withoutDirectory, connector);
    const [first] = await chat.say("onboard data architect");
    const id = first?.messageId ?? "";
    const [second] = await chat.click(button(expectSendable(first), "Next").data, id);
    const [third] = await chat.click(button(expectSendable(second), "Next").data, id);
    const step3 = expectSendable(third);
    expect(cardText(step3)).toContain("Database administrator");
    expect(cardText(step3)).not.toContain("In your organisation");
    expect(step3.msteams).toBeUndefined();
  });
});
