/**
 * "Ask the data team" and Teams' own 👍/👎, over real HTTP: activities POSTed to the real adapter (local
 * mode), everything the bot sends caught by fake Bot Connectors. The bot is installed in a team (the
 * install activity comes from one connector, the person's chat from another), so the triage post must go
 * where the stored installation says; the asker hears privately where it went and who took it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DIRECTORY_FORMATS } from "../../../src/adapters/platforms.js";
import { createWhodoes, loadKnowledge, parseActionRef, QUESTION_ID } from "../../../src/core/index.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import { recordingWhodoes } from "../../../src/usage/recorder.js";
import { copyKnowledge } from "../../helpers/knowledge-copy.js";
import { bodyButtonsOf, buttonsOf, cardOf, cardText } from "./card-helpers.js";
import {
  type Activity,
  type FakeConnector,
  fixture,
  recordingLogger,
  startBot,
  startFakeConnector,
  type TestBot,
} from "./harness.js";

const TRIAGE = "19:data-questions@thread.tacv2";
const DIRECTORY = `triage:\n  teams:\n    channel: { id: "${TRIAGE}", name: Data questions }\n`;
const DANA = { id: "29:1DanaTheDbaXYZ", name: "Dana Scully" };

let copy: ReturnType<typeof copyKnowledge>;
let personal: FakeConnector; // where the person's own chat with the bot lives
let team: FakeConnector; // where the team the bot was installed in lives
let bot: TestBot;
const store = createMemoryStore();
const logger = recordingLogger();

beforeAll(async () => {
  copy = copyKnowledge();
  copy.write("directory.yaml", DIRECTORY);
  personal = await startFakeConnector();
  team = await startFakeConnector();
  const core = createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));
  bot = await startBot({ whodoes: recordingWhodoes(core, store, { platform: "teams" }), store, logger });
  // The install step: the bot added to the team whose channel is the triage channel.
  const install = fixture("bot-added-to-team", team.serviceUrl);
  const channelData = install.channelData as Record<string, unknown>;
  expect((await bot.post({ ...install, channelData: { ...channelData, channel: { id: TRIAGE } } })).status).toBe(200);
});
afterAll(async () => {
  await bot.close();
  await personal.close();
  await team.close();
  copy.remove();
});
beforeEach(() => {
  personal.reset();
  team.reset();
  logger.lines.length = 0;
});

const megan = fixture("personal-message").from as { id: string; name: string };

/** Megan types `text` in her chat with the bot; the card it answers with. */
async function ask(text: string) {
  expect((await bot.post({ ...fixture("personal-message", personal.serviceUrl), text })).status).toBe(200);
  const call = personal.calls.at(-1);
  return { card: cardOf(call), id: call?.messageId ?? "" };
}

/** A card button pressed by `from` in the personal chat (or, with `channel`, on a post in that channel). */
async function press(data: unknown, from: { id: string; name: string }, replyToId: string, channel?: string) {
  const submit = fixture("card-submit", channel ? team.serviceUrl : personal.serviceUrl);
  const activity: Activity = { ...submit, from, replyToId, value: data };
  if (channel)
    activity.conversation = {
      isGroup: true,
      conversationType: "channel",
      tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      id: `${channel};messageid=${replyToId}`,
    };
  expect((await bot.post(activity)).status).toBe(200);
}

describe("Ask the data team on Teams", () => {
  it("offers it under an out-of-scope answer, naming the question by a random id", async () => {
    const { card } = await ask("when is the all-hands this week?");
    const send = buttonsOf(card).find((b) => b.title === "Ask the data team");
    expect(send?.data.whodoes).toEqual({ do: "handoff", q: expect.stringMatching(QUESTION_ID) });
    expect(JSON.stringify(send)).not.toContain("all-hands");
  });

  it("posts it for the asker, once, in the triage channel through the installation's connector, mentioning them; others cannot", async () => {
    const { card, id } = await ask("when is the all-hands this week?");
    const send = buttonsOf(card).find((b) => b.title === "Ask the data team")?.data;

    await press(send, DANA, id);
    expect(cardText(cardOf(personal.calls.at(-1)))).toBe("Only the person who asked can send this question to the data team.");
    expect(team.calls).toHaveLength(0);

    await press(send, megan, id);
    await press(send, megan, id);
    expect(team.calls).toHaveLength(1);
    const [post] = team.calls;
    expect(post?.method).toBe("POST");
    expect(post?.conversationId).toBe(TRIAGE);
    const postCard = cardOf(post);
    expect(cardText(postCard)).toBe(
      [
        "Question for the data team",
        `<at>${megan.name}</at> asked:`,
        "when is the all-hands this week?",
        "Waiting for someone to take it.",
      ].join("\n"),
    );
    expect(postCard.msteams?.entities).toEqual([
      { type: "mention", text: `<at>${megan.name}</at>`, mentioned: { id: megan.id, name: megan.name } },
    ]);
    expect((postCard.actions ?? []).map((a) => a.title)).toEqual(["Claim", "Answered"]);

    const replies = personal.calls.slice(-2).map((c) => cardText(cardOf(c)));
    expect(replies).toEqual([
      "Sent your question to Data questions. I'll tell you privately when someone takes it.",
      "Your question is already with the data team, in Data questions.",
    ]);
  });

  it("Claim replaces the post for everyone and tells the asker in her chat who took it", async () => {
    const { card, id } = await ask("who books the team offsite?");
    await press(buttonsOf(card).find((b) => b.title === "Ask the data team")?.data, megan, id);
    const post = team.calls.at(-1);
    const claim = (cardOf(post).actions ?? []).find((a) => a.title === "Claim")?.data;
    personal.reset();
    team.reset();

    await press(claim, DANA, post?.messageId ?? "", TRIAGE);
    const update = team.calls.find((c) => c.method === "PUT");
    expect(update?.activityId).toBe(post?.messageId);
    expect(cardText(cardOf(update))).toContain(`Claimed by <at>${DANA.name}</at>`);
    expect((cardOf(update).actions ?? []).map((a) => a.title)).toEqual(["Answered"]);
    // The asker's notice goes to her own chat with the bot, through its connector.
    const notice = personal.calls.at(-1);
    expect(notice?.conversationId).toBe((fixture("personal-message").conversation as { id: string }).id);
    expect(cardText(cardOf(notice))).toBe(`<at>${DANA.name}</at> took your question in Data questions: they'll be in touch.`);
  });

  it("tells someone who asked in a channel privately, in a one-to-one chat the bot starts", async () => {
    const mention = fixture("channel-mention-message", team.serviceUrl);
    const channel = String((mention.conversation as { id: string }).id).split(";")[0] ?? "";
    expect((await bot.post({ ...mention, text: "<at>whodoes</at> when is the christmas party?" })).status).toBe(200);
    const answer = team.calls.at(-1);
    const send = buttonsOf(cardOf(answer)).find((b) => b.title === "Ask the data team")?.data;
    team.reset();
    await press(send, megan, answer?.messageId ?? "", channel);
    // Not a reply in the channel: a one-to-one chat the bot starts with her, and the notice in it.
    const created = team.calls.find((c) => c.created);
    expect(created?.body).toMatchObject({
      isGroup: false,
      members: [{ id: megan.id }],
      tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    });
    const notice = team.calls.find((c) => c.conversationId === created?.conversationId && !c.created);
    expect(cardText(cardOf(notice))).toMatch(/^Sent your question to Data questions/);
  });
});

describe("Teams' own 👍/👎 (the feedback loop)", () => {
  /** A vote on message `replyToId`, as Teams sends it: an invoke naming only that message. */
  const vote = (replyToId: string, reaction: "like" | "dislike") => ({
    ...fixture("personal-message", personal.serviceUrl),
    type: "invoke",
    name: "message/submitAction",
    replyToId,
    value: { actionName: "feedback", actionValue: { reaction, feedback: '{"feedbackText":"my private words"}' } },
  });

  it("turns it on for answers; a 👎 asks which role it should have been and is recorded, the typed feedback never kept", async () => {
    const { id } = await ask("who restores a dropped table?");
    expect(personal.calls.at(-1)?.body.channelData).toMatchObject({ feedbackLoopEnabled: true });
    personal.reset();

    const res = await bot.post(vote(id, "dislike"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const which = cardOf(personal.calls.at(-1));
    expect(cardText(which)).toContain("Which role should it have been?");
    const choices = bodyButtonsOf(which).map((b) => b.data.whodoes);
    expect(choices.at(-1)).toMatchObject({ do: "correct", expected: null, q: expect.stringMatching(QUESTION_ID) });
    expect(logger.lines).toContainEqual({
      level: "info",
      msg: "teams: feedback",
      fields: { vote: "down", intent: "who_does", role: "database-administrator" },
    });

    // 👍: Teams thanks the person itself; the bot records it and says nothing.
    personal.reset();
    expect((await bot.post(vote(id, "like"))).status).toBe(200);
    expect(personal.calls).toHaveLength(0);
    let votes: string[] = [];
    for (let i = 0; i < 50 && votes.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 10));
      votes = (await store.events(new Date(0))).flatMap((e) => (e.type === "feedback" ? [e.vote] : []));
    }
    expect(votes).toEqual(["down", "up"]);
    expect(JSON.stringify(await store.events(new Date(0)))).not.toContain("private words");

    // A correction from the card is recorded with the question it corrects.
    const pick = bodyButtonsOf(which).find((b) => b.title === "Data architect");
    await press(pick?.data, megan, "1");
    let corrections: unknown[] = [];
    for (let i = 0; i < 50 && corrections.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      corrections = (await store.events(new Date(0))).filter((e) => e.type === "correction");
    }
    expect(corrections).toEqual([
      expect.objectContaining({ expected: "data-architect", hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect(parseActionRef(pick?.data.whodoes)).toBeDefined();
  });

  it("answers a vote on a message it does not know with 200 and nothing else", async () => {
    const res = await bot.post(vote("1999999999999", "dislike"));
    expect(res.status).toBe(200);
    expect(personal.calls).toHaveLength(0);
  });
});
