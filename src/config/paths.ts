/** Where things are on disk, found from src/ (tests) and dist/src/ (the build) alike. */
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
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
 * The folder under src/ that holds a module's source, when it runs from src/ or from dist/src/: where the
 * files tsc does not copy to dist/ (the web chat's page, the common-English word list) are read from.
 */
export function sourceFolder(moduleUrl: string): string {
  const here = relative(PROJECT_ROOT, dirname(fileURLToPath(moduleUrl)));
  return join(PROJECT_ROOT, here.replace(/^dist[/\\]/, ""));
}
