import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Action, Answer, Block, RoleCard } from "../../src/core/index.js";
import { createWhodoes, loadKnowledge, parseActionRef } from "../../src/core/index.js";
import { answerToHtml, buttonToHtml, escapeHtml, HTML_EVIDENCE_SHOWN, richTextToHtml } from "../../src/render/html.js";
import { contacts } from "../helpers/contacts.js";
import { ACTIONS, dba, whoDoesAnswer } from "./fixtures.js";

const whoDoes = whoDoesAnswer(ACTIONS.describe, ACTIONS.onboard, ACTIONS.helpful);

const answer = (blocks: Block[], actions: Action[] = [], title = "T"): Answer => ({
  intent: "help",
  title,
  summary: title,
  blocks,
  roles: [],
  actions,
});

describe("escapeHtml", () => {
  it("escapes the five special characters and nothing else", () => {
    expect(escapeHtml(`a & b < c > d " e ' f – ü 👍`)).toBe("a &amp; b &lt; c &gt; d &quot; e &#39; f – ü 👍");
  });
  it("escapes an existing entity again, so text shows as typed", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("richTextToHtml", () => {
  it("puts matched words in <strong> and escapes every span", () => {
    expect(
      richTextToHtml([{ text: "who <b>" }, { text: "restores", strong: true }, { text: " & " }, { text: "<x>", strong: true }]),
    ).toBe("who &lt;b&gt;<strong>restores</strong> &amp; <strong>&lt;x&gt;</strong>");
  });
});

describe("buttonToHtml", () => {
  it("carries the ActionRef as escaped JSON in data-action", () => {
    expect(buttonToHtml({ label: `Ask "it" <now>`, action: { do: "ask", text: `it's <b>"x"</b>` } })).toBe(
      '<button type="button" class="btn" data-action="{&quot;do&quot;:&quot;ask&quot;,&quot;text&quot;:&quot;it&#39;s &lt;b&gt;\\&quot;x\\&quot;&lt;/b&gt;&quot;}">Ask &quot;it&quot; &lt;now&gt;</button>',
    );
  });
  it("styles primary, danger and feedback buttons", () => {
    expect(buttonToHtml({ label: "Next", action: { do: "onboard", role: "dba", step: 2 }, style: "primary" })).toBe(
      '<button type="button" class="btn btn-primary" data-action="{&quot;do&quot;:&quot;onboard&quot;,&quot;role&quot;:&quot;dba&quot;,&quot;step&quot;:2}">Next</button>',
    );
    expect(buttonToHtml({ label: "Stop", action: { do: "help" }, style: "danger" })).toBe(
      '<button type="button" class="btn btn-danger" data-action="{&quot;do&quot;:&quot;help&quot;}">Stop</button>',
    );
    expect(buttonToHtml({ label: "No", action: { do: "feedback", vote: "down", intent: "help" }, style: "danger" })).toBe(
      '<button type="button" class="btn btn-feedback" data-action="{&quot;do&quot;:&quot;feedback&quot;,&quot;vote&quot;:&quot;down&quot;,&quot;intent&quot;:&quot;help&quot;}">No</button>',
    );
  });
});

describe("answerToHtml", () => {
  it("renders a who-does answer exactly: the character as subtitle, matched words bold, feedback apart", () => {
    expect(answerToHtml(whoDoes)).toBe(
      [
        '<article class="card" data-intent="who_does">',
        '<h2 class="card-title">Database administrator</h2>',
        '<section class="role" data-role="database-administrator">',
        '<p class="role-character">The operational gatekeeper</p>',
        '<ul class="evidence"><li>Runs routine backups and <strong>restores</strong> data when it is lost.</li></ul>',
        "</section>",
        '<div class="buttons actions">',
        '<button type="button" class="btn" data-action="{&quot;do&quot;:&quot;describe&quot;,&quot;role&quot;:&quot;database-administrator&quot;}">What does a DBA do?</button>',
        '<button type="button" class="btn btn-primary" data-action="{&quot;do&quot;:&quot;onboard&quot;,&quot;role&quot;:&quot;database-administrator&quot;,&quot;step&quot;:1}">Start onboarding</button>',
        "</div>",
        '<div class="buttons feedback" role="group" aria-label="Was this helpful?">',
        '<button type="button" class="btn btn-feedback" data-action="{&quot;do&quot;:&quot;feedback&quot;,&quot;vote&quot;:&quot;up&quot;,&quot;intent&quot;:&quot;who_does&quot;,&quot;role&quot;:&quot;database-administrator&quot;}">👍 Helpful</button>',
        "</div>",
        "</article>",
      ].join(""),
    );
  });

  it("names a role whose name is not the title, shows how, drops evidence that repeats it, and caps evidence", () => {
    const how = [{ text: "Keeps the " }, { text: "databases", strong: true }, { text: " up." }];
    const role: RoleCard = {
      ...dba,
      how,
      evidence: [
        { responsibilityId: "same", statement: how, terms: [] },
        ...["a", "b", "c", "d"].map((t) => ({ responsibilityId: t, statement: [{ text: t }], terms: [] })),
      ],
    };
    expect(answerToHtml(answer([{ type: "role", role }], [], "Who keeps the databases up?"))).toBe(
      [
        '<article class="card" data-intent="help"><h2 class="card-title">Who keeps the databases up?</h2>',
        '<section class="role" data-role="database-administrator">',
        '<h3 class="role-name">Database administrator</h3>',
        '<p class="role-character">The operational gatekeeper</p>',
        '<p class="role-how">Keeps the <strong>databases</strong> up.</p>',
        '<ul class="evidence"><li>a</li><li>b</li><li>c</li></ul>',
        "</section></article>",
      ].join(""),
    );
    expect(HTML_EVIDENCE_SHOWN).toBe(3);
  });

  it("renders an onboarding step: progress, text and Back / Next / Done", () => {
    const step = answer(
      [
        { type: "progress", step: 2, total: 6 },
        { type: "heading", text: "Key responsibilities" },
        { type: "list", items: [[{ text: "Backups" }], [{ text: "Patching" }]], ordered: true },
      ],
      [
        { label: "Back", action: { do: "onboard", role: "dba", step: 1 } },
        { label: "Next", action: { do: "onboard", role: "dba", step: 3 }, style: "primary" },
      ],
      "DBA: Key responsibilities",
    );
    expect(answerToHtml(step)).toBe(
      [
        '<article class="card" data-intent="help"><h2 class="card-title">DBA: Key responsibilities</h2>',
        '<div class="progress"><span class="progress-label">Step 2 of 6</span><progress max="6" value="2" aria-label="Step 2 of 6"></progress></div>',
        '<h3 class="heading">Key responsibilities</h3>',
        '<ol class="list"><li>Backups</li><li>Patching</li></ol>',
        '<div class="buttons actions">',
        '<button type="button" class="btn" data-action="{&quot;do&quot;:&quot;onboard&quot;,&quot;role&quot;:&quot;dba&quot;,&quot;step&quot;:1}">Back</button>',
        '<button type="button" class="btn btn-primary" data-action="{&quot;do&quot;:&quot;onboard&quot;,&quot;role&quot;:&quot;dba&quot;,&quot;step&quot;:3}">Next</button>',
        "</div></article>",
      ].join(""),
    );
  });

  it("renders a quiz's choices as a labelled group of buttons", () => {
    const quiz = answer([
      { type: "text", text: [{ text: "Who restores a dropped table?" }] },
      {
        type: "choices",
        prompt: "Pick one <quickly>",
        choices: [
          { label: "DBA", action: { do: "quiz", role: "dba", q: 1, pick: 0 } },
          { label: "Architect", action: { do: "quiz", role: "dba", q: 1, pick: 1 } },
        ],
      },
    ]);
    expect(answerToHtml(quiz)).toBe(
      [
        '<article class="card" data-intent="help"><h2 class="card-title">T</h2>',
        "<p>Who restores a dropped table?</p>",
        '<div class="choices" role="group" aria-label="Pick one &lt;quickly&gt;"><p class="choices-prompt">Pick one &lt;quickly&gt;</p><div class="buttons">',
        '<button type="button" class="btn" data-action="{&quot;do&quot;:&quot;quiz&quot;,&quot;role&quot;:&quot;dba&quot;,&quot;q&quot;:1,&quot;pick&quot;:0}">DBA</button>',
        '<button type="button" class="btn" data-action="{&quot;do&quot;:&quot;quiz&quot;,&quot;role&quot;:&quot;dba&quot;,&quot;q&quot;:1,&quot;pick&quot;:1}">Architect</button>',
        "</div></div></article>",
      ].join(""),
    );
  });

  it("renders fields as a definition list and skips empty lists and fields", () => {
    const compare = answer([
      { type: "fields", fields: [{ label: "A & B", value: [{ text: "x" }, { text: "y", strong: true }] }] },
      { type: "list", items: [] },
      { type: "fields", fields: [] },
    ]);
    expect(answerToHtml(compare)).toBe(
      '<article class="card" data-intent="help"><h2 class="card-title">T</h2><dl class="fields"><div class="field"><dt>A &amp; B</dt><dd>x<strong>y</strong></dd></div></dl></article>',
    );
  });

  it("shows who holds a role here: names, channels and emails as mailto links, never platform ids", () => {
    const people = answer([
      {
        type: "people",
        roleId: "dba",
        roleName: "DBA",
        contacts: contacts({
          slack: { users: ["U123"], channels: ["C9"] },
          teams: { users: [{ id: "29:abc", name: "Ann <Ops>" }], channels: [{ id: "19:x", name: "DB on-call" }] },
          emails: ["dba@example.com"],
          note: "Page out of hours.",
        }),
      },
      {
        type: "people",
        roleId: "dm",
        roleName: "DM",
        contacts: contacts({ slack: { users: ["U1"] } }),
      },
      {
        type: "people",
        roleId: "da",
        roleName: "DA",
        contacts: contacts({}),
      },
    ]);
    expect(answerToHtml(people)).toBe(
      [
        '<article class="card" data-intent="help"><h2 class="card-title">T</h2>',
        '<section class="people" aria-label="Who is the DBA here"><h3 class="heading">In your organisation</h3>',
        '<ul class="people-list"><li>Ann &lt;Ops&gt;</li><li>DB on-call</li><li><a href="mailto:dba@example.com">dba@example.com</a></li></ul>',
        '<p class="people-note">Page out of hours.</p></section>',
        '<section class="people" aria-label="Who is the DM here"><h3 class="heading">In your organisation</h3>',
        '<ul class="people-list"><li>See Slack</li></ul></section>',
        "</article>",
      ].join(""),
    );
  });

  it("never lets text from an answer open a tag or leave an attribute", () => {
    const tag = /<\/?[a-z][a-z0-9]*(?: [a-z-]+="[^"<>]*")*>/g;
    const text = fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "a", " ", "/", "=", "s") });
    fc.assert(
      fc.property(text, text, text, text, (title, span, label, prompt) => {
        const hostile = answer(
          [
            { type: "text", text: [{ text: span }, { text: span, strong: true }] },
            { type: "heading", text: title },
            { type: "role", role: { ...dba, id: span, name: label, character: title, how: [{ text: span }] } },
            { type: "choices", prompt, choices: [{ label, action: { do: "ask", text: span } }] },
            { type: "fields", fields: [{ label, value: [{ text: span }] }] },
          ],
          [{ label, action: { do: "ask", text: title } }],
          title,
        );
        const outside = answerToHtml(hostile).replace(tag, "");
        expect(outside).not.toMatch(/[<>"]/);
      }),
      { numRuns: 300 },
    );
  });

  it("gives every button a data-action that parseActionRef accepts back unchanged", () => {
    const html = answerToHtml(whoDoes);
    const refs = [...html.matchAll(/data-action="([^"]*)"/g)].map((m) =>
      parseActionRef(
        (m[1] ?? "")
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&"),
      ),
    );
    expect(refs).toEqual(whoDoes.actions.map((a) => a.action));
  });
});

describe("answerToHtml with the real core", () => {
  const whodoes = createWhodoes(loadKnowledge());

  it("bolds the matched words of a who-does question and names the DBA", () => {
    const html = answerToHtml(whodoes.ask("who restores a dropped table?"));
    expect(html).toContain('<h2 class="card-title">Database administrator</h2>');
    expect(html).toContain('<p class="role-character">The operational gatekeeper</p>');
    expect(html).toContain("<strong>restores</strong>");
    expect(html).toContain(">Start onboarding</button>");
  });

  it("shows a tour step's progress", () => {
    const html = answerToHtml(whodoes.act({ do: "onboard", role: "data-architect", step: 2 }));
    expect(html).toContain('<span class="progress-label">Step 2 of 6</span>');
    expect(html).toMatch(/>Back<\/button>.*>Next<\/button>/);
  });
});
