/**
 * Follow-ups through the real Bolt app: signed events and button clicks over HTTP, answers caught by the
 * fake Slack Web API. A DM and a channel thread each keep their last turn; a thread keeps one per person.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONVERSATION_TTL_MS } from "../../../src/adapters/conversations.js";
import { parseTurnContext } from "../../../src/core/index.js";
import { conversationStore } from "../../helpers/conversation-store.js";
import { BOT_USER_ID } from "./support/fake-slack.js";
import { fixture } from "./support/fixtures.js";
import { realWhodoes, useHttpHarness } from "./support/harness.js";

type EventCallback = { event_id: string; event: Record<string, unknown> };
const DM = "D0LAN6B4N";
const CHANNEL = "C0LAE2LE3";

let seq = 0;
const nextTs = () => `1700000000.${String(++seq).padStart(6, "0")}`;

describe("Slack follow-ups", () => {
  const store = conversationStore();
  const h = useHttpHarness(() => ({ store }));

  /** Send a DM or a mention and wait for the bot's answer in the same place; its fallback text. */
  async function say(text: string, where: { thread?: string; user?: string; mention?: boolean } = {}): Promise<string> {
    const base = fixture<EventCallback>(where.mention ? "app-mention" : "message-im");
    const ts = nextTs();
    const event = {
      ...base.event,
      text: where.mention ? `<@${BOT_USER_ID}> ${text}` : text,
      ts,
      event_ts: ts,
      user: where.user ?? "U061F7AUR",
      ...(where.thread ? { thread_ts: where.thread } : {}),
    };
    const before = h.slack.calls.length;
    expect((await h.postEvent({ ...base, event_id: `Ev0FOLLOW${seq}`, event })).status).toBe(200);
    const channel = where.mention ? CHANNEL : DM;
    // A mention is answered in the thread it started (or was sent in); a DM at the top of the DM.
    const thread = where.mention ? (where.thread ?? ts) : where.thread;
    const [post] = await h.slack.waitFor(
      (c) =>
        h.slack.calls.indexOf(c) >= before &&
        c.method === "chat.postMessage" &&
        c.body.channel === channel &&
        c.body.thread_ts === thread,
    );
    return String(post?.body.text);
  }
  const summary = (text: string) => realWhodoes().ask(text).summary;
  const describeSummary = (role: string) => realWhodoes().act({ do: "describe", role }).summary;

  it("in a DM, 'what else do they do?' describes the role that owned the task", async () => {
    expect(await say("who restores a dropped table?")).toBe(summary("who restores a dropped table?"));
    expect(await say("what else do they do?")).toBe(describeSummary("database-administrator"));
    // Asked alone, it would not be.
    expect(summary("what else do they do?")).not.toBe(describeSummary("database-administrator"));
    // Asked again, the next of the role's responsibilities, from the count the store kept.
    expect(await say("what else do they do?")).toMatch(/^More of what the database administrator does \(13–24 of \d+\)$/);
  });

  it("keeps only ids in the store, for 30 minutes, and never the message in the logs", async () => {
    // The conversation's turn (a question is kept beside it for its buttons, as its hash: no triage place here).
    const kept = store.remembered.filter((r) => r.key.startsWith("turn:")).at(-1);
    expect(kept?.ttlMs).toBe(DEFAULT_CONVERSATION_TTL_MS);
    expect(parseTurnContext(kept?.value)).toEqual({
      intent: "describe_role",
      roles: [{ id: "database-administrator", score: 1 }],
      tasks: [],
      listed: 24,
    });
    for (const { key, value } of store.remembered) expect(`${key} ${value}`).not.toMatch(/restores|dropped|else/i);
    expect(JSON.stringify(h.logger.lines)).not.toMatch(/what else|dropped table/);
  });

  it("in a DM, 'next' typed during the tour moves it on, as the Next button does", async () => {
    await say("I'm a new DBA, where do I start?");
    const step = (n: number) => realWhodoes().act({ do: "onboard", role: "database-administrator", step: n }).summary;
    expect(await say("next")).toBe(step(2));
    expect(await say("next")).toBe(step(3));
    expect(step(3)).not.toBe(summary("next"));
  });

  it("a new topic in the DM is read on its own", async () => {
    expect(await say("who designs the partitioning?")).toBe(summary("who designs the partitioning?"));
  });

  it("in a channel thread, a mention follows up on the thread's last answer, per person", async () => {
    const start = nextTs();
    seq -= 1; // the mention below takes this ts
    expect(await say("what does a data architect do?", { mention: true })).toBe(describeSummary("data-architect"));
    const pair = realWhodoes().act({ do: "collaborate", role: "data-architect", with: "database-administrator" }).summary;
    expect(await say("how do they work with the DBA?", { mention: true, thread: start })).toBe(pair);
    // Someone else in the same thread has asked nothing yet: their "they" leans on nothing.
    expect(await say("how do they work with the DBA?", { mention: true, thread: start, user: "U0OTHER01" })).toBe(
      summary("how do they work with the DBA?"),
    );
  });

  it("in a channel thread, the bot's mention in front of a follow-up hides nothing: 'and the architect?', 'next'", async () => {
    const start = nextTs();
    seq -= 1; // the mention below takes this ts
    await say("who restores a dropped table?", { mention: true });
    const first = realWhodoes().ask("who restores a dropped table?");
    const architect = realWhodoes().ask("and the architect?", { previous: first.context }).summary;
    // The architect's part in restoring, as in a DM; not the architect's whole description.
    expect(architect).not.toBe(describeSummary("data-architect"));
    expect(await say("and the architect?", { mention: true, thread: start })).toBe(architect);

    const tour = nextTs();
    seq -= 1;
    await say("onboard dba", { mention: true });
    const step2 = realWhodoes().act({ do: "onboard", role: "database-administrator", step: 2 }).summary;
    expect(await say("next", { mention: true, thread: tour })).toBe(step2);
  });

  it("a button clicked in the DM becomes the last turn", async () => {
    await say("who restores a dropped table?");
    const click = fixture<Record<string, unknown>>("block-actions-message");
    const ts = nextTs();
    const value = JSON.stringify({ do: "compare", roles: ["database-administrator", "data-architect"] });
    const payload = {
      ...click,
      container: { type: "message", message_ts: ts, channel_id: DM, is_ephemeral: false },
      channel: { id: DM, name: "directmessage" },
      message: { ...(click.message as object), ts, thread_ts: undefined },
      actions: [{ ...(click.actions as object[])[0], value }],
    };
    expect((await h.postAction(payload)).status).toBe(200);
    const compared = realWhodoes().act({ do: "compare", roles: ["database-administrator", "data-architect"] }).summary;
    await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === DM && c.body.text === compared);
    const together = realWhodoes().act({ do: "collaborate", role: "database-administrator", with: "data-architect" }).summary;
    expect(await say("how do they work together?")).toBe(together);
  });

  it("a button clicked in the Home tab answers in the DM, and becomes the DM's last turn", async () => {
    h.slack.on("conversations.open", (c) => ({ ok: true, channel: { id: c.body.users === "U061F7AUR" ? DM : "D0WRONG" } }));
    await say("who restores a dropped table?");
    const click = fixture<Record<string, unknown>>("block-actions-home");
    const value = JSON.stringify({ do: "describe", role: "data-architect" });
    const payload = { ...click, actions: [{ ...(click.actions as object[])[0], value }] };
    expect((await h.postAction(payload)).status).toBe(200);
    const described = describeSummary("data-architect");
    await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === DM && c.body.text === described);
    // "they" is the architect just shown, not the DBA of the question before it, nor every role.
    const together = realWhodoes().act({ do: "collaborate", role: "data-architect" }).summary;
    expect(await say("who do they work with?")).toBe(together);
  });

  it("forgets a conversation after its time-to-live", async () => {
    await say("who restores a dropped table?");
    store.advance(DEFAULT_CONVERSATION_TTL_MS + 1);
    expect(await say("what else do they do?")).toBe(summary("what else do they do?"));
  });
});
