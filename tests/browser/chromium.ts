/**
 * Headless Debian Chromium, driven by playwright-core, for the web chat's browser tests: a fresh profile
 * each run, nothing but the test's own server reachable, console errors and warnings collected.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

// The page's `document`, typed for the callbacks given to page.evaluate (tsconfig has no DOM library).
declare const document: { querySelector(selector: string): { style: { position: string } } | null };

export const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

/** The window sizes the tests look at: a desktop, and a phone 390 px wide. */
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

const chromiumAvailable = existsSync(CHROMIUM);

/** Outside CI a missing Chromium skips the browser test `name` (with a hint); in CI it must run. */
export function skipBrowserTest(name: string): boolean {
  const skip = !chromiumAvailable && !process.env.CI;
  if (skip) console.warn(`${name} browser test skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);
  return skip;
}

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  /** Requests the page made to anywhere but the server: always refused. */
  offsite: string[];
  /** Console errors and warnings, and uncaught page errors. */
  problems: string[];
  close(): Promise<void>;
}

export async function openChromium(serverUrl: string, viewport: { width: number; height: number }): Promise<OpenBrowser> {
  if (!chromiumAvailable) throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
  // A fresh profile each run: launchPersistentContext is how playwright takes a --user-data-dir.
  const profile = mkdtempSync(join(tmpdir(), "whodoes-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    reducedMotion: "reduce",
  });
  const offsite: string[] = [];
  const problems: string[] = [];
  // The page must need nothing but its own server: no CDN, web font or analytics.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${serverUrl}/`) || url.startsWith("data:")) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return {
    context,
    page,
    offsite,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Lay the composer (sticky at the window's bottom) after the transcript ("static") for a screenshot, or
 * put it back (""). Set through the CSSOM, which the page's Content-Security-Policy allows (an injected
 * <style> it would block).
 */
export async function placeComposer(page: Page, position: "static" | ""): Promise<void> {
  await page.evaluate((p) => {
    const composer = document.querySelector(".composer");
    if (composer) composer.style.position = p;
  }, position);
}
