/** Where things are on disk, found from src/ (tests), dist/src/ (the build) and dist/cli/ (the CLI's bundle) alike. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder (where package.json is). */
export const PROJECT_ROOT = projectRoot(fileURLToPath(new URL(".", import.meta.url)));

/** DATA_DIR's default, for the server and the CLI alike: data/ in the project folder (gitignored). */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, "data");

function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/**
 * A file or folder under src/ that tsc does not copy to dist/ (the web chat's page, the common-English word list),
 * by its path there. Found from the project folder, not from the module reading it: bundled (dist/cli/), a module's
 * place says nothing of where its source is.
 */
export function inSources(...path: string[]): string {
  return join(PROJECT_ROOT, "src", ...path);
}
