/** The core's welcome as Slack shows it: the welcome DM (with the channel joined) and the App Home. */
import { describe, expect, it } from "vitest";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { answerToBlockKit, homeView, type SlackBlock } from "../../src/render/slack.js";

const whodoes = createWhodoes(loadKnowledge());
const welcome = whodoes.welcome({ command: "/whodoes" });
const texts = (blocks: SlackBlock[]) => JSON.stringify(blocks);

describe("the welcome DM", () => {
  it("links the channel joined under the title, only when it is a channel id", () => {
    const { text, blocks } = answerToBlockKit(welcome, { joinedChannel: "C0698JE0H" });
    expect(text).toBe(welcome.summary);
    expect(blocks.slice(0, 2)).toEqual([
      { type: "header", text: { type: "plain_text", text: welcome.title, emoji: true } },
      { type: "context", elements: [{ type: "mrkdwn", text: "Welcome to <#C0698JE0H>!", verbatim: true }] },
    ]);
    const forged = texts(answerToBlockKit(welcome, { joinedChannel: "<!channel>" }).blocks);
    expect(forged).not.toContain("<!channel>");
    expect(forged).not.toContain("Welcome to");
  });
});

describe("the App Home", () => {
  const view = homeView({ welcome, roles: whodoes.knowledge.roles });

  it("shows real example questions made from the knowledge, as buttons that ask them, never a placeholder", () => {
    const examples = welcome.blocks.flatMap((b) => (b.type === "choices" ? b.choices : []));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const shown = view.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    for (const example of examples) {
      const button = shown.find((e) => e.text.text === example.label);
      expect(JSON.parse(button?.value ?? "{}")).toEqual({ do: "ask", text: example.label });
    }
    // "what does a ROLE do?" in intents.yaml reads "what does an architect do?" here, a name in a sentence's case.
    expect(texts(view.blocks)).not.toMatch(/\bROLE\b|\bTASK\b/);
    expect(examples.map((e) => e.label)).toContainEqual("what does an architect do?");
  });

  it("says how to ask with the slash command, offers onboarding and the roles side by side, and lists every role", () => {
    expect(view.type).toBe("home");
    expect(view.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: welcome.title, emoji: true } });
    expect(texts(view.blocks)).toContain("Type /whodoes and your question anywhere");
    const start = view.blocks
      .flatMap((b) => (b.type === "actions" ? b.elements : []))
      .find((e) => e.text.text === "Start onboarding");
    expect(start?.value).toBe('{"do":"onboard"}');
    const compare = view.blocks
      .flatMap((b) => (b.type === "actions" ? b.elements : []))
      .find((e) => e.text.text === "Compare all roles");
    expect(compare?.value).toBe('{"do":"compareAll"}');
    for (const role of whodoes.knowledge.roles) expect(texts(view.blocks)).toContain(`*${role.name}* · _${role.character}_`);
  });
});
