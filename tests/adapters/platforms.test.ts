/** Each platform owns its section of directory.yaml: the shipped example loads as before, and each checks its own ids. */
import { afterEach, describe, expect, it } from "vitest";
import { DIRECTORY_FORMATS, PLATFORMS } from "../../src/adapters/platforms.js";
import { KnowledgeError, loadKnowledge } from "../../src/core/index.js";
import { slackEntries } from "../../src/render/slack-directory.js";
import { teamsEntries } from "../../src/render/teams-directory.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

let copy: ReturnType<typeof copyKnowledge>;
afterEach(() => copy?.remove());

const load = (platforms = DIRECTORY_FORMATS) => loadKnowledge(copy.dir, { platforms });
function problem(platforms = DIRECTORY_FORMATS): string {
  try {
    load(platforms);
  } catch (err) {
    if (err instanceof KnowledgeError) return err.message;
    throw err;
  }
  throw new Error("expected a KnowledgeError");
}

describe("directory.yaml, by platform", () => {
  it("lists the platforms once, each with its own directory section where it has one", () => {
    expect(PLATFORMS.map((p) => p.name)).toEqual(["slack", "teams", "web"]);
    expect(DIRECTORY_FORMATS.map((f) => f.platform)).toEqual(["slack", "teams"]);
  });

  it("loads the shipped directory.example.yaml as it is: each platform reads back its own entries", () => {
    copy = copyKnowledge();
    copy.useExampleDirectory();
    const directory = load().directory;
    expect([...directory.keys()].sort()).toEqual([
      "data-architect",
      "data-manager",
      "data-warehouse-engineer",
      "database-administrator",
    ]);
    const dwh = directory.get("data-warehouse-engineer");
    expect(dwh && slackEntries(dwh)).toEqual({ users: ["U04DWH0001"], groups: [], channels: ["C04ETL0001"] });
    expect(dwh && teamsEntries(dwh)).toEqual({
      users: [{ id: "29:1DwhEngineerPriyaNair", name: "Priya Nair" }],
      channels: [{ id: "19:etl-pipelines@thread.tacv2", name: "ETL pipelines" }],
    });
    expect(dwh?.emails).toEqual(["etl-team@hospital.example"]);
    expect(dwh?.note).toBe("Pipeline failures page the ETL on-call rota.");
    // What other surfaces may show: Teams' display names; Slack's bare ids stay Slack's.
    expect(dwh?.platforms.teams?.names).toEqual(["Priya Nair", "ETL pipelines"]);
    expect(dwh?.platforms.slack?.names).toEqual([]);
    expect(dwh?.platforms.slack?.label).toBe("Slack");
  });

  it("has each platform check its own ids, naming the file, the line and the rule", () => {
    copy = copyKnowledge();
    copy.write("directory.yaml", "roles:\n  data-architect:\n    slack:\n      users: [u-lower]\n");
    expect(problem()).toMatch(
      /directory\.yaml:4: roles\.data-architect\.slack\.users\.0: must be a Slack user id \(e\.g\. U0123ABCD\)$/,
    );
    copy.write(
      "directory.yaml",
      "roles:\n  data-architect:\n    teams:\n      channels:\n        - { id: general, name: General }\n",
    );
    expect(problem()).toMatch(/roles\.data-architect\.teams\.channels\.0\.id: must be a Teams channel id/);
  });

  it("refuses a section no platform owns, as a typo", () => {
    copy = copyKnowledge();
    copy.write("directory.yaml", "roles:\n  data-architect:\n    slak:\n      users: [U04ARC0001]\n");
    expect(problem()).toMatch(/directory\.yaml:3: roles\.data-architect: unknown field "slak"/);
    // A loader given no platforms knows no sections at all.
    copy.write("directory.yaml", "roles:\n  data-architect:\n    slack:\n      users: [U04ARC0001]\n");
    expect(problem([])).toMatch(/unknown field "slack"/);
  });
});
