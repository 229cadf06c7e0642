/**
 * Issue 16, item 7: what the bot stores from outside is data, never terminal commands. A feedback vote is
 * recorded only with an intent and a role the bot knows (a button's value comes back from the client and can
 * be anything); and `whodoes report`, reading whatever the store holds (an older version's lines, a file
 * someone edited), prints no control character that came from there.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { eventsFileName } from "../../src/store/file-store.js";
import { startTestServer } from "./support/server.js";

const BIN = fileURLToPath(new URL("../../bin/whodoes.js", import.meta.url));
const report = (dataDir: string, args: string[] = []) =>
  spawnSync(process.execPath, [BIN, "report", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, REDIS_URL: undefined },
    timeout: 20_000,
  });

/** C0 and C1 control characters, DEL, and bidi overrides (newlines are taken out first: they end lines). */
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const printed = (stdout: string) => stdout.replace(/\n/g, "");
/** Clear the screen, set the window title, ring the bell. */
const ESCAPES = "\u001b[2J\u001b]0;pwned\u0007\u009b31m";

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const vote = (url: string, ref: Record<string, unknown>) =>
  fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action: { do: "feedback", ...ref } }),
  });

it("a vote naming an unknown or hostile role is not stored; a real one is", async () => {
  dataDir = mkdtempSync(join(tmpdir(), "whodoes-stored-"));
  const server = await startTestServer({ DATA_DIR: dataDir });
  try {
    expect((await vote(server.url, { vote: "down", intent: "who_does", role: `x${ESCAPES}` })).status).toBe(400);
    // A well-formed id that no role has: thanked (the person did nothing wrong), not stored.
    expect((await vote(server.url, { vote: "down", intent: "who_does", role: "no-such-role" })).status).toBe(200);
    expect((await vote(server.url, { vote: "down", intent: "who_does", role: "database-administrator" })).status).toBe(200);
  } finally {
    await server.stop();
  }
  const stored = readdirSync(dataDir)
    .filter((f) => f.startsWith("events-"))
    .map((f) => readFileSync(join(dataDir as string, f), "utf8"))
    .join("");
  const votes = stored
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; role?: string });
  expect(votes.filter((v) => v.type === "feedback").map((v) => v.role)).toEqual(["database-administrator"]);
  expect(stored).not.toContain("pwned");
});

it("whodoes report prints no control character from the store, in text or JSON", () => {
  dataDir = mkdtempSync(join(tmpdir(), "whodoes-stored-"));
  const at = Date.now() - 60_000;
  const lines = [
    { type: "feedback", at, platform: "web", vote: "down", intent: `who_does${ESCAPES}`, role: `dba${ESCAPES}` },
    { type: "asked", at, platform: `slack${ESCAPES}`, intent: "who_does", role: `dba${ESCAPES}` },
    {
      type: "unanswered",
      at,
      platform: "teams",
      reason: "out_of_scope",
      intent: "out_of_scope",
      hash: "a".repeat(64),
      terms: [`backup${ESCAPES}`],
      question: `where is the coffee?${ESCAPES}\u202eevil`,
    },
  ];
  appendFileSync(join(dataDir, eventsFileName(at)), lines.map((l) => `${JSON.stringify(l)}\n`).join(""));

  const text = report(dataDir);
  expect(text.status, text.stderr).toBe(0);
  expect(text.stdout).toMatch(/who_does/);
  expect(text.stdout).toMatch(/dba/);
  expect(printed(text.stdout)).not.toMatch(CONTROL);

  const json = report(dataDir, ["--json"]);
  expect(json.status, json.stderr).toBe(0);
  expect(printed(json.stdout)).not.toMatch(CONTROL);
  // Still the same data for a script: the characters are escaped, not lost.
  expect(JSON.parse(json.stdout).disliked[0].role).toBe(`dba${ESCAPES}`);
});
