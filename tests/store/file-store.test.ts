/** The default store: memory plus JSON-lines files in DATA_DIR, replayed across restarts. */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createStore } from "../../src/store/create-store.js";
import { CLAIMS_FILE, createFileStore, eventsFileName, HASH_KEY_FILE } from "../../src/store/file-store.js";
import type { UsageEvent } from "../../src/store/store.js";
import { captureLogger } from "./support/capture-logger.js";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "whodoes-store-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const JAN = Date.UTC(2025, 0, 31, 23, 59);
const FEB = Date.UTC(2025, 1, 1, 0, 1);
const asked = (at: number, intent = "who_does", role = "database-administrator"): UsageEvent => ({
  type: "asked",
  at,
  platform: "slack",
  intent,
  role,
});

describe("file store", () => {
  it("creates the data directory, and claims once", async () => {
    const dir = join(tempDir(), "nested", "data");
    const store = createFileStore({ dir });
    expect(existsSync(dir)).toBe(true);
    expect(await store.claimOnce("a", 1000)).toBe(true);
    expect(await store.claimOnce("a", 1000)).toBe(false);
    expect(await store.claimOnce("b")).toBe(true);
    expect(await store.claimOnce("b")).toBe(false);
    await store.close();
  });

  it("gives exactly one of many concurrent claims", async () => {
    const store = createFileStore({ dir: tempDir() });
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claimOnce("welcome:u1")));
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.close();
  });

  it("lets a ttl claim expire (injected clock)", async () => {
    let t = 1_000_000;
    const store = createFileStore({ dir: tempDir(), now: () => t });
    expect(await store.claimOnce("slack:event:Ev1", 30 * 60_000)).toBe(true);
    t += 30 * 60_000 - 1;
    expect(await store.claimOnce("slack:event:Ev1", 30 * 60_000)).toBe(false);
    t += 1;
    expect(await store.claimOnce("slack:event:Ev1", 30 * 60_000)).toBe(true);
    await store.close();
  });

  it("remembers welcomes (claims without ttl) across a restart, but not ttl claims", async () => {
    const dir = tempDir();
    const first = createFileStore({ dir });
    expect(await first.claimOnce("teams:welcome:29:abc")).toBe(true);
    expect(await first.claimOnce("slack:event:Ev1", 60_000)).toBe(true);
    await first.close();

    const second = createFileStore({ dir });
    expect(await second.claimOnce("teams:welcome:29:abc")).toBe(false);
    // De-duplication claims live in memory: a restart outlasts Slack's retries anyway.
    expect(await second.claimOnce("slack:event:Ev1", 60_000)).toBe(true);
    expect(await second.claimOnce("teams:welcome:29:new")).toBe(true);
    await second.close();
    expect(readFileSync(join(dir, CLAIMS_FILE), "utf8").trim().split("\n")).toHaveLength(2);
  });

  it("remembers values in memory for their ttl, writing nothing to the data directory", async () => {
    const dir = tempDir();
    const store = createFileStore({ dir });
    await store.remember("conversation:web:s1", '{"roles":["data-architect"]}', 60_000);
    expect(await store.recall("conversation:web:s1")).toBe('{"roles":["data-architect"]}');
    await store.close();
    const second = createFileStore({ dir });
    expect(await second.recall("conversation:web:s1")).toBeUndefined();
    await second.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("persists events and replays them in a new instance, by time window", async () => {
    const dir = tempDir();
    const first = createFileStore({ dir });
    await Promise.all([first.record(asked(JAN)), first.record(asked(FEB, "describe_role", "data-manager"))]);
    // Readable in the same process before close (pending writes are flushed first).
    expect(await first.events(new Date(0))).toHaveLength(2);
    await first.close();

    const second = createFileStore({ dir });
    expect(await second.events(new Date(0))).toEqual([asked(JAN), asked(FEB, "describe_role", "data-manager")]);
    expect(await second.events(new Date(FEB))).toEqual([asked(FEB, "describe_role", "data-manager")]);
    expect(await second.events(new Date(FEB + 1))).toEqual([]);
    await second.close();
    // One file per month, so a week's report reads one or two files.
    expect(readdirSync(dir).sort()).toEqual([eventsFileName(JAN), eventsFileName(FEB)].sort());
    expect(eventsFileName(JAN)).toBe("events-2025-01.jsonl");
  });

  it("keeps the files to the bot's user (they may hold question text)", async () => {
    const dir = tempDir();
    const store = createFileStore({ dir });
    await store.record(asked(JAN));
    await store.claimOnce("w");
    await store.close();
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
  });

  it("skips damaged lines (a torn write, a foreign line) with one warning", async () => {
    const dir = tempDir();
    appendFileSync(
      join(dir, eventsFileName(JAN)),
      `${JSON.stringify(asked(JAN))}\n{"type":"asked","at":\nnot json\n{"type":"nope"}\n`,
    );
    appendFileSync(join(dir, CLAIMS_FILE), `{"key":"w1","at":1}\n{"key":\n`);
    const logger = captureLogger();
    const store = createFileStore({ dir, logger });
    expect(await store.claimOnce("w1")).toBe(false);
    expect(await store.events(new Date(0))).toEqual([asked(JAN)]);
    expect(logger.at("warn")).toEqual([
      expect.stringMatching(/skipped 1 damaged line\(s\) in .*claims\.jsonl/),
      expect.stringMatching(/skipped 3 damaged line\(s\) in the events files/),
    ]);
    await store.close();
  });

  it("makes the hash key again over an empty hash-key file (its write cut short by a full disk), rather than refuse for good", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, HASH_KEY_FILE), "");
    const store = createFileStore({ dir });
    const key = await store.hashKey();
    expect(key).toHaveLength(32);
    expect(readFileSync(join(dir, HASH_KEY_FILE), "utf8").trim()).toBe(key.toString("hex"));
    await store.close();
    // A file that holds something else is not a key to replace: it is refused, as before.
    writeFileSync(join(dir, HASH_KEY_FILE), "not a key\n");
    await expect(createFileStore({ dir }).hashKey()).rejects.toThrow(/does not hold a key/);
  });

  it("is what the factory gives without REDIS_URL", async () => {
    const dir = join(tempDir(), "data");
    const logger = captureLogger();
    const store = await createStore({ dataDir: dir, logger });
    await store.record(asked(JAN));
    await store.close();
    expect(existsSync(join(dir, eventsFileName(JAN)))).toBe(true);
    expect(logger.at("info")).toEqual([`store: keeping state in ${dir}`]);
  });
});
