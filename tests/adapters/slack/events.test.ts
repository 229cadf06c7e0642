import { describe, expect, it } from "vitest";
import { wrapWhodoes } from "../../../src/core/index.js";
import { BOT_USER_ID } from "./support/fake-slack.js";
import { allTexts, eventFixture } from "./support/fixtures.js";
import { realWhodoes, useHttpHarness } from "./support/harness.js";

describe("Slack events (HTTP mode)", () => {
  // The real core, plus two test hooks: "explode" makes it fail; "echo" makes it repeat the question
  // verbatim in the title, summary and body (the real core never echoes, but a future answer might).
  const testWhodoes = wrapWhodoes(realWhodoes(), {
    ask(text, next) {
      if (text.includes("explode")) throw new Error("the core failed");
      const answer = next(text);
      if (!text.includes("echo")) return answer;
      return { ...answer, title: text, summary: text, blocks: [{ type: "text", text: [{ text }] }, ...answer.blocks] };
    },
  });
  const h = useHttpHarness(() => ({ whodoes: testWhodoes }));

  const postsTo = (channel: string, ts: string) =>
    h.slack.calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === channel && c.body.thread_ts === ts);

  it("answers a mention in a thread under the message", async () => {
    const payload = eventFixture("app-mention");
    const ts = payload.event.ts as string;
    expect((await h.postEvent(payload)).status).toBe(200);
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    expect(post?.body.channel).toBe("C0LAE2LE3");
    expect(post?.body.text).toBe(
      "Data architect (the system designer): Establishes schemas, indexing methods and partitioning strategies so data can be retrieved quickly.",
    );
    expect(((post?.body.blocks ?? []) as { type: string }[])[0]?.type).toBe("header");
    // A public answer carries no Share button: it is already shared.
    expect(JSON.stringify(post?.body.blocks)).not.toContain("whodoes-share");
    expect(post?.authorization).toBe("Bearer xoxb-test-0000-token");
  });

  it("answers a direct message in the DM", async () => {
    const payload = eventFixture("message-im");
    await h.postEvent(payload);
    const [post] = await h.slack.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.channel === "D0LAN6B4N" && c.body.text !== undefined,
    );
    expect(post?.body.thread_ts).toBeUndefined();
    expect(String(post?.body.text)).toMatch(/^Database administrator/);
  });

  it("publishes the App Home with the role directory from the knowledge base", async () => {
    await h.postEvent(eventFixture("app-home-opened"));
    const [call] = await h.slack.waitFor((c) => c.method === "views.publish");
    expect(call?.body.user_id).toBe("U061F7AUR");
    const view = call?.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    const texts = allTexts(view.blocks).join("\n");
    for (const role of realWhodoes().knowledge.roles) expect(texts).toContain(`*${role.name}* · _${role.character}_`);
    expect(texts).toContain("Start onboarding");
    // Real questions to try, made from the knowledge: never intents.yaml's "what does a ROLE do?".
    const examples = realWhodoes()
      .welcome()
      .blocks.flatMap((b) => (b.type === "choices" ? b.choices.map((c) => c.label) : []));
    for (const example of examples) expect(texts).toContain(example);
    expect(texts).not.toMatch(/\bROLE\b|\bTASK\b/);
  });

  it("answers a retried event once", async () => {
    const payload = eventFixture("app-mention");
    const ts = payload.event.ts as string;
    await h.postEvent(payload);
    await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    const retry = await h.postEvent(payload, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(retry.status).toBe(200);
    // The retry is acked and dropped; the log line is the sync point, not a sleep.
    await expect
      .poll(() =>
        h.logger.lines.some((l) => l.msg === "slack: skipped a repeated event" && l.fields?.eventId === payload.event_id),
      )
      .toBe(true);
    expect(postsTo("C0LAE2LE3", ts)).toHaveLength(1);
  });

  it("never sends back a live <!channel>, <!here> or user mention typed in a question", async () => {
    const text = `<@${BOT_USER_ID}> echo: who does <!channel> partitioning? <!here> ask <@U0AAAAAAA> & <https://evil.example|co>`;
    const payload = eventFixture("app-mention", { text });
    const ts = payload.event.ts as string;
    await h.postEvent(payload);
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    const texts = [String(post?.body.text), ...allTexts(post?.body.blocks)];
    // The bot's own mention only addresses the question, so it is not echoed; everyone else's is, escaped.
    expect(post?.body.text).toBe(
      "echo: who does &lt;!channel&gt; partitioning? &lt;!here&gt; ask &lt;@U0AAAAAAA&gt; &amp; &lt;https://evil.example|co&gt;",
    );
    for (const t of texts) expect(t).not.toMatch(/<[!@#h]/);
  });

  it("does not answer its own messages, other bots, edits or deletions", async () => {
    const before = h.slack.work().length;
    await h.postEvent(eventFixture("message-im-from-bot"));
    await h.postEvent(eventFixture("message-im", { user: BOT_USER_ID, text: "who restores a dropped table?" }));
    await h.postEvent(eventFixture("message-im", { bot_id: "B0OTHER", text: "who restores a dropped table?" }));
    await h.postEvent(eventFixture("message-im-changed"));
    await h.postEvent(eventFixture("message-im", { subtype: "message_deleted", text: undefined }));
    await h.postEvent(eventFixture("app-mention", { bot_id: "B0OTHER" }));
    // A real question sent last: once it is answered, the ignored ones above were long done.
    const sentinel = eventFixture("message-im", { channel: "D0SENTINEL", text: "who restores a dropped table?" });
    await h.postEvent(sentinel);
    await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "D0SENTINEL");
    expect(
      h.slack
        .work()
        .slice(before)
        .map((c) => [c.method, c.body.channel]),
    ).toEqual([["chat.postMessage", "D0SENTINEL"]]);
  });

  it("answers a mention in a thread reply also sent to the channel, in the thread", async () => {
    const thread = "1515449000.000123";
    const payload = eventFixture("app-mention", {
      subtype: "thread_broadcast",
      thread_ts: thread,
      text: `<@${BOT_USER_ID}> who restores a dropped table?`,
    });
    await h.postEvent(payload);
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === thread);
    expect(post?.body.text).toBe(realWhodoes().ask("who restores a dropped table?").summary);
  });

  it("answers the words sent with a file in a DM, and says nothing to a file sent alone", async () => {
    const files = [{ id: "F0SCREEN1", name: "error.png", mimetype: "image/png" }];
    await h.postEvent(eventFixture("message-im", { channel: "D0FILEONLY", subtype: "file_share", text: "", files }));
    await h.postEvent(
      eventFixture("message-im", { channel: "D0FILE", subtype: "file_share", text: "who restores a dropped table?", files }),
    );
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "D0FILE");
    expect(post?.body.text).toBe(realWhodoes().ask("who restores a dropped table?").summary);
    expect(h.slack.calls.some((c) => c.body.channel === "D0FILEONLY")).toBe(false);
  });

  it("apologises and logs with context (no message text) when answering fails, then keeps serving", async () => {
    const payload = eventFixture("app-mention", { text: `<@${BOT_USER_ID}> please explode now` });
    const ts = payload.event.ts as string;
    await h.postEvent(payload);
    const [apology] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    expect(apology?.body.text).toBe("Sorry, something went wrong while I was answering. Please try again in a moment.");
    const error = h.logger.lines.find((l) => l.level === "error");
    expect(error).toEqual({
      level: "error",
      msg: "slack: failed to answer",
      fields: { kind: "app_mention", team: "T0001", channel: "C0LAE2LE3", error: "the core failed" },
    });
    expect(JSON.stringify(h.logger.lines)).not.toContain("explode now");
    expect(JSON.stringify(h.logger.lines)).not.toContain("xoxb-");

    const next = eventFixture("app-mention");
    await h.postEvent(next);
    await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === next.event.ts);
  });
});
