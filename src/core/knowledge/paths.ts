import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder (where package.json is), found from src/ (tests) and dist/src/ (built) alike. */
export const PROJECT_ROOT = projectRoot(fileURLToPath(new URL(".", import.meta.url)));

/** The knowledge shipped with the project: the intents/ folder beside package.json. */
export const DEFAULT_INTENTS_DIR = join(PROJECT_ROOT, "intents");

function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
