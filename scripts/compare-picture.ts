/**
 * `npm run picture`: draw docs/compare.png, the README's picture of the roles side by side, from the
 * shipped knowledge. A test fails when the knowledge (or the renderer, or the font) changed since: run
 * this again and commit the new picture.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/config/paths.js";
import { roleTable } from "../src/core/answers/compare-all.js";
import { loadKnowledge } from "../src/core/index.js";
import { comparePicture } from "../src/render/picture/compare-picture.js";
import { withText } from "./picture/png-text.js";

/** The tEXt keyword holding what the committed picture was drawn from. */
export const SOURCE_KEYWORD = "whodoes-source";
export const DOCS_PICTURE = join(PROJECT_ROOT, "docs", "compare.png");

async function main(): Promise<void> {
  const picture = comparePicture(roleTable(loadKnowledge()));
  writeFileSync(DOCS_PICTURE, withText(await picture.png(), SOURCE_KEYWORD, picture.digest));
  process.stdout.write(`wrote ${DOCS_PICTURE} (${picture.digest.slice(0, 12)})\n`);
}

if (process.argv[1]?.endsWith("compare-picture.js")) await main();
