/** Web chat follow-ups over HTTP: the page's session id carries the conversation from turn to turn. */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONVERSATION_TTL_MS } from "../../../src/adapters/conversations.js";
import type { ChatErrorBody, ChatResponse } from "../../../src/adapters/web/index.js";
import { type ConversationStore, conversationStore } from "../../helpers/conversation-store.js";
import { realWhodoes, startWebChat, type WebChatServer } from "./harness.js";

let server: WebChatServer;
let store: ConversationStore;
beforeAll(async () => {
  store = conversationStore();
  server = await startWebChat(realWhodoes(), { store });
});
afterAll(() => server.close());

const session = () => randomBytes(16).toString("hex");
async function chat(payload: Record<string, unknown>): Promise<ChatResponse> {
  const res = await fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ChatResponse;
}
const ids = (r: ChatResponse) => r.answer.roles.map((x) => x.id);

describe("web chat follow-ups", () => {
  it("a question with the page's session leans on that session's last answer", async () => {
    const s = session();
    await chat({ text: "who restores a dropped table?", session: s });
    const follow = await chat({ text: "what else do they do?", session: s });
    expect(follow.answer.intent).toBe("describe_role");
    expect(ids(follow)).toEqual(["database-administrator"]);
    expect(follow.html).toContain("Database administrator");
  });

  it("another session, or none, has nothing to lean on", async () => {
    const s = session();
    await chat({ text: "who restores a dropped table?", session: s });
    expect((await chat({ text: "what else do they do?", session: session() })).answer.intent).toBe("out_of_scope");
    expect((await chat({ text: "what else do they do?" })).answer.intent).toBe("out_of_scope");
  });

  it("a button clicked in the session becomes its last turn", async () => {
    const s = session();
    await chat({ action: { do: "describe", role: "data-manager" }, session: s });
    const follow = await chat({ text: "how do they work with the DBA?", session: s });
    expect(follow.answer.intent).toBe("collaboration");
    expect(ids(follow)).toEqual(["data-manager", "database-administrator"]);
  });

  it("a button clicked keeps the role the asker is starting in", async () => {
    const s = session();
    await chat({ text: "I'm a new DBA, what should I do first?", session: s });
    await chat({ action: { do: "collaborate", role: "data-manager" }, session: s });
    const first = await chat({ text: "what should I learn first?", session: s });
    expect(first.answer.title).toMatch(/^Database administrator: /);
  });

  it("'next' typed during the tour moves it on, as the Next button does", async () => {
    const s = session();
    expect((await chat({ text: "I'm a new DBA, where do I start?", session: s })).answer.title).toBe(
      "Database administrator: At a glance",
    );
    expect((await chat({ text: "next", session: s })).answer.title).toBe("Database administrator: Key responsibilities");
    expect((await chat({ text: "back", session: s })).answer.title).toBe("Database administrator: At a glance");
    // Without the session, "next" leans on no tour.
    expect((await chat({ text: "next" })).answer.intent).not.toBe("onboarding");
  });

  it("a new topic is read on its own", async () => {
    const s = session();
    await chat({ text: "what does a data architect do?", session: s });
    expect(ids(await chat({ text: "who restores a dropped table?", session: s }))[0]).toBe("database-administrator");
  });

  it("forgets the session's last turn after its time-to-live", async () => {
    const s = session();
    await chat({ text: "who restores a dropped table?", session: s });
    store.advance(DEFAULT_CONVERSATION_TTL_MS + 1);
    expect((await chat({ text: "what else do they do?", session: s })).answer.intent).toBe("out_of_scope");
  });

  it.each([
    ["too short", "abc"],
    ["not URL-safe", "<script>alert(1)</script>-padding"],
    ["too long", "a".repeat(129)],
    ["not a string", 42],
  ])("refuses a session id that is %s with 400 bad_session or bad_request", async (_why, bad) => {
    const res = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: "who restores a dropped table?", session: bad }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ChatErrorBody;
    expect(["bad_session", "bad_request"]).toContain(body.error.code);
    expect(JSON.stringify(body)).not.toContain("<script>");
  });
});
