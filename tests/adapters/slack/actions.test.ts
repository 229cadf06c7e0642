import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APOLOGY } from "../../../src/adapters/slack/settings.js";
import { type ActionRef, parseActionRef } from "../../../src/core/index.js";
import { SHARE_ACTION_ID } from "../../../src/render/slack.js";
import { allTexts, fixture } from "./support/fixtures.js";
import { type HttpHarness, startHttpHarness } from "./support/harness.js";

type Button = { action_id: string; value: string; text: { text: string } };
type Message = { text: string; blocks: { type: string; text?: { text: string }; elements?: Button[] }[] };
type ActionPayload = Record<string, unknown> & { actions: Record<string, unknown>[] };

const buttonsOf = (m: Message) => m.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
const headerOf = (m: Message) => m.blocks[0]?.text?.text;

describe("Slack buttons (block_actions, HTTP mode)", () => {
  let h: HttpHarness;
  let answer: Message;
  beforeAll(async () => {
    h = await startHttpHarness();
    // The ephemeral answer whose buttons the tests click.
    const res = await h.postCommand({
      ...fixture<Record<string, string>>("slash-command"),
      response_url: h.slack.responseUrl("cmd"),
    });
    const call = { body: JSON.parse(res.text) as Record<string, unknown> };
    answer = call?.body as unknown as Message;
  });
  afterAll(async () => {
    await h.close();
  });

  /** Click `button` on a message: the payload is the fixture with that button's id, label and value. */
  function click(
    fixtureName: string,
    button: Pick<Button, "action_id" | "value">,
    responseName?: string,
    type = "button",
  ): Promise<unknown> {
    const payload = fixture<ActionPayload>(fixtureName);
    payload.actions = [{ ...payload.actions[0], action_id: button.action_id, value: button.value, type }];
    if (responseName) payload.response_url = h.slack.responseUrl(responseName);
    return h.postAction(payload);
  }
  const responses = (name: string, count = 1) =>
    h.slack.waitFor((c) => c.method === "response_url" && c.path.endsWith(`/${name}`), count);
  const button = (label: string) => {
    const b = buttonsOf(answer).find((x) => x.text.text === label);
    if (!b) throw new Error(`no button ${label}`);
    return b;
  };
  /** One side of Slack's own 👍/👎 (feedback_buttons): what Slack sends is that side's value. */
  const vote = (side: "positive_button" | "negative_button") => {
    const block = answer.blocks.find((b) => b.type === "context_actions") as unknown as {
      elements: ({ action_id: string } & Record<typeof side, { value: string }>)[];
    };
    const element = block.elements[0];
    if (!element) throw new Error("no feedback buttons");
    return { action_id: element.action_id, value: element[side].value };
  };

  it.each([
    ["What does a DBA do?", "Database administrator"],
    ["Compare with the architect", "Database administrator vs Data architect"],
    ["Who do they work with?", undefined],
    ["Start onboarding", "Database administrator: At a glance"],
  ])("%s replaces the ephemeral answer in place", async (label, title) => {
    const name = `click-${label.replace(/\W+/g, "-")}`;
    await click("block-actions-ephemeral", button(label), name);
    const [call] = await responses(name);
    const body = call?.body as unknown as Message & { replace_original: boolean };
    expect(body.replace_original).toBe(true);
    if (title) expect(headerOf(body)).toBe(title);
    expect(body.text.length).toBeGreaterThan(0);
    // The new answer can be shared in turn, and its share value re-creates it.
    const share = buttonsOf(body).find((b) => b.action_id === SHARE_ACTION_ID);
    expect(parseActionRef(share?.value)).toEqual(parseActionRef(button(label).value));
  });

  it("thanks for feedback privately, without replacing the answer, and logs the vote", async () => {
    await click("block-actions-ephemeral", vote("positive_button"), "feedback", "feedback_buttons");
    const [call] = await responses("feedback");
    expect(call?.body.replace_original).toBe(false);
    expect(call?.body.response_type).toBe("ephemeral");
    expect(h.logger.lines).toContainEqual({
      level: "info",
      msg: "slack: feedback",
      fields: { team: "T0001", vote: "up", intent: "who_does", role: "database-administrator" },
    });
  });

  it("after 👎, the role chosen is thanked in place with nothing to share in the channel", async () => {
    await click("block-actions-ephemeral", vote("negative_button"), "disliked", "feedback_buttons");
    const [which] = await responses("disliked");
    const architect = buttonsOf(which?.body as unknown as Message).find((b) => b.text.text === "Data architect");
    if (!architect) throw new Error("no Data architect choice");
    await click("block-actions-ephemeral", architect, "corrected");
    const [thanks] = await responses("corrected");
    const body = thanks?.body as unknown as Message & { replace_original: boolean };
    expect(body.replace_original).toBe(true);
    expect(headerOf(body)).toBe("Thanks, noted");
    // Sharing it would post a thank-you for the channel and send the correction a second time.
    expect(buttonsOf(body).map((b) => b.text.text)).toEqual(["What does an architect do?"]);
  });

  it("shares the answer in the channel and removes the private copy", async () => {
    await click("block-actions-ephemeral", button("Share in channel"), "share");
    const [shared, removed] = await responses("share", 2);
    const body = shared?.body as unknown as Message & { response_type: string };
    expect(body.response_type).toBe("in_channel");
    expect(body.text).toBe(answer.text);
    expect(headerOf(body)).toBe("Database administrator");
    expect(allTexts(body.blocks)).toContain("Shared by <@U061F7AUR>");
    expect(buttonsOf(body).some((b) => b.action_id === SHARE_ACTION_ID)).toBe(false);
    expect(removed?.body).toEqual({ delete_original: true });
  });

  it("follows up privately to a button on a public answer in a channel thread", async () => {
    const describeArchitect = {
      action_id: "whodoes-act-0",
      value: JSON.stringify({ do: "describe", role: "data-architect" } satisfies ActionRef),
    };
    await click("block-actions-message", describeArchitect, "public");
    const [call] = await responses("public");
    expect(call?.body).toMatchObject({ response_type: "ephemeral", replace_original: false, thread_ts: "1515449522.000016" });
    expect(headerOf(call?.body as unknown as Message)).toBe("Data architect");
  });

  it("answers a button in a DM with the next message in the DM", async () => {
    const payload = fixture<ActionPayload>("block-actions-message");
    payload.container = { type: "message", message_ts: "1515449601.000300", channel_id: "D0LAN6B4N", is_ephemeral: false };
    payload.channel = { id: "D0LAN6B4N", name: "directmessage" };
    payload.message = { ...(payload.message as object), thread_ts: undefined };
    payload.actions = [{ ...payload.actions[0], value: JSON.stringify({ do: "roles" }) }];
    await h.postAction(payload);
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "D0LAN6B4N");
    expect(headerOf(post?.body as unknown as Message)).toBe("The data roles");
  });

  it("answers a Home tab button in the app's DM with the person", async () => {
    await h.postAction(fixture("block-actions-home"));
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "U061F7AUR");
    expect(post?.body.text).toBeTruthy();
    expect(JSON.stringify(post?.body.blocks)).toContain("onboard");
  });

  it("still answers a Home tab button when the DM cannot be opened to keep the turn", async () => {
    h.slack.on("conversations.open", () => ({ ok: false, error: "missing_scope" }));
    const before = h.slack.calls.length;
    await h.postAction(fixture("block-actions-home"));
    const [post] = await h.slack.waitFor(
      (c) => h.slack.calls.indexOf(c) >= before && c.method === "chat.postMessage" && c.body.channel === "U061F7AUR",
    );
    expect(post?.body.text).not.toBe(APOLOGY);
    expect(JSON.stringify(post?.body.blocks)).toContain("onboard");
  });

  it("answers a button whose value is not a valid ActionRef privately with the help, leaving the answer as it was", async () => {
    const values: [string, string][] = [
      ['{"do":"drop-tables"}', "bad"],
      ["{not json", "garbled"],
    ];
    for (const [value, name] of values) {
      await click("block-actions-ephemeral", { action_id: "whodoes-act-0", value }, name);
      const [call] = await responses(name);
      const body = call?.body as unknown as Message & { replace_original: boolean; response_type: string };
      expect(body).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(headerOf(body)).toBe("How to ask whodoes");
    }
    expect(
      h.logger.lines.filter((l) => l.msg === "slack: a button's value could not be read; answered with the help"),
    ).toHaveLength(2);
  });
});
