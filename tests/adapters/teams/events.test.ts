/**
 * The search message extension (answered in the invoke's HTTP response) and welcomes on conversationUpdate,
 * over real HTTP in local mode.
 */
import { describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../../../src/render/teams.js";
import { fixture, realWhodoes, useBot } from "./harness.js";

const t = useBot();

interface SearchBody {
  composeExtension: {
    type: string;
    attachmentLayout: string;
    attachments: {
      contentType: string;
      content: AdaptiveCard;
      preview: { contentType: string; content: { title: string; subtitle?: string; text?: string } };
    }[];
  };
}

function query(text: string | undefined) {
  const activity = fixture("compose-extension-query", t.connector.serviceUrl);
  const parameters = text === undefined ? [{ name: "initialRun", value: "true" }] : [{ name: "searchQuery", value: text }];
  return { ...activity, value: { ...(activity.value as object), parameters } };
}

describe("the search message extension", () => {
  it("lists matching roles as cards in the invoke response, quickly, sending nothing", async () => {
    const started = performance.now();
    const res = await t.bot.post(fixture("compose-extension-query", t.connector.serviceUrl));
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchBody;
    expect(body.composeExtension.type).toBe("result");
    expect(body.composeExtension.attachmentLayout).toBe("list");
    const results = body.composeExtension.attachments;
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.preview).toEqual({
      contentType: "application/vnd.microsoft.card.thumbnail",
      content: expect.objectContaining({ title: "Database administrator", subtitle: "The operational gatekeeper" }),
    });
    expect(results[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(results[0]?.content.version).toBe("1.2");
    expect(results[0]?.content.actions).toBeUndefined();
    // The core's search, in the core's order.
    expect(results.map((r) => r.preview.content.title)).toEqual(
      realWhodoes()
        .search("backup", 10)
        .map((r) => r.name),
    );
    expect(elapsed).toBeLessThan(1000);
    expect(t.connector.calls).toHaveLength(0);
  });

  it("offers every role on the initial run", async () => {
    const res = await t.bot.post(query(undefined));
    const body = (await res.json()) as SearchBody;
    expect(body.composeExtension.attachments.map((a) => a.preview.content.title).sort()).toEqual(
      realWhodoes()
        .knowledge.roles.map((r) => r.name)
        .sort(),
    );
  });

  it("finds a role by a partial name", async () => {
    const res = await t.bot.post(query("archit"));
    const body = (await res.json()) as SearchBody;
    expect(body.composeExtension.attachments[0]?.preview.content.title).toBe("Data architect");
  });

  it("returns an empty list, not an error, when nothing matches", async () => {
    const res = await t.bot.post(query("zzzzqqqq"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchBody;
    expect(body.composeExtension.type).toBe("result");
    expect(Array.isArray(body.composeExtension.attachments)).toBe(true);
  });
});

function welcomeText(call: (typeof t.connector.calls)[number] | undefined): string {
  const card = (call?.body.attachments as { content: AdaptiveCard }[] | undefined)?.[0]?.content;
  return JSON.stringify(card?.body ?? []);
}

describe("welcome", () => {
  it("welcomes a team once when the bot is added, in the team's channel", async () => {
    const activity = fixture("bot-added-to-team", t.connector.serviceUrl);
    expect((await t.bot.post(activity)).status).toBe(200);
    expect(t.connector.calls).toHaveLength(1);
    const call = t.connector.calls[0];
    expect(call?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(call?.body.summary).toMatch(/Mention me \(@whodoes\)/);
    const text = welcomeText(call);
    expect(text).toContain("Hi! I tell you who does what in data.");
    expect(text).toContain("Start onboarding");
    expect(JSON.stringify(call?.body.attachments)).toContain('"whodoes":{"do":"onboard"}');

    // Teams re-sends the update (retries, reinstall): no second welcome.
    t.connector.reset();
    expect((await t.bot.post({ ...activity, id: "f:another-delivery" })).status).toBe(200);
    expect(t.connector.calls).toHaveLength(0);
  });

  it("welcomes a new team member by name, once", async () => {
    const activity = fixture("member-added-to-team", t.connector.serviceUrl);
    await t.bot.post(activity);
    expect(t.connector.calls).toHaveLength(1);
    expect(welcomeText(t.connector.calls[0])).toContain("Welcome, Adele Vance!");
    t.connector.reset();
    await t.bot.post(activity);
    expect(t.connector.calls).toHaveLength(0);
  });

  it("welcomes a personal install once, even with the bot and the user in the same update", async () => {
    const activity = fixture("personal-install", t.connector.serviceUrl);
    await t.bot.post(activity);
    expect(t.connector.calls).toHaveLength(1);
    // In a personal chat no @mention is needed.
    expect(t.connector.calls[0]?.body.summary).toBe(
      "Ask me which data role owns a task, what a role does, or how two roles differ.",
    );
    t.connector.reset();
    await t.bot.post(activity);
    // The user alone, later (e.g. Teams reports the member again): still no repeat.
    const userOnly = { ...activity, membersAdded: [(activity.membersAdded as unknown[])[0]] };
    await t.bot.post(userOnly);
    expect(t.connector.calls).toHaveLength(0);
  });

  it("does not welcome a member added to a group chat", async () => {
    const activity = fixture("member-added-to-team", t.connector.serviceUrl);
    const groupChat = {
      ...activity,
      conversation: { isGroup: true, conversationType: "groupChat", id: "19:meeting_group@thread.v2" },
      channelData: { tenant: { id: "72f988bf-86f1-41af-91ab-2d7cd011db47" } },
    };
    expect((await t.bot.post(groupChat)).status).toBe(200);
    expect(t.connector.calls).toHaveLength(0);
  });
});
