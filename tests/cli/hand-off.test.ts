/**
 * The command line has no triage channel: answers that need a person say whom to ask, from the directory;
 * and `whodoes report --suggest` prints the proposed knowledge fixes as a diff, after notes git ignores.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIRECTORY_FORMATS } from "../../src/adapters/platforms.js";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { createFileStore } from "../../src/store/file-store.js";
import { keepQuestion } from "../../src/usage/asked-questions.js";
import { recordingWhodoes } from "../../src/usage/recorder.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

const BIN = fileURLToPath(new URL("../../bin/whodoes.js", import.meta.url));
const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: undefined, REDIS_URL: undefined, INTENTS_DIR: undefined },
    timeout: 30_000,
  });

let copy: ReturnType<typeof copyKnowledge>;
let data: string;
beforeAll(async () => {
  copy = copyKnowledge();
  copy.write(
    "directory.yaml",
    "roles:\n  data-manager:\n    emails: [governance@hospital.example]\n    note: Ask on Thursdays.\n",
  );
  data = mkdtempSync(join(tmpdir(), "whodoes-suggest-"));
  // A correction as the server records it, with RECORD_QUESTIONS=true.
  const store = createFileStore({ dir: data });
  const bot = recordingWhodoes(createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS })), store, {
    platform: "web",
    recordQuestions: true,
  });
  const text = "who owns the epic clarity feed";
  const answer = bot.ask(text);
  const q = await keepQuestion(
    store,
    { text, platform: "web", intent: answer.intent, likely: [], terms: [], at: Date.now() },
    true,
  );
  bot.act({ do: "correct", intent: answer.intent, expected: "data-warehouse-engineer", q });
  await new Promise((r) => setTimeout(r, 100));
  await store.close();
});
afterAll(() => {
  copy.remove();
  rmSync(data, { recursive: true, force: true });
});

describe("the command line", () => {
  it("says whom to ask when an answer needs a person", () => {
    const r = run(["ask", "--intents", copy.dir, "when is the all-hands?"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Whom to ask:\nIn your organisation: governance@hospital.example. Ask on Thursdays.");
  });

  it("prints proposed edits of intents/ with report --suggest: notes first, then a unified diff", () => {
    const r = run(["report", "--suggest", "--data-dir", data, "--intents", copy.dir]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const [head, diff] = r.stdout.split("\n\n");
    expect(head?.split("\n").every((l) => l.startsWith("# "))).toBe(true);
    expect(head).toContain(
      '"who owns the epic clarity feed" (1x should be data-warehouse-engineer): "epic clarity feed" becomes a keyword of data-warehouse-engineer/etl',
    );
    expect(diff).toMatch(/^--- a\/.*roles\/data-warehouse-engineer\.yaml\n\+\+\+ b\/.*roles\/data-warehouse-engineer\.yaml\n@@ /);
    expect(diff).toContain("\n+      - epic clarity feed\n");
    expect(run(["ask", "--suggest", "x"]).status).toBe(2);
  });
});
