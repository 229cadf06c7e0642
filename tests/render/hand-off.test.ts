/**
 * The pure renderers of this issue: the triage post and notices on Slack and Teams, Slack's own 👍/👎
 * control, and who holds a role right now in every format. Exact output where it is ours to choose.
 */
import { describe, expect, it } from "vitest";
import type { Answer, Block, TriagePost } from "../../src/core/index.js";
import { answerToHtml } from "../../src/render/html.js";
import { answerToBlockKit } from "../../src/render/slack.js";
import { handOffNoticeText, triagePostToBlockKit } from "../../src/render/slack-triage.js";
import { answerToTeamsMessage } from "../../src/render/teams.js";
import { handOffNoticeToTeamsMessage, triagePostToTeamsMessage } from "../../src/render/teams-triage.js";
import { answerToText } from "../../src/render/text.js";
import { contacts } from "../helpers/contacts.js";

const Q = "AbCdEfGhIjKlMnOpQrStUvWx";
const post: TriagePost = {
  q: Q,
  question: "who pays for <!channel> & the\n*licence*?",
  asker: { id: "U061F7AUR", name: "Ana" },
  roleName: "Data manager",
  state: "open",
};

describe("the triage post on Slack", () => {
  it("mentions the asker, quotes the question escaped line by line, and offers Claim and Answered", () => {
    expect(triagePostToBlockKit(post)).toEqual({
      text: "Question for the data team: <@U061F7AUR> asked: who pays for &lt;!channel&gt; &amp; the\n*licence*?",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Question for the data team", emoji: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "<@U061F7AUR> asked:\n>who pays for &lt;!channel&gt; &amp; the\n>*licence*?",
            verbatim: true,
          },
        },
        { type: "context", elements: [{ type: "mrkdwn", text: "Likely role: Data manager", verbatim: true }] },
        { type: "context", elements: [{ type: "mrkdwn", text: "Waiting for someone to take it.", verbatim: true }] },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "whodoes-act-0",
              text: { type: "plain_text", text: "Claim", emoji: true },
              value: JSON.stringify({ do: "triage", q: Q, step: "claim" }),
              style: "primary",
            },
            {
              type: "button",
              action_id: "whodoes-act-1",
              text: { type: "plain_text", text: "Answered", emoji: true },
              value: JSON.stringify({ do: "triage", q: Q, step: "answered" }),
            },
          ],
        },
      ],
    });
  });

  it("shows who took it and who answered it, and drops the buttons once answered", () => {
    const claimed = triagePostToBlockKit({ ...post, state: "claimed", claimedBy: { id: "U0DBA00002" } });
    expect(claimed.blocks.at(-2)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "Claimed by <@U0DBA00002>", verbatim: true }],
    });
    expect(claimed.blocks.at(-1)).toMatchObject({ type: "actions", elements: [{ text: { text: "Answered" } }] });
    const answered = triagePostToBlockKit({ ...post, state: "answered", answeredBy: { id: "U0DBA00002" } });
    expect(answered.blocks.at(-1)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "Answered by <@U0DBA00002>", verbatim: true }],
    });
    // A name shown for want of an id is shown as written: its * or _ formats nothing.
    expect(triagePostToBlockKit({ ...post, state: "claimed", claimedBy: { id: "", name: "*ana_r*" } }).blocks.at(-2)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "Claimed by ＊ana＿r＊", verbatim: true }],
    });
    // An id that is no Slack user id is never made a mention.
    expect(triagePostToBlockKit({ ...post, asker: { id: "<!here>" } }).blocks[1]).toMatchObject({
      text: { text: expect.stringMatching(/^someone asked:/) },
    });
  });

  it("tells people privately, with the channel as a link", () => {
    expect(handOffNoticeText({ kind: "sent", place: { id: "C0TRIAGE01" } })).toBe(
      "Sent your question to <#C0TRIAGE01>. I'll tell you privately when someone takes it.",
    );
    expect(handOffNoticeText({ kind: "claimed", by: { id: "U0DBA00002" }, place: { id: "C0TRIAGE01" } })).toBe(
      "<@U0DBA00002> took your question in <#C0TRIAGE01>: they'll be in touch.",
    );
    expect(handOffNoticeText({ kind: "already-claimed" })).toBe("Someone has already claimed this question.");
  });
});

describe("the triage post on Teams", () => {
  it("mentions the asker, keeps the question in a TextRun Teams never parses, and offers Claim and Answered in place", () => {
    const message = triagePostToTeamsMessage({ ...post, asker: { id: "29:1Ana", name: "Ana" } });
    const card = message.attachments[0]?.content;
    expect(card?.msteams?.entities).toEqual([
      { type: "mention", text: "<at>Ana</at>", mentioned: { id: "29:1Ana", name: "Ana" } },
    ]);
    expect(JSON.stringify(card?.body)).toContain(JSON.stringify({ type: "TextRun", text: post.question }));
    expect(card?.actions).toEqual([
      {
        type: "Action.Submit",
        title: "Claim",
        data: { whodoes: { do: "triage", q: Q, step: "claim" }, replace: true },
        style: "positive",
      },
      { type: "Action.Submit", title: "Answered", data: { whodoes: { do: "triage", q: Q, step: "answered" }, replace: true } },
    ]);
    const answered = triagePostToTeamsMessage({ ...post, state: "answered", answeredBy: { id: "29:1Dana", name: "Dana" } });
    expect(answered.attachments[0]?.content.actions).toBeUndefined();
  });

  it("links the channel in a notice", () => {
    const notice = handOffNoticeToTeamsMessage({ kind: "sent", place: { id: "19:dq@thread.tacv2", name: "Data questions" } });
    const first = notice.attachments[0]?.content.body[0] as
      | { inlines: { text: string; selectAction?: { url: string } }[] }
      | undefined;
    const inlines = first?.inlines ?? [];
    expect(inlines.map((i) => i.text).join("")).toBe(
      "Sent your question to Data questions. I'll tell you privately when someone takes it.",
    );
    expect(inlines[1]?.selectAction?.url).toBe("https://teams.microsoft.com/l/channel/19%3Adq%40thread.tacv2/Data%20questions");
  });
});

describe("Slack's own 👍/👎", () => {
  it("puts an answer's two votes in a feedback_buttons element of a context_actions block, last", () => {
    const up = { do: "feedback" as const, vote: "up" as const, intent: "who_does" as const, q: Q };
    const down = { ...up, vote: "down" as const };
    const answer: Answer = {
      intent: "who_does",
      title: "Database administrator",
      summary: "DBA",
      blocks: [],
      roles: [],
      actions: [
        { label: "What does a DBA do?", action: { do: "describe", role: "database-administrator" } },
        { label: "👍 Helpful", action: up },
        { label: "👎 Not helpful", action: down },
      ],
    };
    expect(answerToBlockKit(answer).blocks.slice(1)).toEqual([
      {
        type: "actions",
        elements: [
          expect.objectContaining({
            action_id: "whodoes-act-0",
            value: JSON.stringify({ do: "describe", role: "database-administrator" }),
          }),
        ],
      },
      {
        type: "context_actions",
        elements: [
          {
            type: "feedback_buttons",
            action_id: "whodoes-act-1",
            positive_button: {
              text: { type: "plain_text", text: "👍 Helpful", emoji: true },
              value: JSON.stringify(up),
              accessibility_label: "This answer was helpful",
            },
            negative_button: {
              text: { type: "plain_text", text: "👎 Not helpful", emoji: true },
              value: JSON.stringify(down),
              accessibility_label: "This answer was not helpful",
            },
          },
        ],
      },
    ]);
    // Teams: its own feedback loop instead of card buttons.
    const teams = answerToTeamsMessage(answer, { nativeFeedback: true });
    expect(teams.channelData).toEqual({ feedbackLoopEnabled: true });
    expect(teams.attachments[0]?.content.actions?.map((a) => a.title)).toEqual(["What does a DBA do?"]);
  });
});

describe("who holds a role right now", () => {
  const people: Block = {
    type: "people",
    roleId: "database-administrator",
    roleName: "Database administrator",
    contacts: contacts({ slack: { groups: ["S04DBA0001"] }, emails: ["dba@hospital.example"] }),
    live: [
      { label: "On call now (DBA on-call)", people: [{ name: "Ana <Ruiz>", email: "ana@hospital.example" }] },
      {
        label: "DBA group",
        people: [{ ids: { slack: "U0DBA00002" } }, { ids: { slack: "U0DBA00003" } }],
        asOf: "as of 2 hours ago",
      },
    ],
  };
  const answer: Answer = {
    intent: "describe_role",
    title: "Database administrator",
    summary: "DBA",
    blocks: [people],
    roles: [],
    actions: [],
  };

  it("Slack: names and live mentions on their own line, the age of a value that is not current", () => {
    expect(answerToBlockKit(answer).blocks[1]).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "*In your organisation* (Database administrator): <!subteam^S04DBA0001>, <mailto:dba@hospital.example|dba@hospital.example>\nOn call now (DBA on-call): Ana &lt;Ruiz&gt;; DBA group: <@U0DBA00002>, <@U0DBA00003> _(as of 2 hours ago)_",
        verbatim: true,
      },
    });
  });

  it("plain text, HTML and Teams: names and emails; Slack's ids stay Slack's", () => {
    expect(answerToText(answer)).toContain(
      "In your organisation: dba@hospital.example. On call now (DBA on-call): Ana <Ruiz> (ana@hospital.example)",
    );
    expect(answerToHtml(answer)).toContain("<li>On call now (DBA on-call): Ana &lt;Ruiz&gt; (ana@hospital.example)</li>");
    const card = JSON.stringify(answerToTeamsMessage(answer).attachments[0]?.content.body);
    expect(card).toContain('{"type":"TextRun","text":"Ana <Ruiz> (ana@hospital.example)"}');
    expect(card).not.toContain("U0DBA00002");
    expect(card).not.toContain("DBA group");
    // Nobody on call is said so.
    const nobody: Answer = { ...answer, blocks: [{ ...people, live: [{ label: "On call now (DBA on-call)", people: [] }] }] };
    expect(answerToText(nobody)).toContain("On call now (DBA on-call): no one");
  });
});
