import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { stem, stemsSoFar } from "../../src/core/understanding/analyzer.js";
import { loadStems, saveStems } from "../../src/core/understanding/stem-cache.js";

describe("the stems the CLI keeps between runs", () => {
  const dir = mkdtempSync(join(tmpdir(), "whodoes-stems-"));
  const file = join(dir, "cache", "stems.json");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  createWhodoes(loadKnowledge());

  it("keeps the stems a run worked out and gives them to the next run of the same build", () => {
    saveStems(0, file);
    const kept = JSON.parse(readFileSync(file, "utf8")) as { key: string; stems: [string, string][] };
    expect(kept.stems).toContainEqual(["restores", "restor"]);
    // A stem only the file knows shows that the next run takes its stems from it.
    writeFileSync(file, JSON.stringify({ key: kept.key, stems: [...kept.stems, ["zyxwvutsr", "zyx"]] }));
    expect(loadStems(file)).toBe(kept.stems.length + 1);
    expect(stem("zyxwvutsr")).toBe("zyx");
  });

  it("writes nothing when the run worked out no stem it was not given", () => {
    const before = statSync(file).mtimeMs;
    saveStems(stemsSoFar().length, file);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it("ignores another build's cache, a damaged one and one that is not word-stem pairs, and stems as usual", () => {
    const { key } = JSON.parse(readFileSync(file, "utf8")) as { key: string };
    writeFileSync(file, JSON.stringify({ key: "another build", stems: [["qwertyuiops", "q"]] }));
    expect(loadStems(file)).toBe(0);
    writeFileSync(file, "{ not json");
    expect(loadStems(file)).toBe(0);
    writeFileSync(file, JSON.stringify({ key, stems: [["qwertyuiops", 1]] }));
    expect(loadStems(file)).toBe(0);
    expect(stem("qwertyuiops")).toBe("qwertyuiop");
    expect(loadStems(join(dir, "missing.json"))).toBe(0);
  });
});
