/**
 * `whodoes report`: what the bot failed to answer, which answers people disliked (and what they said
 * they should have been) and what is asked about most, read from the same store the server writes
 * (DATA_DIR files, or REDIS_URL). `--suggest` turns the corrections into a diff of intents/.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_DATA_DIR } from "../../config/paths.js";
import type { Knowledge } from "../../core/index.js";
import { type Logger, silentLogger } from "../../logging/logger.js";
import { createStore } from "../../store/create-store.js";
import { StoreError, type UsageEvent } from "../../store/store.js";
import { parseDuration } from "../../usage/duration.js";
import { buildReport } from "../../usage/report.js";
import { formatReport, terminalJson } from "../../usage/report-table.js";

/** The window when --since is not given. */
export const DEFAULT_REPORT_SINCE = "7d";

export interface ReportOptions {
  /** --since, e.g. "7d"; default DEFAULT_REPORT_SINCE. */
  since?: string;
  json: boolean;
  /** --data-dir, else DATA_DIR, else DEFAULT_DATA_DIR (<project>/data). */
  dataDir?: string;
  /** REDIS_URL: read the shared store instead of the files. */
  redisUrl?: string;
  /** --suggest: print proposed edits of the knowledge as a unified diff instead of the tables. */
  suggest?: () => Promise<Knowledge>;
  now?: () => number;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** The store's warnings as the command's own lines on stderr. */
const skippedLines = (stderr: (text: string) => void): Logger => ({
  ...silentLogger,
  warn: (msg) => stderr(`whodoes: ${msg.replace(/^store: /, "")}\n`),
});

/** A mistake in the command line (exit 2 with the usage). */
export class ReportArgumentError extends Error {}

/** Print the report; returns the exit code (1 when the store cannot be read). */
export async function runReport(options: ReportOptions): Promise<number> {
  const since = options.since ?? DEFAULT_REPORT_SINCE;
  const windowMs = parseDuration(since);
  if (windowMs === undefined) throw new ReportArgumentError(`--since takes a duration like 30m, 12h, 7d or 4w, not "${since}"`);
  const stdout = options.stdout ?? ((t: string) => process.stdout.write(t));
  const stderr = options.stderr ?? ((t: string) => process.stderr.write(t));
  const until = new Date((options.now ?? Date.now)());
  // Nothing was recorded before 1970: a longer window ("999999w") starts there, not in year -17139.
  const from = new Date(Math.max(0, until.getTime() - windowMs));

  let events: UsageEvent[] = [];
  const dir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  if (!options.redisUrl && !existsSync(dir)) {
    // Reading must not create the directory; an empty report says the same thing.
    stderr(`whodoes: nothing recorded yet (no data directory at ${dir})\n`);
  } else {
    try {
      const store = await createStore({
        dataDir: dir,
        requireConnection: true,
        readOnly: true,
        // The files' damaged lines, which the file store skips with a warning, are the maintainer's to know;
        // Redis's warnings are about serving, and its failure to answer is said below.
        ...(options.redisUrl ? { redisUrl: options.redisUrl } : { logger: skippedLines(stderr) }),
      });
      try {
        events = await store.events(from);
      } finally {
        await store.close();
      }
    } catch (err) {
      if (err instanceof StoreError) {
        stderr(`whodoes: cannot read the usage store: ${err.message}\n`);
        return 1;
      }
      throw err;
    }
  }

  if (options.suggest) {
    const { suggestEdits } = await import("../../usage/suggest.js");
    const { notes, patch, base } = suggestEdits(events, await options.suggest());
    if (options.json) stdout(`${JSON.stringify({ notes, patch })}\n`);
    else {
      // Lines before the first "---" are not part of the diff: `git apply` and `patch` skip them.
      const head = [`# whodoes report --suggest, from usage since ${from.toISOString().slice(0, 16).replace("T", " ")} UTC`];
      head.push(
        ...(notes.length > 0 ? notes : ["nothing to suggest: no corrections or unanswered questions recorded"]).map(
          (n) => `# ${n}`,
        ),
      );
      const where = base === process.cwd() ? "this directory" : base;
      if (patch) head.push(`# Review, then apply from ${where} with: git apply <this file>`);
      stdout(`${head.join("\n")}\n${patch ? `\n${patch}` : ""}`);
    }
    return 0;
  }
  const report = buildReport(events, { since: from, until });
  stdout(options.json ? `${terminalJson(report)}\n` : formatReport(report));
  return 0;
}
