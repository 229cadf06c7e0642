import { describe, expect, it } from "vitest";
import { DIRECTORY_FORMATS } from "../../src/adapters/platforms.js";
import type { Answer, RoleCard } from "../../src/core/index.js";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { cut } from "../../src/render/cut.js";
import {
  adaptiveCardAttachment,
  answerToAdaptiveCard,
  answerToTeamsMessage,
  byteLength,
  roleToSearchResult,
  SHORTENED_NOTE,
} from "../../src/render/teams.js";
import { MAX_CARD_ACTIONS, MAX_CARD_BYTES, MAX_LIST_ITEMS, TEAMS_MAX_CARD_VERSION } from "../../src/render/teams-limits.js";
import { channelLink } from "../../src/render/teams-people.js";
import { clip, wellFormed } from "../../src/render/teams-text.js";
import { contacts, type DirectoryEntry } from "../helpers/contacts.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";
import { dba } from "./fixtures.js";

const whoDoes: Answer = {
  intent: "who_does",
  title: "Database administrator",
  summary: "Database administrator (the operational gatekeeper): Runs routine backups and restores data when it is lost.",
  blocks: [
    { type: "role", role: dba },
    { type: "text", text: [{ text: "Also involved:" }] },
    {
      type: "choices",
      prompt: "Did you mean:",
      choices: [
        { label: "Database administrator", action: { do: "describe", role: "database-administrator" } },
        { label: "Data architect", action: { do: "describe", role: "data-architect" } },
      ],
    },
  ],
  roles: [dba],
  actions: [
    { label: "What does a DBA do?", action: { do: "describe", role: "database-administrator" } },
    { label: "Start onboarding", action: { do: "onboard", role: "database-administrator", step: 1 }, style: "primary" },
    { label: "👎 Not helpful", action: { do: "feedback", vote: "down", intent: "who_does" }, style: "danger" },
  ],
};

describe("answerToAdaptiveCard", () => {
  it("renders a who-does answer exactly", () => {
    expect(answerToAdaptiveCard(whoDoes)).toEqual({
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.2",
      fallbackText:
        "Database administrator (The operational gatekeeper)\n  - Runs routine backups and restores data when it is lost.\nAlso involved:\nDid you mean:\n  * Database administrator\n  * Data architect",
      body: [
        {
          type: "RichTextBlock",
          inlines: [{ type: "TextRun", text: "Database administrator", weight: "bolder", size: "medium" }],
        },
        {
          type: "Container",
          style: "emphasis",
          spacing: "medium",
          items: [
            {
              type: "RichTextBlock",
              inlines: [{ type: "TextRun", text: "Database administrator", weight: "bolder", size: "medium" }],
            },
            {
              type: "RichTextBlock",
              spacing: "small",
              inlines: [{ type: "TextRun", text: "The operational gatekeeper", italic: true, isSubtle: true }],
            },
            {
              type: "RichTextBlock",
              spacing: "small",
              inlines: [
                { type: "TextRun", text: "• ", isSubtle: true },
                { type: "TextRun", text: "Runs routine backups and " },
                { type: "TextRun", text: "restores", weight: "bolder" },
                { type: "TextRun", text: " data when it is lost." },
              ],
            },
          ],
        },
        { type: "RichTextBlock", inlines: [{ type: "TextRun", text: "Also involved:" }] },
        { type: "RichTextBlock", spacing: "medium", inlines: [{ type: "TextRun", text: "Did you mean:", weight: "bolder" }] },
        {
          type: "ActionSet",
          spacing: "small",
          actions: [
            {
              type: "Action.Submit",
              title: "Database administrator",
              data: { whodoes: { do: "describe", role: "database-administrator" } },
            },
          ],
        },
        {
          type: "ActionSet",
          spacing: "small",
          actions: [
            { type: "Action.Submit", title: "Data architect", data: { whodoes: { do: "describe", role: "data-architect" } } },
          ],
        },
      ],
      actions: [
        {
          type: "Action.Submit",
          title: "What does a DBA do?",
          data: { whodoes: { do: "describe", role: "database-administrator" } },
        },
        {
          type: "Action.Submit",
          title: "Start onboarding",
          data: { whodoes: { do: "onboard", role: "database-administrator", step: 1 } },
          style: "positive",
        },
        {
          type: "Action.Submit",
          title: "👎 Not helpful",
          data: { whodoes: { do: "feedback", vote: "down", intent: "who_does" } },
          style: "destructive",
        },
      ],
    });
  });

  it("renders headings, lists, fields and progress", () => {
    const answer: Answer = {
      intent: "compare_roles",
      title: "DBA vs Architect",
      summary: "s",
      blocks: [
        { type: "heading", text: "In short" },
        { type: "list", items: [[{ text: "one" }], [{ text: "two", strong: true }]], ordered: true },
        { type: "list", items: [[{ text: "dot" }]] },
        { type: "fields", fields: [{ label: "Focus", value: [{ text: "operations" }] }] },
        { type: "progress", step: 2, total: 5 },
      ],
      roles: [],
      actions: [],
    };
    expect(answerToAdaptiveCard(answer).body).toEqual([
      { type: "RichTextBlock", inlines: [{ type: "TextRun", text: "DBA vs Architect", weight: "bolder", size: "medium" }] },
      { type: "RichTextBlock", spacing: "medium", inlines: [{ type: "TextRun", text: "In short", weight: "bolder" }] },
      {
        type: "Container",
        items: [
          {
            type: "RichTextBlock",
            spacing: "small",
            inlines: [
              { type: "TextRun", text: "1. " },
              { type: "TextRun", text: "one" },
            ],
          },
          {
            type: "RichTextBlock",
            spacing: "small",
            inlines: [
              { type: "TextRun", text: "2. " },
              { type: "TextRun", text: "two", weight: "bolder" },
            ],
          },
        ],
      },
      {
        type: "Container",
        items: [
          {
            type: "RichTextBlock",
            spacing: "small",
            inlines: [
              { type: "TextRun", text: "• " },
              { type: "TextRun", text: "dot" },
            ],
          },
        ],
      },
      {
        type: "Container",
        items: [
          {
            type: "RichTextBlock",
            spacing: "small",
            inlines: [
              { type: "TextRun", text: "Focus: ", weight: "bolder" },
              { type: "TextRun", text: "operations" },
            ],
          },
        ],
      },
      { type: "RichTextBlock", spacing: "small", inlines: [{ type: "TextRun", text: "Step 2 of 5", isSubtle: true }] },
    ]);
    expect(answerToAdaptiveCard(answer).actions).toBeUndefined();
  });

  it("keeps markup-looking text as plain text (TextRuns are never parsed as Markdown)", () => {
    const answer: Answer = { ...whoDoes, title: "**bold** <b>x</b> [link](http://e.x)", blocks: [], actions: [] };
    expect(answerToAdaptiveCard(answer).body[0]).toEqual({
      type: "RichTextBlock",
      inlines: [{ type: "TextRun", text: "**bold** <b>x</b> [link](http://e.x)", weight: "bolder", size: "medium" }],
    });
  });

  it("does not repeat evidence that says the same as `how`", () => {
    const how = [{ text: "Runs the backups and restores." }];
    const role: RoleCard = { ...dba, how, evidence: [{ responsibilityId: "b", statement: how, terms: [] }] };
    const card = answerToAdaptiveCard({ ...whoDoes, blocks: [{ type: "role", role }], actions: [] });
    expect(JSON.stringify(card.body).match(/Runs the backups and restores\./g)).toHaveLength(1);
  });

  it("caps list items and empty runs, and puts actions past the bar's six on a row of their own", () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ label: `b${i}`, action: { do: "help" as const } }));
    const items = Array.from({ length: MAX_LIST_ITEMS + 3 }, (_, i) => [{ text: `item ${i}` }, { text: "" }]);
    const card = answerToAdaptiveCard({ ...whoDoes, blocks: [{ type: "list", items }], actions: many });
    expect(card.actions).toHaveLength(MAX_CARD_ACTIONS);
    const row = card.body.at(-1);
    expect(row?.type === "ActionSet" && row.actions.map((a) => a.title)).toEqual(["b6", "b7", "b8"]);
    const list = card.body[1];
    expect(list?.type === "Container" ? list.items.length : 0).toBe(MAX_LIST_ITEMS + 1);
    expect(JSON.stringify(list)).toContain("… and 3 more");
    expect(JSON.stringify(card)).not.toContain('"text":""');
  });

  it("stays under the size budget, saying it was shortened", () => {
    const long = "word ".repeat(380);
    const blocks = Array.from({ length: 40 }, () => ({ type: "text" as const, text: [{ text: long }] }));
    const card = answerToAdaptiveCard({ ...whoDoes, blocks });
    expect(byteLength(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(card.body.at(-1))).toContain(SHORTENED_NOTE);
    expect(card.body[0]).toEqual(answerToAdaptiveCard(whoDoes).body[0]);
    expect(card.actions).toHaveLength(3);
  });

  it("declares a version Teams renders", () => {
    const [major = 0, minor = 0] = answerToAdaptiveCard(whoDoes).version.split(".").map(Number);
    const [maxMajor = 0, maxMinor = 0] = TEAMS_MAX_CARD_VERSION.split(".").map(Number);
    expect(major * 100 + minor).toBeLessThanOrEqual(maxMajor * 100 + maxMinor);
  });
});

describe("answerToTeamsMessage", () => {
  it("carries the card and a summary, and no text (Teams would show it above the card)", () => {
    expect(answerToTeamsMessage(whoDoes)).toEqual({
      type: "message",
      summary: whoDoes.summary,
      attachments: [adaptiveCardAttachment(answerToAdaptiveCard(whoDoes))],
    });
    expect(adaptiveCardAttachment(answerToAdaptiveCard(whoDoes)).contentType).toBe("application/vnd.microsoft.card.adaptive");
  });

  it("falls back to the title when there is no summary", () => {
    expect(answerToTeamsMessage({ ...whoDoes, summary: "" }).summary).toBe("Database administrator");
  });

  it("every answer of the real core fits well under Teams' 28 KB", () => {
    const w = createWhodoes(loadKnowledge());
    const questions = [
      "who restores a dropped table?",
      "help",
      "roles",
      "compare DBA and data architect",
      "onboard",
      "onboard data manager",
      "who handles security?",
      "hello",
      "what is the weather?",
    ];
    const answers = [...questions.map((q) => w.ask(q)), ...w.knowledge.roles.map((r) => w.act({ do: "describe", role: r.id }))];
    for (const a of answers) {
      const size = byteLength(answerToTeamsMessage(a));
      expect(size, a.title).toBeLessThan(MAX_CARD_BYTES + 1024);
      expect(size, a.title).toBeLessThan(28 * 1024);
    }
  });
});

describe("roleToSearchResult", () => {
  it("pairs a button-less role card with a thumbnail preview", () => {
    expect(roleToSearchResult({ ...dba, how: [{ text: "Runs the <backups> & restores." }] })).toEqual({
      contentType: "application/vnd.microsoft.card.adaptive",
      content: {
        type: "AdaptiveCard",
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
        version: "1.2",
        fallbackText: "Database administrator: The operational gatekeeper",
        body: answerToAdaptiveCard({
          ...whoDoes,
          blocks: [{ type: "role", role: { ...dba, how: [{ text: "Runs the <backups> & restores." }] } }],
        }).body.slice(1),
      },
      preview: {
        contentType: "application/vnd.microsoft.card.thumbnail",
        content: {
          title: "Database administrator",
          subtitle: "The operational gatekeeper",
          text: "Runs the &lt;backups&gt; &amp; restores.",
        },
      },
    });
  });

  it("previews the first evidence when there is no `how`, and nothing when there is neither", () => {
    expect(roleToSearchResult(dba).preview.content.text).toBe("Runs routine backups and restores data when it is lost.");
    expect(roleToSearchResult({ ...dba, evidence: [] }).preview.content).toEqual({
      title: "Database administrator",
      subtitle: "The operational gatekeeper",
    });
  });
});

describe("people blocks", () => {
  const entry: DirectoryEntry = {
    slack: { users: ["U04MGR0001"] },
    teams: {
      users: [
        { id: "29:1DataManagerAnaRuiz", name: "Ana Ruiz" },
        { id: "8:orgid:3f2e1d0c-9b8a-4c7d-6e5f-4a3b2c1d0e9f", name: "Bo *Bold* <Lee>" },
      ],
      channels: [{ id: "19:dba-oncall@thread.tacv2", name: "DBA on-call" }],
    },
    emails: ["data-governance@hospital.example"],
    note: "Access requests go through the governance board.",
  };
  const withPeople = (e: DirectoryEntry): Answer => ({
    ...whoDoes,
    blocks: [{ type: "people", roleId: "data-manager", roleName: "Data manager", contacts: contacts(e) }],
    actions: [],
  });

  it("renders real mentions, channel links, emails and the note", () => {
    const card = answerToAdaptiveCard(withPeople(entry));
    expect(card.body[1]).toEqual({
      type: "Container",
      spacing: "medium",
      items: [
        {
          type: "RichTextBlock",
          inlines: [
            { type: "TextRun", text: "In your organisation", weight: "bolder" },
            { type: "TextRun", text: " · Data manager", isSubtle: true },
          ],
        },
        { type: "TextBlock", text: "<at>Ana Ruiz</at>, <at>Bo Bold Lee</at>", wrap: true, spacing: "small" },
        {
          type: "RichTextBlock",
          spacing: "small",
          inlines: [
            {
              type: "TextRun",
              text: "DBA on-call",
              selectAction: {
                type: "Action.OpenUrl",
                title: "DBA on-call",
                url: "https://teams.microsoft.com/l/channel/19%3Adba-oncall%40thread.tacv2/DBA%20on-call",
              },
            },
            { type: "TextRun", text: ", " },
            { type: "TextRun", text: "data-governance@hospital.example" },
          ],
        },
        {
          type: "RichTextBlock",
          spacing: "small",
          inlines: [{ type: "TextRun", text: "Access requests go through the governance board.", isSubtle: true }],
        },
      ],
    });
    expect(card.msteams).toEqual({
      entities: [
        { type: "mention", text: "<at>Ana Ruiz</at>", mentioned: { id: "29:1DataManagerAnaRuiz", name: "Ana Ruiz" } },
        {
          type: "mention",
          text: "<at>Bo Bold Lee</at>",
          mentioned: { id: "3f2e1d0c-9b8a-4c7d-6e5f-4a3b2c1d0e9f", name: "Bo *Bold* <Lee>" },
        },
      ],
    });
  });

  it("mentions a person once even when two blocks name them", () => {
    const answer = withPeople(entry);
    const card = answerToAdaptiveCard({ ...answer, blocks: [...answer.blocks, ...answer.blocks] });
    expect(card.msteams?.entities).toHaveLength(2);
  });

  it("gives two different people with the same name tags Teams can tell apart", () => {
    const namesakes: DirectoryEntry = {
      ...entry,
      teams: {
        users: [
          { id: "29:1AnaRuizOne", name: "Ana Ruiz" },
          { id: "29:1AnaRuizTwo", name: "Ana Ruiz" },
        ],
        channels: [],
      },
    };
    const card = answerToAdaptiveCard(withPeople(namesakes));
    expect(card.msteams?.entities).toEqual([
      { type: "mention", text: "<at>Ana Ruiz</at>", mentioned: { id: "29:1AnaRuizOne", name: "Ana Ruiz" } },
      { type: "mention", text: "<at>Ana Ruiz (2)</at>", mentioned: { id: "29:1AnaRuizTwo", name: "Ana Ruiz" } },
    ]);
    expect(JSON.stringify(card.body)).toContain("<at>Ana Ruiz</at>, <at>Ana Ruiz (2)</at>");
  });

  it("says there are more when a directory names more people, channels or emails than it shows", () => {
    const users = Array.from({ length: 30 }, (_, i) => ({ id: `29:1Person${i}`, name: `Person ${i}` }));
    const emails = Array.from({ length: 30 }, (_, i) => `person${i}@hospital.example`);
    const card = answerToAdaptiveCard(withPeople({ teams: { users, channels: [] }, emails }));
    const items = card.body[1]?.type === "Container" ? card.body[1].items : [];
    expect(items[1]?.type === "TextBlock" && items[1].text).toMatch(/<at>Person 9<\/at>, …$/);
    expect(items[2]?.type === "RichTextBlock" && items[2].inlines.at(-1)?.text).toBe(", …");
    expect(card.msteams?.entities).toHaveLength(10);
  });

  it("points to Slack when only Slack contacts exist, and drops an empty block", () => {
    const slackOnly: DirectoryEntry = { slack: { users: ["U04MGR0001"] } };
    const card = answerToAdaptiveCard(withPeople(slackOnly));
    expect(JSON.stringify(card.body[1])).toContain("See Slack for who to contact.");
    expect(card.msteams).toBeUndefined();
    expect(answerToAdaptiveCard(withPeople({})).body).toHaveLength(1);
  });

  it("drops mentions whose line was cut to fit the budget", () => {
    const filler = Array.from({ length: 40 }, () => ({ type: "text" as const, text: [{ text: "word ".repeat(380) }] }));
    const answer = withPeople(entry);
    const card = answerToAdaptiveCard({ ...answer, blocks: [...filler, ...answer.blocks] });
    expect(byteLength(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(card.msteams).toBeUndefined();
  });

  it("the real core with the example directory gives Teams mentions", () => {
    const copy = copyKnowledge();
    try {
      copy.useExampleDirectory();
      const w = createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));
      const card = answerToAdaptiveCard(w.act({ do: "describe", role: "data-manager" }));
      expect(card.msteams?.entities?.map((e) => e.text)).toContain("<at>Ana Ruiz</at>");
      expect(JSON.stringify(card.body)).toContain("<at>Ana Ruiz</at>");
    } finally {
      copy.remove();
    }
  });
});

describe("tour cards", () => {
  const step: Answer = {
    intent: "onboarding",
    title: "Database administrator: Key responsibilities",
    summary: "Onboarding as database administrator, step 2 of 6: key responsibilities.",
    blocks: [
      { type: "progress", step: 2, total: 6 },
      { type: "list", items: [[{ text: "Runs routine backups." }]] },
    ],
    roles: [dba],
    actions: [
      { label: "Back", action: { do: "onboard", role: "database-administrator", step: 1 } },
      { label: "Next", action: { do: "onboard", role: "database-administrator", step: 3 }, style: "primary" },
      { label: "👍 Helpful", action: { do: "feedback", vote: "up", intent: "onboarding" } },
    ],
  };

  it("shows the progress and marks tour navigation to replace the card, nothing else", () => {
    const card = answerToAdaptiveCard(step);
    expect(card.body[1]).toEqual({
      type: "RichTextBlock",
      spacing: "small",
      inlines: [{ type: "TextRun", text: "Step 2 of 6", isSubtle: true }],
    });
    expect(card.actions).toEqual([
      {
        type: "Action.Submit",
        title: "Back",
        data: { whodoes: { do: "onboard", role: "database-administrator", step: 1 }, replace: true },
      },
      {
        type: "Action.Submit",
        title: "Next",
        data: { whodoes: { do: "onboard", role: "database-administrator", step: 3 }, replace: true },
        style: "positive",
      },
      { type: "Action.Submit", title: "👍 Helpful", data: { whodoes: { do: "feedback", vote: "up", intent: "onboarding" } } },
    ]);
  });

  it("offers every choice, so the thirteenth role of an organisation can still be picked for the tour", () => {
    const choices = Array.from({ length: 14 }, (_, i) => ({
      label: `Role ${i}`,
      action: { do: "onboard" as const, role: `role-${i}`, step: 1 },
    }));
    const card = answerToAdaptiveCard({
      ...whoDoes,
      intent: "onboarding",
      blocks: [{ type: "choices", prompt: "Which role?", choices }],
    });
    const rows = card.body.flatMap((e) => (e.type === "ActionSet" ? e.actions.map((a) => a.title) : []));
    expect(rows).toEqual(choices.map((c) => c.label));
  });

  it("quiz choices are one full-width button per row, replacing the question with the verdict", () => {
    const w = createWhodoes(loadKnowledge());
    const card = answerToAdaptiveCard(w.act({ do: "onboard", role: "database-administrator", step: 6 }));
    const rows = card.body.filter((e) => e.type === "ActionSet");
    expect(rows.length).toBe(w.knowledge.roles.length);
    for (const row of rows) {
      expect(row.type === "ActionSet" && row.actions).toHaveLength(1);
      const action = row.type === "ActionSet" ? row.actions[0] : undefined;
      const data = action?.type === "Action.Submit" ? action.data : undefined;
      expect(data?.whodoes.do).toBe("quiz");
      expect(data?.replace).toBe(true);
    }
  });

  it("'Start onboarding' under an ordinary answer adds a card rather than replacing the answer", () => {
    const card = answerToAdaptiveCard(whoDoes);
    expect(card.actions?.find((a) => a.title === "Start onboarding")?.data).toEqual({
      whodoes: { do: "onboard", role: "database-administrator", step: 1 },
    });
  });
});

describe("cutting text", () => {
  it("never leaves half an emoji at the cut", () => {
    expect(cut("ab😀", 3)).toBe("ab");
    expect(clip("a😀😀", 3)).toBe("a…");
    const title = answerToAdaptiveCard({ ...whoDoes, actions: [{ label: "😀".repeat(40), action: { do: "roles" } }] })
      .actions?.[0]?.title;
    expect(title).toBe(`${"😀".repeat(29)}…`);
  });
});

describe("channel links", () => {
  it("survive a malformed name", () => {
    expect(channelLink({ id: "19:a@thread.tacv2", name: "x\ud800" })).toBe(
      "https://teams.microsoft.com/l/channel/19%3Aa%40thread.tacv2/x%EF%BF%BD",
    );
    expect(wellFormed("ok 😀")).toBe("ok 😀");
  });
});
