/**
 * Roles found by what is typed into a search box (Teams' message extension) or typed loosely for a
 * role ("whodoes onboard archit"): a part of a name, a neighbouring title, a task.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createWhodoes, loadKnowledge, type Whodoes } from "../../src/core/index.js";

let whodoes: Whodoes;
beforeAll(() => {
  whodoes = createWhodoes(loadKnowledge());
});
const found = (text: string) => whodoes.search(text).map((c) => [c.id, c.score] as const);

describe("the role search", () => {
  it("scores a part of a name by how close it is, and a loosely typed name means its role", () => {
    const [best, next] = found("archit");
    expect(best?.[0]).toBe("data-architect");
    expect(best?.[1]).toBeGreaterThan(0.5);
    expect(next === undefined || next[1] < (best?.[1] ?? 0)).toBe(true);
    expect(whodoes.resolveRole("archit")).toBe("data-architect");
  });

  it("takes no loose word for a role, nor a neighbouring job for its closest role", () => {
    for (const loose of ["why?", "yes", "hint", "foo", "lol", "intern", "ceo", "data"])
      expect(whodoes.resolveRole(loose)).toBeUndefined();
    expect(whodoes.resolveRole("bi developer")).toBeUndefined();
    expect(whodoes.resolveRole("tester")).toBeUndefined();
    expect(whodoes.resolveRole("manager")).toBe("data-manager");
    expect(whodoes.resolveRole("admin")).toBe("database-administrator");
  });

  it("lists a neighbouring title's closest role first, saying it stands in for a job not modelled here", () => {
    expect(found("data steward")[0]?.[0]).toBe("data-manager");
    const [closest] = whodoes.search("DPO");
    expect(closest?.id).toBe("data-manager");
    expect(closest?.score).toBeLessThan(0.5);
    expect(JSON.stringify(closest?.how)).toContain("A data protection officer is not one of the four data roles here");
  });

  it("finds a task's owner", () => {
    expect(found("restore dropped table")[0]?.[0]).toBe("database-administrator");
  });

  it("finds each owner of a search that asks several questions, each before any second role", () => {
    const ids = (text: string) => found(text).map(([id]) => id);
    expect(ids("who restores a dropped table and who designs the partitioning?").slice(0, 2)).toEqual([
      "database-administrator",
      "data-architect",
    ]);
    expect(ids("who builds the ETL pipelines? who sets the retention policy?").slice(0, 2)).toEqual([
      "data-warehouse-engineer",
      "data-manager",
    ]);
  });
});
