/** `whodoes report`, run as a child process over a data directory prepared as the server leaves it. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { createFileStore } from "../../src/store/file-store.js";
import { questionHash } from "../../src/usage/question-hash.js";
import { recordingWhodoes } from "../../src/usage/recorder.js";

const BIN = fileURLToPath(new URL("../../bin/whodoes.js", import.meta.url));
const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: undefined, REDIS_URL: undefined, ...env },
    timeout: 20_000,
  });

const DAY = 86_400_000;
let root: string;
let dir: string;
/** The data directory's hash key, as the file store made it. */
let key: Buffer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "whodoes-report-"));
  dir = join(root, "data");
  // Usage recorded the way the server records it: the real core behind the recorder, a file store.
  const store = createFileStore({ dir });
  key = await store.hashKey();
  const core = createWhodoes(loadKnowledge());
  let at = Date.now() - 2 * DAY;
  const bot = recordingWhodoes(core, store, { platform: "slack", now: () => at });
  const teams = recordingWhodoes(core, store, { platform: "teams", recordQuestions: true, now: () => at });
  for (let i = 0; i < 3; i++) bot.ask("who restores a dropped table?");
  bot.ask("what time is the all-hands?");
  bot.ask("What time is the ALL-HANDS");
  teams.ask("where is the coffee machine?");
  bot.act({ do: "feedback", vote: "down", intent: "who_does", role: "database-administrator" });
  teams.act({ do: "feedback", vote: "down", intent: "who_does", role: "database-administrator" });
  bot.act({ do: "feedback", vote: "up", intent: "describe_role", role: "data-architect" });
  // Three weeks ago: only in a longer window.
  at = Date.now() - 21 * DAY;
  bot.ask("what time is the all-hands?");
  await new Promise((r) => setTimeout(r, 50));
  await store.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("whodoes report", () => {
  it("prints the last 7 days as tables by default", () => {
    const r = run(["report", "--data-dir", dir]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^whodoes usage from \d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(lines[1]).toBe("6 question(s): 3 answered, 3 unanswered or unsure; feedback: 1 up, 2 down, 0 correction(s)");
    expect(r.stdout).toContain(
      `      2  out of scope  #${questionHash("what time is the all-hands", key).slice(0, 12)}: (no known terms)`,
    );
    expect(r.stdout).toContain('      1  out of scope  "where is the coffee machine?"');
    expect(r.stdout).toContain("     2   0  who_does  database-administrator");
    expect(r.stdout).toMatch(/^ {6}3 {2}who_does$/m);
    expect(r.stdout).toMatch(/^ {6}3 {2}out_of_scope$/m);
    expect(r.stdout).toMatch(/^ {6}3 {2}database-administrator$/m);
    // Hashed by default: the Slack question's text is nowhere.
    expect(r.stdout).not.toMatch(/all-hands/i);
  });

  it("prints one JSON object with --json, over the window --since gives, reading DATA_DIR", () => {
    const week = run(["report", "--json"], { DATA_DIR: dir });
    expect(week.status).toBe(0);
    expect(week.stdout.trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(week.stdout);
    expect(report.totals).toEqual({ questions: 6, answered: 3, unanswered: 3, up: 1, down: 2, corrections: 0 });
    expect(report.unanswered[0]).toMatchObject({ hash: questionHash("what time is the all-hands", key), count: 2, terms: [] });
    expect(report.disliked).toEqual([{ intent: "who_does", role: "database-administrator", up: 0, down: 2 }]);
    expect(report.intents[0]).toEqual({ intent: "out_of_scope", count: 3 });

    const month = JSON.parse(run(["report", "--json", "--since", "4w", "--data-dir", dir]).stdout);
    expect(month.totals.questions).toBe(7);
    expect(month.unanswered[0]).toMatchObject({ count: 3 });
    const hour = JSON.parse(run(["report", "--json", "--since", "30m", "--data-dir", dir]).stdout);
    expect(hour.totals.questions).toBe(0);
  });

  it("starts a window longer than the records at 1970, not at a date it cannot print", () => {
    const r = run(["report", "--since", "999999w", "--data-dir", dir]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^whodoes usage from 1970-01-01 00:00 to \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    // Everything recorded, the question three weeks ago too.
    expect(r.stdout).toContain("7 question(s)");
  });

  it("rejects a bad window with exit 2 and the usage", () => {
    const r = run(["report", "--since", "a week", "--data-dir", dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--since takes a duration like 30m, 12h, 7d or 4w/);
    expect(r.stderr).toMatch(/Usage:/);
  });

  it("reports nothing, and creates nothing, when nothing was recorded", () => {
    const missing = join(root, "never");
    const r = run(["report", "--json", "--data-dir", missing]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.questions).toBe(0);
    expect(r.stderr).toMatch(/nothing recorded yet/);
    expect(existsSync(missing)).toBe(false);
  });

  it("counts the events it can read and says how many damaged lines it skipped", () => {
    const damaged = join(root, "damaged");
    mkdirSync(damaged);
    const good = JSON.stringify({ type: "asked", at: Date.now() - 60_000, platform: "web", intent: "who_does" });
    const torn = '{"type":"asked","at":';
    writeFileSync(join(damaged, `events-${new Date().toISOString().slice(0, 7)}.jsonl`), `${good}\ngarbage\n${torn}\n`);
    const r = run(["report", "--json", "--data-dir", damaged]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.questions).toBe(1);
    expect(r.stderr).toBe(`whodoes: skipped 2 damaged line(s) in the events files in ${damaged}\n`);
  });

  it("says in one line when the data directory's events cannot be read, without a stack trace", () => {
    const broken = join(root, "broken");
    // An events "file" that is a folder: the reader fails as on a folder it may not read.
    mkdirSync(join(broken, `events-${new Date().toISOString().slice(0, 7)}.jsonl`), { recursive: true });
    const r = run(["report", "--data-dir", broken]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^whodoes: cannot read the usage store: cannot read the events in .*broken: EISDIR/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("says in one line when Redis cannot be reached", () => {
    const r = run(["report"], { REDIS_URL: "redis://127.0.0.1:1" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^whodoes: cannot read the usage store: cannot reach Redis at 127\.0\.0\.1:1/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
