import { describe, expect, it } from "vitest";
import { parseActionRef } from "../../../src/core/index.js";
import { SHARE_ACTION_ID } from "../../../src/render/slack.js";
import { fixture } from "./support/fixtures.js";
import { realWhodoes, startHttpHarness, useHttpHarness } from "./support/harness.js";

type Block = { type: string; text?: { text: string }; elements?: { action_id: string; value: string; text: { text: string } }[] };
type FeedbackButtons = {
  type: string;
  positive_button: { text: { text: string }; value: string };
  negative_button: { text: { text: string }; value: string };
};

describe("Slack slash command /whodoes (HTTP mode)", () => {
  const h = useHttpHarness();

  const command = (text: string, name: string) => ({
    ...fixture<Record<string, string>>("slash-command"),
    text,
    response_url: h.slack.responseUrl(name),
  });
  /** The answer Slack gets in the acknowledgement of a command (Bolt's ack(message)). */
  const answerTo = async (text: string, name = "unused") => {
    const res = await h.postCommand(command(text, name));
    expect(res.status).toBe(200);
    return JSON.parse(res.text) as { response_type: string; text: string; blocks: Block[] };
  };

  it("answers privately in the ack itself, with Block Kit and a Share button, and calls nothing else", async () => {
    const body = await answerTo("who restores a dropped table?");
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe(
      "Database administrator (the operational gatekeeper): Runs routine backups and restores data when it is lost.",
    );
    expect(body.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Database administrator", emoji: true } });
    expect(body.blocks[1]?.text?.text).toContain("*Database administrator* · _The operational gatekeeper_");
    expect(body.blocks[1]?.text?.text).toContain("*restores*");

    const buttons = body.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
    expect(buttons.map((b) => b.text.text)).toEqual([
      "What does a DBA do?",
      "Compare with the architect",
      "Who do they work with?",
      "Start onboarding",
      "Share in channel",
    ]);
    // 👍/👎 are Slack's own feedback control, last, each side carrying its vote (and the question's id).
    const feedback = body.blocks.at(-1) as unknown as { type: string; elements: FeedbackButtons[] };
    expect(feedback.type).toBe("context_actions");
    const [pair] = feedback.elements;
    expect(pair?.type).toBe("feedback_buttons");
    expect(pair?.positive_button.text.text).toBe("👍 Helpful");
    expect(parseActionRef(pair?.negative_button.value)).toMatchObject({ do: "feedback", vote: "down", intent: "who_does" });
    const share = buttons.find((b) => b.action_id === SHARE_ACTION_ID);
    expect(parseActionRef(share?.value)).toEqual({ do: "ask", text: "who restores a dropped table?" });
    // No second request: neither the response_url nor the Web API was called for the answer.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.slack.work()).toEqual([]);
  });

  it("shows usage built from the knowledge base for /whodoes alone and for /whodoes help", async () => {
    const empty = await answerTo("");
    const help = await answerTo("help");
    expect(empty).toEqual(help);
    expect(empty.blocks[0]?.text?.text).toBe("How to ask whodoes");
    // The examples are the knowledge base's own (intents.yaml), not a hand-kept list.
    expect(empty.blocks.map((b) => b.text?.text ?? "").join("\n")).toContain("• who restores a dropped table?");
  });

  it("reads '&', '<' and '>' as typed, though Slack sends them escaped", async () => {
    // "/whodoes who does backup & restore and who designs the partitioning?", as Slack sends it.
    const body = await answerTo("who does backup &amp; restore and who designs the partitioning?");
    const texts = body.blocks.map((b) => b.text?.text ?? "");
    // Each question is echoed as typed: escaped once for Slack, which shows "&".
    expect(texts).toContain("*1. who does backup &amp; restore?*");
    expect(JSON.stringify(body)).not.toContain("&amp;amp;");
    // The core reads "&", not the word "amp".
    expect(body.text).toBe(realWhodoes().ask("who does backup & restore and who designs the partitioning?").summary);
    const echoed = await answerTo("what does a R&amp;D officer do?");
    expect(echoed.text).toBe(realWhodoes().ask("what does a R&D officer do?").summary);
    expect(echoed.text).not.toMatch(/\bamp\b/);
  });

  it("offers no Share for a question too long to answer", async () => {
    const body = await answerTo(`who restores a dropped table? ${"and then some more words ".repeat(60)}`);
    expect(body.blocks[0]?.text?.text).toBe("That message is too long for me");
    const buttons = body.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
    expect(buttons.map((b) => b.text.text)).toEqual(["How to ask"]);
  });

  it("answers the shortcuts roles, compare A B and onboard ROLE", async () => {
    const titles = [];
    for (const text of ["roles", "compare architect dba", "onboard dba"])
      titles.push((await answerTo(text)).blocks[0]?.text?.text);
    expect(titles).toEqual(["The data roles", "Data architect vs Database administrator", "Database administrator: At a glance"]);
  });
});

describe("Slack slash command /whodoes when answering fails", () => {
  it("acks with the one-line apology and logs the failure without the question", async () => {
    const broken = {
      ...realWhodoes(),
      ask: () => {
        throw new Error("the matcher broke");
      },
    };
    const h = await startHttpHarness({ whodoes: broken });
    const { logger } = h;
    try {
      const res = await h.postCommand({
        ...fixture<Record<string, string>>("slash-command"),
        text: "who restores a dropped table?",
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({
        response_type: "ephemeral",
        text: "Sorry, something went wrong while I was answering. Please try again in a moment.",
      });
      expect(logger.lines.find((l) => l.level === "error")).toEqual({
        level: "error",
        msg: "slack: failed to answer",
        fields: { kind: "command", team: "T0001", channel: "C0LAE2LE3", error: "the matcher broke" },
      });
      expect(JSON.stringify(logger.lines)).not.toContain("dropped table");
    } finally {
      await h.close();
    }
  });
});
