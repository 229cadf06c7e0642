import { describe, expect, it } from "vitest";
import { parseActionRef } from "../../../src/core/index.js";
import { TOUR_BLOCK_ID_PREFIX } from "../../../src/render/slack.js";
import {
  asMessage,
  type Button,
  buttonLabelled,
  buttonsOf,
  headerOf,
  type Message,
  progressOf,
  textsOf,
} from "./support/block-kit.js";
import { fixture } from "./support/fixtures.js";
import { useHttpHarness } from "./support/harness.js";

type ActionPayload = Record<string, unknown> & { actions: Record<string, unknown>[]; message: Record<string, unknown> };
type EventCallback = { event_id: string; event: Record<string, unknown> };

const DM = "D0LAN6B4N";
const DBA = "Database administrator";

describe("the onboarding tour, clicked through in Slack (block_actions, HTTP mode)", () => {
  const h = useHttpHarness();

  let seq = 0;
  /** Click `button` on the DM message `ts`, as Slack sends it (the row's block_id included). */
  async function clickInDm(ts: string, button: Button & { blockId: string | undefined }): Promise<void> {
    seq += 1;
    const payload = fixture<ActionPayload>("block-actions-message");
    payload.container = { type: "message", message_ts: ts, channel_id: DM, is_ephemeral: false };
    payload.channel = { id: DM, name: "directmessage" };
    payload.message = { ...payload.message, ts, thread_ts: undefined };
    payload.response_url = h.slack.responseUrl(`tour-unused-${seq}`);
    payload.actions = [
      { ...payload.actions[0], action_id: button.action_id, block_id: button.blockId, value: button.value, text: button.text },
    ];
    expect((await h.postAction(payload)).status).toBe(200);
  }

  /** Click a labelled button on the card and return the card as chat.update rewrote it. */
  let updates = 0;
  async function next(card: Message, ts: string, label: string): Promise<Message> {
    await clickInDm(ts, buttonLabelled(card, label));
    updates += 1;
    const calls = await h.slack.waitFor((c) => c.method === "chat.update" && c.body.ts === ts, updates);
    const call = calls[updates - 1];
    expect(call?.body.channel).toBe(DM);
    return asMessage(call?.body);
  }

  it("asks which role when none is named, then walks the whole tour in one card: next, back, quiz right and wrong, done", async () => {
    const ask = fixture<EventCallback>("message-im");
    ask.event_id = "Ev0TOURASK";
    ask.event = { ...ask.event, text: "I'm new on the data side", ts: "1515470000.000100", event_ts: "1515470000.000100" };
    await h.postEvent(ask);
    const [first] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === DM);
    let card = asMessage(first?.body);
    const posts = () => h.slack.calls.filter((c) => c.method === "chat.postMessage").length;
    const postsBefore = posts();

    // Which role? One button per role, on rows marked as the tour's.
    expect(headerOf(card)).toBe("Welcome to the data team");
    expect(textsOf(card)).toContain("Which role are you starting in?");
    expect(buttonsOf(card).map((b) => b.text.text)).toEqual(["Data architect", "Data manager", "Data warehouse engineer", DBA]);
    for (const b of buttonsOf(card)) expect(b.blockId?.startsWith(TOUR_BLOCK_ID_PREFIX)).toBe(true);

    // The card the person clicks is the one the bot posted; its ts is Slack's.
    const ts = "1515470000.000200";
    card = await next(card, ts, DBA);
    expect(headerOf(card)).toBe("Database administrator: At a glance");
    expect(progressOf(card)).toBe("Step 1 of 6");
    expect(card.text).toBe("Onboarding as database administrator, step 1 of 6: at a glance.");
    expect(textsOf(card).join("\n")).toContain("*Database administrator* · _The operational gatekeeper_");
    expect(buttonsOf(card).map((b) => b.text.text)).toEqual(["Next", "Done"]);

    card = await next(card, ts, "Next");
    expect([headerOf(card), progressOf(card)]).toEqual(["Database administrator: Key responsibilities", "Step 2 of 6"]);
    expect(textsOf(card).join("\n")).toContain("• Runs routine backups and restores data when it is lost.");
    expect(buttonsOf(card).map((b) => b.text.text)).toEqual(["Back", "Next", "Done"]);

    card = await next(card, ts, "Next");
    expect([headerOf(card), progressOf(card)]).toEqual(["Database administrator: Who you work with", "Step 3 of 6"]);

    card = await next(card, ts, "Back");
    expect([headerOf(card), progressOf(card)]).toEqual(["Database administrator: Key responsibilities", "Step 2 of 6"]);

    card = await next(card, ts, "Next");
    card = await next(card, ts, "Next");
    expect([headerOf(card), progressOf(card)]).toEqual(["Database administrator: In the example", "Step 4 of 6"]);
    card = await next(card, ts, "Next");
    expect([headerOf(card), progressOf(card)]).toEqual(["Database administrator: Your first week", "Step 5 of 6"]);
    expect(textsOf(card).some((t) => t.startsWith("1. "))).toBe(true);

    // The quiz: question 1, answered right.
    card = await next(card, ts, "Next");
    expect([headerOf(card), progressOf(card)]).toEqual(["Database administrator: quiz 1 of 3", "Step 6 of 6"]);
    expect(card.text).toBe("Who runs routine backups and restores data when it is lost?");
    expect(buttonsOf(card).map((b) => b.text.text)).toEqual([
      "Data architect",
      "Data manager",
      "Data warehouse engineer",
      DBA,
      "Back",
      "Done",
    ]);
    expect(parseActionRef(buttonLabelled(card, DBA).value)).toMatchObject({ do: "quiz", role: "database-administrator", q: 1 });
    card = await next(card, ts, DBA);
    expect(headerOf(card)).toBe("Correct");
    expect(textsOf(card)).toContain("Right: it's the database administrator.");
    expect(textsOf(card)).toContain("Database administrator: Runs routine backups and restores data when it is lost.");

    // Question 2, answered wrong: the verdict and the reason. It asks about a partner's work, so the tour's
    // own role, the easy guess, is wrong.
    card = await next(card, ts, "Next question");
    expect(headerOf(card)).toBe("Database administrator: quiz 2 of 3");
    const asked = card.text.replace(/^Who /, "").replace(/\?$/, "");
    card = await next(card, ts, DBA);
    expect(headerOf(card)).toBe("Not quite");
    expect(textsOf(card)).toContain("Not quite: it's the data architect, not the database administrator.");
    // The reason: the architect's responsibility the question asked about.
    const reason = textsOf(card).find((t) => t.startsWith("Data architect: ")) ?? "";
    expect(reason.toLowerCase()).toBe(`data architect: ${asked.toLowerCase()}.`);

    // Question 3, about another partner, answered right, then Done.
    card = await next(card, ts, "Next question");
    expect(headerOf(card)).toBe("Database administrator: quiz 3 of 3");
    card = await next(card, ts, "Data manager");
    expect(headerOf(card)).toBe("Correct");
    expect(buttonsOf(card).map((b) => b.text.text)).toEqual(["Back", "Done"]);
    card = await next(card, ts, "Done");
    expect(headerOf(card)).toBe("You're set, DBA");
    expect(progressOf(card)).toBeUndefined();
    expect(buttonsOf(card).map((b) => b.text.text)).toContain("Take the tour again");

    // The whole tour was one card: every step edited it, none was posted as a new message.
    expect(posts()).toBe(postsBefore);
  });

  it("steps an ephemeral tour card in place through its response_url", async () => {
    // The first card comes in the command's ack; the steps then replace it through the clicks' response_urls.
    const res = await h.postCommand({
      ...fixture<Record<string, string>>("slash-command"),
      text: "onboard dba",
      response_url: h.slack.responseUrl("tour-cmd"),
    });
    const card = asMessage(JSON.parse(res.text));
    expect(progressOf(card)).toBe("Step 1 of 6");

    const click = async (from: Message, label: string, name: string) => {
      const payload = fixture<ActionPayload>("block-actions-ephemeral");
      const b = buttonLabelled(from, label);
      payload.actions = [{ ...payload.actions[0], action_id: b.action_id, block_id: b.blockId, value: b.value }];
      payload.response_url = h.slack.responseUrl(name);
      await h.postAction(payload);
      const [call] = await h.slack.waitFor((c) => c.method === "response_url" && c.path.endsWith(`/${name}`));
      expect(call?.body.replace_original).toBe(true);
      return asMessage(call?.body);
    };
    const step2 = await click(card, "Next", "tour-eph-next");
    expect([headerOf(step2), progressOf(step2)]).toEqual(["Database administrator: Key responsibilities", "Step 2 of 6"]);
    const step1 = await click(step2, "Back", "tour-eph-back");
    expect(progressOf(step1)).toBe("Step 1 of 6");
  });

  it("starts a new card for 'Start onboarding' on an ordinary answer in the DM, keeping the answer", async () => {
    const ask = fixture<EventCallback>("message-im");
    ask.event_id = "Ev0TOURPLAIN";
    ask.event = { ...ask.event, channel: "D0PLAIN01", ts: "1515471000.000100", event_ts: "1515471000.000100" };
    await h.postEvent(ask);
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "D0PLAIN01");
    const answer = asMessage(post?.body);
    expect(buttonLabelled(answer, "Start onboarding").blockId).toBeUndefined();

    const payload = fixture<ActionPayload>("block-actions-message");
    const b = buttonLabelled(answer, "Start onboarding");
    payload.container = { type: "message", message_ts: "1515471000.000200", channel_id: "D0PLAIN01", is_ephemeral: false };
    payload.message = { ...payload.message, ts: "1515471000.000200", thread_ts: undefined };
    payload.actions = [{ ...payload.actions[0], action_id: b.action_id, value: b.value }];
    await h.postAction(payload);
    const posts = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "D0PLAIN01", 2);
    expect(headerOf(asMessage(posts[1]?.body))).toBe("Database administrator: At a glance");
    expect(h.slack.calls.some((c) => c.method === "chat.update" && c.body.channel === "D0PLAIN01")).toBe(false);
  });
});
