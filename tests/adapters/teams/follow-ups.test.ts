/**
 * Follow-ups through the real CloudAdapter: Bot Framework activities over HTTP (local mode), replies
 * caught by the fake Bot Connector. A personal chat keeps its last turn; a channel thread keeps one per
 * person; a card's button becomes the last turn too.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONVERSATION_TTL_MS } from "../../../src/adapters/conversations.js";
import { conversationStore } from "../../helpers/conversation-store.js";
import { buttonsOf, cardOf } from "./card-helpers.js";
import { conversation, fixture, realWhodoes, useBot } from "./harness.js";

const store = conversationStore();
const t = useBot({ store });
let n = 0;
/** A conversation of its own for each test, so none leans on another's last turn. */
const chat = (fixtureName = "personal-message") => {
  const base = fixture(fixtureName, "http://unused/").conversation as { id: string };
  return conversation(t.bot, t.connector, { fixture: fixtureName, id: `${base.id}-followups-${++n}` });
};
const summaryOf = (calls: { body: Record<string, unknown> }[]) => {
  expect(calls).toHaveLength(1);
  return calls[0]?.body.summary;
};
const ask = (text: string) => realWhodoes().ask(text).summary;

describe("Teams follow-ups", () => {
  it("in a personal chat, 'how do they work with the DBA?' follows the role asked about", async () => {
    const c = chat();
    expect(summaryOf(await c.say("what does a data architect do?"))).toBe(ask("what does a data architect do?"));
    const pair = realWhodoes().act({ do: "collaborate", role: "data-architect", with: "database-administrator" }).summary;
    expect(summaryOf(await c.say("how do they work with the DBA?"))).toBe(pair);
    expect(pair).not.toBe(ask("how do they work with the DBA?"));
  });

  it("a new topic is read on its own, and another chat has a context of its own", async () => {
    const c = chat();
    await c.say("who restores a dropped table?");
    expect(summaryOf(await c.say("who designs the partitioning?"))).toBe(ask("who designs the partitioning?"));
    expect(summaryOf(await chat().say("what else do they do?"))).toBe(ask("what else do they do?"));
  });

  it("'next' typed during the tour moves it on, as the Next button does", async () => {
    const c = chat();
    await c.say("I'm a new DBA, where do I start?");
    const step2 = realWhodoes().act({ do: "onboard", role: "database-administrator", step: 2 }).summary;
    expect(summaryOf(await c.say("next"))).toBe(step2);
    expect(step2).not.toBe(ask("next"));
  });

  it("a card's button becomes the last turn", async () => {
    const c = chat();
    const [answer] = await c.say("who restores a dropped table?");
    const compare = buttonsOf(cardOf(answer)).find((b) => b.data.whodoes.do === "compare");
    if (!compare) throw new Error("no Compare button on the answer");
    await c.click(compare.data, "bot-answer-1");
    const [a, b] = (compare.data.whodoes as { roles: [string, string] }).roles;
    const together = realWhodoes().act({ do: "collaborate", role: a, with: b }).summary;
    expect(summaryOf(await c.say("how do they work together?"))).toBe(together);
  });

  it("in a channel thread, each person has their own last turn", async () => {
    const c = chat("channel-mention-message");
    await c.say("who restores a dropped table?");
    const described = realWhodoes().act({ do: "describe", role: "database-administrator" }).summary;
    const before = t.connector.calls.length;
    // Someone else in the thread asks the same follow-up: it leans on nothing of theirs.
    const base = fixture("channel-mention-message", t.connector.serviceUrl);
    const conversationId = `${(base.conversation as { id: string }).id}-followups-${n}`;
    await t.bot.post({
      ...base,
      id: "other-person-1",
      text: "what else do they do?",
      conversation: { ...(base.conversation as object), id: conversationId },
      from: { id: "29:someone-else", name: "Someone Else", aadObjectId: "0a0b0c0d-0000-4000-8000-000000000001" },
    });
    expect(summaryOf(t.connector.calls.slice(before))).toBe(ask("what else do they do?"));
    expect(summaryOf(await c.say("what else do they do?"))).toBe(described);
  });

  it("forgets a chat's last turn after its time-to-live", async () => {
    const c = chat();
    await c.say("who restores a dropped table?");
    store.advance(DEFAULT_CONVERSATION_TTL_MS + 1);
    expect(summaryOf(await c.say("what else do they do?"))).toBe(ask("what else do they do?"));
  });
});
