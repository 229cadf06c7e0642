import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";
import { loadError } from "../helpers/load-error.js";

let copy: ReturnType<typeof copyKnowledge>;
afterEach(() => copy?.remove());

describe("loadKnowledge", () => {
  it("loads the shipped knowledge: four roles with the contract ids", () => {
    const k = loadKnowledge();
    expect(k.roles.map((r) => r.id).sort()).toEqual([
      "data-architect",
      "data-manager",
      "data-warehouse-engineer",
      "database-administrator",
    ]);
    for (const r of k.roles) {
      expect(r.character).not.toBe("");
      expect(r.responsibilities.length).toBeGreaterThan(2);
      expect(r.firstWeek.length).toBeGreaterThan(2);
      expect(r.worksWith.length).toBeGreaterThan(0);
    }
    // The source's caveat, and no more: it says nothing of how often the two titles are one job.
    expect(k.roles.find((r) => r.id === "data-warehouse-engineer")?.note).toBe(
      "The duties listed here are really those of an ETL developer rather than a generic data warehouse engineer. Here the two titles are read as one role.",
    );
  });

  it("reports a YAML syntax error with the file and line", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-manager.yaml", (t) => t.replace("short: Data manager", "short: [Data manager"));
    const err = loadError(copy.dir);
    expect(err.code).toBe("KNOWLEDGE_SYNTAX");
    expect(err.file).toMatch(/roles\/data-manager\.yaml$/);
    expect(err.line).toBeGreaterThan(0);
  });

  it("refuses a file that is not UTF-8, at the line of the first character in another encoding", () => {
    copy = copyKnowledge();
    const path = join(copy.dir, "roles/data-manager.yaml");
    const latin1 = readFileSync(path, "utf8").replace("The strategic overseer", "The stratégic overseer");
    writeFileSync(path, Buffer.from(latin1, "latin1"));
    const err = loadError(copy.dir);
    expect(err.code).toBe("KNOWLEDGE_SYNTAX");
    expect(err.problem).toMatch(/is not UTF-8 text .*save the file as UTF-8/);
    expect(latin1.split("\n")[(err.line ?? 0) - 1]).toBe("character: The stratégic overseer");
  });

  it("reports a missing field with the path and the line of its parent", () => {
    copy = copyKnowledge();
    copy.edit("roles/database-administrator.yaml", (t) => t.replace(/^character: .*\n/m, ""));
    const err = loadError(copy.dir);
    expect(err.code).toBe("KNOWLEDGE_INVALID");
    expect(err.message).toMatch(/database-administrator\.yaml:\d+: character: is missing$/);
  });

  it("says what kind of value a field must be, in the words of YAML", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-manager.yaml", (t) => t.replace(/^first_week:\n/m, "first_week: read the policies\n$&"));
    copy.edit("roles/data-manager.yaml", (t) => t.replace(/^first_week:\n(\s+- .*\n)+/m, ""));
    expect(loadError(copy.dir).problem).toBe("first_week: must be a list, not text");
    copy.write("roles/data-manager.yaml", "- id: data-manager\n");
    expect(loadError(copy.dir).problem).toBe("must be a group of fields (name: value), not a list");
    copy.write("roles/data-manager.yaml", "# to be written\n");
    expect(loadError(copy.dir).problem).toBe("is empty: it holds no fields (or only comments)");
  });

  it("gives a record key's own message", () => {
    copy = copyKnowledge();
    copy.edit("thesaurus.yaml", (t) => t.replace("  DE: data engineer", "  De: data engineer"));
    expect(loadError(copy.dir).problem).toBe("capitals.De: must be a short form in capitals (DE, SWE)");
  });

  it("reports a wrong type at the exact line", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-architect.yaml", (t) => t.replace("  - id: data-modelling\n", "  - id: 42\n"));
    const err = loadError(copy.dir);
    const lines = readFileSync(join(copy.dir, "roles/data-architect.yaml"), "utf8").split("\n");
    expect(err.problem).toMatch(/^responsibilities\.\d+\.id: /);
    expect(lines[(err.line ?? 0) - 1]).toContain("- id: 42");
  });

  it("reports an unknown field (a typo in a key)", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-manager.yaml", (t) => t.replace("first_week:", "firstweek:"));
    const err = loadError(copy.dir);
    const lines = readFileSync(join(copy.dir, "roles/data-manager.yaml"), "utf8").split("\n");
    expect(err.problem).toBe('unknown field "firstweek" (is it "first_week", which is missing?)');
    expect(lines[(err.line ?? 0) - 1]).toBe("firstweek:");
  });

  it("rejects a collaboration with an unknown role, naming the line", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-manager.yaml", (t) => t.replace("  - role: data-architect\n", "  - role: data-scientist\n"));
    const err = loadError(copy.dir);
    expect(err.problem).toMatch(/unknown role "data-scientist"/);
    expect(err.line).toBeGreaterThan(0);
  });

  it("names every place that still names a removed role, in one message", () => {
    copy = copyKnowledge();
    copy.useExampleDirectory();
    rmSync(join(copy.dir, "roles/data-manager.yaml"));
    const err = loadError(copy.dir);
    expect(err.problem).toMatch(
      /^works_with names an unknown role "data-manager" \(known: [^)]*\); it is named in \d+ places in all: /,
    );
    const named = (file: string) =>
      readFileSync(join(copy.dir, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (/^\s*(- )?(role|closest):.*\bdata-manager\b|^ {2}data-manager:/.test(line) ? [i + 1] : []));
    for (const file of ["neighbours.yaml", "directory.yaml", "roles/data-architect.yaml", "roles/database-administrator.yaml"]) {
      const lines = named(file);
      expect(lines.length).toBeGreaterThan(0);
      expect(err.problem).toContain(`${file} line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}`);
    }
  });

  it("rejects a role named twice in works_with, at the second", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-manager.yaml", (t) => t.replace(/^works_with:\n/m, "$&  - role: data-architect\n    how: Again.\n"));
    const err = loadError(copy.dir);
    const lines = readFileSync(join(copy.dir, "roles/data-manager.yaml"), "utf8").split("\n");
    expect(err.problem).toMatch(/^works_with names "data-architect" twice/);
    expect(lines[(err.line ?? 0) - 1]).toMatch(/^ {2}- role: data-architect$/);
    expect(lines[(err.line ?? 0) - 2]).not.toBe("works_with:");
  });

  it("rejects an at_a_glance task that names no responsibility of the role", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-manager.yaml", (t) => t.replace("    - governance-framework\n", "    - governance-framwork\n"));
    const err = loadError(copy.dir);
    const lines = readFileSync(join(copy.dir, "roles/data-manager.yaml"), "utf8").split("\n");
    expect(err.problem).toMatch(
      /^at_a_glance\.tasks\.0: "governance-framwork" is not the id of one of this role's responsibilities/,
    );
    expect(lines[(err.line ?? 0) - 1]).toBe("    - governance-framwork");
  });

  it("rejects two roles with the same id", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-manager.yaml", (t) => t.replace("id: data-manager", "id: data-architect"));
    expect(loadError(copy.dir).problem).toMatch(/already used/);
  });

  it("rejects a name or alias that another role already has, naming both places", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-manager.yaml", (t) => t.replace("  - data managers\n", "  - data managers\n  - DBA\n"));
    const err = loadError(copy.dir);
    const lines = readFileSync(join(copy.dir, "roles/data-manager.yaml"), "utf8").split("\n");
    const at = Number(/data-manager\.yaml:(\d+)\)/.exec(err.problem)?.[1]);
    expect(err.file).toMatch(/database-administrator\.yaml$/);
    expect(err.problem).toMatch(/^"dba" is also a name of the role "data-manager" \(.*roles\/data-manager\.yaml:\d+\)/i);
    expect(lines[at - 1]).toBe("  - DBA");
    // A plural of another role's title, or a short name, is the same title.
    copy.edit("roles/data-manager.yaml", (t) => t.replace("  - DBA\n", "  - data architects\n"));
    expect(loadError(copy.dir).problem).toMatch(/^"data architects" is also a name of the role "data-architect"/);
    copy.edit("roles/data-manager.yaml", (t) =>
      t.replace("  - data architects\n", "").replace(/^short: .*$/m, "short: DWH engineer"),
    );
    expect(loadError(copy.dir).problem).toMatch(/^"DWH engineer" is also a name of the role "data-manager"/);
  });

  it("rejects an unknown intent id", () => {
    copy = copyKnowledge();
    copy.edit("intents.yaml", (t) => t.replace("  - id: help\n", "  - id: halp\n"));
    expect(loadError(copy.dir).problem).toMatch(/intents\.\d+\.id: must be one of/);
  });

  it("rejects an intent left out of intents.yaml, or listed twice", () => {
    copy = copyKnowledge();
    const shipped = readFileSync(join(copy.dir, "intents.yaml"), "utf8");
    const greeting = /^ {2}- id: greeting\n(?: {4}.*\n| {6}.*\n)*/m.exec(shipped)?.[0] ?? "";
    expect(greeting).toMatch(/description:/);
    copy.write("intents.yaml", shipped.replace(greeting, ""));
    expect(loadError(copy.dir).problem).toMatch(/^intents: "greeting" is not listed; every kind of question needs its entry/);
    copy.write("intents.yaml", shipped.replace(greeting, greeting + greeting));
    expect(loadError(copy.dir).problem).toBe('the intent "greeting" is listed twice');
  });

  it("adds other-departments.yaml's words to out_of_scope, checks them, and does without the file", () => {
    const shipped = loadKnowledge().intents.find((i) => i.id === "out_of_scope")?.cues ?? [];
    expect(shipped).toContain("forklift");
    copy = copyKnowledge();
    copy.edit("other-departments.yaml", (t) => `${t}\nbowling_club: [strike, spare shoes]\n`);
    const cues = loadKnowledge(copy.dir).intents.find((i) => i.id === "out_of_scope")?.cues ?? [];
    expect(cues).toContain("spare shoes");
    copy.edit("other-departments.yaml", (t) => t.replace("[strike, spare shoes]", '[""]'));
    expect(loadError(copy.dir).message).toMatch(/other-departments\.yaml:\d+: bowling_club\.0: must not be empty/);
    rmSync(join(copy.dir, "other-departments.yaml"));
    expect(createWhodoes(loadKnowledge(copy.dir)).ask("who restores a dropped table?").intent).toBe("who_does");
  });

  it("keeps other-departments.yaml's personal and provider groups apart, and names a group of neither kind", () => {
    expect(loadKnowledge().personalWords).toContain("my laptop");
    expect(loadKnowledge().providerWords).toContain("citation");
    expect(loadKnowledge().departments?.find((d) => d.name === "HR")?.words).toContain("payslip");
    copy = copyKnowledge();
    copy.edit("other-departments.yaml", (t) => `${t}\nchess_club:\n  kind: personal\n  words: [my chess set]\n`);
    const k = loadKnowledge(copy.dir);
    expect(k.personalWords).toContain("my chess set");
    expect(k.intents.find((i) => i.id === "out_of_scope")?.cues).toContain("my chess set");
    copy.edit("other-departments.yaml", (t) => t.replace("kind: personal\n  words: [my chess set]", "kind: hobby\n  words: [x]"));
    expect(loadError(copy.dir).message).toMatch(/other-departments\.yaml:\d+: chess_club: must be a list of words, or a group/);
  });

  it("reads a role file whatever the case of its extension", () => {
    copy = copyKnowledge();
    renameSync(join(copy.dir, "roles/data-manager.yaml"), join(copy.dir, "roles/data-manager.YAML"));
    expect(loadKnowledge(copy.dir).roles.map((r) => r.id)).toContain("data-manager");
  });

  it("names a missing file or directory", () => {
    copy = copyKnowledge();
    rmSync(join(copy.dir, "thesaurus.yaml"));
    expect(loadError(copy.dir).message).toMatch(/thesaurus\.yaml: is missing/);
    expect(loadError(join(copy.dir, "nope")).code).toBe("KNOWLEDGE_NOT_FOUND");
  });

  it("lets an organisation add and rename roles with no code change", () => {
    copy = copyKnowledge();
    copy.edit("roles/database-administrator.yaml", (t) =>
      t.replace("name: Database administrator", "name: Database reliability engineer"),
    );
    copy.write(
      "roles/data-scientist.yaml",
      [
        "id: data-scientist",
        "name: Data scientist",
        "character: The model builder",
        "aliases: [data scientist, ml engineer]",
        "summary: Builds predictive models from the organisation's data.",
        "responsibilities:",
        "  - id: churn-models",
        "    statement: Builds churn and readmission prediction models.",
        "    keywords: [churn prediction, readmission prediction, readmission risk]",
        "example: Predicts which patients are likely to be readmitted.",
        "works_with:",
        "  - role: data-warehouse-engineer",
        "    how: Gets curated training data from the warehouse engineers.",
        "first_week:",
        "  - Read the model catalogue.",
      ].join("\n"),
    );
    const whodoes = createWhodoes(loadKnowledge(copy.dir));
    expect(whodoes.ask("who does readmission prediction?").roles[0]?.id).toBe("data-scientist");
    expect(whodoes.ask("what does a database reliability engineer do").roles[0]?.id).toBe("database-administrator");
    expect(whodoes.ask("list the roles").roles).toHaveLength(5);
  });
});
