import { describe, expect, it } from "vitest";
import type { Role } from "../../src/core/index.js";
import { welcomeMessage } from "../../src/render/slack-welcome.js";

const role = (name: string, character: string): Role => ({
  id: name.toLowerCase().replace(/\W+/g, "-"),
  name,
  short: name,
  character,
  aliases: [],
  summary: "",
  responsibilities: [],
  example: "",
  worksWith: [],
  firstWeek: [],
  actions: [],
});

describe("welcomeMessage", () => {
  it("greets in the channel joined, lists every role with its character, and offers the tour", () => {
    expect(
      welcomeMessage({
        roles: [role("Database administrator", "The operational gatekeeper"), role("Data <architect>", "The system & designer")],
        channel: "C0698JE0H",
        command: "/whodoes",
        example: "who restores a dropped table?",
      }),
    ).toEqual({
      text: "Welcome! Here is who does what in data, and a short tour of your role.",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Welcome to the data team", emoji: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "Welcome to <#C0698JE0H>! I'm whodoes: I tell you which data role owns a task, and I can walk you through the role you are starting in.",
            verbatim: true,
          },
        },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*Who does what*\n• *Database administrator* · _The operational gatekeeper_\n• *Data &lt;architect&gt;* · _The system &amp; designer_",
            verbatim: true,
          },
        },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "Ask me any time: type `/whodoes who restores a dropped table?` anywhere, or send me a message here.",
            verbatim: true,
          },
        },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "whodoes-act-0",
              text: { type: "plain_text", text: "Start onboarding", emoji: true },
              value: '{"do":"onboard"}',
              style: "primary",
            },
            {
              type: "button",
              action_id: "whodoes-act-1",
              text: { type: "plain_text", text: "All roles", emoji: true },
              value: '{"do":"roles"}',
            },
            {
              type: "button",
              action_id: "whodoes-act-2",
              text: { type: "plain_text", text: "Compare all roles", emoji: true },
              value: '{"do":"compareAll"}',
            },
            {
              type: "button",
              action_id: "whodoes-act-3",
              text: { type: "plain_text", text: "How to ask", emoji: true },
              value: '{"do":"help"}',
            },
          ],
        },
      ],
    });
  });

  it("links the channel only when it is a channel id", () => {
    const text = JSON.stringify(welcomeMessage({ roles: [], channel: "<!channel>", command: "/whodoes" }).blocks);
    expect(text).toContain("Welcome to the channel!");
    expect(text).toContain("`/whodoes your question`");
    expect(text).not.toContain("<!channel>");
  });
});
