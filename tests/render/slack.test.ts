import { describe, expect, it } from "vitest";
import {
  type Answer,
  createWhodoes,
  loadKnowledge,
  MAX_QUESTION_CHARS,
  parseActionRef,
  type Role,
  type RoleTable,
} from "../../src/core/index.js";
import {
  answerToBlockKit,
  encodeActionValue,
  escapeSlackText,
  homeView,
  richTextToMrkdwn,
  type SlackBlock,
} from "../../src/render/slack.js";
import { SLACK_LIMITS, truncate } from "../../src/render/slack-limits.js";
import { tableAsSections } from "../../src/render/slack-table.js";
import { ACTIONS, whoDoesAnswer } from "./fixtures.js";

const whoDoes = whoDoesAnswer(ACTIONS.describe, ACTIONS.helpful);

/** Every string Slack will display, for the limit checks. */
function visibleTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case "header":
        return [b.text.text];
      case "section":
        return [
          ...("text" in b ? [b.text.text] : []),
          ...(b.fields ?? []).map((f) => f.text),
          ...("accessory" in b && b.accessory ? [b.accessory.text.text] : []),
        ];
      case "context":
        return b.elements.map((e) => e.text);
      case "actions":
        return b.elements.map((e) => e.text.text);
      default:
        return [];
    }
  });
}

describe("answerToBlockKit", () => {
  it("renders a who-does answer: header, the role with the matched words in bold, buttons, fallback text", () => {
    expect(answerToBlockKit(whoDoes)).toEqual({
      text: "Database administrator (the operational gatekeeper): Runs routine backups and restores data when it is lost.",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Database administrator", emoji: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*Database administrator* · _The operational gatekeeper_\n• Runs routine backups and *restores* data when it is lost.",
            verbatim: true,
          },
        },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "whodoes-act-0",
              text: { type: "plain_text", text: "What does a DBA do?", emoji: true },
              value: '{"do":"describe","role":"database-administrator"}',
            },
            {
              type: "button",
              action_id: "whodoes-act-1",
              text: { type: "plain_text", text: "👍 Helpful", emoji: true },
              value: '{"do":"feedback","vote":"up","intent":"who_does","role":"database-administrator"}',
            },
          ],
        },
      ],
    });
  });

  it("adds a Share button carrying the ref that re-creates the answer, and a Shared-by line", () => {
    const shareable = answerToBlockKit(whoDoes, { shareRef: { do: "ask", text: "who restores a dropped table?" } });
    expect(shareable.blocks.at(-1)).toEqual({
      type: "actions",
      elements: [
        expect.objectContaining({ action_id: "whodoes-act-0" }),
        expect.objectContaining({ action_id: "whodoes-act-1" }),
        {
          type: "button",
          action_id: "whodoes-share",
          text: { type: "plain_text", text: "Share in channel", emoji: true },
          value: '{"do":"ask","text":"who restores a dropped table?"}',
          style: "primary",
          accessibility_label: "Post this answer in the channel for everyone",
        },
      ],
    });
    expect(answerToBlockKit(whoDoes, { sharedBy: "U061F7AUR" }).blocks.at(-1)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "Shared by <@U061F7AUR>", verbatim: true }],
    });
    // Anything but a Slack user id is not turned into a mention.
    expect(answerToBlockKit(whoDoes, { sharedBy: "!channel" }).blocks.at(-1)?.type).toBe("actions");
  });

  it("escapes &, < and > everywhere, so typed text never becomes a live mention or link", () => {
    const echo: Answer = {
      intent: "out_of_scope",
      title: "About <!channel> & <@U0AAAAAAA>",
      summary: "You asked about <!here>",
      blocks: [
        { type: "text", text: [{ text: "You wrote: " }, { text: "<!channel> <https://evil.example|click>", strong: true }] },
        { type: "list", items: [[{ text: "<!subteam^S1>" }]] },
        { type: "fields", fields: [{ label: "<#C1>", value: [{ text: "a > b" }] }] },
        {
          type: "choices",
          prompt: "Did you mean <@U0BBBBBBB>?",
          choices: [{ label: "<!everyone>", action: { do: "ask", text: "<!channel>" } }],
        },
      ],
      roles: [],
      actions: [],
    };
    const message = answerToBlockKit(echo);
    expect(message.text).toBe("You asked about &lt;!here&gt;");
    expect(visibleTexts(message.blocks)).toEqual([
      "About &lt;!channel&gt; &amp; &lt;@U0AAAAAAA&gt;",
      "You wrote: *&lt;!channel&gt; &lt;https://evil.example|click&gt;*",
      "• &lt;!subteam^S1&gt;",
      "*&lt;#C1&gt;*\na &gt; b",
      "Did you mean &lt;@U0BBBBBBB&gt;?",
      "&lt;!everyone&gt;",
    ]);
    for (const t of visibleTexts(message.blocks)) expect(t).not.toMatch(/<[!@#]/);
  });

  it("shows * _ ~ and ` of a question or the knowledge as look-alikes, so the bold and italics around them hold", () => {
    const whodoes = createWhodoes(loadKnowledge());
    const several = answerToBlockKit(whodoes.ask("who *restores* a table? and who designs the partitioning?"));
    expect(visibleTexts(several.blocks)).toContain("*1. who ＊restores＊ a table?*");

    const edited: Answer = {
      intent: "who_does",
      title: "Edited",
      summary: "Edited",
      blocks: [
        { type: "heading", text: "who _owns_ `prod` ~now~?" },
        {
          type: "role",
          role: {
            id: "database-administrator",
            name: "DB_admin",
            character: "The *gate* keeper_",
            score: 1,
            evidence: [
              { responsibilityId: "r", statement: [{ text: "Runs a*b " }, { text: "back_ups", strong: true }], terms: [] },
            ],
          },
        },
        { type: "list", items: [[{ text: "who *tunes* queries?" }]] },
        { type: "fields", fields: [{ label: "On_call", value: [{ text: "~Ana~" }] }] },
        {
          type: "people",
          roleId: "database-administrator",
          roleName: "DB_admin",
          contacts: { emails: ["ana_ruiz"], note: "ask *Ana*", platforms: {} },
        },
      ],
      roles: [],
      actions: [],
    };
    expect(visibleTexts(answerToBlockKit(edited).blocks).slice(1)).toEqual([
      "*who ＿owns＿ ｀prod｀ ～now～?*",
      "*DB＿admin* · _The ＊gate＊ keeper＿_\n• Runs a＊b *back＿ups*",
      "• who ＊tunes＊ queries?",
      "*On＿call*\n～Ana～",
      "*In your organisation* (DB＿admin): ana＿ruiz\nask ＊Ana＊",
    ]);
    const table: RoleTable = {
      title: "Compare",
      corner: "Role",
      columns: [{ id: "database-administrator", name: "DB_admin" }],
      rows: [{ aspect: "tasks", label: "*Tasks*", cells: [["a_b"]] }],
    };
    expect(tableAsSections(table)[0]).toMatchObject({ text: { text: "*DB＿admin*" }, fields: [{ text: "*＊Tasks＊*\na＿b" }] });
  });

  it("renders lists, fields, progress and choices, with a unique action_id per button and tour rows marked", () => {
    const answer: Answer = {
      intent: "onboarding",
      title: "Step",
      summary: "Step",
      blocks: [
        { type: "progress", step: 2, total: 6 },
        { type: "heading", text: "First week" },
        { type: "list", ordered: true, items: [[{ text: "Meet the DBA" }], [{ text: "Read the runbook" }]] },
        {
          type: "choices",
          prompt: "Did you mean",
          choices: [{ label: "Data architect", action: { do: "describe", role: "data-architect" } }],
        },
      ],
      roles: [],
      actions: [{ label: "Next", action: { do: "onboard", role: "database-administrator", step: 3 }, style: "primary" }],
    };
    expect(answerToBlockKit(answer).blocks.slice(1)).toEqual([
      { type: "context", elements: [{ type: "mrkdwn", text: "Step 2 of 6", verbatim: true }] },
      { type: "section", text: { type: "mrkdwn", text: "*First week*", verbatim: true } },
      { type: "section", text: { type: "mrkdwn", text: "1. Meet the DBA\n2. Read the runbook", verbatim: true } },
      { type: "section", text: { type: "mrkdwn", text: "Did you mean", verbatim: true } },
      {
        type: "actions",
        block_id: "whodoes-tour-0",
        elements: [
          {
            type: "button",
            action_id: "whodoes-act-0",
            text: { type: "plain_text", text: "Data architect", emoji: true },
            value: '{"do":"describe","role":"data-architect"}',
          },
        ],
      },
      {
        type: "actions",
        block_id: "whodoes-tour-1",
        elements: [
          {
            type: "button",
            action_id: "whodoes-act-1",
            text: { type: "plain_text", text: "Next", emoji: true },
            value: '{"do":"onboard","role":"database-administrator","step":3}',
            style: "primary",
          },
        ],
      },
    ]);
  });

  it("splits more than 10 fields over several sections", () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: [{ text: `v${i}` }] }));
    const blocks = answerToBlockKit({ ...whoDoes, blocks: [{ type: "fields", fields }], actions: [] }).blocks;
    expect(blocks.map((b) => (b.type === "section" ? (b.fields?.length ?? 0) : -1))).toEqual([-1, 10, 2]);
  });

  it("splits a list longer than one section over several, so no item is lost at the cut", () => {
    // An organisation's responsibilities of 400 characters: twelve of them are 4,800.
    const items = Array.from({ length: 12 }, (_, i) => [{ text: `Task ${i} ${"x".repeat(400)}` }]);
    const blocks = answerToBlockKit({ ...whoDoes, blocks: [{ type: "list", items }], actions: [] }).blocks;
    const texts = blocks.flatMap((b) => (b.type === "section" && "text" in b ? [b.text.text] : []));
    expect(texts).toHaveLength(2);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(texts.join("\n").split("\n")).toEqual(items.map((item) => `• ${item[0]?.text}`));
  });

  it("stays within Slack's limits however big the answer is, and keeps the buttons", () => {
    const long = "x".repeat(5000);
    const huge: Answer = {
      intent: "who_does",
      title: long,
      summary: long,
      blocks: Array.from({ length: 80 }, () => ({ type: "text" as const, text: [{ text: long }] })),
      roles: [],
      actions: [
        { label: `A very long label ${"y".repeat(100)}`, action: { do: "roles" } },
        { label: "Ask", action: { do: "ask", text: "q".repeat(5000) } },
      ],
    };
    const { text, blocks } = answerToBlockKit(huge, { shareRef: { do: "ask", text: "é".repeat(3000) } });
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(visibleTexts(blocks).reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(SLACK_LIMITS.messageTextBudget);
    const header = blocks[0];
    expect(header?.type === "header" && header.text.text.length).toBe(SLACK_LIMITS.headerText);
    for (const b of blocks) {
      if (b.type === "section" && "text" in b) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (b.type === "actions") {
        for (const e of b.elements) {
          expect(e.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
          expect(e.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
          expect(parseActionRef(e.value)).toBeDefined();
        }
      }
    }
    expect(blocks.at(-2)).toEqual({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: "This answer was shortened to fit in Slack. Ask a narrower question to see the rest.",
          verbatim: true,
        },
      ],
    });
    expect(blocks.at(-1)?.type === "actions" && blocks.at(-1)).toMatchObject({
      elements: [{}, {}, { action_id: "whodoes-share" }],
    });
  });

  it("renders every answer of the real core for the example questions within limits", () => {
    const whodoes = createWhodoes(loadKnowledge());
    const questions = whodoes.knowledge.intents.flatMap((i) => i.examples);
    expect(questions.length).toBeGreaterThan(10);
    for (const q of questions) {
      const { text, blocks } = answerToBlockKit(whodoes.ask(q), { shareRef: { do: "ask", text: q } });
      expect(text.length).toBeGreaterThan(0);
      expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(blocks[0]?.type).toBe("header");
    }
  });
});

describe("Slack text helpers", () => {
  it("escapes exactly Slack's three control characters", () => {
    expect(escapeSlackText(`<!channel> & "quotes" 'n' >`)).toBe(`&lt;!channel&gt; &amp; "quotes" 'n' &gt;`);
  });

  it("keeps spaces outside the bold markers so Slack renders them", () => {
    expect(richTextToMrkdwn([{ text: "a" }, { text: " dropped table ", strong: true }, { text: "b" }])).toBe(
      "a *dropped table* b",
    );
    expect(richTextToMrkdwn([{ text: " ", strong: true }])).toBe(" ");
  });

  it("truncates without leaving half an entity or half a surrogate pair", () => {
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("abcd &amp; e", 8)).toBe("abcd …");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
  });

  it("shortens a long ask text to what the core accepts back, and drops a value that cannot fit", () => {
    const value = encodeActionValue({ do: "ask", text: "w".repeat(3000) });
    expect(parseActionRef(value)).toEqual({ do: "ask", text: "w".repeat(MAX_QUESTION_CHARS) });
    expect(encodeActionValue({ do: "ask", text: "\u0001".repeat(1000) })).toBeUndefined();
  });
});

describe("homeView", () => {
  const role: Role = {
    id: "database-administrator",
    name: "Database administrator",
    short: "DBA",
    character: "The operational gatekeeper",
    aliases: [],
    summary: "",
    responsibilities: ["Runs backups", "Tunes performance", "Applies patches", "Monitors activity"].map((statement, i) => ({
      id: `r${i}`,
      statement,
      keywords: [],
      concerns: [],
    })),
    example: "",
    worksWith: [],
    firstWeek: [],
    actions: [],
  };

  it("shows the welcome it is given, then the role directory with a button per role", () => {
    const welcome: Answer = {
      intent: "greeting",
      title: "Hi",
      summary: "Hi",
      blocks: [{ type: "text", text: [{ text: "Ask me." }] }],
      roles: [],
      actions: [{ label: "Start onboarding", action: { do: "onboard" }, style: "primary" }],
    };
    const view = homeView({ welcome, roles: [role] });
    expect(view).toEqual({
      type: "home",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Hi", emoji: true } },
        { type: "section", text: { type: "mrkdwn", text: "Ask me.", verbatim: true } },
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
          ],
        },
        { type: "divider" },
        { type: "section", text: { type: "mrkdwn", text: "*The roles*", verbatim: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*Database administrator* · _The operational gatekeeper_\n• Runs backups\n• Tunes performance\n• Applies patches",
            verbatim: true,
          },
          accessory: {
            type: "button",
            action_id: "whodoes-act-1",
            text: { type: "plain_text", text: "What they do", emoji: true },
            value: '{"do":"describe","role":"database-administrator"}',
            accessibility_label: "What does the database administrator do?",
          },
        },
      ],
    });
  });

  it("keeps an organisation's * or _ in a role's name or character from breaking its bold and italics", () => {
    const welcome: Answer = { intent: "greeting", title: "Hi", summary: "Hi", blocks: [], roles: [], actions: [] };
    const edited = { ...role, name: "DB_admin", character: "The *gatekeeper*", responsibilities: [] };
    const last = homeView({ welcome, roles: [edited] }).blocks.at(-1);
    expect(last?.type === "section" && "text" in last && last.text.text).toBe("*DB＿admin* · _The ＊gatekeeper＊_");
  });
});
