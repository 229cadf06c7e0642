/**
 * Loading through a cache, for the CLI's cold start: parsing and checking the YAML (and loading the
 * YAML and schema libraries, and the platforms' directory formats) is most of its start-up time. The
 * cache holds the already checked knowledge, keyed by every knowledge file's size and modification
 * time and by the build, so any edit (or a new version of whodoes) goes through the full check again.
 * The cache is best effort: when it can't be read or written, this is a plain load.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../../config/paths.js";
import { DEFAULT_INTENTS_DIR, KNOWLEDGE_FILES } from "./paths.js";
import type { Contacts, DirectoryFormat, Knowledge } from "./types.js";

/** Where the CLI keeps what it worked out between runs, unless CACHE_DIR says otherwise. */
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, "node_modules", ".cache", "whodoes");

function fingerprint(root: string): string | undefined {
  try {
    const { roles: rolesFolder, ...single } = KNOWLEDGE_FILES;
    const roles = join(root, rolesFolder);
    const files = [
      ...Object.values(single).map((f) => join(root, f)),
      ...(existsSync(roles) ? readdirSync(roles).map((f) => join(roles, f)) : []),
      // Used when the folder has no comparison.yaml of its own.
      join(DEFAULT_INTENTS_DIR, KNOWLEDGE_FILES.comparison),
      // The build: a rebuilt whodoes must not trust an older build's cache. tsc rewrites its build
      // info whenever any compiled file changes (a platform's directory format too), and this module's
      // own file on every full build (or the CLI's bundle holding it, on every bundling).
      join(PROJECT_ROOT, "dist", ".tsbuildinfo"),
      fileURLToPath(import.meta.url),
    ];
    return filesKey(files);
  } catch {
    return undefined;
  }
}

/** A key that changes whenever one of the files changes: each one's path, size and modification time. */
export function filesKey(files: readonly string[]): string {
  const parts = files.map((f) => {
    if (!existsSync(f)) return `${f}:-`;
    const st = statSync(f);
    return `${f}:${st.size}:${st.mtimeMs}`;
  });
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

interface CacheFile {
  key: string;
  knowledge: Omit<Knowledge, "directory"> & { directory: [string, Contacts][] };
}

/**
 * @param platforms the platforms' directory formats, loaded only when the cache cannot answer (they
 * bring the schema library with them)
 * @param cacheDir the folder the cache files go in
 */
export async function loadKnowledgeCached(
  dir: string = DEFAULT_INTENTS_DIR,
  platforms: () => Promise<readonly DirectoryFormat[]> = async () => [],
  cacheDir: string = DEFAULT_CACHE_DIR,
): Promise<Knowledge> {
  const root = resolve(dir);
  const key = fingerprint(root);
  const path = join(cacheDir, `${createHash("sha256").update(root).digest("hex").slice(0, 16)}.json`);
  if (key) {
    try {
      const cached = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
      if (cached.key === key) return { ...cached.knowledge, directory: new Map(cached.knowledge.directory) };
    } catch {
      // No cache yet, or an unreadable one: load for real below.
    }
  }
  const { loadKnowledge } = await import("./load.js");
  const knowledge = loadKnowledge(root, { platforms: await platforms() });
  if (key) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const file: CacheFile = { key, knowledge: { ...knowledge, directory: [...knowledge.directory] } };
      writeFileSync(path, JSON.stringify(file));
    } catch {
      // A read-only install still works, just without the cache.
    }
  }
  return knowledge;
}
