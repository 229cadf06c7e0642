/**
 * Honest confidence: an answer's roles are best first, no runner-up scores above the role the answer
 * names, and an answer resting on one stray word says it is a guess (or, for a neighbouring role's work,
 * that the work is not the data roles').
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EVAL_DIR, REAL_DIR, readQuestionDir, readQuestions } from "../../scripts/eval/evaluate.js";
import { type Answer, createWhodoes, loadKnowledge, type Whodoes } from "../../src/core/index.js";
import { answerToText } from "../../src/render/text.js";

let whodoes: Whodoes;
beforeAll(() => {
  whodoes = createWhodoes(loadKnowledge());
});

const sorted = (a: Answer) => a.roles.every((r, i) => i === 0 || r.score <= (a.roles[i - 1]?.score ?? 1));

describe("honest confidence", () => {
  it("shows the runner-up's card too when it is too close to call, before asking which was meant", () => {
    const a = whodoes.ask("who owns R&D data & analytics governance?");
    const shown = a.blocks.flatMap((b) => (b.type === "role" ? [b.role.id] : []));
    const offered = a.blocks.flatMap((b) => (b.type === "choices" ? b.choices.map((c) => c.label) : []));
    expect(offered.length).toBe(2);
    expect(shown).toEqual(a.roles.slice(0, 2).map((r) => r.id));
  });

  it("lists every answer's roles best first (the tuning questions, written and real)", () => {
    const questions = [
      ...readdirSync(EVAL_DIR)
        .filter((f) => /^questions\.dev\d*\.yaml$/.test(f))
        .flatMap((f) => readQuestions(join(EVAL_DIR, f))),
      ...readQuestionDir(join(REAL_DIR, "dev")),
    ];
    const unsorted = questions.filter((q) => {
      const a = whodoes.ask(q.q);
      return [a, ...(a.parts ?? [])].some((x) => !sorted(x));
    });
    expect(unsorted.map((q) => q.q)).toEqual([]);
  });

  it("says a weak match is a guess, however many words it rests on", () => {
    const a = whodoes.ask("with no load balancer in front, how do you decide which cluster gets the next new database?");
    expect(a.roles[0]?.score ?? 1).toBeLessThan(0.25);
    expect(a.summary).toMatch(/^This is a weak match/);
    expect(a.blocks.some((b) => b.type === "choices")).toBe(true);
  });

  it("gives each role its part of a shared concern from the work that shares it ('high availability': keeping the databases up)", () => {
    const text = answerToText(whodoes.ask("who is responsible for scalability and high availability?"));
    expect(text).toContain("Keeps the production databases up.");
    expect(text).not.toContain("Watches database activity");
  });

  it("offers a match on one word of a long message as a guess, not as the owner", () => {
    const a = whodoes.ask(
      "Oh the fun of these links. Does the new page not have reference based links like the old one had to avoid such issues?",
    );
    expect(a.roles[0]?.score).toBeLessThan(0.5);
    expect(a.summary).toMatch(/^I'm not sure I understood/);
    expect(answerToText(a)).toMatch(/Is this what you meant\?|Did you mean:/);
    // A clear question is answered plainly.
    expect(whodoes.ask("who restores a dropped table?").summary).not.toMatch(/not sure/);
  });

  it("offers the closest role to a question about data that matched no task, as a guess", () => {
    const a = whodoes.ask("is the data in the old spreadsheet still needed?");
    expect(a.intent).toBe("who_does");
    expect(a.roles).toHaveLength(1);
    expect(a.roles[0]?.score).toBeLessThanOrEqual(0.15);
    expect(a.summary).toMatch(/^That sounds like data work, but it matched no task I know/);
    expect(answerToText(a)).toMatch(/Is this what you meant\?/);
    // The role offered as the choice is not offered again among the buttons under the answer.
    const choice = a.blocks.flatMap((b) => (b.type === "choices" ? b.choices : []));
    expect(choice.map((c) => c.action)).toEqual([{ do: "describe", role: a.roles[0]?.id }]);
    expect(a.actions.filter((x) => JSON.stringify(x.action) === JSON.stringify(choice[0]?.action))).toEqual([]);
    // A data noun with an everyday meaning (a phone number, a payroll query) is no data to guess about,
    // nor is another department's data plan.
    for (const q of ["what's the switchboard number?", "who handles payroll queries", "who sorts out my mobile data plan?"])
      expect(whodoes.ask(q).intent, q).toBe("out_of_scope");
  });

  it('does not read the "data" in a job\'s title as a data thing', () => {
    // A licence is the DBA's only for the databases' software: a data noun must say so, and the one in
    // "data analysts" names people, not data.
    const a = whodoes.ask("who buys licences for the data analysts?");
    expect(a.roles[0]?.id).not.toBe("database-administrator");
    expect(a.roles.every((r) => r.score < 0.5)).toBe(true);
  });

  it("does not name an owner for work none of the data roles does", () => {
    for (const q of [
      "who writes the release notes for the app?",
      "who picks the font for reports?",
      "who runs the team stand-up?",
      // A project's chat link is its maintainers' business, though the project is a database.
      "the link to slack in the postgres operator's readme is no longer active, is there a new one?",
      // A tool's next version is its maintainers' plan, though the tool moves data.
      "any chance this lands in the next version of the connector?",
    ]) {
      const a = whodoes.ask(q);
      expect(a.intent, q).toBe("out_of_scope");
      expect(
        a.roles.every((r) => r.score < 0.5),
        q,
      ).toBe(true);
    }
  });

  it("lets only the asking sentence's own task words claim a question about another department's matter", () => {
    // The context's "created" and "read" are the DBA's access words; the question is about a font.
    const q = "I created four charts for the board to read at the meeting. How do I make the font size bigger?";
    expect(whodoes.ask(q).intent).toBe("out_of_scope");
    // Context that is another department's does not turn a data question away.
    expect(whodoes.ask("Marketing here. Our campaign report lost a day of rows overnight, who fixes the load?").intent).toBe(
      "who_does",
    );
  });

  it("does not take the asker's own device or files for the data team's, however many task words, unless data is named", () => {
    for (const q of [
      "my laptop is running out of disk space",
      "my Google Drive says storage is full",
      "can you recover photos from my SD card?",
      "my phone backup is taking all my storage, how do I delete old ones?",
      "how do I recover a deleted WhatsApp message?",
      "my data allowance keeps running out, which phone plan is best?",
      "who restores my deleted email?",
      "my inbox is full, who can archive my emails?",
      "I forgot my Workday password",
      "can someone reset my Salesforce password?",
      "can someone reset my CRM password?",
    ])
      expect(whodoes.ask(q).intent, q).toBe("out_of_scope");
    // A data thing named on the asker's own machine is still ours, and so is the organisation's own storage.
    expect(whodoes.ask("I installed postgres on my laptop, how do I back up the database?").roles[0]?.id).toBe(
      "database-administrator",
    );
    expect(whodoes.ask("the database server is running out of disk space").roles[0]?.id).toBe("database-administrator");
  });

  it("leaves a tool's dark mode and keyboard shortcuts to the software's makers", () => {
    for (const q of ["how do I change the shortcut key for run current statement?", "does the query editor have a dark theme?"])
      expect(whodoes.ask(q).intent, q).toBe("out_of_scope");
  });

  it("leaves a product's or a dataset's terms of supply to its provider, unless it asks who does it here", () => {
    for (const q of [
      "How am I billed for database backups?",
      "I'd like to cite this dataset in a paper, is there a preferred citation?",
      "our free trial expired, can we still export the warehouse?",
      // Access to someone else's dataset is its provider's to give.
      "is the full dataset from your paper publicly available?",
      "how do I apply for access to the registry data for my PhD?",
      // A product's plans, asked of its makers.
      "does the connector provide support for MERGE into snowflake?",
      "is there any work being done on incremental refresh for materialized views?",
    ])
      expect(whodoes.ask(q).intent, q).toBe("out_of_scope");
    expect(whodoes.ask("who keeps the citation for our published datasets?").roles[0]?.id).toBe("data-manager");
    expect(whodoes.ask("who decides which data is publicly available on our open data portal?").roles[0]?.id).toBe(
      "data-manager",
    );
    // Charged with a task is responsible for it, not billed.
    expect(whodoes.ask("who is charged with maintaining the data dictionary?").roles[0]?.id).toBe("data-manager");
  });

  it("reads another department's word inside a longer data term as that term: customer emails are personal data", () => {
    const q = "Intern: am I allowed to download player email addresses to a spreadsheet?";
    expect([whodoes.ask(q).intent, whodoes.ask(q).roles[0]?.id]).toEqual(["who_does", "data-manager"]);
    expect(whodoes.ask("who fixes my email?").intent).toBe("out_of_scope");
  });

  it("reads the department a piece of work is for as its customer, not its matter: 'for the marketing team'", () => {
    for (const q of ["who writes SQL queries for the marketing team?", "who builds the data pipeline for our sales team?"]) {
      const a = whodoes.ask(q);
      expect([a.intent, a.roles[0]?.id], q).toEqual(["who_does", "data-warehouse-engineer"]);
    }
    // The department's word is no task word either: dashboards for the sales team are a BI developer's.
    expect(whodoes.ask("who builds dashboards for the sales team?").neighbour?.id).toBe("bi-developer");
    // ...and its own matter stays its own, whoever it is for.
    expect(whodoes.ask("who plans the marketing campaign for the sales team?").intent).toBe("out_of_scope");
  });

  it("names the department whose matter turned a question away, not a neighbour whose work it only brushes", () => {
    const a = whodoes.ask("who orders new monitors for the BI team?");
    expect([a.intent, a.department, a.neighbour]).toEqual(["out_of_scope", "the IT help desk", undefined]);
    // A neighbour's own work still names the neighbour, another department's word beside it or not.
    expect(whodoes.ask("who signs off the purchase order for the Power BI licences?").neighbour?.id).toBe("bi-developer");
  });

  it("reads another department's words about a data thing as data work: 'query performance reviews'", () => {
    expect(whodoes.ask("who does query performance reviews?").roles[0]?.id).toBe("database-administrator");
    expect(whodoes.ask("who does my performance review?").intent).toBe("out_of_scope");
    // ...and so is one done to a data thing a few words on: the cleaning of the logs, not of the kitchen.
    const logs = whodoes.ask("the nightly cleaning of the old logs keeps failing, who looks at it?");
    expect([logs.intent, logs.roles[0]?.id]).toEqual(["who_does", "database-administrator"]);
    expect(whodoes.ask("who does the cleaning of the kitchen?").intent).toBe("out_of_scope");
    // ...but a data noun that names a group of people ("the data team") is not the thing done to.
    expect(whodoes.ask("who approves the expense report of the data team?").intent).toBe("out_of_scope");
    // A data sentence before it does not make the office's wifi password or an expense report data work.
    for (const q of [
      "The new warehouse is nearly loaded. By the way, what's the wifi password for the office?",
      "The DBA finished the migration last night. How do I submit my expense report for the overtime?",
    ])
      expect(whodoes.ask(q).intent, q).toBe("out_of_scope");
  });

  it("does not take a library's index or a catwalk's models for data work", () => {
    for (const q of ["who updates the index of the school library?", "who models the spring collection at the fashion show?"])
      expect(whodoes.ask(q).intent, q).toBe("out_of_scope");
  });

  it("answers a long post that is not about data work as out of scope, not as a list of roles or help", () => {
    expect(
      whodoes.ask("Could someone make a list of the new features and the breaking changes from last month's commit messages?")
        .intent,
    ).not.toBe("list_roles");
    expect(
      whodoes.ask(
        "What are your coding interviews like, for example do you give candidates a take-home challenge over a weekend?",
      ).intent,
    ).not.toBe("help");
  });

  it("describes a role the message only names as a guess, not with full confidence, and says so", () => {
    // Named among words of the message's own, none asking about the role: the description is only the closest answer.
    for (const q of ["Feeling stuck at a DE job", "Hedge-fund data engineer gigs in the EU: where are they hiding?"]) {
      const a = whodoes.ask(q);
      expect([a.intent, a.roles[0]?.id], q).toEqual(["describe_role", "data-warehouse-engineer"]);
      expect(a.roles[0]?.score ?? 1, q).toBeLessThan(0.5);
      expect(answerToText(a), q).toContain("I'm not sure what you're asking about the data warehouse engineer");
    }
    // Asked about, or typed bare, the role is what the message wants.
    for (const q of ["what does a DBA do?", "DBA?", "tell me about the data architect role"]) {
      const a = whodoes.ask(q);
      expect([a.intent, a.roles[0]?.score], q).toEqual(["describe_role", 1]);
      expect(answerToText(a), q).not.toContain("I'm not sure");
    }
  });
});
