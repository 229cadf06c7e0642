/** The limit checkers must catch what they claim to, or the properties that use them prove nothing. */
import { describe, expect, it } from "vitest";
import type { SlackBlock, SlackMessage } from "../../src/render/slack.js";
import type { TeamsCardMessage } from "../../src/render/teams.js";
import { blockKitProblems, isWellFormed, teamsProblems } from "./limits.js";

const section = (text: string): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const slack = (blocks: SlackBlock[], text = "fallback"): SlackMessage => ({ text, blocks });
const button = (value: string, label = "Go") => ({
  type: "button" as const,
  action_id: "a",
  text: { type: "plain_text" as const, text: label },
  value,
});

function teams(card: Record<string, unknown>, summary = "summary"): TeamsCardMessage {
  const content = {
    type: "AdaptiveCard",
    $schema: "x",
    version: "1.2",
    fallbackText: "f",
    body: [{ type: "RichTextBlock", inlines: [] }],
    ...card,
  };
  return {
    type: "message",
    summary,
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content }],
  } as unknown as TeamsCardMessage;
}

describe("blockKitProblems", () => {
  const ok = { wellFormedInput: true };

  it("passes a small valid message", () => {
    expect(blockKitProblems(slack([section("hello"), { type: "actions", elements: [button('{"do":"help"}')] }]), ok)).toEqual([]);
  });

  it("catches too many blocks, long texts, and the text budget", () => {
    expect(blockKitProblems(slack(Array.from({ length: 51 }, () => section("x"))), ok).join()).toMatch(/51 blocks/);
    expect(blockKitProblems(slack([section("x".repeat(3001))]), ok).join()).toMatch(/3001 chars > 3000/);
    expect(blockKitProblems(slack(Array.from({ length: 5 }, () => section("x".repeat(2500)))), ok).join()).toMatch(
      /visible text/,
    );
  });

  it("catches live tokens, raw ampersands, empty texts and cut characters", () => {
    expect(blockKitProblems(slack([section("hi <!channel>")]), ok).join()).toMatch(/unescaped < or >/);
    expect(blockKitProblems(slack([section("<@U1>")]), { ...ok, liveTokens: ["<@U1>"] })).toEqual([]);
    expect(blockKitProblems(slack([section("a & b")]), ok).join()).toMatch(/unescaped &/);
    expect(blockKitProblems(slack([section("a &amp; b &lt;")]), ok)).toEqual([]);
    expect(blockKitProblems(slack([section("")]), ok).join()).toMatch(/empty text/);
    expect(blockKitProblems(slack([section("\ud83d")]), ok).join()).toMatch(/lone surrogate/);
  });

  it("catches buttons that cannot come back", () => {
    const bad = blockKitProblems(
      slack([{ type: "actions", elements: [button("not json"), button('{"do":"help"}')] }]),
      ok,
    ).join();
    expect(bad).toMatch(/not a valid ActionRef/);
    expect(bad).toMatch(/duplicate action_id/);
    expect(
      blockKitProblems(slack([{ type: "actions", elements: [button('{"do":"help"}', "x".repeat(76))] }]), ok).join(),
    ).toMatch(/76 chars > 75/);
  });
});

describe("teamsProblems", () => {
  const ok = { wellFormedInput: true };

  it("passes a small valid card", () => {
    expect(
      teamsProblems(teams({ actions: [{ type: "Action.Submit", title: "Go", data: { whodoes: { do: "help" } } }] }), ok),
    ).toEqual([]);
  });

  it("catches size, version, actions and summary", () => {
    const big = [{ type: "RichTextBlock", inlines: [{ type: "TextRun", text: "x".repeat(30_000) }] }];
    expect(teamsProblems(teams({ body: big }), ok).join()).toMatch(/bytes/);
    expect(teamsProblems(teams({ version: "1.6" }), ok).join()).toMatch(/version 1.6/);
    const seven = Array.from({ length: 7 }, () => ({ type: "Action.Submit", title: "Go", data: { whodoes: { do: "help" } } }));
    expect(teamsProblems(teams({ actions: seven }), ok).join()).toMatch(/7 card actions/);
    expect(teamsProblems(teams({}, "x".repeat(301)), ok).join()).toMatch(/summary 301/);
  });

  it("catches bad button data, unpaired mentions and cut characters", () => {
    const forged = [
      { type: "ActionSet", actions: [{ type: "Action.Submit", title: "Go", data: { whodoes: { do: "rm -rf" } } }] },
    ];
    expect(teamsProblems(teams({ body: forged }), ok).join()).toMatch(/not a valid ActionRef/);
    expect(teamsProblems(teams({ body: [{ type: "TextBlock", text: "<at>Ana</at>", wrap: true }] }), ok).join()).toMatch(
      /no entity/,
    );
    expect(teamsProblems(teams({ fallbackText: "\udc00" }), ok).join()).toMatch(/lone surrogate/);
  });
});

it("isWellFormed tells whole pairs from halves", () => {
  expect(isWellFormed("😀 ok")).toBe(true);
  expect(isWellFormed("\ud83d")).toBe(false);
  expect(isWellFormed("\ude00x")).toBe(false);
});
