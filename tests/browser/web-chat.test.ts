/**
 * The web chat in a real browser: headless Debian Chromium driven by playwright-core, against the
 * real core over loopback. It types a question, checks the right role's card, clicks a follow-up,
 * walks two steps of the onboarding tour (the second by keyboard), votes, checks a narrow window,
 * and saves screenshots to test-artifacts/. In CI it must run: a missing Chromium fails the test.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebChat, type WebChatServer } from "../adapters/web/harness.js";
import { DESKTOP, type OpenBrowser, openChromium, PHONE, placeComposer, skipBrowserTest } from "./chromium.js";

// The tests type-check without the DOM library (tsconfig's lib is ES2023 only): this is the little of
// the page's `document` that the callbacks given to page.evaluate use.
declare const document: {
  activeElement: { id: string; textContent: string | null } | null;
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelector(selector: string): { style: { position: string } } | null;
};

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test-artifacts");

describe.skipIf(skipBrowserTest("web-chat"))("web chat in headless Chromium", () => {
  let server: WebChatServer;
  let page: Page;
  let browser: OpenBrowser;
  let offsite: string[];
  let problems: string[];

  beforeAll(async () => {
    server = await startWebChat();
    browser = await openChromium(server.url, DESKTOP);
    ({ page, offsite, problems } = browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cards = () => page.locator("#transcript .msg-bot .card");
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");

  /** Waits for the n-th bot card (0-based) and returns it. */
  async function card(n: number): Promise<Locator> {
    const c = cards().nth(n);
    await c.waitFor({ state: "visible", timeout: 10_000 });
    return c;
  }

  it("answers a typed question with the right role's card, and keeps focus in the box", async () => {
    await page.goto(`${server.url}/`);
    expect(await page.title()).toContain("whodoes");
    await expect.poll(() => cards().count()).toBe(1);
    expect(await (await card(0)).locator(".card-title").textContent()).toMatch(/who does what/i);
    expect(await focusedId()).toBe("question");
    // The welcome card says what to ask; the header above it does not say it again.
    expect(await page.getByText(/which data role owns a task/).count()).toBe(1);

    await page.locator("#question").fill("who restores a dropped table?");
    await page.keyboard.press("Enter");
    const answer = await card(1);
    expect(await answer.locator(".card-title").textContent()).toBe("Database administrator");
    expect(await answer.locator(".role-character").textContent()).toBe("The operational gatekeeper");
    expect(await answer.locator("strong").allTextContents()).toContain("restores");
    expect(await page.locator(".msg-user .bubble").last().textContent()).toBe("You asked: who restores a dropped table?");
    expect(await page.locator("#question").inputValue()).toBe("");
    expect(await focusedId()).toBe("question");
  });

  it("follows up with a button on the answer card", async () => {
    const dba = cards().nth(1);
    await dba.getByRole("button", { name: "Compare with the architect" }).click();
    const compare = await card(2);
    expect(await compare.locator(".card-title").textContent()).toMatch(/Database administrator vs Data architect/i);
    expect(await compare.locator(".fields dt").allTextContents()).toEqual(["Database administrator", "Data architect"]);
    expect(await page.locator(".msg-user .bubble").last().textContent()).toBe("You chose: Compare with the architect");
  });

  it("walks two steps of the onboarding tour, the second by keyboard", async () => {
    await cards().nth(1).getByRole("button", { name: "Start onboarding" }).click();
    const step1 = await card(3);
    expect(await step1.locator(".progress-label").textContent()).toBe("Step 1 of 6");
    expect(await step1.locator(".card-title").textContent()).toMatch(/^Database administrator: /);

    const next = step1.getByRole("button", { name: "Next" });
    await next.focus();
    await page.keyboard.press("Enter");
    const step2 = await card(4);
    expect(await step2.locator(".progress-label").textContent()).toBe("Step 2 of 6");
    expect(await step2.locator("progress").getAttribute("value")).toBe("2");
    expect(await step2.getByRole("button", { name: "Back" }).count()).toBe(1);
    // A keyboard click leaves focus on the button, so Tab goes on into the new card.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Next");
  });

  it("thanks the user for feedback", async () => {
    await cards()
      .nth(1)
      .getByRole("button", { name: /Helpful/ })
      .first()
      .click();
    const thanks = await card(5);
    expect(await thanks.locator(".card-title").textContent()).toMatch(/thanks for the feedback/i);
    expect(server.logs.some((l) => l.msg === "web: feedback" && l.fields.vote === "up")).toBe(true);
  });

  it("needs nothing from the network and logs no errors", () => {
    expect(offsite).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("saves screenshots at desktop and phone widths", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The whole transcript, with the composer laid after it.
    await placeComposer(page, "static");
    await page.screenshot({ path: join(ARTIFACTS, "web-chat.png"), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(ARTIFACTS, "web-chat-narrow.png"), fullPage: true });
    await placeComposer(page, "");
    expect(existsSync(join(ARTIFACTS, "web-chat.png"))).toBe(true);
  });

  it("never runs what a user typed as HTML", async () => {
    const typed = `<img src=x onerror="document.title='pwned'">`;
    await page.locator("#question").fill(typed);
    await page.keyboard.press("Enter");
    await card(6);
    expect(await page.locator(".msg-user .bubble").last().textContent()).toBe(`You asked: ${typed}`);
    expect(await page.locator("#transcript img").count()).toBe(0);
    expect(await page.title()).not.toBe("pwned");
  });

  it("takes a double-click on a card's button as one click", async () => {
    await page.setViewportSize(DESKTOP);
    const before = { cards: await cards().count(), asked: await page.locator(".msg-user").count() };
    let posts = 0;
    const count = (r: Request) => {
      if (r.url().endsWith("/api/chat")) posts++;
    };
    page.on("request", count);
    // The two clicks a double-click makes, sent as such: the first one's scroll would move a real
    // pointer's second click off the button.
    const button = cards().nth(1).getByRole("button", { name: "Who do they work with?" });
    await button.dispatchEvent("click", { detail: 1 });
    await button.dispatchEvent("click", { detail: 2 });
    await card(before.cards);
    // Long enough for a second answer to have come back, had one been asked.
    await page.waitForTimeout(500);
    page.off("request", count);
    expect(posts).toBe(1);
    expect(await cards().count()).toBe(before.cards + 1);
    expect(await page.locator(".msg-user").count()).toBe(before.asked + 1);
  });

  it("fits a 360px-wide window without scrolling sideways", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const composer = await page.locator("#composer").boundingBox();
    expect(composer && composer.x + composer.width).toBeLessThanOrEqual(360);
  });
  it("takes one vote per answer, and shows which was cast", async () => {
    await page.setViewportSize(DESKTOP);
    const voted = cards().nth(1);
    expect(await voted.getByRole("button", { name: "👍 Helpful", exact: true }).getAttribute("aria-pressed")).toBe("true");
    let posts = 0;
    const count = (r: Request) => {
      if (r.url().endsWith("/api/chat")) posts++;
    };
    page.on("request", count);
    // force: the button is marked aria-disabled, which playwright would otherwise wait out.
    await voted.getByRole("button", { name: "👎 Not helpful", exact: true }).click({ force: true });

    // 👎 on another answer, then the role it should have been: a second role is not taken either.
    const n = await cards().count();
    await cards().nth(2).getByRole("button", { name: "👎 Not helpful", exact: true }).click();
    const which = await card(n);
    await which.getByRole("button", { name: "Data architect" }).click();
    await card(n + 1);
    await which.getByRole("button", { name: "Data manager" }).click({ force: true });
    await page.waitForTimeout(500);
    page.off("request", count);
    expect(posts).toBe(2);
    expect(await cards().count()).toBe(n + 2);
    expect(await which.getByRole("button", { name: "Data architect" }).getAttribute("aria-pressed")).toBe("true");
    expect(server.logs.filter((l) => l.msg === "web: feedback")).toHaveLength(2);
  });
  it("puts a question the server never got back in the box, so Enter asks it again", async () => {
    await page.route("**/api/chat", (route) => route.abort("connectionrefused"));
    const question = "who tunes slow queries?";
    await page.locator("#question").fill(question);
    await page.keyboard.press("Enter");
    await page.locator(".card-error").last().waitFor({ state: "visible", timeout: 10_000 });
    expect(await page.locator(".card-error").last().textContent()).toMatch(/couldn't reach the whodoes server/);
    expect(await page.locator("#question").inputValue()).toBe(question);

    await page.unroute("**/api/chat");
    const n = await cards().count();
    await page.keyboard.press("Enter");
    expect(await (await card(n)).locator(".card-title").textContent()).toBe("Database administrator");
    expect(await page.locator("#question").inputValue()).toBe("");
  });
  it("says to try again when something between answers with an error page of its own", async () => {
    await page.route("**/api/chat", (route) =>
      route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad gateway</h1>" }),
    );
    const n = await cards().count();
    await page.locator("#question").fill("who tunes slow queries?");
    await page.keyboard.press("Enter");
    expect(await (await card(n)).textContent()).toBe("The server answered 502. Try again in a moment.");
    await page.unroute("**/api/chat");
    await page.locator("#question").fill("");
  });
  it("keeps the button Tab reaches in sight above the composer, on a phone", async () => {
    await page.setViewportSize(PHONE);
    await page.locator(".skip-link").focus();
    const hidden: string[] = [];
    // Every button of the transcript, top to bottom, until Tab reaches the composer.
    for (let i = 0; i < 200 && (await page.locator(".composer :focus").count()) === 0; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.locator(":focus").boundingBox();
      const composer = await page.locator(".composer").boundingBox();
      if (
        focused &&
        composer &&
        (await page.locator(".composer :focus").count()) === 0 &&
        focused.y + focused.height > composer.y
      )
        hidden.push((await page.locator(":focus").textContent()) ?? "");
    }
    expect(await page.locator(".composer :focus").count()).toBe(1);
    expect(hidden).toEqual([]);
  });
  it("puts each answer under its own question when several are asked while the first is on its way", async () => {
    await page.setViewportSize(DESKTOP);
    await page.route("**/api/chat", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    const n = await cards().count();
    for (const q of ["who tunes slow queries?", "who designs the data model?", "who owns data quality rules?"]) {
      await page.locator("#question").fill(q);
      await page.keyboard.press("Enter");
    }
    await card(n + 2);
    await page.unroute("**/api/chat");
    const rows = await page
      .locator("#transcript > .msg")
      .evaluateAll((els) => els.slice(-6).map((e) => (e.querySelector(".card-title") ?? e).textContent));
    expect(rows).toEqual([
      "You asked: who tunes slow queries?",
      "Database administrator",
      "You asked: who designs the data model?",
      "Data architect",
      "You asked: who owns data quality rules?",
      "Data manager",
    ]);
  });
  it("gives up on an answer that never comes, so later questions are not stuck behind it", async () => {
    // A page of its own, with the clock under the test's hand from the start.
    const hung = await browser.context.newPage();
    await hung.clock.install();
    await hung.goto(`${server.url}/`);
    // Never answered.
    await hung.route("**/api/chat", () => {});
    await hung.locator("#question").fill("who tunes slow queries?");
    await hung.keyboard.press("Enter");
    await hung.locator(".msg-user").waitFor();
    await hung.clock.runFor(20_000);
    const error = hung.locator(".card-error");
    await error.waitFor({ state: "visible", timeout: 10_000 });
    expect(await error.textContent()).toBe("The server took too long to answer. Try again in a moment.");
    expect(await hung.locator("#question").inputValue()).toBe("who tunes slow queries?");

    await hung.unroute("**/api/chat");
    await hung.keyboard.press("Enter");
    const answer = hung.locator(".card:not(.card-error)").nth(1);
    await answer.waitFor({ state: "visible", timeout: 10_000 });
    expect(await answer.locator(".card-title").textContent()).toBe("Database administrator");
    await hung.close();
  });
  it("asks nothing for a box of spaces, and says it is empty", async () => {
    const asked = await page.locator(".msg-user").count();
    await page.locator("#question").fill("   ");
    await page.keyboard.press("Enter");
    expect(await page.locator("#question").inputValue()).toBe("");
    expect(
      await page
        .locator("#question")
        .evaluate((box) => (box as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing),
    ).toBe(true);
    expect(await page.locator(".msg-user").count()).toBe(asked);
  });
});
