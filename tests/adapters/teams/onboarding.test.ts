/**
 * The onboarding tour in Teams, driven end to end over loopback HTTP by the card submits Teams sends:
 * started from a button, the `onboard` command or a question; Next, Back, the quiz (right and wrong), Done.
 * Tour navigation updates the clicked card in place (PUT on the message that held it); starting a tour from
 * another card adds a new card, so the answer the user was reading stays.
 */

import { describe, expect, it } from "vitest";
import { DISPLAY } from "../../../src/core/answers/display.js";
import type { AdaptiveCard } from "../../../src/render/teams.js";
import { bodyButtonsOf, button, cardText, expectSendable } from "./card-helpers.js";
import {
  type ConnectorCall,
  conversation,
  realWhodoes,
  recordingLogger,
  startBot,
  startFakeConnector,
  useBot,
} from "./harness.js";

const DBA = "database-administrator";

const t = useBot();

function role(id: string) {
  const found = realWhodoes().knowledge.roles.find((r) => r.id === id);
  if (!found) throw new Error(`no role ${id} in the knowledge`);
  return found;
}

/** The one call a turn made: a new card (POST) or an update (PUT) of `messageId`. */
function onlyCall(calls: ConnectorCall[], expected: { update: string } | "reply"): ConnectorCall {
  expect(calls, JSON.stringify(calls.map((c) => `${c.method} ${c.path}`))).toHaveLength(1);
  const call = calls[0] as ConnectorCall;
  if (expected === "reply") {
    expect(call.method).toBe("POST");
  } else {
    expect(call.method).toBe("PUT");
    expect(call.activityId).toBe(expected.update);
    expect(call.body.id).toBe(expected.update);
  }
  return call;
}

function title(card: AdaptiveCard): string {
  return cardText(card).split("\n")[0] ?? "";
}

describe("starting the tour", () => {
  it("from the 'Start onboarding' button under an answer: a new card, the answer stays", async () => {
    const chat = conversation(t.bot, t.connector);
    const answer = onlyCall(await chat.say("who restores a dropped table?"), "reply");
    const start = button(expectSendable(answer), "Start onboarding");
    expect(start.data).toEqual({ whodoes: { do: "onboard", role: DBA, step: 1 } });

    const step1 = expectSendable(onlyCall(await chat.click(start.data, answer.messageId), "reply"));
    expect(title(step1)).toBe("Database administrator: At a glance");
    expect(cardText(step1)).toContain("Step 1 of 6");
    expect(cardText(step1)).toContain(role(DBA).summary);
    expect(t.connector.calls.filter((c) => c.method === "PUT")).toHaveLength(0);
  });

  it("from the onboard command", async () => {
    const chat = conversation(t.bot, t.connector);
    const card = expectSendable(onlyCall(await chat.say("onboard dba"), "reply"));
    expect(title(card)).toBe("Database administrator: At a glance");
    expect(cardText(card)).toContain("Step 1 of 6");
    expect(card.actions?.map((a) => a.title)).toEqual(["Next", "Done"]);
  });

  it("from a question naming the role", async () => {
    const chat = conversation(t.bot, t.connector);
    const card = expectSendable(onlyCall(await chat.say("just started as a DBA, what should I read first?"), "reply"));
    expect(title(card)).toBe("Database administrator: At a glance");
  });

  it("with no role named, asks which one with a button per role; a pick turns that card into step 1", async () => {
    const chat = conversation(t.bot, t.connector);
    const choose = onlyCall(await chat.say("I'm new on the data side"), "reply");
    const card = expectSendable(choose);
    expect(cardText(card)).toContain("Which role are you starting in?");
    const choices = bodyButtonsOf(card);
    expect(choices.map((b) => b.title)).toEqual(realWhodoes().knowledge.roles.map((r) => r.name));

    const pick = button(card, "Data manager");
    expect(pick.data).toEqual({ whodoes: { do: "onboard", role: "data-manager", step: 1 }, replace: true });
    const step1 = expectSendable(onlyCall(await chat.click(pick.data, choose.messageId), { update: choose.messageId }));
    expect(title(step1)).toBe("Data manager: At a glance");
    expect(cardText(step1)).toContain("Step 1 of 6");
  });
});

describe("the whole tour, one card updated in place", () => {
  it("Next, Next, Back, … the quiz right and wrong, Done", async () => {
    const chat = conversation(t.bot, t.connector);
    const dba = role(DBA);
    const first = onlyCall(await chat.say("onboard dba"), "reply");
    const id = first.messageId;
    let card = expectSendable(first);

    /** Click a button on the card in view; the same message is updated with the next card. */
    async function click(label: string | RegExp): Promise<AdaptiveCard> {
      const calls = await chat.click(button(card, label).data, id);
      card = expectSendable(onlyCall(calls, { update: id }));
      return card;
    }
    const progress = (n: number) => expect(cardText(card)).toContain(`Step ${n} of 6`);

    await click("Next");
    progress(2);
    expect(title(card)).toBe("Database administrator: Key responsibilities");
    // The key ones (the seed's first), and how many more: a role holds dozens.
    for (const r of dba.responsibilities.slice(0, DISPLAY.keyResponsibilities)) expect(cardText(card)).toContain(r.statement);
    expect(cardText(card)).toContain(`and ${dba.responsibilities.length - DISPLAY.keyResponsibilities} more`);

    await click("Next");
    progress(3);
    expect(title(card)).toBe("Database administrator: Who you work with");
    const partner = role(dba.worksWith[0]?.role ?? "");
    expect(cardText(card)).toContain(partner.name);

    await click("Back");
    progress(2);
    expect(title(card)).toBe("Database administrator: Key responsibilities");

    await click("Next");
    progress(3);
    await click("Next");
    progress(4);
    expect(cardText(card)).toContain(dba.example);
    await click("Next");
    progress(5);
    expect(cardText(card)).toContain(`1. ${dba.firstWeek[0]}`);

    await click("Next");
    progress(6);
    expect(title(card)).toBe("Database administrator: quiz 1 of 3");
    expect(
      bodyButtonsOf(card)
        .map((b) => b.title)
        .sort(),
    ).toContain(dba.name);

    // A right answer: "Right" and the reason, the responsibility asked about.
    const question1 = cardText(card);
    await click(dba.name);
    progress(6);
    expect(title(card)).toBe("Correct");
    expect(cardText(card)).toContain("Right: it's the database administrator.");
    const reason = cardText(card)
      .split("\n")
      .find((l) => l.startsWith(`${dba.name}: `));
    expect(reason, "the reason names the responsibility").toBeDefined();
    const statement = (reason ?? "")
      .slice(dba.name.length + 2)
      .replace(/\.$/, "")
      .toLowerCase();
    expect(question1.toLowerCase()).toContain(statement);

    await click("Next question");
    expect(title(card)).toBe("Database administrator: quiz 2 of 3");

    // A wrong answer: "Not quite", and the reason names the right role. Question 2 asks about a partner's work,
    // so the tour's own role is the wrong guess.
    await click(dba.name);
    expect(title(card)).toBe("Not quite");
    expect(cardText(card)).toContain("Not quite: it's the data architect, not the database administrator.");
    expect(cardText(card)).toMatch(/^Data architect: .+/m);

    await click("Next question");
    expect(title(card)).toBe("Database administrator: quiz 3 of 3");
    await click("Data manager");
    expect(title(card)).toBe("Correct");
    expect(card.actions?.map((a) => a.title)).toEqual(["Back", "Done"]);

    await click("Done");
    expect(title(card)).toBe(`You're set, ${dba.short}`);
    expect(cardText(card)).toContain("That's the tour.");
    expect(cardText(card)).not.toContain("Step ");

    // All on one message: nothing was posted after the first card.
    expect(t.connector.calls.filter((c) => c.method === "POST")).toHaveLength(1);
    expect(t.connector.unexpected).toEqual([]);
  });

  it("Done from any step ends the tour on the same card; its other buttons add new cards", async () => {
    const chat = conversation(t.bot, t.connector);
    const first = onlyCall(await chat.say("onboard data architect"), "reply");
    const done = button(expectSendable(first), "Done");
    const finished = expectSendable(onlyCall(await chat.click(done.data, first.messageId), { update: first.messageId }));
    expect(title(finished)).toBe(`You're set, ${role("data-architect").short}`);

    // "List the roles" is a new answer, not tour navigation: the finished card stays.
    const roles = button(finished, /roles/i);
    expect(roles.data.replace).toBeUndefined();
    onlyCall(await chat.click(roles.data, first.messageId), "reply");
  });

  it("works in a channel thread too, updating the card in that conversation", async () => {
    const channelId = "19:b3a4c2d1e0f94b8a9c7d6e5f4a3b2c1d@thread.tacv2;messageid=1764062431118";
    const chat = conversation(t.bot, t.connector, { fixture: "channel-mention-message", id: channelId });
    const first = onlyCall(await chat.say("<at>whodoes</at> onboard dba"), "reply");
    expect(first.conversationId).toBe(channelId);
    const next = button(expectSendable(first), "Next");
    const call = onlyCall(await chat.click(next.data, first.messageId), { update: first.messageId });
    expect(call.conversationId).toBe(channelId);
    expect(call.path).toBe(`/v3/conversations/${channelId}/activities/${first.messageId}`);
    expect(cardText(expectSendable(call))).toContain("Step 2 of 6");
  });

  it("a click that does not say which message held the card gets a new card", async () => {
    const chat = conversation(t.bot, t.connector);
    const value = { whodoes: { do: "onboard", role: DBA, step: 2 }, replace: true };
    const calls = await chat.click(value, "");
    expect(cardText(expectSendable(onlyCall(calls, "reply")))).toContain("Step 2 of 6");
  });
});

describe("when Teams refuses the update", () => {
  it("replies with the next card instead, and says so in the log", async () => {
    const refusing = await startFakeConnector({ failUpdatesWith: 404 });
    const logger = recordingLogger();
    const other = await startBot({ logger });
    try {
      const chat = conversation(other, refusing);
      const first = onlyCall(await chat.say("onboard dba"), "reply");
      const next = button(expectSendable(first), "Next");
      const calls = await chat.click(next.data, first.messageId);
      expect(calls.map((c) => c.method)).toEqual(["PUT", "POST"]);
      expect(cardText(expectSendable(calls[1]))).toContain("Step 2 of 6");
      expect(logger.lines.some((l) => l.level === "warn" && /update the card in place/.test(l.msg))).toBe(true);
    } finally {
      await other.close();
      await refusing.close();
    }
  });
});
