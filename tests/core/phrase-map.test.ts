import { describe, expect, it } from "vitest";
import { PhraseMap } from "../../src/core/understanding/analyzer.js";

describe("PhraseMap", () => {
  const map = new PhraseMap<string>();
  map.set(["data"], "data");
  map.set(["data", "model"], "data model");
  map.set(["data", "model", "review", "board"], "board");
  map.set(["backup"], "backup");

  it("finds the longest phrase at each word, without overlaps", () => {
    const found = [...map.matches(["the", "data", "model", "review", "data", "model", "backup"])];
    expect(found).toEqual([
      { start: 1, end: 3, value: "data model" },
      { start: 4, end: 6, value: "data model" },
      { start: 6, end: 7, value: "backup" },
    ]);
  });

  it("falls back to a shorter phrase when a longer one is only begun", () => {
    expect([...map.matches(["data", "model", "review"])]).toEqual([{ start: 0, end: 2, value: "data model" }]);
    expect([...map.matches(["data", "model", "review", "board"])]).toEqual([{ start: 0, end: 4, value: "board" }]);
  });

  it("looks up exact phrases only", () => {
    expect(map.get(["data", "model"])).toBe("data model");
    expect(map.has(["data", "model", "review"])).toBe(false);
    expect(map.get([])).toBeUndefined();
    expect(map.get(["model"])).toBeUndefined();
  });
});
