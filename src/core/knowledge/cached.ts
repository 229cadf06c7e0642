/**
 * Loading through a cache, for the CLI's cold start: parsing and checking the YAML (and loading the
 * YAML and schema libraries) is most of its start-up time. The cache holds the already checked
 * knowledge, keyed by every knowledge file's size and modification time and by the loader's own
 * build, so any edit (or a new version of whodoes) goes through the full check again.
 * The cache is best effort: when it can't be read or written, this is a plain load.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_INTENTS_DIR, PROJECT_ROOT } from "./paths.js";
import type { Contacts, Knowledge } from "./types.js";

const CACHE_DIR = join(PROJECT_ROOT, "node_modules", ".cache", "whodoes");

function fingerprint(root: string): string | undefined {
  try {
    const roles = join(root, "roles");
    const files = [
      ...["intents.yaml", "thesaurus.yaml", "comparison.yaml", "directory.yaml", "other-departments.yaml"].map((f) =>
        join(root, f),
      ),
      ...(existsSync(roles) ? readdirSync(roles).map((f) => join(roles, f)) : []),
      // Used when the folder has no comparison.yaml of its own.
      join(DEFAULT_INTENTS_DIR, "comparison.yaml"),
      // The loader itself: a rebuilt whodoes must not trust an older build's cache.
      fileURLToPath(new URL("./load.js", import.meta.url)),
      fileURLToPath(new URL("./schema.js", import.meta.url)),
    ];
    const parts = files.map((f) => {
      if (!existsSync(f)) return `${f}:-`;
      const st = statSync(f);
      return `${f}:${st.size}:${st.mtimeMs}`;
    });
    return createHash("sha256").update(parts.join("\n")).digest("hex");
  } catch {
    return undefined;
  }
}

interface CacheFile {
  key: string;
  knowledge: Omit<Knowledge, "directory"> & { directory: [string, Contacts][] };
}

export async function loadKnowledgeCached(dir: string = DEFAULT_INTENTS_DIR): Promise<Knowledge> {
  const root = resolve(dir);
  const key = fingerprint(root);
  const path = join(CACHE_DIR, `${createHash("sha256").update(root).digest("hex").slice(0, 16)}.json`);
  if (key) {
    try {
      const cached = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
      if (cached.key === key) return { ...cached.knowledge, directory: new Map(cached.knowledge.directory) };
    } catch {
      // No cache yet, or an unreadable one: load for real below.
    }
  }
  const { loadKnowledge } = await import("./load.js");
  const knowledge = loadKnowledge(root);
  if (key) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const file: CacheFile = { key, knowledge: { ...knowledge, directory: [...knowledge.directory] } };
      writeFileSync(path, JSON.stringify(file));
    } catch {
      // A read-only install still works, just without the cache.
    }
  }
  return knowledge;
}
