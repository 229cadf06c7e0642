/**
 * The welcome on conversationUpdate (members added) over loopback HTTP: it offers the tour and its button
 * starts it; once per person per place; never for bots; the bot's own arrival welcomes the place, not itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bodyButtonsOf, button, cardText, expectSendable } from "./card-helpers.js";
import {
  type Activity,
  type ConnectorCall,
  conversation,
  type FakeConnector,
  fixture,
  realWhodoes,
  startBot,
  startFakeConnector,
  type TestBot,
} from "./harness.js";

const BOT = { id: "28:9f1c7a52-3b1e-4c0e-9d0a-6f2b8e4d1a37", name: "whodoes" };
const ADELE = {
  id: "29:1nT5vA2cE9kWq0ZbXy7s3LmPoR4uV8iJhG6fD1aSzX2cV3bN4mK5jH6gF7dS8aQ9wE0rT1yU2iO3pL4kJ5hG6fD",
  name: "Adele Vance",
};
const ALEX = { id: "29:1AlexWilberAbCdEf", name: "Alex Wilber" };
const OTHER_BOT = { id: "28:0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e", name: "Polly" };

let connector: FakeConnector;
let bot: TestBot;

beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});
// A fresh bot (and store) per test: each test's "once" starts from nobody welcomed.
beforeEach(async () => {
  connector.reset();
  bot = await startBot();
});
afterEach(async () => {
  await bot.close();
});

/** Members added to a team (by default the fixture's team), as Teams reports them. */
function membersAdded(members: { id: string; name?: string }[], team?: string): Activity {
  const activity = fixture("member-added-to-team", connector.serviceUrl);
  if (!team) return { ...activity, membersAdded: members };
  const channelData = activity.channelData as { team: object };
  return {
    ...activity,
    membersAdded: members,
    conversation: { ...(activity.conversation as object), id: team },
    channelData: { ...channelData, team: { ...channelData.team, id: team } },
  };
}

async function post(activity: Activity): Promise<ConnectorCall[]> {
  const before = connector.calls.length;
  expect((await bot.post(activity)).status).toBe(200);
  return connector.calls.slice(before);
}

function titleOf(call: ConnectorCall | undefined): string {
  return cardText(expectSendable(call)).split("\n")[0] ?? "";
}

describe("the welcome offers the tour", () => {
  it("'Start onboarding' on the welcome asks which role, then the pick turns that card into step 1", async () => {
    const [welcome] = await post(fixture("personal-install", connector.serviceUrl));
    const card = expectSendable(welcome);
    const start = button(card, "Start onboarding");
    expect(start.data).toEqual({ whodoes: { do: "onboard" } });

    const chat = conversation(bot, connector);
    // The welcome stays: the role choice is a new card.
    const [choose] = await chat.click(start.data, welcome?.messageId ?? "");
    expect(choose?.method).toBe("POST");
    const choices = bodyButtonsOf(expectSendable(choose));
    expect(choices.map((b) => b.title)).toEqual(realWhodoes().knowledge.roles.map((r) => r.name));

    const [step1] = await chat.click(button(expectSendable(choose), "Database administrator").data, choose?.messageId ?? "");
    expect(step1?.method).toBe("PUT");
    expect(step1?.activityId).toBe(choose?.messageId);
    expect(cardText(expectSendable(step1))).toContain("Step 1 of 6");
  });

  it("a new team member's welcome offers it too", async () => {
    const [welcome] = await post(membersAdded([ADELE]));
    expect(titleOf(welcome)).toBe("Welcome, Adele Vance!");
    expect(button(expectSendable(welcome), "Start onboarding").data).toEqual({ whodoes: { do: "onboard" } });
  });
});

describe("once per person per place", () => {
  it("welcomes a person once in a team, again in another team, and only the newcomers of a later update", async () => {
    expect(await post(membersAdded([ADELE]))).toHaveLength(1);
    expect(await post(membersAdded([ADELE]))).toHaveLength(0);

    // Another team is another place.
    const elsewhere = await post(membersAdded([ADELE], "19:other-team@thread.tacv2"));
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]?.conversationId).toBe("19:other-team@thread.tacv2");

    // Adele again with Alex: only Alex is new.
    const both = await post(membersAdded([ADELE, ALEX]));
    expect(both).toHaveLength(1);
    expect(titleOf(both[0])).toBe("Welcome, Alex Wilber!");
  });

  it("a personal chat gets one welcome, whether Teams reports the install, the user, or both", async () => {
    const install = fixture("personal-install", connector.serviceUrl);
    expect(await post(install)).toHaveLength(1);
    expect(await post(install)).toHaveLength(0);
    expect(await post({ ...install, membersAdded: [(install.membersAdded as unknown[])[0]] })).toHaveLength(0);
  });
});

describe("never for bots", () => {
  it("another bot joining a team gets nothing", async () => {
    expect(await post(membersAdded([OTHER_BOT]))).toHaveLength(0);
  });

  it("a bot joining with a person: the person alone is welcomed", async () => {
    const calls = await post(membersAdded([OTHER_BOT, ADELE]));
    expect(calls).toHaveLength(1);
    expect(titleOf(calls[0])).toBe("Welcome, Adele Vance!");
    expect(JSON.stringify(calls[0]?.body)).not.toContain("Polly");
  });

  it("the bot itself being added welcomes the team once, not itself as a person", async () => {
    const added = fixture("bot-added-to-team", connector.serviceUrl);
    const calls = await post(added);
    expect(calls).toHaveLength(1);
    expect(titleOf(calls[0])).toBe("Hi! I tell you who does what in data.");
    expect(cardText(expectSendable(calls[0]))).not.toContain("Welcome, whodoes");
    expect(await post(added)).toHaveLength(0);

    // The install re-sent with a person in it: the team was welcomed already, and the bot is not a newcomer.
    expect(await post({ ...added, id: "f:again", membersAdded: [BOT, ADELE] })).toHaveLength(0);
  });
});
