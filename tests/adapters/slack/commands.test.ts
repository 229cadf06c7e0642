import { describe, expect, it } from "vitest";
import { parseActionRef } from "../../../src/core/index.js";
import { SHARE_ACTION_ID } from "../../../src/render/slack.js";
import { fixture } from "./support/fixtures.js";
import { useHttpHarness } from "./support/harness.js";

type Block = { type: string; text?: { text: string }; elements?: { action_id: string; value: string; text: { text: string } }[] };

describe("Slack slash command /whodoes (HTTP mode)", () => {
  const h = useHttpHarness();

  const command = (text: string, name: string) => ({
    ...fixture<Record<string, string>>("slash-command"),
    text,
    response_url: h.slack.responseUrl(name),
  });
  const responsesTo = (name: string) => h.slack.waitFor((c) => c.method === "response_url" && c.path.endsWith(`/${name}`));

  it("acks at once with an empty body, then answers privately with Block Kit and a Share button", async () => {
    const res = await h.postCommand(command("who restores a dropped table?", "restore"));
    expect(res).toEqual({ status: 200, text: "" });

    const [call] = await responsesTo("restore");
    const body = call?.body as { response_type: string; text: string; blocks: Block[] };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe(
      "Database administrator (the operational gatekeeper): Runs routine backups and restores data when it is lost.",
    );
    expect(body.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Database administrator", emoji: true } });
    expect(body.blocks[1]?.text?.text).toContain("*Database administrator* · _The operational gatekeeper_");
    expect(body.blocks[1]?.text?.text).toContain("*restores*");

    const buttons = body.blocks.flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.text.text)).toEqual([
      "What does a DBA do?",
      "Compare with Architect",
      "Who do they work with?",
      "Start onboarding",
      "👍 Helpful",
      "👎 Not helpful",
      "Share in channel",
    ]);
    const share = buttons.find((b) => b.action_id === SHARE_ACTION_ID);
    expect(parseActionRef(share?.value)).toEqual({ do: "ask", text: "who restores a dropped table?" });
    // Nothing was posted with the bot token: the answer went through the command's response_url.
    expect(h.slack.work().filter((c) => c.method !== "response_url")).toEqual([]);
  });

  it("shows usage built from the knowledge base for /whodoes alone and for /whodoes help", async () => {
    await h.postCommand(command("", "empty"));
    await h.postCommand(command("help", "help"));
    const [empty] = await responsesTo("empty");
    const [help] = await responsesTo("help");
    expect(empty?.body).toEqual(help?.body);
    const blocks = empty?.body.blocks as Block[];
    expect(blocks[0]?.text?.text).toBe("How to ask whodoes");
    // The examples are the knowledge base's own (intents.yaml), not a hand-kept list.
    expect(blocks.map((b) => b.text?.text ?? "").join("\n")).toContain("• who restores a dropped table?");
  });

  it("answers the shortcuts roles, compare A B and onboard ROLE", async () => {
    await h.postCommand(command("roles", "roles"));
    await h.postCommand(command("compare architect dba", "compare"));
    await h.postCommand(command("onboard dba", "onboard"));
    const titles = await Promise.all(
      ["roles", "compare", "onboard"].map(
        async (n) => (((await responsesTo(n))[0]?.body.blocks ?? []) as Block[])[0]?.text?.text,
      ),
    );
    expect(titles).toEqual(["The data roles", "Data architect vs Database administrator", "Database administrator: At a glance"]);
  });

  it("logs a response_url that refuses the answer (without the URL) and posts the apology there", async () => {
    h.slack.failNext("response_url", 500, "internal_error");
    const res = await h.postCommand(command("who restores a dropped table?", "refused"));
    expect(res.status).toBe(200);
    const [refused, apology] = await h.slack.waitFor((c) => c.method === "response_url" && c.path.endsWith("/refused"), 2);
    expect(Array.isArray(refused?.body.blocks) && refused.body.blocks.length > 0).toBe(true);
    expect(apology?.body).toEqual({
      response_type: "ephemeral",
      text: "Sorry, something went wrong while I was answering. Please try again in a moment.",
    });
    const error = h.logger.lines.find((l) => l.level === "error");
    expect(error).toEqual({
      level: "error",
      msg: "slack: failed to answer",
      fields: {
        kind: "command",
        team: "T0001",
        channel: "C0LAE2LE3",
        error: "response_url answered HTTP 500: internal_error",
        code: "SLACK_RESPONSE_URL_REJECTED",
      },
    });
    expect(JSON.stringify(h.logger.lines)).not.toContain("/refused");
  });
});
