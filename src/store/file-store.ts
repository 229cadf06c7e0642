/**
 * The default store: memory plus append-only JSON-lines files under DATA_DIR, so one instance needs
 * nothing else and nothing is lost on a restart.
 *
 * - `claims.jsonl`: claims without expiry (welcomes), replayed on start. Claims with a ttl (Slack
 *   retry de-duplication, 30 minutes) live in memory only: a restart outlasts Slack's retries anyway.
 * - Remembered values (`remember`/`recall`) all have a ttl and live in memory only, for the same reason.
 * - `events-YYYY-MM.jsonl`: usage events, one file per month (UTC) so a report over a week reads a
 *   month or two, and old months can be deleted or archived by hand. Events are not held in memory.
 * - `hash-key`: the installation's random key for question hashes (hex), made on first use. Deleting it
 *   starts a new key: questions asked afterwards no longer group with earlier ones.
 *
 * One process per DATA_DIR: several instances must share a Redis instead.
 */
import { randomBytes } from "node:crypto";
import {
  accessSync,
  constants,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { type Logger, silentLogger } from "../logging/logger.js";
import { type AppendFile, createAppendFile, DATA_FILE_MODE } from "./append-file.js";
import { createClaims } from "./claims.js";
import { type Store, StoreError } from "./store.js";
import { parseUsageEventLine, type UsageEvent } from "./usage-event.js";
import { createValues } from "./values.js";

export const CLAIMS_FILE = "claims.jsonl";
export const HASH_KEY_FILE = "hash-key";
const EVENTS_FILE = /^events-(\d{4})-(\d{2})\.jsonl$/;

/** The events file an event at `at` belongs to. */
export const eventsFileName = (at: number) => `events-${new Date(at).toISOString().slice(0, 7)}.jsonl`;

export interface FileStoreOptions {
  /** The data directory (DATA_DIR; createStore defaults it to data/ in the project folder); created if missing. */
  dir: string;
  logger?: Logger;
  now?: () => number;
  /** Only read what is there (`whodoes report`): then the directory need not be writable. Default false. */
  readOnly?: boolean;
}

export interface FileStore extends Store {
  readonly dir: string;
}

/** Open (and create) the data directory and replay the persisted claims. */
export function createFileStore(options: FileStoreOptions): FileStore {
  const dir = resolve(options.dir);
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  try {
    // 0o700: the files may hold question text.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new StoreError(`cannot create the data directory ${dir}: ${(err as Error).message}`, "STORE_IO", { cause: err });
  }
  // A folder the server may not write (a volume owned by another user) would lose every usage event and
  // welcome claim, said only in a warning per write: refuse it at start instead.
  if (!options.readOnly) {
    try {
      accessSync(dir, constants.W_OK);
    } catch (err) {
      throw new StoreError(`cannot write in the data directory ${dir}: ${(err as Error).message}`, "STORE_IO", { cause: err });
    }
  }

  const claims = createClaims(now);
  const values = createValues(now);
  const claimsPath = join(dir, CLAIMS_FILE);
  const skipped = replayClaims(claimsPath, claims);
  if (skipped > 0) logger.warn(`store: skipped ${skipped} damaged line(s) in ${claimsPath}`);
  const claimsFile = createAppendFile(claimsPath);
  const eventFiles = new Map<string, AppendFile>();

  const eventFile = (at: number): AppendFile => {
    const name = eventsFileName(at);
    let file = eventFiles.get(name);
    if (!file) {
      file = createAppendFile(join(dir, name));
      eventFiles.set(name, file);
      // Keep the current and the previous month open (events straddle midnight at month end).
      for (const [old, f] of eventFiles)
        if (eventFiles.size > 2 && old !== name) {
          eventFiles.delete(old);
          void f.close();
        }
    }
    return file;
  };

  let hashKey: Buffer | undefined;

  return {
    dir,
    async hashKey() {
      hashKey ??= readOrMakeKey(join(dir, HASH_KEY_FILE));
      return hashKey;
    },
    async claimOnce(key, ttlMs) {
      if (!claims.claim(key, ttlMs)) return false;
      if (ttlMs === undefined) {
        try {
          await claimsFile.append(JSON.stringify({ key, at: now() }));
        } catch (err) {
          // The claim holds in memory; only a restart could repeat it. Answering beats failing.
          logger.warn("store: could not persist a claim; it holds until restart", {
            file: claimsPath,
            error: (err as Error).message,
          });
        }
      }
      return true;
    },
    async remember(key, value, ttlMs) {
      values.set(key, value, ttlMs);
    },
    async recall(key) {
      return values.get(key);
    },
    async record(event) {
      await eventFile(event.at).append(JSON.stringify(event));
    },
    async events(since) {
      await Promise.all([...eventFiles.values()].map((f) => f.flushed()));
      const from = since.getTime();
      const firstMonth = new Date(from).toISOString().slice(0, 7);
      const out: UsageEvent[] = [];
      let damaged = 0;
      // A folder the reader may not list, or an events "file" that is a folder, is the store's failure, said
      // in one line like a Redis that does not answer; not a stack trace.
      try {
        const files = readdirSync(dir)
          .map((name) => ({ name, m: EVENTS_FILE.exec(name) }))
          .filter(({ m }) => m && `${m[1]}-${m[2]}` >= firstMonth)
          .map(({ name }) => name)
          .sort();
        for (const name of files) {
          const lines = createInterface({
            input: createReadStream(join(dir, name), "utf8"),
            crlfDelay: Number.POSITIVE_INFINITY,
          });
          for await (const line of lines) {
            if (line === "") continue;
            const event = parseUsageEventLine(line);
            if (!event) damaged++;
            else if (event.at >= from) out.push(event);
          }
        }
      } catch (err) {
        throw new StoreError(`cannot read the events in ${dir}: ${(err as Error).message}`, "STORE_IO", { cause: err });
      }
      if (damaged > 0) logger.warn(`store: skipped ${damaged} damaged line(s) in the events files in ${dir}`);
      // Files are in month order, lines in write order; clocks and batching make that nearly sorted.
      return out.sort((a, b) => a.at - b.at);
    },
    status: () => ({ mode: "file", ok: true }),
    async close() {
      values.clear();
      await Promise.all([claimsFile.close(), ...[...eventFiles.values()].map((f) => f.close())]);
      eventFiles.clear();
    },
  };
}

/** The key in `path`, made (random, readable by the bot's user only) when there is none yet. */
function readOrMakeKey(path: string): Buffer {
  try {
    const hex = readFileSync(path, "utf8").trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, "hex");
    // Empty: made, then the write failed (a full disk) or the process died; it never held a key, so make one now.
    if (hex === "") rmSync(path, { force: true });
    else throw new StoreError(`${path} does not hold a key (64 hex digits); delete it to make a new one`, "STORE_IO");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`cannot read ${path}: ${(err as Error).message}`, "STORE_IO", { cause: err });
    }
  }
  const key = randomBytes(32);
  try {
    // "wx": never over a key another process has just made.
    writeFileSync(path, `${key.toString("hex")}\n`, { mode: DATA_FILE_MODE, flag: "wx" });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return readOrMakeKey(path);
    throw new StoreError(`cannot write ${path}: ${(err as Error).message}`, "STORE_IO", { cause: err });
  }
}

/** Load persisted claims into memory; returns how many lines were damaged (e.g. a torn last line). */
function replayClaims(path: string, claims: ReturnType<typeof createClaims>): number {
  if (!existsSync(path)) return 0;
  let damaged = 0;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === "object" && value !== null && "key" in value && typeof value.key === "string")
        claims.restore(value.key);
      else damaged++;
    } catch {
      damaged++;
    }
  }
  return damaged;
}
