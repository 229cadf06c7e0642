/**
 * The page at GET / and its two static files. They live in public/ beside this file's source (tsc does
 * not copy them to dist/). Read once at start: they are small. The welcome card is rendered per visit,
 * as the knowledge can be reloaded while the server runs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import express from "express";
import { inSources } from "../../config/paths.js";
import type { Answer } from "../../core/index.js";
import { answerToHtml } from "../../render/html.js";

export const PAGE_PATH = "/";
export const STYLE_PATH = "/static/chat.css";
export const SCRIPT_PATH = "/static/chat.js";

/** Where the welcome card goes in index.html. */
const WELCOME_SLOT = "<!-- welcome -->";

/**
 * Nothing but this origin: no CDN, font or framework, no inline script or style, no framing. The
 * favicon is an inline SVG, hence `img-src data:`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The folder holding index.html, chat.css and chat.js. */
export function publicDir(): string {
  return inSources("adapters", "web", "public");
}

interface Asset {
  type: string;
  body: () => string;
}

function setSecurityHeaders(res: express.Response): void {
  res.set({
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
  });
}

export function createPageRouter(welcome: () => Answer, dir: string = publicDir()): express.Router {
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  const [before, after, ...rest] = read("index.html").split(WELCOME_SLOT);
  if (before === undefined || after === undefined || rest.length > 0) {
    throw new Error(`web chat: ${join(dir, "index.html")} needs exactly one ${WELCOME_SLOT} slot`);
  }
  const assets = new Map<string, Asset>([
    [PAGE_PATH, { type: "text/html; charset=utf-8", body: () => before + answerToHtml(welcome()) + after }],
    [STYLE_PATH, { type: "text/css; charset=utf-8", body: constant(read("chat.css")) }],
    [SCRIPT_PATH, { type: "text/javascript; charset=utf-8", body: constant(read("chat.js")) }],
  ]);

  const router = express.Router();
  for (const [path, asset] of assets) {
    router.get(path, (_req, res) => {
      setSecurityHeaders(res);
      // Revalidate every time (express answers 304 from its ETag): a restart or reload may change them.
      res.set("Cache-Control", "no-cache").type(asset.type).send(asset.body());
    });
  }
  return router;
}

const constant = (body: string) => () => body;
