/** Each platform owns its section of directory.yaml: the shipped example loads as before, and each checks its own ids. */
import { afterEach, describe, expect, it } from "vitest";
import { pagerDutySchedules } from "../../src/adapters/pagerduty/directory.js";
import { DIRECTORY_FORMATS, PLATFORMS } from "../../src/adapters/platforms.js";
import { KnowledgeError, loadKnowledge } from "../../src/core/index.js";
import { slackEntries, slackTriage } from "../../src/render/slack-directory.js";
import { teamsEntries, teamsTriage } from "../../src/render/teams-directory.js";
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
  it("lists the platforms once, each with its own directory section where it has one, and the live sources'", () => {
    expect(PLATFORMS.map((p) => p.name)).toEqual(["slack", "teams", "web"]);
    expect(DIRECTORY_FORMATS.map((f) => f.platform)).toEqual(["slack", "teams", "pagerduty"]);
    // Only the platforms that can hand a question over have a part of `triage:`.
    expect(DIRECTORY_FORMATS.filter((f) => f.triage).map((f) => f.platform)).toEqual(["slack", "teams"]);
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
    expect(dwh && slackEntries(dwh)).toEqual({ users: ["U04DWH0001"], groups: [], channels: ["C04ETL0001"], group_members: [] });
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
    // Live sources: a Slack user group's members and a PagerDuty schedule, for the DBA.
    const dba = directory.get("database-administrator");
    expect(dba && slackEntries(dba).group_members).toEqual([{ group: "S04DBA0001", name: "DBA group" }]);
    expect(dba && pagerDutySchedules(dba)).toEqual([{ id: "PDBA001", name: "DBA on-call" }]);
    // Where questions for the data team go when no role's channel is likely: each platform's own part.
    const { triage } = load();
    expect(slackTriage(triage)).toEqual({ channel: "C04TRIAGE1" });
    expect(teamsTriage(triage)).toEqual({ channel: { id: "19:data-questions@thread.tacv2", name: "Data questions" } });
  });

  it("checks each platform's part of triage: with its own rules, and needs no roles", () => {
    copy = copyKnowledge();
    copy.write("directory.yaml", "triage:\n  slack:\n    channel: general\n");
    expect(problem()).toMatch(/directory\.yaml:3: triage\.slack\.channel: must be a Slack channel id \(e\.g\. C0123ABCD\)$/);
    copy.write("directory.yaml", "triage:\n  teams:\n    channel: { id: 19:x@thread.tacv2 }\n");
    expect(problem()).toMatch(/triage\.teams\.channel\.name/);
    copy.write("directory.yaml", "triage:\n  web:\n    channel: C04TRIAGE1\n");
    expect(problem()).toMatch(/triage: unknown field "web"/);
    copy.write("directory.yaml", "triage:\n  slack:\n    channel: C04TRIAGE1\n");
    expect(load().triage).toEqual({ slack: { channel: "C04TRIAGE1" } });
    expect(load().directory.size).toBe(0);
  });

  it("checks the live sources' entries: a user group id and a PagerDuty schedule id", () => {
    copy = copyKnowledge();
    copy.write("directory.yaml", "roles:\n  data-architect:\n    slack:\n      group_members: [{ group: U123, name: X }]\n");
    expect(problem()).toMatch(/group_members\.0\.group: must be a Slack user group id/);
    copy.write("directory.yaml", "roles:\n  data-architect:\n    pagerduty:\n      schedules: [{ id: abc, name: X }]\n");
    expect(problem()).toMatch(/pagerduty\.schedules\.0\.id: must be a PagerDuty schedule id/);
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
