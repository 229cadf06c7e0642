import { afterAll, describe, expect, it } from "vitest";
import { DIRECTORY_FORMATS } from "../../../src/adapters/platforms.js";
import { createWhodoes, loadKnowledge } from "../../../src/core/index.js";
import { copyKnowledge } from "../../helpers/knowledge-copy.js";
import { asMessage, buttonLabelled, type Message, textsOf } from "./support/block-kit.js";
import { fixture } from "./support/fixtures.js";
import { type HttpHarness, useHttpHarness } from "./support/harness.js";

type ActionPayload = Record<string, unknown> & { actions: Record<string, unknown>[] };

// A directory as an organisation writes it; the note carries text that must never turn live.
const DIRECTORY = `roles:
  database-administrator:
    slack:
      users: [U0DBA00001]
      groups: [S0DBA00001]
      channels: [C0DBA00001]
    emails: [dba@hospital.example]
    note: "On-call rota in PagerDuty <!channel> & <@U0NOTME01>"
  data-architect:
    slack:
      users: [W0ARC00001]
`;

const DBA_PEOPLE =
  "*In your organisation* (Database administrator): <@U0DBA00001>, <!subteam^S0DBA00001>, <#C0DBA00001>, " +
  "<mailto:dba@hospital.example|dba@hospital.example>\nOn-call rota in PagerDuty &lt;!channel&gt; &amp; &lt;@U0NOTME01&gt;";

async function ask(h: HttpHarness, text: string, name: string): Promise<Message> {
  // The answer comes in the command's ack.
  const res = await h.postCommand({
    ...fixture<Record<string, string>>("slash-command"),
    text,
    response_url: h.slack.responseUrl(name),
  });
  return asMessage(JSON.parse(res.text));
}

async function click(h: HttpHarness, card: Message, label: string, name: string): Promise<Message> {
  const b = buttonLabelled(card, label);
  const payload = fixture<ActionPayload>("block-actions-ephemeral");
  payload.actions = [{ ...payload.actions[0], action_id: b.action_id, block_id: b.blockId, value: b.value }];
  payload.response_url = h.slack.responseUrl(name);
  await h.postAction(payload);
  const [call] = await h.slack.waitFor((c) => c.method === "response_url" && c.path.endsWith(`/${name}`));
  return asMessage(call?.body);
}

describe("answers with the organisation's directory (Slack)", () => {
  const knowledge = copyKnowledge();
  afterAll(() => knowledge.remove());
  const h = useHttpHarness(() => {
    knowledge.write("directory.yaml", DIRECTORY);
    return { whodoes: createWhodoes(loadKnowledge(knowledge.dir, { platforms: DIRECTORY_FORMATS })) };
  });

  it("names who holds the role with live mentions of the user, the user group and the channel", async () => {
    const answer = await ask(h, "who restores a dropped table?", "dir-who");
    expect(textsOf(answer)).toContain(DBA_PEOPLE);
    // Nothing else in the answer is live: the only tokens are the directory's.
    const live = textsOf(answer)
      .join("\n")
      .match(/<[@!#][^>]*>/g);
    expect(live).toEqual(["<@U0DBA00001>", "<!subteam^S0DBA00001>", "<#C0DBA00001>"]);
  });

  it("puts the mentions in a public answer too (a mention answered in a thread)", async () => {
    const mention = fixture<{ event_id: string; event: Record<string, unknown> }>("app-mention");
    mention.event_id = "Ev0DIRMENTION";
    mention.event = { ...mention.event, text: "<@U0LAN0Z89> who restores a dropped table?", ts: "1515490000.000100" };
    await h.postEvent(mention);
    const [post] = await h.slack.waitFor((c) => c.method === "chat.postMessage" && c.body.thread_ts === "1515490000.000100");
    expect(JSON.stringify(post?.body.blocks)).toContain("<@U0DBA00001>");
  });

  it("names them in the tour: the role at a glance, and whom you work with", async () => {
    const step1 = await ask(h, "onboard dba", "dir-tour-1");
    expect(textsOf(step1)).toContain(DBA_PEOPLE);
    const step2 = await click(h, step1, "Next", "dir-tour-2");
    const step3 = await click(h, step2, "Next", "dir-tour-3");
    expect(textsOf(step3)).toContain("*In your organisation* (Data architect): <@W0ARC00001>");
  });
});

describe("answers without a directory (Slack)", () => {
  const h = useHttpHarness();

  it("say nothing about the organisation and carry no mention", async () => {
    for (const [text, name] of [
      ["who restores a dropped table?", "plain-who"],
      ["onboard dba", "plain-tour"],
    ] as const) {
      const answer = await ask(h, text, name);
      const all = textsOf(answer).join("\n");
      expect(all).not.toContain("In your organisation");
      expect(all).not.toMatch(/<[@!#]/);
    }
  });
});
