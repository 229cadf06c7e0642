/**
 * docs/architecture.md, "Add a role", done in a copy of the knowledge: one YAML file in roles/ (and, if the
 * organisation wants, a directory entry), no code. Every kind of question then knows the role.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DIRECTORY_FORMATS } from "../../src/adapters/platforms.js";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { answerToText } from "../../src/render/text.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

const ROLE = `id: ml-engineer
name: Machine learning engineer
short: ML engineer
character: The model builder
aliases: [ml engineer, machine learning engineer, mlops engineer]
summary: >-
  Builds, deploys and looks after the machine learning models the organisation runs, from the
  training data to the model in production.
actions: [retrain, retrains, deploy the model]
responsibilities:
  - id: model-lifecycle
    statement: Deploys machine learning models to production and retrains them when they drift.
    keywords: [machine learning model, model drift, retrain the model, model deployment, feature store]
example: In the hospital network, predicts bed demand from the admissions data in the warehouse.
works_with:
  - role: data-warehouse-engineer
    how: Gets the training data from the warehouse pipelines.
first_week:
  - Find out which models run in production and who uses their predictions.
`;

describe("recipe: add a role", () => {
  const copy = copyKnowledge();
  afterAll(() => copy.remove());
  copy.write("roles/ml-engineer.yaml", ROLE);
  copy.write("directory.yaml", "roles:\n  ml-engineer:\n    emails: [ml-team@hospital.example]\n");
  const whodoes = createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS }));

  it("answers who does its work, with the people the directory names", () => {
    const answer = whodoes.ask("who retrains the model when it drifts?");
    expect(answer.intent).toBe("who_does");
    expect(answer.roles[0]?.id).toBe("ml-engineer");
    expect(answerToText(answer)).toContain("In your organisation: ml-team@hospital.example");
  });

  it("describes it, compares it, lists it and onboards into it", () => {
    expect(whodoes.ask("what does an ML engineer do?").roles.map((r) => r.id)).toEqual(["ml-engineer"]);
    const compared = whodoes.ask("ML engineer vs DBA");
    expect([compared.intent, ...compared.roles.map((r) => r.id)]).toEqual([
      "compare_roles",
      "ml-engineer",
      "database-administrator",
    ]);
    expect(whodoes.ask("list the data roles").roles.map((r) => r.id)).toContain("ml-engineer");
    expect(whodoes.ask("onboard ml engineer").title).toBe("Machine learning engineer: At a glance");
    // Its example is headed as the organisation's own, not as the shipped roles' hospital network.
    const described = whodoes.ask("what does an ML engineer do?").blocks;
    expect(described.filter((b) => b.type === "heading").map((b) => b.text)).toContain("In the example");
    // Its tour's quiz asks three questions, though it lists one partner.
    const quiz = [1, 2, 3].map((q) => whodoes.act({ do: "quiz", role: "ml-engineer", q }).summary);
    expect(new Set(quiz).size).toBe(3);
    // Its partner knows it works with it too.
    expect(JSON.stringify(whodoes.act({ do: "collaborate", role: "data-warehouse-engineer" }).roles)).toContain("ml-engineer");
  });

  it("shows up in the CLI's --json contract with its id", () => {
    const bin = fileURLToPath(new URL("../../bin/whodoes.js", import.meta.url));
    const run = spawnSync(process.execPath, [bin, "roles", "--json", "--intents", copy.dir], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l).id),
    ).toContain("ml-engineer");
  });
});

describe("recipe: add a role whose name has an acronym", () => {
  const copy = copyKnowledge();
  afterAll(() => copy.remove());
  copy.write(
    "roles/sql-server-patch-lead.yaml",
    `id: sql-server-patch-lead
name: SQL Server patch lead
short: SQL Server patch lead
character: The SQL patch keeper
aliases: [sql server patch lead]
summary: Looks after the organisation's SQL Server instances.
responsibilities:
  - id: sql-server-patching
    statement: Patches and upgrades the SQL Server instances.
    keywords: [sql server patching]
example: In the hospital network, patches the SQL Server that runs the lab system.
works_with:
  - role: database-administrator
    how: Agrees the patch windows with the database administrators.
first_week:
  - List the SQL Server instances and their versions.
`,
  );
  const whodoes = createWhodoes(loadKnowledge(copy.dir));

  it("keeps the acronym mid-sentence: whom it works with, the quiz's verdict and the comparison", () => {
    expect(whodoes.act({ do: "collaborate", role: "sql-server-patch-lead" }).summary).toBe(
      "The SQL Server patch lead works with database administrator.",
    );
    expect(whodoes.act({ do: "collaborate", role: "database-administrator" }).summary).toContain(", SQL Server patch lead");
    const asked = whodoes.act({ do: "quiz", role: "sql-server-patch-lead", q: 1 });
    const choices = asked.blocks.flatMap((b) => (b.type === "choices" ? b.choices.map((c) => c.label) : []));
    const right = choices.indexOf("SQL Server patch lead");
    expect(whodoes.act({ do: "quiz", role: "sql-server-patch-lead", q: 1, pick: right }).summary).toBe(
      "Right: it's the SQL Server patch lead.",
    );
    expect(whodoes.act({ do: "quiz", role: "sql-server-patch-lead", q: 1, pick: right === 0 ? 1 : 0 }).summary).toMatch(
      /^Not quite: it's the SQL Server patch lead, not the /,
    );
    expect(whodoes.act({ do: "compare", roles: ["database-administrator", "sql-server-patch-lead"] }).summary).toMatch(
      /; SQL Server patch lead is the SQL patch keeper\.$/,
    );
    // Its character, too, beside its name: in what it does and in the table of all the roles.
    expect(whodoes.act({ do: "describe", role: "sql-server-patch-lead" }).summary).toMatch(
      /^SQL Server patch lead \(the SQL patch keeper\)/,
    );
    expect(whodoes.act({ do: "compareAll" }).summary).toContain("SQL Server patch lead (the SQL patch keeper)");
  });
});
