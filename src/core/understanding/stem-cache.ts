/**
 * The analyzer's stems, kept between runs of the CLI: stemming every word of the knowledge is about a seventh of
 * `whodoes ask`'s cold start. A word's stem depends on the build alone (Porter and OWN_STEMS in analyzer.ts), not on
 * the knowledge, so the cache is keyed by the build: an edited role file needs no new cache, a rebuilt whodoes does,
 * and a word the cache lacks is stemmed as usual. Best effort, as the knowledge cache is (knowledge/cached.ts): when
 * the file can't be read or written, only the time changes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../../config/paths.js";
import { filesKey } from "../knowledge/cached.js";
import { rememberStems, stemsSoFar } from "./analyzer.js";

/** The stems' file in a cache folder. */
export const stemsFileIn = (cacheDir: string) => join(cacheDir, "stems.json");

function buildKey(): string | undefined {
  // tsc rewrites its build info whenever any compiled file changes, the analyzer's stemming rules too; this
  // module's own file tells the build's stems from those of the sources run as they are (the tests). No build
  // info, no cache: nothing would say when the rules changed.
  const buildInfo = join(PROJECT_ROOT, "dist", ".tsbuildinfo");
  try {
    return existsSync(buildInfo) ? filesKey([buildInfo, fileURLToPath(import.meta.url)]) : undefined;
  } catch {
    return undefined;
  }
}

const isPair = (p: unknown): p is [string, string] =>
  Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && typeof p[1] === "string";

/** Seeds the analyzer with the stems an earlier run of this build kept, before the knowledge is read; returns how many. */
export function loadStems(file: string): number {
  const build = buildKey();
  if (!build) return 0;
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as { key?: unknown; stems?: unknown };
    if (cached.key !== build || !Array.isArray(cached.stems) || !cached.stems.every(isPair)) return 0;
    rememberStems(cached.stems);
    return cached.stems.length;
  } catch {
    // No cache yet, or an unreadable one: every word is stemmed as it comes.
    return 0;
  }
}

/**
 * Keeps the stems worked out so far for the next run, when this run worked out more than it was given (a first run,
 * or one after the knowledge gained words); otherwise it costs nothing.
 */
export function saveStems(loaded: number, file: string): void {
  const stems = stemsSoFar();
  const build = stems.length > loaded ? buildKey() : undefined;
  if (!build) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ key: build, stems }));
  } catch {
    // A read-only install still works, just without the cache.
  }
}
