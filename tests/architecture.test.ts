/**
 * The dependency rule, read from the imports: server -> adapters -> render/usage -> core/store ->
 * logging/config, each SDK in exactly one folder, and no two files importing each other.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, type ImportGraph, layerViolations, ROOT, readGraph, specifiers } from "./helpers/import-graph.js";

const graph = readGraph(["src", "scripts", "tests"]);
const src = [...graph].filter(([file]) => file.startsWith("src/"));

describe("architecture", () => {
  it("imports only run downwards: server -> adapters -> render/usage -> core/store -> logging/config", () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it("no two files import each other, directly or round a loop (scripts and tests included)", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("core imports no platform SDK nor the web framework, and render and usage no SDK", () => {
    for (const [file, specs] of src)
      for (const s of specs) {
        if (file.startsWith("src/core/")) expect(`${file}: ${s}`).not.toMatch(/: (@slack\/|botbuilder|botframework|express)/);
        if (/^src\/(render|usage)\//.test(file)) expect(`${file}: ${s}`).not.toMatch(/: (@slack\/|botbuilder|botframework)/);
      }
  });

  it("@slack/* only under adapters/slack, botbuilder only under adapters/teams", () => {
    for (const [file, specs] of src) {
      if (specs.some((s) => s.startsWith("@slack/"))) expect(file).toMatch(/^src\/adapters\/slack\//);
      if (specs.some((s) => /^(botbuilder|botframework-)/.test(s))) expect(file).toMatch(/^src\/adapters\/teams\//);
    }
  });

  it("only the entry points read process.env (and hand it to the configuration)", () => {
    for (const [file] of src)
      if (/process\.env\b/.test(readFileSync(join(ROOT, file), "utf8")))
        expect(file).toMatch(/^src\/(server\/(config|main)\.ts|adapters\/cli\/main\.ts)$/);
  });
});

describe("the checks themselves", () => {
  const fake = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it("reads type-only, re-exported and dynamic imports, but not commented-out ones", () => {
    expect(
      specifiers(
        'import type { A } from "./a.js";\nexport { B } from "./b.js";\nconst c = await import("./c.js");\n// import { D } from "./d.js";\n/* import("./e.js") */',
      ),
    ).toEqual(["./a.js", "./b.js", "./c.js"]);
  });

  it("catch an upward import, a sideways one, and one platform reaching into another", () => {
    expect(
      layerViolations(
        fake({
          "src/core/a.ts": ["../render/b.js"],
          "src/render/c.ts": ["../usage/d.js"],
          "src/adapters/slack/e.ts": ["../teams/f.js", "../platform.js", "../../core/g.js"],
          "src/server/h.ts": ["../adapters/slack/e.js"],
        }),
      ),
    ).toEqual([
      "src/core/a.ts -> src/render/b.ts",
      "src/render/c.ts -> src/usage/d.ts",
      "src/adapters/slack/e.ts -> src/adapters/teams/f.ts",
    ]);
  });

  it("catch two files importing each other and a longer loop", () => {
    expect(
      cycles(
        fake({
          "src/a.ts": ["./b.js"],
          "src/b.ts": ["./a.js"],
          "src/c.ts": ["./d.js"],
          "src/d.ts": ["./e.js"],
          "src/e.ts": ["./c.js"],
          "src/f.ts": ["./a.js"],
        }),
      ),
    ).toEqual([
      ["src/a.ts", "src/b.ts"],
      ["src/c.ts", "src/d.ts", "src/e.ts"],
    ]);
  });
});
