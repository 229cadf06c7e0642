/**
 * GET /compare.png and /compare.svg: the comparison of all roles as a picture, for the README, a browser
 * and the image Slack and Teams show under the table (PUBLIC_URL). Drawn once per knowledge: a reload
 * (an edited file, SIGHUP) gives a new knowledge object, and the next request draws the new picture.
 * Public on purpose (the platforms' image proxies fetch it without credentials): it shows only the
 * role knowledge, never the directory of people or anything asked.
 */
import express from "express";
import { roleTable } from "../core/answers/compare-all.js";
import type { Knowledge } from "../core/index.js";
import type { Logger } from "../logging/logger.js";
import type { ComparePicture } from "../render/picture/compare-picture.js";
import { COMPARE_PNG_PATH, COMPARE_SVG_PATH } from "../render/picture-url.js";

/** Browsers and the platforms' proxies may keep it a while; the URL changes with the knowledge anyway. */
const CACHE_CONTROL = "public, max-age=300";

interface Drawn {
  knowledge: Knowledge;
  picture: ComparePicture;
  png?: Promise<Buffer>;
}

export function createComparePictureRouter(knowledge: () => Knowledge, logger: Logger): express.Router {
  let drawn: Drawn | undefined;
  async function current(): Promise<Drawn> {
    const k = knowledge();
    if (drawn?.knowledge !== k) {
      // The renderer (fonts, resvg) loads on the first request, not when the server starts.
      const { comparePicture } = await import("../render/picture/compare-picture.js");
      drawn = { knowledge: k, picture: comparePicture(roleTable(k)) };
    }
    return drawn;
  }

  function send(res: express.Response, type: string, etag: string, body: string | Buffer): void {
    res.set({
      "Content-Type": type,
      "Cache-Control": CACHE_CONTROL,
      ETag: `"${etag}"`,
      "X-Content-Type-Options": "nosniff",
      // An SVG opened on its own is a document: it may draw, never run anything.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.send(body);
  }

  const router = express.Router();
  router.get(COMPARE_SVG_PATH, async (_req, res, next) => {
    try {
      const d = await current();
      send(res, "image/svg+xml; charset=utf-8", d.picture.digest, d.picture.svg);
    } catch (err) {
      next(err);
    }
  });
  router.get(COMPARE_PNG_PATH, async (_req, res, next) => {
    try {
      const d = await current();
      d.png ??= d.picture.png();
      send(res, "image/png", d.picture.digest, await d.png);
    } catch (err) {
      if (drawn) drawn.png = undefined;
      logger.error("compare picture: could not draw the PNG", { error: err instanceof Error ? err.message : String(err) });
      next(err);
    }
  });
  return router;
}
