/** POST /api/chat and the page, over loopback against a real express app and the real core. */
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatErrorBody, type ChatResponse, CONTENT_SECURITY_POLICY } from "../../../src/adapters/web/index.js";
import {
  createWhodoes,
  loadKnowledge,
  MAX_QUESTION_CHARS,
  QUESTION_ID,
  type Whodoes,
  withQuestion,
  wrapWhodoes,
} from "../../../src/core/index.js";
import { copyKnowledge } from "../../helpers/knowledge-copy.js";
import { realWhodoes, startWebChat, type WebChatServer } from "./harness.js";

let server: WebChatServer;
beforeAll(async () => {
  server = await startWebChat();
});
afterAll(() => server.close());

function post(body: string, contentType = "application/json"): Promise<Response> {
  return fetch(`${server.url}/api/chat`, { method: "POST", headers: { "Content-Type": contentType }, body });
}
const chat = (payload: unknown) => post(JSON.stringify(payload));

async function answerOf(res: Response): Promise<ChatResponse> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as ChatResponse;
}
async function errorOf(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ChatErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error.message;
}

describe("POST /api/chat with a question", () => {
  it("answers with the core's answer and its HTML card", async () => {
    const { answer, html } = await answerOf(await chat({ text: "who restores a dropped table?" }));
    expect(answer.intent).toBe("who_does");
    expect(answer.roles[0]?.id).toBe("database-administrator");
    // The core's answer, its votes tied to the question kept for them (a random id, never the text).
    const q = answer.actions.flatMap((a) => (a.action.do === "feedback" ? [a.action.q] : []))[0];
    expect(q).toMatch(QUESTION_ID);
    expect(answer).toEqual(withQuestion(realWhodoes().ask("who restores a dropped table?"), q ?? ""));
    expect(html).toMatch(/^<article class="card" data-intent="who_does">/);
    expect(html).toContain("<strong>restores</strong>");
  });

  it("trims the question and answers other intents too", async () => {
    const { answer } = await answerOf(
      await chat({ text: "  what's the difference between a data architect and a data manager?  " }),
    );
    expect(answer.intent).toBe("compare_roles");
    expect(answer.roles.map((r) => r.id)).toEqual(["data-architect", "data-manager"]);
  });

  it("escapes what the user typed wherever the answer repeats it", async () => {
    const typed = `<script>alert("x")</script> who restores a dropped table?`;
    const { html } = await answerOf(await chat({ text: typed }));
    expect(html).not.toContain("<script");
  });

  it("logs one line per turn with intent, top role, score and latency, never the question", async () => {
    const before = server.logs.length;
    await answerOf(await chat({ text: "who owns the nightly backup" }));
    const lines = server.logs.slice(before);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line?.msg).toBe("turn");
    expect(line?.fields).toMatchObject({ platform: "web", kind: "ask", intent: "who_does", role: "database-administrator" });
    expect(typeof line?.fields.score).toBe("number");
    expect(typeof line?.fields.ms).toBe("number");
    expect(JSON.stringify(line)).not.toContain("nightly");
  });
});

describe("POST /api/chat with a button's action", () => {
  it("does what the button says, as an object or as the JSON string", async () => {
    const ref = { do: "describe", role: "data-architect" };
    const a = await answerOf(await chat({ action: ref }));
    const b = await answerOf(await chat({ action: JSON.stringify(ref) }));
    expect(a.answer.intent).toBe("describe_role");
    expect(a.answer.roles[0]?.id).toBe("data-architect");
    expect(b).toEqual(a);
  });

  it("walks the onboarding tour", async () => {
    const start = await answerOf(await chat({ action: { do: "onboard" } }));
    const pick = start.answer.blocks.flatMap((b) => (b.type === "choices" ? b.choices : []))[0];
    expect(pick?.action).toMatchObject({ do: "onboard", step: 1 });
    const step1 = await answerOf(await chat({ action: pick?.action }));
    expect(step1.answer.blocks[0]).toMatchObject({ type: "progress", step: 1 });
    const next = step1.answer.actions.find((a) => a.label === "Next");
    const step2 = await answerOf(await chat({ action: next?.action }));
    expect(step2.answer.blocks[0]).toMatchObject({ type: "progress", step: 2 });
    expect(step2.html).toContain("Step 2 of");
  });

  it("thanks for a 👍, and logs the vote", async () => {
    const { answer } = await answerOf(await chat({ action: { do: "feedback", vote: "up", intent: "who_does" } }));
    expect(answer.title).toMatch(/thanks for the feedback/i);
  });

  it("asks which role it should have been after a 👎, and logs the vote", async () => {
    const before = server.logs.length;
    const { answer } = await answerOf(
      await chat({ action: { do: "feedback", vote: "down", intent: "who_does", role: "data-manager" } }),
    );
    expect(answer.summary).toBe("Which role should it have been?");
    const choices = answer.blocks.flatMap((b) => (b.type === "choices" ? b.choices.map((c) => c.label) : []));
    expect(choices).toEqual([...realWhodoes().knowledge.roles.map((r) => r.name), "None of these"]);
    expect(server.logs.slice(before).find((l) => l.msg === "web: feedback")?.fields).toEqual({
      platform: "web",
      vote: "down",
      intent: "who_does",
      role: "data-manager",
    });
  });
});

describe("POST /api/chat refuses bad input with a clear JSON error", () => {
  it.each([
    ["an empty object", {}],
    ["both text and action", { text: "hi", action: { do: "help" } }],
    ["a number for text", { text: 42 }],
    ["an unknown field", { text: "hi", user: "me" }],
    ["an array", [{ text: "hi" }]],
    ["a bare string", "who restores a dropped table?"],
  ])("400 for %s", async (_name, payload) => {
    await errorOf(await chat(payload), 400, "bad_request");
  });

  it("400 for an empty question", async () => {
    await errorOf(await chat({ text: "   " }), 400, "empty_text");
  });

  it("400 for a question longer than the limit", async () => {
    const message = await errorOf(await chat({ text: "a".repeat(MAX_QUESTION_CHARS + 1) }), 400, "text_too_long");
    expect(message).toContain(String(MAX_QUESTION_CHARS));
  });

  it.each([
    ["an unknown action", { do: "drop-tables" }],
    ["a bad step", { do: "onboard", role: "data-architect", step: -1 }],
    ["a bad vote", { do: "feedback", vote: "meh", intent: "who_does" }],
    ["a JSON string that is not an action", '{"do":'],
  ])("400 for %s", async (_name, action) => {
    await errorOf(await chat({ action }), 400, "bad_action");
  });

  it("400 for a body that is not JSON, logged with the path that refused it", async () => {
    const before = server.logs.length;
    await errorOf(await post("{text: 'hi'"), 400, "bad_json");
    expect(server.logs.slice(before).find((l) => l.msg === "web: refused a request body (bad_json)")?.fields).toMatchObject({
      method: "POST",
      path: "/api/chat",
    });
  });

  it("413 for a body over the size limit", async () => {
    await errorOf(await post(JSON.stringify({ text: "a".repeat(20_000) })), 413, "too_large");
  });

  it("413 for a streamed or inflated body over the size limit, saying the limit as the declared one does", async () => {
    const body = JSON.stringify({ text: "a".repeat(20_000) });
    const inflated = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(body),
    });
    expect(await errorOf(inflated, 413, "too_large")).toBe("The request body is larger than 16 kB.");
    expect(await errorOf(await post(body), 413, "too_large")).toBe("The request body is larger than 16 kB.");
  });

  it("400 for a request with no body at all (no Content-Length), though it says JSON", async () => {
    // fetch always sends a Content-Length; curl -X POST with only the header does not.
    const { host } = new URL(server.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
      let reply = "";
      socket.on("data", (chunk) => {
        reply += chunk.toString();
      });
      socket.on("end", () => resolve(reply));
      socket.on("error", reject);
      socket.write(`POST /api/chat HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n`);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('"code":"bad_request"');
  });

  it("415 for a body that is not JSON by its Content-Type", async () => {
    await errorOf(await post("text=hi", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
  });

  it("405 with Allow: POST for other methods", async () => {
    const res = await fetch(`${server.url}/api/chat`);
    expect(res.headers.get("allow")).toBe("POST");
    await errorOf(res, 405, "method_not_allowed");
  });
});

describe("the page", () => {
  it("serves the chat at / with a strict Content-Security-Policy and the welcome card", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await res.text();
    expect(html).toContain('<label class="sr-only" for="question">Your question</label>');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('<article class="card" data-intent="greeting">');
    expect(html).toContain("who restores a dropped table?</button>");
    expect(html).not.toContain("<!-- welcome -->");
    // The question box stops where the core's limit is.
    expect(html).toContain(`maxlength="${MAX_QUESTION_CHARS}"`);
    // Nothing from another origin: no CDN, font or framework.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("serves its stylesheet and script with the right types", async () => {
    const css = await fetch(`${server.url}/static/chat.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).not.toMatch(/@import|url\(\s*["']?https?:/);
    const js = await fetch(`${server.url}/static/chat.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toContain("/api/chat");
  });

  it("answers a repeat visit with 304 from the ETag", async () => {
    const first = await fetch(`${server.url}/static/chat.css`);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    // As a browser revalidates; fetch() alone would add "Cache-Control: no-cache", which forbids a 304.
    const again = await fetch(`${server.url}/static/chat.css`, {
      headers: { "If-None-Match": etag ?? "", "Cache-Control": "max-age=0" },
    });
    expect(again.status).toBe(304);
  });

  it("serves no other file", async () => {
    for (const path of ["/static/index.html", "/static/../page.ts", "/static/", "/index.html"]) {
      expect((await fetch(`${server.url}${path}`)).status).toBe(404);
    }
  });
});

describe("the adapter", () => {
  it("describes itself and refuses new turns once stopped", async () => {
    const own = await startWebChat();
    try {
      expect(own.adapter.name).toBe("web");
      expect(own.adapter.describe()).toBe("Web chat (GET /, POST /api/chat)");
      await own.adapter.stop();
      const res = await fetch(`${own.url}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "hi" }),
      });
      await errorOf(res, 503, "shutting_down");
    } finally {
      await own.close();
    }
  });

  it("answers 500 with an apology, and logs the error, when the core fails", async () => {
    const broken: Whodoes = {
      ...realWhodoes(),
      ask() {
        throw new Error("boom");
      },
    };
    const own = await startWebChat(broken);
    try {
      const res = await fetch(`${own.url}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "who restores a dropped table?" }),
      });
      const message = await errorOf(res, 500, "internal");
      expect(message).not.toContain("boom");
      expect(own.logs.find((l) => l.level === "error")?.fields).toMatchObject({ platform: "web", error: "boom" });
    } finally {
      await own.close();
    }
  });
});

describe("the welcome card", () => {
  it("follows the knowledge when it is reloaded while the server runs", async () => {
    const copy = copyKnowledge();
    try {
      copy.edit("intents.yaml", (t) => t.replace("- who restores a dropped table?", "- who tunes a slow query?"));
      const before = realWhodoes();
      const after = createWhodoes(loadKnowledge(copy.dir));
      let current = before;
      // As src/server/live-knowledge.ts does: one Whodoes whose knowledge can change under it.
      const live = wrapWhodoes(() => current);
      const own = await startWebChat(live);
      try {
        expect(await (await fetch(`${own.url}/`)).text()).toContain(">who restores a dropped table?</button>");
        current = after;
        const page = await (await fetch(`${own.url}/`)).text();
        expect(page).toContain(">who tunes a slow query?</button>");
        expect(page).not.toContain(">who restores a dropped table?</button>");
      } finally {
        await own.close();
      }
    } finally {
      copy.remove();
    }
  });
});
