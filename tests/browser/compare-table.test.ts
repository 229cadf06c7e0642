/**
 * The roles side by side in the web chat, in real headless Chromium (Debian's, driven by playwright-core)
 * against the real core with a fifth role added: a table at desktop width, one card per role at 390 px,
 * never a sideways scroll, no console errors. Screenshots go to a temp dir, removed afterwards, or to
 * $SCREENSHOT_DIR when set (to look at them).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { startWebChat, type WebChatServer } from "../adapters/web/harness.js";
import { FIFTH, knowledgeWithFifthRole } from "../helpers/fifth-role.js";
import { DESKTOP, type OpenBrowser, openChromium, PHONE, placeComposer, skipBrowserTest } from "./chromium.js";

// The page's `document`, typed for the callbacks given to page.evaluate (tsconfig has no DOM library).
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };

describe.skipIf(skipBrowserTest("compare-table"))("the roles side by side in the web chat", () => {
  let server: WebChatServer;
  let browser: OpenBrowser;
  let page: Page;
  let shots: string;
  let copy: ReturnType<typeof knowledgeWithFifthRole>;
  const keep = process.env.SCREENSHOT_DIR;

  beforeAll(async () => {
    copy = knowledgeWithFifthRole();
    server = await startWebChat(createWhodoes(loadKnowledge(copy.dir)));
    shots = keep ?? mkdtempSync(join(tmpdir(), "whodoes-screens-"));
    mkdirSync(shots, { recursive: true });
    browser = await openChromium(server.url, DESKTOP);
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    copy?.remove();
    if (shots && !keep) rmSync(shots, { recursive: true, force: true });
  });

  const lastCard = () => page.locator("#transcript .msg-bot .card").last();
  const noSidewaysScroll = async () => {
    const w = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(w.scroll).toBeLessThanOrEqual(w.client);
  };
  /** A screenshot of `target` with the composer (sticky at the window's bottom) out of its way. */
  async function shoot(target: Locator | Page, file: string): Promise<void> {
    await placeComposer(page, "static");
    await target.screenshot({ path: join(shots, file) });
    await placeComposer(page, "");
  }
  async function compareCard(): Promise<Locator> {
    const card = lastCard();
    await card.locator(".compare").waitFor({ state: "attached", timeout: 10_000 });
    return card;
  }

  it("shows a table of every role on a desktop, from the welcome card's button", async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole("button", { name: "Compare all roles" }).click();
    const card = await compareCard();
    expect(await card.locator(".card-title").textContent()).toBe("The data roles side by side");
    const table = card.locator(".compare-table");
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await card.locator(".compare-cards").isVisible()).toBe(false);
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "Role",
      ...server.whodoes.knowledge.roles.map((r) => r.name),
    ]);
    expect(await table.locator("thead th").allTextContents()).toContain(FIFTH.name);
    expect(await table.locator("tbody tr").count()).toBe(7);
    expect(await table.textContent()).toContain(FIFTH.question);
    // The table fits the chat column: its region needs no scrolling of its own at this width.
    const region = await card.locator(".compare-scroll").evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(region.scroll).toBeLessThanOrEqual(region.client);
    await noSidewaysScroll();
    await shoot(card, "compare-desktop.png");
  });

  it("answers a typed question with the same table", async () => {
    await page.locator("#question").fill("compare all the roles");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#transcript .compare-table").count()).toBe(2);
  });

  it("turns into one card per role on a 390 px phone, with no sideways scroll", async () => {
    await page.setViewportSize(PHONE);
    const card = lastCard();
    await expect.poll(() => card.locator(".compare-table").isVisible()).toBe(false);
    const cards = card.locator(".compare-card");
    expect(await cards.count()).toBe(5);
    for (let i = 0; i < 5; i++) expect(await cards.nth(i).isVisible()).toBe(true);
    const fifth = card.locator(`.compare-card[data-role="${FIFTH.id}"]`);
    expect(await fifth.locator(".role-name").textContent()).toBe(FIFTH.name);
    expect(await fifth.locator("dt").allTextContents()).toContain("The question it answers");
    const box = await cards.nth(0).boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await noSidewaysScroll();
    await shoot(card, "compare-phone.png");
    await page.screenshot({ path: join(shots, "compare-phone-window.png") });
    expect(existsSync(join(shots, "compare-phone.png"))).toBe(true);
    if (keep) console.log(`screenshots in ${shots}`);
  });

  it("needs nothing from the network and logs no console errors", () => {
    expect(browser.offsite).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
