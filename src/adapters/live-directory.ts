/**
 * Who holds a role right now, from live sources (a PagerDuty schedule, a Slack user group), added to the
 * "In your organisation" blocks of an answer just before it is sent.
 *
 * A source must never hold an answer up: every lookup for one answer shares one budget (LIVE_BUDGET_MS).
 * A value read within the last `freshMs` comes from the store (so instances sharing a Redis share it);
 * an older one is read again, and if that read is late or fails, the last known value is shown with its
 * age, or nothing beyond the static entry. A read that outlives the budget goes on in the background (up
 * to LIVE_READ_TIMEOUT_MS) and refreshes the store for the next answer; one read per value at a time.
 */
import type { Answer, Block, Contacts, LiveContact, LivePerson } from "../core/index.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import type { Store } from "../store/store.js";

/** The most an answer waits for its live sources, all together: a person should not notice it. */
export const LIVE_BUDGET_MS = 300;
/** A read gives up after this; it refreshes the store for later answers even when this one went without it. */
export const LIVE_READ_TIMEOUT_MS = 3_000;
/** The last known value is kept this long, to show (with its age) while a source is failing. */
export const LIVE_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** After a failed read, a source is not asked again for this long (answers show the last known value). */
export const LIVE_RETRY_AFTER_MS = 30_000;
/** People one lookup shows: a user group can be large, and a line of 200 mentions helps nobody. */
export const LIVE_PEOPLE_SHOWN = 10;

/** One thing a source reads for a role: a schedule, a group. */
export interface LiveLookup {
  /** Its id within the source (a schedule id): the cache key. */
  key: string;
  /** What the answer calls it, e.g. "On call now (DBA on-call)". */
  label: string;
}

export interface LiveSource {
  /** Short and stable, for cache keys and logs: "pagerduty", "slack-group". */
  readonly name: string;
  /** How long a value read counts as current. */
  readonly freshMs: number;
  /** What this source reads for a role with these contacts (its section of directory.yaml). */
  lookups(contacts: Contacts): LiveLookup[];
  /** Read one lookup now. Rejects on failure; must stop when `signal` aborts. */
  read(key: string, signal: AbortSignal): Promise<LivePerson[]>;
}

export interface LiveDirectory {
  /** The answer with each people block's live contacts, within the budget. */
  addTo(answer: Answer): Promise<Answer>;
  /** The same directory (its store, reads in flight) with more sources, e.g. a platform's own. */
  with(...sources: LiveSource[]): LiveDirectory;
}

export interface LiveDirectoryOptions {
  store: Store;
  sources?: readonly LiveSource[];
  logger?: Logger;
  now?: () => number;
  /** Default LIVE_BUDGET_MS. */
  budgetMs?: number;
  /** Default LIVE_READ_TIMEOUT_MS. */
  readTimeoutMs?: number;
}

interface Kept {
  people: LivePerson[];
  at: number;
}

const isPerson = (p: unknown): p is LivePerson => typeof p === "object" && p !== null && !Array.isArray(p);

function parseKept(raw: string | undefined): Kept | undefined {
  if (raw === undefined) return undefined;
  try {
    const v = JSON.parse(raw) as { people?: unknown; at?: unknown };
    return Array.isArray(v.people) && typeof v.at === "number" ? { people: v.people.filter(isPerson), at: v.at } : undefined;
  } catch {
    return undefined;
  }
}

/** "as of 5 minutes ago", "as of 3 hours ago", "as of 2 days ago". */
export function ageText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `as of ${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `as of ${hours} hour${hours === 1 ? "" : "s"} ago`;
  return `as of ${Math.round(hours / 24)} days ago`;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 200);

export function createLiveDirectory(options: LiveDirectoryOptions): LiveDirectory {
  const { store } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const budgetMs = options.budgetMs ?? LIVE_BUDGET_MS;
  const readTimeoutMs = options.readTimeoutMs ?? LIVE_READ_TIMEOUT_MS;
  // Shared by every directory made with `with`: one read per value at a time, one back-off per value.
  const reading = new Map<string, Promise<LivePerson[] | undefined>>();
  const failedAt = new Map<string, number>();

  /** Read now and keep what came back; undefined on failure (logged). */
  function refresh(source: LiveSource, lookup: LiveLookup, key: string): Promise<LivePerson[] | undefined> {
    const running = reading.get(key);
    if (running) return running;
    const last = failedAt.get(key);
    if (last !== undefined && now() - last < LIVE_RETRY_AFTER_MS) return Promise.resolve(undefined);
    const read = (async () => {
      try {
        const people = (await source.read(lookup.key, AbortSignal.timeout(readTimeoutMs))).slice(0, LIVE_PEOPLE_SHOWN);
        failedAt.delete(key);
        await store.remember(key, JSON.stringify({ people, at: now() } satisfies Kept), LIVE_KEEP_MS).catch(() => {});
        return people;
      } catch (err) {
        failedAt.set(key, now());
        logger.warn("live directory: a source could not be read; answers show its last known value or the static entry", {
          source: source.name,
          lookup: lookup.key,
          error: errorText(err),
        });
        return undefined;
      } finally {
        reading.delete(key);
      }
    })();
    reading.set(key, read);
    return read;
  }

  function make(sources: readonly LiveSource[]): LiveDirectory {
    async function lookupNow(
      source: LiveSource,
      lookup: LiveLookup,
      deadline: Promise<"late">,
    ): Promise<LiveContact | undefined> {
      const key = `live:${source.name}:${lookup.key}`;
      const kept = await Promise.race([store.recall(key).then(parseKept, () => undefined), deadline.then(() => undefined)]);
      if (kept && now() - kept.at < source.freshMs) return { label: lookup.label, people: kept.people };
      const read = await Promise.race([refresh(source, lookup, key), deadline]);
      if (Array.isArray(read)) return { label: lookup.label, people: read };
      return kept ? { label: lookup.label, people: kept.people, asOf: ageText(now() - kept.at) } : undefined;
    }

    async function addTo(answer: Answer): Promise<Answer> {
      const wanted = answer.blocks.map((b) =>
        b.type === "people" ? sources.flatMap((s) => s.lookups(b.contacts).map((l) => ({ source: s, lookup: l }))) : [],
      );
      if (wanted.every((w) => w.length === 0)) return answer;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), budgetMs);
      });
      try {
        const found = await Promise.all(wanted.map((w) => Promise.all(w.map((x) => lookupNow(x.source, x.lookup, deadline)))));
        const blocks = answer.blocks.map((b, i): Block => {
          const live = (found[i] ?? []).filter((c): c is LiveContact => c !== undefined);
          return b.type === "people" && live.length > 0 ? { ...b, live } : b;
        });
        return { ...answer, blocks };
      } finally {
        clearTimeout(timer);
      }
    }

    return { addTo, with: (...more) => make([...sources, ...more]) };
  }

  return make(options.sources ?? []);
}
