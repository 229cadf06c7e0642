/**
 * Knowledge that follows its files: edits to the intents directory (or SIGHUP) reload it while
 * the bot runs. A broken edit keeps the last good knowledge answering and logs exactly what is
 * wrong; /healthz reports it until a good edit lands.
 *
 * The folder itself can be replaced under the watcher: deleted and made again, a new one renamed into
 * place (editors, `git checkout`), or a symlink swapped to a new version (a Kubernetes ConfigMap, a
 * deploy's `current` link). A watcher follows the folder it was given, not the path, so once a second
 * the path is checked: when it names another folder, the watcher moves to it and the knowledge reloads.
 */
import { type FSWatcher, realpathSync, statSync, watch } from "node:fs";
import { DIRECTORY_FORMATS } from "../adapters/platforms.js";
import { createWhodoes, KnowledgeError, loadKnowledge, type Whodoes, wrapWhodoes } from "../core/index.js";
import type { Logger } from "../logging/logger.js";

/** Editors write a file in several steps; wait for them to settle before reading. */
const SETTLE_MS = 250;
/** How often the path is checked for a replaced folder. */
export const FOLDER_CHECK_MS = 1_000;

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
  let check: NodeJS.Timeout | undefined;
  /** The folder the watcher is on (real path, device and inode); undefined while it is missing. */
  let watching: string | undefined;
  let missingLogged = false;

  /** Which folder the path names now (birth time too: a folder made again may get the same inode), if any. */
  const folderAt = (): string | undefined => {
    try {
      const st = statSync(root);
      return st.isDirectory() ? `${realpathSync(root)}:${st.dev}:${st.ino}:${st.birthtimeMs}` : undefined;
    } catch {
      return undefined;
    }
  };
  /** The watched folder is gone: its watcher hears nothing more, so the next check attaches to whatever comes. */
  const forget = () => {
    watcher?.close();
    watcher = undefined;
    watching = undefined;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!reload() && folderAt() === undefined) forget();
    }, SETTLE_MS);
  };
  const attach = (): boolean => {
    watcher?.close();
    watcher = undefined;
    try {
      // Recursive watching covers roles/ too (supported on Linux since Node 20).
      const w = watch(root, { recursive: true, persistent: false }, schedule);
      w.on("error", (err) => {
        logger.warn("stopped watching the knowledge directory; will watch it again when it is back", { error: err.message });
        if (watcher === w) forget();
      });
      watcher = w;
      watching = folderAt();
      return true;
    } catch (err) {
      logger.warn("cannot watch the knowledge directory; send SIGHUP to reload", { error: (err as Error).message });
      return false;
    }
  };
  const follow = () => {
    const now = folderAt();
    if (now === undefined) {
      if (!missingLogged)
        logger.warn("the knowledge directory is gone; still answering from the last good version", { dir: root });
      missingLogged = true;
      forget();
      return;
    }
    if (now === watching && watcher) return;
    missingLogged = false;
    if (attach()) {
      logger.info("watching the knowledge directory again (it was replaced)", { dir: root });
      schedule();
    }
  };

  if (options.watch !== false && attach()) {
    check = setInterval(follow, FOLDER_CHECK_MS);
    check.unref();
  }

  return {
    whodoes,
    reload,
    status: () => ({ ok: error === undefined, roles: current.knowledge.roles.length, dir: root, ...(error ? { error } : {}) }),
    close() {
      clearTimeout(timer);
      clearInterval(check);
      watcher?.close();
    },
  };
}
