/** The dependency rule: adapters -> render -> core, and each SDK imported in exactly one folder. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}
const imports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1] ?? "");
const all = files(SRC).map((f) => ({ file: relative(SRC, f), imports: imports(f) }));

describe("architecture", () => {
  it("core imports nothing from render, adapters, server or any platform SDK", () => {
    for (const { file, imports: imps } of all.filter((f) => f.file.startsWith("core/")))
      for (const i of imps) expect(`${file}: ${i}`).not.toMatch(/\/(render|adapters|server|store)\/|@slack\/|botbuilder|express/);
  });
  it("render imports only core", () => {
    for (const { file, imports: imps } of all.filter((f) => f.file.startsWith("render/")))
      for (const i of imps) expect(`${file}: ${i}`).not.toMatch(/\/(adapters|server)\/|@slack\/bolt|botbuilder/);
  });
  it("@slack/bolt only under adapters/slack, botbuilder only under adapters/teams", () => {
    for (const { file, imports: imps } of all) {
      if (imps.some((i) => i.startsWith("@slack/"))) expect(file).toMatch(/^adapters\/slack\//);
      if (imps.some((i) => i.startsWith("botbuilder"))) expect(file).toMatch(/^adapters\/teams\//);
    }
  });
  it("only the entry points read process.env (the server's main passes it to its config schema)", () => {
    for (const { file } of all) {
      const text = readFileSync(join(SRC, file), "utf8");
      if (/process\.env\b/.test(text)) expect(file).toMatch(/^(server\/(config|main)\.ts|adapters\/cli\/main\.ts)$/);
    }
  });
});
