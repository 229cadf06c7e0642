/**
 * Knowledge that follows its files: edits to the intents directory (or SIGHUP) reload it while
 * the bot runs. A broken edit keeps the last good knowledge answering and logs exactly what is
 * wrong; /healthz reports it until a good edit lands.
 */
import { type FSWatcher, watch } from "node:fs";
import { DIRECTORY_FORMATS } from "../adapters/platforms.js";
import { createWhodoes, KnowledgeError, loadKnowledge, type Whodoes, wrapWhodoes } from "../core/index.js";
import type { Logger } from "../logging/logger.js";

/** Editors write a file in several steps; wait for them to settle before reading. */
const SETTLE_MS = 250;

export interface LiveKnowledge {
  /** Always answers from the latest good knowledge. */
  whodoes: Whodoes;
  reload(): boolean;
  status(): { ok: boolean; roles: number; dir: string; error?: string };
  close(): void;
}

export interface LiveKnowledgeOptions {
  /** Watch the directory for edits; default true. */
  watch?: boolean;
  /** Told of every reload's outcome (for /metrics). */
  onReload?: (ok: boolean) => void;
}

/** Loads once (throws on a broken start, like any start-up mistake), then watches. */
export function createLiveKnowledge(dir: string | undefined, logger: Logger, options: LiveKnowledgeOptions = {}): LiveKnowledge {
  // Each platform checks its own entries in directory.yaml.
  const load = (from: string | undefined) => createWhodoes(loadKnowledge(from, { platforms: DIRECTORY_FORMATS }));
  let current = load(dir);
  let error: string | undefined;
  const root = current.knowledge.dir;

  const whodoes = wrapWhodoes(() => current);

  function reload(): boolean {
    try {
      current = load(root);
      if (error) logger.info("knowledge fixed and reloaded", { roles: current.knowledge.roles.length });
      else logger.info("knowledge reloaded", { roles: current.knowledge.roles.length });
      error = undefined;
      options.onReload?.(true);
      return true;
    } catch (err) {
      error = err instanceof KnowledgeError ? err.message : String((err as Error).message ?? err);
      logger.error(`knowledge not reloaded, still answering from the last good version: ${error}`, {
        code: (err as { code?: string }).code,
      });
      options.onReload?.(false);
      return false;
    }
  }

  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (options.watch !== false) {
    try {
      // Recursive watching covers roles/ too (supported on Linux since Node 20).
      watcher = watch(root, { recursive: true, persistent: false }, () => {
        clearTimeout(timer);
        timer = setTimeout(reload, SETTLE_MS);
      });
      watcher.on("error", (err) => logger.warn("stopped watching the knowledge directory", { error: err.message }));
    } catch (err) {
      logger.warn("cannot watch the knowledge directory; send SIGHUP to reload", { error: (err as Error).message });
    }
  }

  return {
    whodoes,
    reload,
    status: () => ({ ok: error === undefined, roles: current.knowledge.roles.length, dir: root, ...(error ? { error } : {}) }),
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
