/** `whodoes compare`: the text table within 80 columns, --json as data, --png/--svg pictures, a fifth role. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FIFTH, knowledgeWithFifthRole } from "../helpers/fifth-role.js";

const BIN = fileURLToPath(new URL("../../bin/whodoes.js", import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 30_000 });

describe("whodoes compare", () => {
  const dir = mkdtempSync(join(tmpdir(), "whodoes-compare-"));
  const copy = knowledgeWithFifthRole();
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    copy.remove();
  });

  it("prints every role side by side in an aligned table that fits 80 columns", () => {
    const r = run(["compare"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("The data roles side by side");
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/^Role +Data architect +Data manager +Data warehouse +Database$/m);
    expect(r.stdout).toMatch(/^Horizon +Design +Strategy +Build +Operate$/m);
  });

  it("puts the roles named first, and refuses an unknown one", () => {
    expect(run(["compare", "dba"]).stdout).toMatch(/^Role +Database +Data architect/m);
    const bad = run(["compare", "astronaut"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown role "astronaut"/);
  });

  it("--json gives the table as data", () => {
    const r = run(["compare", "--json", "--intents", copy.dir]);
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(Object.keys(t)).toEqual(["title", "corner", "columns", "rows"]);
    expect(t.columns.map((c: { id: string }) => c.id)).toContain(FIFTH.id);
    const question = t.rows.find((row: { aspect: string }) => row.aspect === "question");
    expect(question.cells).toContainEqual([FIFTH.question]);
  });

  it("--png and --svg write the picture; a path that cannot be written is one clear line", () => {
    const png = join(dir, "roles.png");
    const svg = join(dir, "roles.svg");
    const r = run(["compare", "--png", png, "--svg", svg, "--intents", copy.dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(readFileSync(svg, "utf8")).toContain(`>${FIFTH.name}</text>`);
    const bad = run(["compare", "--png", join(dir, "missing", "x.png")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^whodoes: cannot write .*x\.png: ENOENT\n$/);
    expect(run(["ask", "--png", png, "hello"]).status).toBe(2);
  });
});
