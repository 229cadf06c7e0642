/**
 * An append-only JSON-lines file, written in batches: a busy bot records an event per answer, and
 * one write per event loop turn costs far less than one per event. O_APPEND keeps each batch whole
 * even when another process (the report) reads the file at the same time.
 */
import { type FileHandle, open } from "node:fs/promises";

export interface AppendFile {
  readonly path: string;
  /** Append one line (a newline is added); resolves once it is written. */
  append(line: string): Promise<void>;
  /** Resolves when everything appended so far is written. */
  flushed(): Promise<void>;
  close(): Promise<void>;
}

/** The files may hold question text (RECORD_QUESTIONS=true): readable by the bot's user only. */
export const DATA_FILE_MODE = 0o600;

export function createAppendFile(path: string): AppendFile {
  let handle: Promise<FileHandle> | undefined;
  let batch: string[] = [];
  let pending: Promise<void> | undefined; // the batch not yet started
  let tail: Promise<void> = Promise.resolve(); // the last write, never rejected
  let closed = false;

  const write = async () => {
    pending = undefined;
    const lines = batch;
    batch = [];
    handle ??= open(path, "a", DATA_FILE_MODE);
    // A failed open is retried on the next batch rather than poisoning every later write.
    const h = await handle.catch((err: unknown) => {
      handle = undefined;
      throw err;
    });
    await h.appendFile(lines.join(""), "utf8");
  };

  return {
    path,
    append(line) {
      if (closed) return Promise.reject(new Error(`${path} is closed`));
      batch.push(`${line}\n`);
      if (!pending) {
        const next = tail.then(write);
        tail = next.catch(() => {});
        pending = next;
      }
      return pending;
    },
    flushed: () => tail,
    async close() {
      closed = true;
      await tail;
      const h = await handle?.catch(() => undefined);
      handle = undefined;
      await h?.close();
    },
  };
}
