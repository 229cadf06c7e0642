/** The `whodoes` CLI contract, run as a child process exactly as a user or a script would. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { askBatch } from "../../src/adapters/cli/ask.js";
import { createWhodoes, DEFAULT_INTENTS_DIR, loadKnowledge } from "../../src/core/index.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

const BIN = fileURLToPath(new URL("../../bin/whodoes.js", import.meta.url));
const run = (args: string[], input?: string, env: Record<string, string> = {}, cwd?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", env: { ...process.env, ...env }, timeout: 20_000, cwd });

/**
 * `whodoes ask QUESTION` once the knowledge is cached, with a module hook that names every module the process loads
 * whose address matches `pattern`: those addresses, each once.
 */
function askLoading(pattern: RegExp, question: string) {
  const dir = mkdtempSync(join(tmpdir(), "whodoes-loading-"));
  try {
    const hook = join(dir, "hook.mjs");
    writeFileSync(
      hook,
      `export async function resolve(s, c, next) { const r = await next(s, c); if (${pattern}.test(r.url)) console.error("LOADED " + r.url); return r; }`,
    );
    const register = join(dir, "register.mjs");
    writeFileSync(register, `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hook).href)});`);
    expect(run(["ask", question]).status).toBe(0); // fills the cache
    const r = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, BIN, "ask", question], {
      encoding: "utf8",
      timeout: 20_000,
    });
    const loaded = r.stderr.split("\n").flatMap((l) => (l.startsWith("LOADED ") ? [l.slice("LOADED ".length)] : []));
    return { r, loaded: [...new Set(loaded)] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("whodoes CLI", () => {
  it("ask prints the plain-text answer", () => {
    const r = run(["ask", "who restores a dropped table?"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Database administrator/);
    expect(r.stderr).toBe("");
  });

  it("ask, once the knowledge is cached, loads neither the YAML nor the schema library (its cold start)", () => {
    const { r, loaded } = askLoading(/\/node_modules\/(yaml|zod)\//, "who restores a dropped table?");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Database administrator/);
    expect(loaded).toEqual([]);
  });

  it("ask runs from the bundle: a few of the project's files load, not the modules it is built from", () => {
    // A misspelt word: the spelling corrector reads its list of common English words from src/, bundled or not.
    const { r, loaded } = askLoading(/\/dist\/(cli|src)\//, "who restores a dropped tabel?");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Database administrator/);
    expect(loaded.length).toBeGreaterThan(0);
    expect(
      loaded.every((url) => url.includes("/dist/cli/")),
      loaded.join("\n"),
    ).toBe(true);
    expect(loaded.length).toBeLessThan(15);
  });

  it("ask --json prints exactly one JSON object with the contract fields", () => {
    const r = run(["ask", "--json", "who restores a dropped table?"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] ?? "");
    expect(out.intent).toBe("who_does");
    expect(out.roles[0]).toEqual({ id: "database-administrator", score: expect.any(Number) });
    for (const role of out.roles) {
      expect(role.score).toBeGreaterThanOrEqual(0);
      expect(role.score).toBeLessThanOrEqual(1);
    }
    expect(typeof out.text).toBe("string");
  });

  it("puts the compared roles first, and the asked-about role first for collaboration", () => {
    const compare = JSON.parse(run(["ask", "--json", "data manager vs dba"]).stdout);
    expect(compare.intent).toBe("compare_roles");
    expect(compare.roles.slice(0, 2).map((r: { id: string }) => r.id)).toEqual(["data-manager", "database-administrator"]);
    const collab = JSON.parse(run(["ask", "--json", "who does the architect work with"]).stdout);
    expect(collab.intent).toBe("collaboration");
    expect(collab.roles[0].id).toBe("data-architect");
  });

  it("names the department another department's matter is for, when the knowledge names it", () => {
    const printer = JSON.parse(run(["ask", "--json", "who fixes the office printer?"]).stdout);
    expect([printer.intent, printer.department, printer.roles]).toEqual(["out_of_scope", "the IT help desk", []]);
    expect(printer.text).toMatch(/one for the IT help desk, not the data team/);
    // A matter no named department holds gets the plain answer, with no department.
    const weather = JSON.parse(run(["ask", "--json", "what's the weather like tomorrow?"]).stdout);
    expect([weather.intent, weather.department]).toEqual(["out_of_scope", undefined]);
  });

  it("answers one question per stdin line, one JSON object per line", () => {
    const r = run(["ask", "--json"], "who owns the etl\nencryption\nwhat time is the all-hands?\n");
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.intent)).toEqual(["who_does", "who_does", "out_of_scope"]);
  });

  it("writes nothing a terminal obeys from what was asked: escapes, C1 controls and bidi overrides in questions read from a file", () => {
    // Each of several questions is quoted as its heading; these would retitle the terminal, clear it and reverse the line.
    const asked = "who restores a dropped \u001b]0;pwned\u0007table? and who designs the \u009b2J\u202eschema?";
    const obeyed = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
    for (const r of [run(["ask", asked]), run(["ask"], `${asked}\n`), run(["chat"], `${asked}\n`)]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/1\. who restores a dropped .*table\?/);
      expect(r.stdout).not.toMatch(obeyed);
    }
    // --json escapes them instead, so a script still reads exactly what was asked.
    const json = run(["ask", "--json", asked]);
    expect(json.stdout).not.toMatch(obeyed);
    const parts = (JSON.parse(json.stdout) as { parts: { question: string }[] }).parts;
    expect(parts.map((p) => p.question).join(" ")).toBe(asked);
  });

  it("says how to type questions when ask has none and reads a terminal, and nothing when it reads a pipe", async () => {
    // In process: a child's standard input can be a pipe here, never a terminal.
    const said = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const whodoes = createWhodoes(loadKnowledge());
      for (const isTTY of [true, false]) await askBatch(whodoes, Object.assign(new PassThrough().end(), { isTTY }), false);
      expect(said.mock.calls.map(([text]) => text)).toEqual([
        'whodoes: type one question a line, Ctrl-D to end (or ask one: whodoes ask "who restores a dropped table?")\n',
      ]);
    } finally {
      said.mockRestore();
    }
  });

  it("answers a pasted bullet list as a question, not as an unknown option", () => {
    const r = run(["ask", "--json", "- who runs backups?\n- who writes the ETL?"]);
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.parts.map((p: { roles: { id: string }[] }) => p.roles[0]?.id)).toEqual([
      "database-administrator",
      "data-warehouse-engineer",
    ]);
    // A real option is still one, and a mistyped one still a usage mistake.
    expect(run(["ask", "-x"]).status).toBe(2);
  });

  it("lists roles, explains itself, and rejects unknown commands and flags with exit 2 on stderr", () => {
    expect(run(["roles"]).stdout).toMatch(/database-administrator/);
    expect(run(["--help"]).stdout).toMatch(/Usage:/);
    // Its example reviews a suggestion before applying it: with nothing to suggest, git apply would fail.
    expect(run(["--help"]).stdout).not.toMatch(/&& git apply/);
    for (const args of [["frobnicate"], ["ask", "--nope", "x"], []]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/Usage:/);
    }
  });

  it("refuses an option its command does not read, rather than ignore it: chat --json prints no text a script takes for JSON", () => {
    const cases: [string[], string][] = [
      [["chat", "--json"], "--json goes with ask, roles, compare or report, not chat"],
      [["onboard", "dba", "--json"], "--json goes with ask, roles, compare or report, not onboard"],
      [["ask", "--since", "7d", "who restores a dropped table?"], "--since goes with report, not ask"],
      [["roles", "--data-dir", "/tmp"], "--data-dir goes with report, not roles"],
    ];
    for (const [args, said] of cases) {
      const r = run(args, "");
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n")[0]).toBe(`whodoes: ${said}`);
    }
  });

  it("takes the knowledge from --intents or INTENTS_DIR, and reports a broken file without a stack trace", () => {
    const copy = copyKnowledge();
    try {
      copy.edit("roles/data-manager.yaml", (t) => t.replace("  - role: data-architect\n", "  - role: nobody\n"));
      for (const r of [run(["ask", "--intents", copy.dir, "hi"]), run(["ask", "hi"], undefined, { INTENTS_DIR: copy.dir })]) {
        expect(r.status).toBe(1);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(/data-manager\.yaml:\d+: works_with names an unknown role "nobody"/);
        expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
      }
    } finally {
      copy.remove();
    }
  });

  it("reads INTENTS_DIR from a .env in the working directory, as npm start does; the environment wins", () => {
    const copy = copyKnowledge();
    try {
      copy.edit("roles/database-administrator.yaml", (t) => t.replace("name: Database administrator", "name: Database guardian"));
      writeFileSync(join(copy.dir, ".env"), `INTENTS_DIR=${copy.dir}\n`);
      expect(run(["ask", "what does a dba do"], undefined, {}, copy.dir).stdout).toMatch(/^Database guardian/);
      const set = run(["ask", "what does a dba do"], undefined, { INTENTS_DIR: DEFAULT_INTENTS_DIR }, copy.dir);
      expect(set.stdout).toMatch(/^Database administrator/);
    } finally {
      copy.remove();
    }
  });

  it("never answers from a stale knowledge cache after an edit", () => {
    const copy = copyKnowledge();
    try {
      expect(run(["ask", "--intents", copy.dir, "what does a dba do"]).stdout).toMatch(/^Database administrator/);
      copy.edit("roles/database-administrator.yaml", (t) => t.replace("name: Database administrator", "name: Database guardian"));
      expect(run(["ask", "--intents", copy.dir, "what does a dba do"]).stdout).toMatch(/^Database guardian/);
      copy.edit("roles/database-administrator.yaml", (t) => t.replace("name: Database guardian", "name: [broken"));
      expect(run(["ask", "--intents", copy.dir, "what does a dba do"]).status).toBe(1);
    } finally {
      copy.remove();
    }
  });

  it("keeps its caches in CACHE_DIR, and the tests' own in a temporary folder", () => {
    // The global setup (tests/helpers/temporary-state.ts) points every CLI a test starts away from node_modules.
    expect(process.env.CACHE_DIR?.startsWith(tmpdir())).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "whodoes-cache-dir-"));
    try {
      const cache = join(dir, "made", "by", "the", "cli");
      expect(run(["ask", "who restores a dropped table?"], undefined, { CACHE_DIR: cache }).stdout).toMatch(
        /^Database administrator/,
      );
      const files = readdirSync(cache);
      expect(files).toContain("stems.json");
      expect(files.filter((f) => /^[0-9a-f]{16}\.json$/.test(f))).toHaveLength(1);
      // An unusable cache folder only costs time.
      const blocked = join(dir, "a-file");
      writeFileSync(blocked, "");
      const r = run(["ask", "who restores a dropped table?"], undefined, { CACHE_DIR: blocked });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Database administrator/);
      expect(r.stderr).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("walks the onboarding tour by number in the console", () => {
    const r = run(["onboard", "dba"], "1\n1\nquit\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/step 1 of 6/i);
    expect(r.stdout).toMatch(/step 2 of 6/i);
  });

  it("reads a role's abbreviation in onboard as ask reads it: mgr is the data manager", () => {
    expect(JSON.parse(run(["ask", "--json", "what does a data mgr do"]).stdout).roles[0].id).toBe("data-manager");
    const r = run(["onboard", "mgr"], "");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Data manager: At a glance/);
    expect(r.stdout).not.toMatch(/Database administrator/);
  });

  it("refuses an unknown role in onboard and compare, and says a neighbouring job is not one of the roles", () => {
    for (const args of [
      ["onboard", "foo"],
      ["compare", "foo"],
    ]) {
      const r = run(args, "");
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unknown role "foo"/);
      expect(r.stdout).toBe("");
    }
    const bi = run(["onboard", "bi developer"], "");
    expect(bi.status).toBe(2);
    expect(bi.stderr).toMatch(/a BI developer is not one of the four data roles here/);
    expect(bi.stdout).not.toMatch(/At a glance/);
  });

  it("ends quietly when its reader closes stdout early (EPIPE), as in `whodoes onboard manager | head -1`", async () => {
    const child = spawn(process.execPath, [BIN, "onboard", "manager"], { stdio: ["ignore", "pipe", "pipe"] });
    // Closed before the CLI writes a byte, so its first write fails with EPIPE every time.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("npm run explain", () => {
  const EXPLAIN = fileURLToPath(new URL("../../dist/scripts/explain.js", import.meta.url));
  const explain = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [EXPLAIN, ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 20_000 });

  it("takes the knowledge from --intents, as whodoes does, and reports a broken file in one line", () => {
    const copy = copyKnowledge();
    try {
      copy.edit("roles/database-administrator.yaml", (t) =>
        t.replace("      - backups\n", "      - backups\n      - zorble vaults\n"),
      );
      const r = explain(["--intents", copy.dir, "who looks after the zorble vaults?"]);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(/> --intents/);
      expect(r.stdout).toMatch(/=> who_does database-administrator/);
      copy.edit("roles/data-manager.yaml", (t) => t.replace("  - role: data-architect\n", "  - role: nobody\n"));
      for (const broken of [explain(["--intents", copy.dir, "hi"]), explain(["hi"], { INTENTS_DIR: copy.dir })]) {
        expect(broken.status).toBe(1);
        expect(broken.stderr).toMatch(
          /^explain: knowledge error in .*data-manager\.yaml:\d+: works_with names an unknown role "nobody" \(known: .*\)\n$/,
        );
      }
      expect(explain([]).status).toBe(2);
    } finally {
      copy.remove();
    }
  });
});
