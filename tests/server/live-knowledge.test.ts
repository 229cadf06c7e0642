import { afterEach, describe, expect, it } from "vitest";
import type { LogFields } from "../../src/logging/logger.js";
import { createLiveKnowledge, type LiveKnowledge } from "../../src/server/live-knowledge.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

const lines: { level: string; msg: string; fields?: LogFields }[] = [];
const logger = {
  debug: (msg: string, fields?: LogFields) => lines.push({ level: "debug", msg, fields }),
  info: (msg: string, fields?: LogFields) => lines.push({ level: "info", msg, fields }),
  warn: (msg: string, fields?: LogFields) => lines.push({ level: "warn", msg, fields }),
  error: (msg: string, fields?: LogFields) => lines.push({ level: "error", msg, fields }),
};
const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

let copy: ReturnType<typeof copyKnowledge>;
let live: LiveKnowledge;
afterEach(() => {
  live?.close();
  copy?.remove();
  lines.length = 0;
});

describe("live knowledge", () => {
  it("picks up an edit to a role file while running", async () => {
    copy = copyKnowledge();
    live = createLiveKnowledge(copy.dir, logger);
    expect(live.whodoes.ask("what does a dba do").title).toBe("Database administrator");
    copy.edit("roles/database-administrator.yaml", (t) =>
      t.replace("name: Database administrator", "name: Database reliability engineer"),
    );
    await until(() => live.whodoes.ask("what does a dba do").title === "Database reliability engineer");
    expect(live.status().ok).toBe(true);
  });

  it("keeps the last good knowledge on a broken edit, logs what is wrong, and recovers on a fix", async () => {
    copy = copyKnowledge();
    live = createLiveKnowledge(copy.dir, logger, { watch: false });
    copy.edit("roles/data-manager.yaml", (t) => t.replace("  - role: data-architect\n", "  - role: nobody\n"));
    expect(live.reload()).toBe(false);
    expect(live.status()).toMatchObject({
      ok: false,
      error: expect.stringMatching(/data-manager\.yaml:\d+: works_with names an unknown role "nobody"/),
    });
    expect(lines.some((l) => l.level === "error" && /still answering from the last good version/.test(l.msg))).toBe(true);
    expect(live.whodoes.ask("who restores a dropped table").roles[0]?.id).toBe("database-administrator");
    copy.edit("roles/data-manager.yaml", (t) => t.replace("  - role: nobody\n", "  - role: data-architect\n"));
    expect(live.reload()).toBe(true);
    expect(live.status().ok).toBe(true);
  });
});
