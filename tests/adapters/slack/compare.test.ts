/**
 * `/whodoes compare` over real HTTP into the real Bolt app: a table block with its fallback text, within
 * Slack's limits, and with PUBLIC_URL the picture under it as an image block.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackMessage } from "../../../src/render/slack.js";
import { blockKitProblems } from "../../properties/limits.js";
import { fixture } from "./support/fixtures.js";
import { type HttpHarness, startHttpHarness } from "./support/harness.js";

const PUBLIC = "https://whodoes.example.com";

describe("Slack: /whodoes compare", () => {
  let plain: HttpHarness;
  let withPicture: HttpHarness;
  beforeAll(async () => {
    plain = await startHttpHarness();
    withPicture = await startHttpHarness({ publicUrl: PUBLIC });
  });
  afterAll(async () => {
    await plain.close();
    await withPicture.close();
  });

  async function compare(h: HttpHarness, name: string): Promise<SlackMessage & { response_type: string }> {
    const res = await h.postCommand({
      ...fixture<Record<string, string>>("slash-command"),
      text: "compare",
      response_url: h.slack.responseUrl(name),
    });
    // Answered in the command's ack.
    expect(res.status).toBe(200);
    return JSON.parse(res.text) as SlackMessage & { response_type: string };
  }

  it("answers privately with a table block and a fallback text, within every Slack limit", async () => {
    const body = await compare(plain, "compare");
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toMatch(/^The data roles side by side: Data architect \(the system designer\), /);
    expect(blockKitProblems(body, { wellFormedInput: true })).toEqual([]);
    expect(body.blocks.map((b) => b.type).slice(0, 2)).toEqual(["header", "table"]);
    expect(body.blocks.some((b) => b.type === "image")).toBe(false);
    expect(JSON.stringify(body.blocks)).toContain('"text":"Is the data trustworthy and allowed?"');
  });

  it("adds the picture from PUBLIC_URL as an image block", async () => {
    const body = await compare(withPicture, "picture");
    expect(blockKitProblems(body, { wellFormedInput: true })).toEqual([]);
    expect(body.blocks[2]).toMatchObject({
      type: "image",
      image_url: expect.stringMatching(/^https:\/\/whodoes\.example\.com\/compare\.png\?v=[0-9a-f]{12}$/),
    });
  });
});
