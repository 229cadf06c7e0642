/**
 * The web chat page keeps a conversation: headless Chromium against the real core over loopback. The
 * page sends its session id with every turn, so a typed follow-up leans on the last answer; a reload is
 * a new page and a new conversation.
 */
import type { Locator, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebChat, type WebChatServer } from "../adapters/web/harness.js";
import { DESKTOP, type OpenBrowser, openChromium, skipBrowserTest } from "./chromium.js";

describe.skipIf(skipBrowserTest("web-chat-follow-up"))("web chat follow-ups in headless Chromium", () => {
  let server: WebChatServer;
  let page: Page;
  let browser: OpenBrowser;
  const sessions: unknown[] = [];

  beforeAll(async () => {
    server = await startWebChat();
    browser = await openChromium(server.url, DESKTOP);
    page = browser.page;
    page.on("request", (request: Request) => {
      if (request.url().endsWith("/api/chat")) sessions.push((request.postDataJSON() as { session?: unknown }).session);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cards = () => page.locator("#transcript .msg-bot .card");
  async function ask(text: string): Promise<Locator> {
    const before = await cards().count();
    await page.locator("#question").fill(text);
    await page.keyboard.press("Enter");
    const card = cards().nth(before);
    await card.waitFor({ state: "visible", timeout: 10_000 });
    return card;
  }
  const titleOf = (card: Locator) => card.locator(".card-title").textContent();

  it("answers a follow-up against the last answer, sending the same session id each turn", async () => {
    await page.goto(`${server.url}/`);
    expect(await titleOf(await ask("who restores a dropped table?"))).toBe("Database administrator");
    const follow = await ask("what else do they do?");
    expect(await titleOf(follow)).toBe("Database administrator");
    expect(await follow.textContent()).toContain("Runs routine backups and restores data when it is lost.");
    expect(await follow.textContent()).toContain("Implements encryption protocols");
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(sessions[1]).toBe(sessions[0]);
  });

  it("a button click carries the session too, and the next question follows on from it", async () => {
    await cards().last().getByRole("button", { name: "Compare with the architect" }).click();
    await cards().nth(3).waitFor({ state: "visible", timeout: 10_000 });
    expect(await titleOf(await ask("how do they work together?"))).toBe("How the DBA and the architect work together");
    expect(new Set(sessions).size).toBe(1);
  });

  it("starts a new conversation when the page is loaded again", async () => {
    await page.reload();
    await expect.poll(() => cards().count()).toBe(1);
    expect(await titleOf(await ask("what else do they do?"))).toBe("What are you referring to?");
    expect(sessions.at(-1)).toMatch(/^[0-9a-f]{32}$/);
    expect(sessions.at(-1)).not.toBe(sessions[0]);
    expect(browser.problems).toEqual([]);
    expect(browser.offsite).toEqual([]);
  });
});
