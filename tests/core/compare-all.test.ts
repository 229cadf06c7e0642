/** The comparison of all roles in the core: asked for in words and by button, built from the knowledge only. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createWhodoes, KnowledgeError, loadKnowledge, type RoleTable } from "../../src/core/index.js";
import { FIFTH, knowledgeWithFifthRole } from "../helpers/fifth-role.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

const whodoes = createWhodoes(loadKnowledge());
const tableOf = (text: string): RoleTable | undefined => {
  const block = whodoes.ask(text).blocks.find((b) => b.type === "table");
  return block?.type === "table" ? block.table : undefined;
};

describe("compare all the roles", () => {
  it.each([
    "compare all the roles",
    "show me the roles side by side",
    "overview of the data roles",
    "what's the difference between all four",
    "compare",
    "how do the four roles differ?",
    "data roles at a glance",
  ])("answers %j with the table, under the list_roles intent id", (text) => {
    const answer = whodoes.ask(text);
    expect(answer.intent).toBe("list_roles");
    expect(answer.title).toBe("The data roles side by side");
    expect(tableOf(text)?.columns.map((c) => c.id)).toEqual(whodoes.knowledge.roles.map((r) => r.id));
  });

  it("keeps the list for a plain list question, and two-role comparisons as they were", () => {
    for (const text of ["show me all the roles", "what are the different roles in the data function?", "roles"]) {
      const answer = whodoes.ask(text);
      expect(answer.intent).toBe("list_roles");
      expect(answer.blocks.some((b) => b.type === "table")).toBe(false);
      expect(answer.actions.map((a) => a.action)).toContainEqual({ do: "compareAll" });
    }
    const two = whodoes.ask("dba vs data architect");
    expect(two.intent).toBe("compare_roles");
    expect(two.title).toBe("Database administrator vs Data architect");
    expect(two.actions.find((a) => a.label === "Compare all roles")?.action).toEqual({
      do: "compareAll",
      first: ["database-administrator", "data-architect"],
    });
    expect(whodoes.ask("how do all four data roles work together?").intent).toBe("collaboration");
  });

  it("offers the button on help", () => {
    expect(whodoes.act({ do: "help" }).actions.map((a) => a.label)).toContain("Compare all roles");
  });

  it("builds every cell from the knowledge, rows in comparison.yaml's order, the roles asked about first", () => {
    const answer = whodoes.act({ do: "compareAll", first: ["database-administrator", "data-architect"] });
    const block = answer.blocks[0];
    if (block?.type !== "table") throw new Error("no table");
    const t = block.table;
    expect(t.columns.map((c) => c.id)).toEqual([
      "database-administrator",
      "data-architect",
      "data-manager",
      "data-warehouse-engineer",
    ]);
    expect(answer.roles.map((r) => r.id)).toEqual(t.columns.map((c) => c.id));
    expect(t.rows.map((r) => r.aspect)).toEqual(whodoes.knowledge.comparison.rows.map((r) => r.aspect));
    const row = (aspect: string) => t.rows.find((r) => r.aspect === aspect)?.cells ?? [];
    expect(row("character")[0]).toEqual(["The operational gatekeeper"]);
    expect(row("question")[2]).toEqual(["Is the data trustworthy and allowed?"]);
    expect(row("horizon").map((c) => c[0])).toEqual(["Operate", "Design", "Strategy", "Build"]);
    // A task given as a responsibility id shows that responsibility's words.
    expect(row("tasks")[0]?.[0]).toBe("Runs the backups and restores.");
    expect(row("works_with")[0]).toEqual(["Architect", "Data manager"]);
    for (const r of t.rows) for (const cell of r.cells) expect(cell.length).toBeGreaterThan(0);
    expect(whodoes.act({ do: "compareAll", first: ["nobody"] }).roles).toHaveLength(4);
  });

  it("shows a fifth role an organisation adds, from its file alone", () => {
    const copy = knowledgeWithFifthRole();
    try {
      const w = createWhodoes(loadKnowledge(copy.dir));
      const block = w.ask("compare all the roles").blocks[0];
      if (block?.type !== "table") throw new Error("no table");
      const k = block.table.columns.findIndex((c) => c.id === FIFTH.id);
      expect(block.table.columns[k]?.name).toBe(FIFTH.name);
      const cell = (aspect: string) => block.table.rows.find((r) => r.aspect === aspect)?.cells[k];
      expect(cell("question")).toEqual([FIFTH.question]);
      expect(cell("tasks")).toEqual(FIFTH.tasks);
      expect(cell("works_with")).toEqual(["DWH engineer", "Data manager"]);
    } finally {
      copy.remove();
    }
  });
});

describe("the comparison's knowledge is checked like the rest", () => {
  const copies: ReturnType<typeof copyKnowledge>[] = [];
  afterAll(() => {
    for (const c of copies) c.remove();
  });
  const broken = (file: string, change: (s: string) => string) => {
    const copy = copyKnowledge();
    copies.push(copy);
    copy.edit(file, change);
    try {
      loadKnowledge(copy.dir);
    } catch (err) {
      if (err instanceof KnowledgeError) return err.message;
      throw err;
    }
    throw new Error("loaded");
  };

  it("names the file, line and problem", () => {
    expect(broken("roles/data-manager.yaml", (s) => s.replace("horizon: Strategy", "horizon: Someday"))).toMatch(
      /roles\/data-manager\.yaml:\d+: at_a_glance\.horizon: "Someday" is not one of the horizons in comparison\.yaml \(Strategy, Design, Build, Operate\)/,
    );
    expect(
      broken("roles/data-manager.yaml", (s) => s.replace("  tasks:\n", "  tasks:\n    - One more.\n    - And more.\n")),
    ).toMatch(/data-manager\.yaml:\d+: at_a_glance\.tasks: list at most three/);
    expect(broken("roles/data-manager.yaml", (s) => s.replace("  question:", "  questoin:"))).toMatch(/unknown field "questoin"/);
    expect(broken("comparison.yaml", (s) => s.replace("aspect: horizon", "aspect: salary"))).toMatch(
      /comparison\.yaml:\d+: rows\.5\.aspect: must be one of: character, looks_after/,
    );
    expect(broken("comparison.yaml", (s) => s.replace("aspect: horizon", "aspect: tasks"))).toMatch(
      /comparison\.yaml:\d+: the row "tasks" appears twice/,
    );
  });

  it("a knowledge folder without comparison.yaml or at_a_glance still loads, with the shipped labels", () => {
    const fresh = copyKnowledge();
    copies.push(fresh);
    rmSync(join(fresh.dir, "comparison.yaml"));
    fresh.edit("roles/data-manager.yaml", (s) => s.slice(0, s.indexOf("# The role at a glance")));
    const w = createWhodoes(loadKnowledge(fresh.dir));
    const block = w.ask("compare all the roles").blocks[0];
    if (block?.type !== "table") throw new Error("no table");
    expect(block.table.title).toBe("The data roles side by side");
    const k = block.table.columns.findIndex((c) => c.id === "data-manager");
    const cell = (aspect: string) => block.table.rows.find((r) => r.aspect === aspect)?.cells[k];
    expect(cell("looks_after")?.[0]).toMatch(/^Oversees the governance and strategy/);
    expect(cell("tasks")).toHaveLength(3);
    expect(cell("question")).toEqual([]);
  });
});
