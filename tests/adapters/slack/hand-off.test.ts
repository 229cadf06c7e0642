/**
 * "Ask the data team" on Slack, over real HTTP: signed commands and clicks into the real Bolt app, the posts
 * caught by the fake Slack Web API. The button names the question (never its text), only the asker can send
 * it, it goes once to the likely role's channel or the triage channel mentioning the asker, Claim and
 * Answered edit the post for everyone, and the asker hears privately where it went and who took it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLiveDirectory } from "../../../src/adapters/live-directory.js";
import { DIRECTORY_FORMATS } from "../../../src/adapters/platforms.js";
import { type ActionRef, createWhodoes, loadKnowledge, parseActionRef, QUESTION_ID } from "../../../src/core/index.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import { QUESTION_TTL_MS } from "../../../src/usage/asked-questions.js";
import { recordingWhodoes } from "../../../src/usage/recorder.js";
import { copyKnowledge } from "../../helpers/knowledge-copy.js";
import type { RecordedCall } from "./support/fake-slack.js";
import { allTexts, fixture } from "./support/fixtures.js";
import { type HttpHarness, startHttpHarness } from "./support/harness.js";

const ASKER = "U061F7AUR"; // the slash-command fixture's user
const DIRECTORY = `triage:
  slack:
    channel: C0TRIAGE01
roles:
  data-warehouse-engineer:
    slack:
      channels: [C0ETL00001]
  database-administrator:
    slack:
      group_members:
        - { group: S0DBA00001, name: DBA group }
    emails: [dba@hospital.example]
`;

type Button = { action_id: string; value: string; text: { text: string } };
type Block = { type: string; text?: { text: string }; elements?: Button[] };
type Message = { text: string; blocks: Block[] };

const buttonsOf = (m: Message) => m.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
const button = (m: Message, label: string) => {
  const b = buttonsOf(m).find((x) => x.text.text === label);
  if (!b) throw new Error(`no button "${label}" in ${allTexts(m.blocks).join(" | ")}`);
  return b;
};
const bodyOf = (call: RecordedCall | undefined) => call?.body as unknown as Message & Record<string, unknown>;

describe("Ask the data team on Slack", () => {
  let h: HttpHarness;
  let copy: ReturnType<typeof copyKnowledge>;
  let t = Date.parse("2025-11-25T09:00:00Z");
  const store = createMemoryStore(() => t);
  let n = 0;

  beforeAll(async () => {
    copy = copyKnowledge();
    copy.write("directory.yaml", DIRECTORY);
    const core = createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));
    h = await startHttpHarness({
      whodoes: recordingWhodoes(core, store, { platform: "slack" }),
      store,
      live: createLiveDirectory({ store, now: () => t }),
    });
  });
  afterAll(async () => {
    await h.close();
    copy.remove();
  });
  beforeEach(() => {
    t += 60_000;
  });

  /** `/whodoes text` typed by `user`; the private answer (in the command's acknowledgement). */
  async function ask(text: string, user = ASKER): Promise<Message> {
    const res = await h.postCommand({
      ...fixture<Record<string, string>>("slash-command"),
      text,
      user_id: user,
      response_url: h.slack.responseUrl(`cmd-${++n}`),
    });
    expect(res.status).toBe(200);
    return JSON.parse(res.text) as Message;
  }

  /** Click a button on a private answer (or, with `post`, on a message in a channel) as `user`; the private reply, if any. */
  async function click(b: Pick<Button, "action_id" | "value">, user: string, post?: { channel: string; ts: string }) {
    const name = `click-${++n}`;
    const payload = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>(
      post ? "block-actions-message" : "block-actions-ephemeral",
    );
    payload.user = { id: user, username: "someone", name: "someone", team_id: "T0001" };
    payload.actions = [{ ...payload.actions[0], action_id: b.action_id, value: b.value, type: "button" }];
    payload.response_url = h.slack.responseUrl(name);
    if (post) {
      payload.container = { type: "message", message_ts: post.ts, channel_id: post.channel, is_ephemeral: false };
      payload.channel = { id: post.channel, name: "data-questions" };
      payload.message = { ...(payload.message as object), ts: post.ts, thread_ts: undefined };
    }
    await h.postAction(payload);
    return name;
  }
  const replyTo = async (name: string) =>
    bodyOf((await h.slack.waitFor((c) => c.method === "response_url" && c.path.endsWith(`/${name}`)))[0]);
  const posts = (channel: string) =>
    h.slack.calls.filter(
      (c) =>
        c.method === "chat.postMessage" &&
        c.body.channel === channel &&
        JSON.stringify(c.body).includes("Question for the data team"),
    );

  it("offers it under an out-of-scope answer; the button names the question by a random id, never its words", async () => {
    const answer = await ask("when is the all-hands this week?");
    const send = button(answer, "Ask the data team");
    expect(parseActionRef(send.value)).toEqual({ do: "handoff", q: expect.stringMatching(QUESTION_ID) });
    expect(send.value).not.toContain("all-hands");
  });

  it("lets only the asker send it; the asker's press posts it once to the triage channel, mentioning them", async () => {
    const answer = await ask("when is the all-hands this week?");
    const send = button(answer, "Ask the data team");
    // Someone else pressing it (a shared copy, a forged click) sends nothing.
    expect(allTexts((await replyTo(await click(send, "U0OTHER001"))).blocks)).toEqual([
      "Only the person who asked can send this question to the data team.",
    ]);
    expect(posts("C0TRIAGE01")).toHaveLength(0);

    // A double click: two presses at once, one post.
    const [first, second] = await Promise.all([click(send, ASKER), click(send, ASKER)]);
    const replies = [await replyTo(first), await replyTo(second)].map((r) => allTexts(r.blocks).join(" "));
    expect(replies).toContain("Sent your question to <#C0TRIAGE01>. I'll tell you privately when someone takes it.");
    expect(replies.find((r) => !r.startsWith("Sent"))).toMatch(/^Your question is already with the data team/);
    expect(posts("C0TRIAGE01")).toHaveLength(1);

    const post = bodyOf(posts("C0TRIAGE01")[0]);
    expect(post.text).toContain(`<@${ASKER}>`);
    expect(allTexts(post.blocks)).toEqual([
      "Question for the data team",
      `<@${ASKER}> asked:\n>when is the all-hands this week?`,
      "Waiting for someone to take it.",
      "Claim",
      "Answered",
    ]);
    expect(buttonsOf(post).map((b) => parseActionRef(b.value))).toEqual([
      { do: "triage", q: expect.stringMatching(QUESTION_ID), step: "claim" },
      { do: "triage", q: expect.stringMatching(QUESTION_ID), step: "answered" },
    ]);
  });

  it("Claim edits the post for everyone and tells the asker privately who took it; Answered closes it", async () => {
    const answer = await ask("who books the team offsite?");
    await replyTo(await click(button(answer, "Ask the data team"), ASKER));
    const sent = posts("C0TRIAGE01").at(-1);
    const post = bodyOf(sent);
    const where = { channel: "C0TRIAGE01", ts: "1515450000.999999" };
    h.slack.calls.splice(0, h.slack.calls.length);

    await click(button(post, "Claim"), "U0DBA00002", where);
    const [update] = await h.slack.waitFor((c) => c.method === "chat.update");
    expect(update?.body).toMatchObject({ channel: sent?.body.channel });
    const claimed = bodyOf(update);
    expect(allTexts(claimed.blocks)).toContain("Claimed by <@U0DBA00002>");
    expect(buttonsOf(claimed).map((b) => b.text.text)).toEqual(["Answered"]);
    const [dm] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === ASKER);
    expect(bodyOf(dm).text).toBe("<@U0DBA00002> took your question in <#C0TRIAGE01>: they'll be in touch.");

    // A second claim changes nothing and says who has it.
    const late = await replyTo(await click(button(post, "Claim"), "U0DBA00003", where));
    expect(allTexts(late.blocks)).toEqual(["<@U0DBA00002> has already claimed this question."]);
    expect(h.slack.calls.filter((c) => c.method === "chat.update")).toHaveLength(1);

    await click(button(claimed, "Answered"), "U0DBA00002", where);
    const [, answered] = await h.slack.waitFor((c) => c.method === "chat.update", 2);
    expect(allTexts(bodyOf(answered).blocks)).toContain("Answered by <@U0DBA00002>");
    expect(buttonsOf(bodyOf(answered))).toEqual([]);
  });

  it("sends a question with a likely role to that role's channel, and to the triage channel when the bot is not in it", async () => {
    const question = "who builds the pipelines and takes backups";
    const answer = await ask(question);
    await replyTo(await click(button(answer, "Ask the data team"), ASKER));
    const [toRole] = posts("C0ETL00001");
    expect(allTexts(bodyOf(toRole).blocks)).toContain("Likely role: Data warehouse engineer");

    h.slack.on("chat.postMessage", (c) => (c.body.channel === "C0ETL00001" ? { ok: false, error: "not_in_channel" } : undefined));
    const again = await ask(question);
    const before = posts("C0TRIAGE01").length;
    const reply = await replyTo(await click(button(again, "Ask the data team"), ASKER));
    expect(allTexts(reply.blocks)).toEqual([
      "Sent your question to <#C0TRIAGE01>. I'll tell you privately when someone takes it.",
    ]);
    expect(posts("C0TRIAGE01")).toHaveLength(before + 1);
    expect(
      h.logger.lines.some((l) => l.msg === "hand-off: could not post to a triage place" && l.fields?.place === "C0ETL00001"),
    ).toBe(true);
  });

  it("after a 👎 asks which role it should have been, offers the asker the hand-off, and records the correction", async () => {
    const answer = await ask("who restores a dropped table?");
    const feedback = answer.blocks.find((b) => b.type === "context_actions") as unknown as {
      elements: { action_id: string; negative_button: { value: string } }[];
    };
    const down = feedback.elements[0];
    if (!down) throw new Error("no feedback buttons");
    const name = `click-${++n}`;
    const payload = fixture<Record<string, unknown> & { actions: Record<string, unknown>[] }>("block-actions-ephemeral");
    payload.actions = [
      { ...payload.actions[0], action_id: down.action_id, value: down.negative_button.value, type: "feedback_buttons" },
    ];
    payload.response_url = h.slack.responseUrl(name);
    await h.postAction(payload);
    const which = await replyTo(name);
    expect(allTexts(which.blocks)).toContain("Which role should it have been?");
    const labels = buttonsOf(which).map((b) => b.text.text);
    expect(labels).toEqual([
      ...createWhodoes(loadKnowledge()).knowledge.roles.map((r) => r.name),
      "None of these",
      "Ask the data team",
    ]);

    // Someone else's 👎 on the same answer gets the question, not the hand-off.
    payload.user = { id: "U0OTHER001", username: "x", name: "x", team_id: "T0001" };
    payload.response_url = h.slack.responseUrl(`${name}-other`);
    await h.postAction(payload);
    expect(buttonsOf(await replyTo(`${name}-other`)).map((b) => b.text.text)).not.toContain("Ask the data team");

    const thanks = await replyTo(await click(button(which, "Data architect"), ASKER));
    expect(thanks.blocks[0]?.text?.text).toBe("Thanks, noted");
    let corrections: unknown[] = [];
    for (let i = 0; i < 50 && corrections.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      corrections = (await store.events(new Date(0))).filter((e) => e.type === "correction");
    }
    expect(corrections).toEqual([
      expect.objectContaining({
        intent: "who_does",
        role: "database-administrator",
        expected: "data-architect",
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it("says so when the question is no longer kept", async () => {
    const answer = await ask("when is the christmas party?");
    t += QUESTION_TTL_MS + 60_000;
    const reply = await replyTo(await click(button(answer, "Ask the data team"), ASKER));
    expect(allTexts(reply.blocks)[0]).toMatch(/^I no longer keep that question/);
  });

  it("names a role's user group members, read live with usergroups.users.list", async () => {
    h.slack.on("usergroups.users.list", () => ({ ok: true, users: ["U0DBA00002", "U0DBA00003"] }));
    const answer = await ask("what does a DBA do?");
    const people = allTexts(answer.blocks).find((x) => x.startsWith("*In your organisation*"));
    expect(people).toBe(
      "*In your organisation* (Database administrator): <mailto:dba@hospital.example|dba@hospital.example>\nDBA group: <@U0DBA00002>, <@U0DBA00003>",
    );
    const [call] = h.slack.calls.filter((c) => c.method === "usergroups.users.list");
    expect(call?.body).toMatchObject({ usergroup: "S0DBA00001" });
    expect(call?.authorization).toBe("Bearer xoxb-test-0000-token");

    // Slack refusing (the scope missing), ten minutes on: the last known members, with their age.
    t += 11 * 60_000;
    h.slack.on("usergroups.users.list", () => ({ ok: false, error: "missing_scope" }));
    const stale = allTexts((await ask("what does a DBA do?")).blocks).find((x) => x.startsWith("*In your organisation*"));
    expect(stale).toMatch(/DBA group: <@U0DBA00002>, <@U0DBA00003> _\(as of 1[12] minutes ago\)_$/);
  });
});

describe("without a triage place", () => {
  let h: HttpHarness;
  let copy: ReturnType<typeof copyKnowledge>;
  beforeAll(async () => {
    copy = copyKnowledge();
    copy.write(
      "directory.yaml",
      "roles:\n  data-manager:\n    slack:\n      users: [U0MGR00001]\n    emails: [governance@hospital.example]\n",
    );
    h = await startHttpHarness({ whodoes: createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS })) });
  });
  afterAll(async () => {
    await h.close();
    copy.remove();
  });

  it("shows no button: the answer says whom to ask, from the directory", async () => {
    const res = await h.postCommand({
      ...fixture<Record<string, string>>("slash-command"),
      text: "when is the all-hands?",
      response_url: h.slack.responseUrl("none"),
    });
    const answer = JSON.parse(res.text) as Message;
    expect(buttonsOf(answer).map((b) => (parseActionRef(b.value) as ActionRef).do)).not.toContain("handoff");
    const texts = allTexts(answer.blocks);
    expect(texts).toContain("*Whom to ask*");
    expect(texts).toContain(
      "*In your organisation* (Data manager): <@U0MGR00001>, <mailto:governance@hospital.example|governance@hospital.example>",
    );
  });
});
