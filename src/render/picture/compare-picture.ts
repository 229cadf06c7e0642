/**
 * The comparison table as a picture, SVG and PNG, for `whodoes compare --png/--svg`, GET /compare.png and
 * the README. The PNG is drawn from the SVG by resvg (its native binary ships in its npm package), with
 * the bundled fonts only, so it looks the same everywhere.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { RoleTable } from "../../core/index.js";
import { FONT_FAMILY, FONT_FILES, fonts } from "./fonts.js";
import { tableToSvg } from "./svg.js";

/** Pixels per SVG unit in the PNG: twice, so it stays sharp on high-density screens and reads well by OCR. */
export const PNG_SCALE = 2;

const RESVG_VERSION: string = (() => {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve("@resvg/resvg-js/package.json"), "utf8")).version;
})();

export interface ComparePicture {
  svg: string;
  /**
   * What the picture is made from: the SVG, the fonts and the renderer's version. The same digest means
   * the same picture on any machine; used as the HTTP ETag and to tell a stale committed PNG.
   */
  digest: string;
  png(): Promise<Buffer>;
}

export function comparePicture(table: RoleTable): ComparePicture {
  const f = fonts();
  const svg = tableToSvg(table, f);
  const digest = createHash("sha256")
    .update(svg)
    .update(f.digest)
    .update(`resvg-js ${RESVG_VERSION} scale ${PNG_SCALE}`)
    .digest("hex");
  return { svg, digest, png: () => svgToPng(svg) };
}

/** Loaded on first use: the CLI's other commands and a server nobody asks for a picture never pay for it. */
async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "zoom", value: PNG_SCALE },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}
