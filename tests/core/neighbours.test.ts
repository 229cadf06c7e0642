/**
 * Neighbouring roles (intents/neighbours.yaml): jobs people name that the knowledge does not model. A
 * question about one gets an honest answer naming the closest modelled role and the difference, never a
 * confident wrong owner; the file is checked like the rest of the knowledge.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { answerToJson } from "../../src/adapters/cli/ask.js";
import { createWhodoes, loadKnowledge, type Whodoes } from "../../src/core/index.js";
import { answerToText } from "../../src/render/text.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";
import { loadError } from "../helpers/load-error.js";

let whodoes: Whodoes;
beforeAll(() => {
  whodoes = createWhodoes(loadKnowledge());
});
let copy: ReturnType<typeof copyKnowledge> | undefined;
afterEach(() => {
  copy?.remove();
  copy = undefined;
});
const json = (q: string) => JSON.parse(answerToJson(whodoes.ask(q)));

describe("questions about a neighbouring role", () => {
  it("leaves whether the data is trustworthy to the data manager when it sets the analyst beside the DWH engineer", () => {
    // The source gives data quality to the data manager; the engineer's part is getting the data in for reporting.
    const text = answerToText(whodoes.ask("what does a data analyst do?"));
    expect(text).toContain("The data warehouse engineer gets the data into the warehouse, in shape for reporting;");
    expect(text).not.toMatch(/trustworthy/);
  });

  it("describes one honestly: not one of the four, the closest role, and how they differ", () => {
    const a = whodoes.ask("what does a data scientist do?");
    expect(a.intent).toBe("describe_role");
    expect(a.neighbour).toEqual({ id: "data-scientist", name: "Data scientist" });
    expect(a.roles.map((r) => r.id)).toEqual(["data-warehouse-engineer"]);
    // The closest role is related, not the job asked about: never a confident owner.
    expect(a.roles[0]?.score).toBeLessThan(0.5);
    const text = answerToText(a);
    expect(text).toMatch(/A data scientist is not one of the four data roles here; the closest is the data warehouse engineer/);
    expect(text).toMatch(/How they differ/);
    // Roles named only in the post's context are not what it asks about.
    const post = whodoes.ask(
      "I work with the data architect and the DBA on our warehouse, and now we're hiring. What does a data scientist do?",
    );
    expect([post.intent, post.neighbour?.id, post.title]).toEqual(["describe_role", "data-scientist", a.title]);
  });

  it("finds a title in the words messages are read in: 'admin' spelt out, a title inside a longer term", () => {
    // The thesaurus spells "admin" out as "administrator" in messages; the titles are read the same way.
    expect(json("what does a windows admin do?")).toMatchObject({
      intent: "describe_role",
      neighbour: { id: "system-administrator" },
    });
    expect(json("what does a sql admin do?")).toMatchObject({
      intent: "describe_role",
      roles: [{ id: "database-administrator" }],
    });
    expect(json("sql admin vs data manager").roles.map((r: { id: string }) => r.id)).toEqual([
      "database-administrator",
      "data-manager",
    ]);
    // "medical records" is one term of the thesaurus, but its "records" is the title's: the job is asked about.
    expect(json("what does a medical records manager do?")).toMatchObject({
      intent: "describe_role",
      neighbour: { id: "records-manager" },
    });
  });

  it("knows the titles people use for the same jobs: a data platform engineer builds pipelines, a report writer makes reports", () => {
    // "data platform engineer" is longer than the DevOps neighbour's "platform engineer", and the data architect's
    // keyword "data platform" is no title: it is the data warehouse engineer's other name.
    expect(json("what does a data platform engineer do?")).toMatchObject({
      intent: "describe_role",
      roles: [{ id: "data-warehouse-engineer", score: 1 }],
    });
    expect(json("what's a dataops engineer").roles[0]).toMatchObject({ id: "data-warehouse-engineer", score: 1 });
    for (const [q, id] of [
      ["what does a data product manager do?", "project-manager"],
      ["what does a report writer do?", "bi-developer"],
      ["what does an ML ops engineer do?", "machine-learning-engineer"],
      ["what does a decision scientist do?", "data-scientist"],
      ["information security manager vs DBA", "security-engineer"],
      ["what does a network engineer do?", "system-administrator"],
    ])
      expect(json(q ?? "").neighbour?.id, q).toBe(id);
  });

  it("says a job title it does not know is not one it knows, with the closest role by its words only as a guess", () => {
    for (const [q, closest] of [
      ["what does a data governance officer do?", "data-manager"],
      ["what is a metadata manager?", "data-manager"],
      ["what does a hadoop admin do", "data-warehouse-engineer"],
    ]) {
      const a = json(q as string);
      expect([a.intent, a.roles.map((r: { id: string }) => r.id), a.neighbour], q).toEqual([
        "describe_role",
        [closest],
        undefined,
      ]);
      expect(a.roles[0].score, q).toBeLessThan(0.5);
      expect(a.text, q).toMatch(/is not a job I know/);
    }
    // Titles it knows, by any name, and other departments' jobs, are answered as before.
    expect(json("what does a data engineer do?").roles[0]).toMatchObject({ id: "data-warehouse-engineer", score: 1 });
    expect(json("what does a payroll officer do?").intent).toBe("out_of_scope");
    expect(json("what is a slowly changing dimension?").intent).toBe("who_does");
  });

  it("says so too when the question asks about the unknown title alone, in other words than 'what does ... do'", () => {
    for (const q of [
      "is data governance officer one of the roles?",
      "who does a data quality analyst work with?",
      "what do data governance officers do?",
      "how do I become a data governance officer?",
      "tell me about the data governance officer role",
    ]) {
      const a = json(q);
      expect([a.intent, a.roles.map((r: { id: string }) => r.id)], q).toEqual(["describe_role", ["data-manager"]]);
      expect(a.roles[0].score, q).toBeLessThan(0.5);
      expect(a.text, q).toMatch(/is not a job I know/);
    }
    // Compared with a role it knows: said so, beside that role.
    const vs = json("data governance officer vs dba");
    expect([vs.intent, vs.roles.map((r: { id: string }) => r.id)]).toEqual(["compare_roles", ["database-administrator"]]);
    expect(vs.text).toMatch(/"data governance officer" is not a job I know.*can't compare it with the database administrator/);
    // A title beside a task is not what is asked about, nor a task word before a job's name.
    expect(json("who tells the project manager about a failed load?").roles[0].id).toBe("data-warehouse-engineer");
    expect(json("who enforces data standards across teams?").roles[0].id).toBe("data-manager");
    expect(json("what does a data base administrator do?").roles[0]).toMatchObject({ id: "database-administrator" });
    // A thing's owner asked about alone is whoever owns that work; asked what one does, it is still a job.
    expect(json("backup restore owner?")).toMatchObject({ intent: "who_does", roles: [{ id: "database-administrator" }] });
    expect(json("who is the backup owner").roles[0]).toMatchObject({ id: "database-administrator", score: 1 });
    expect(json("what does a process owner do?").text).toMatch(/is not a job I know/);
    expect(json("who's the collibra admin").roles[0]).toMatchObject({ id: "data-manager" });
    // Administering the platform is the DBA's (its compute, limits and restores); its account, loads and tasks the engineer's.
    expect(json("who is our snowflake administrator")).toMatchObject({
      intent: "who_does",
      roles: [{ id: "database-administrator" }],
    });
    expect(json("who owns our Snowflake account?").roles[0]).toMatchObject({ id: "data-warehouse-engineer" });
  });

  it("compares a modelled role with a neighbouring one", () => {
    const a = json("dba vs data scientist");
    expect(a.intent).toBe("compare_roles");
    expect(a.roles.map((r: { id: string }) => r.id)).toEqual(["database-administrator"]);
    expect(a.neighbour).toEqual({ id: "data-scientist", name: "Data scientist" });
    // A field's name is its job's: data science is the data scientist's, software engineering the developer's, as data
    // engineering is the engineer's.
    const field = json("what's the difference between data engineering and data science?");
    expect(field.intent).toBe("compare_roles");
    expect(field.roles.map((r: { id: string }) => r.id)).toEqual(["data-warehouse-engineer"]);
    expect(field.neighbour.id).toBe("data-scientist");
    expect(json("how is data engineering different from software engineering?").neighbour.id).toBe("software-developer");
    // A title weighed against a role is no object of a task: choosing between two jobs is not choosing a platform.
    const jobs = json("choosing between data engineering and platform engineering, any advice?");
    expect([jobs.intent, jobs.neighbour?.id]).toEqual(["compare_roles", "devops-engineer"]);
    const b = json("Difference between a DBA and a database developer?");
    expect(b.intent).toBe("compare_roles");
    expect(b.neighbour.id).toBe("database-developer");
    expect(b.text).toMatch(/How they differ/);
    // Beside the DBA a bare "developer" is the database developer (neighbours.yaml `beside`); elsewhere a software developer.
    expect(json("Difference between Database Administrator and Developer?").neighbour.id).toBe("database-developer");
    expect(json("what's the difference between a developer and a data architect?").neighbour.id).toBe("software-developer");
    // A career choice between the two compares them too; choosing whom to ask about a task does not.
    const career = json("DBA or DevOps engineer, which one should I become?");
    expect([career.intent, career.neighbour?.id]).toEqual(["compare_roles", "devops-engineer"]);
    expect(json("which one should I ask about backups, the DBA or the architect?").intent).toBe("who_does");
    // Named side by side, as two roles are, they are compared with no other word to say so.
    for (const [q, id] of [
      ["DBA or sysadmin?", "system-administrator"],
      ["data architect or solutions architect for this?", "solutions-architect"],
      ["are DBAs and sysadmins the same?", "system-administrator"],
      // What one does, or has, that the other does not.
      ["what does a data steward do that a data manager doesn't?", "data-steward"],
      ["what skills must a data engineer have that a software engineer doesn't?", "software-developer"],
      // A move from one job to the other: after "from", opening the message, or said with its verb.
      ["From Senior Backend Dev to Data Engineer?", "software-developer"],
      ["SWE to DE", "software-developer"],
      ["devops engineer trying to move to data engineer", "devops-engineer"],
      // A move's far end may name its field loosely beside the job ("or AI"): still the two jobs side by side.
      ["thinking of moving from data engineering to data science or AI", "data-scientist"],
      // A career's two ways, kept or changed; a title's own field or standing word after it; more verbs of a move.
      ["should I stay in data engineering or go into backend dev?", "software-developer"],
      ["backend engineering intern or data engineering intern?", "software-developer"],
      ["data engineer hoping to expand to devops", "devops-engineer"],
      // Beside the data engineer a bare "ML" or "DS" is the job, not the field.
      ["data engineer to ML?", "machine-learning-engineer"],
      // The opening job with a word of its own before it; a move thought of; a field beside the data engineer.
      ["senior data analyst to data engineer?", "data-analyst"],
      ["data engineer thinking of switching to backend dev", "software-developer"],
      ["go from DE to cybersecurity?", "security-engineer"],
    ] as const) {
      const pair = json(q);
      expect([pair.intent, pair.neighbour?.id], q).toEqual(["compare_roles", id]);
    }
    // Alone, "ML" is the work's setting, not a job.
    expect(json("who builds the ML feature pipeline?").neighbour).toBeUndefined();
    // One title read two ways ("head of data" inside "head of data engineering") is not two titles side by side.
    expect(json("our head of data engineering wants ideas for using LLMs in pipelines").intent).not.toBe("compare_roles");
  });

  it("says work that only a neighbouring role does is not the data roles', and names that role", () => {
    for (const [q, neighbour] of [
      ["who defines the KPIs on the sales dashboard?", "data-analyst"],
      // The data scientist's own trade words name it.
      ["who builds our uplift models?", "data-scientist"],
      ["who runs the causal inference on the pricing experiment?", "data-scientist"],
      ["who picks the font for reports?", "bi-developer"],
      // The BI developer's own files and tools.
      ["how do we version control PBIX files?", "bi-developer"],
      // A BI tool's name is its own word, not the warehouse's "business intelligence"; a report's stale data stays ours.
      ["what is Power BI?", "bi-developer"],
      ["who runs the team stand-up?", "project-manager"],
      ["who writes the release notes for the app?", "project-manager"],
      // Its phrase matched whole, where the roles match only its single words ("read" access, a "mode").
      ["Viewing Dashboard in read-only mode?", "bi-developer"],
      // One phrase of its holds the whole task; the roles have its words only apart ("build", "BI").
      ["who builds the dashboards?", "bi-developer"],
      // A cluster's pods and an ORM's errors are the platform's and the application's, though "k8s" and "entity" are ours.
      ["our k8s pods keep getting OOMKilled", "devops-engineer"],
      // A prediction model is machine learning, which the lake holds data for; building one is the data scientist's.
      ["who builds the churn prediction model?", "data-scientist"],
      // A CI pipeline builds and deploys code; a data pipeline stays the engineer's (below).
      ["who sets up the github actions ci pipeline?", "devops-engineer"],
      ["how do i change the colour of the bars in my power bi report", "bi-developer"],
      ["A/B test on checkout, who checks if its significant", "data-scientist"],
      // The models' own trade words: boosted trees, anomaly detection, generative AI's systems.
      ["who tunes the GBMs for the anomaly detection?", "data-scientist"],
      ["who checks our RAG system's answers are any good?", "machine-learning-engineer"],
      ["hibernate throws LazyInitializationException on my entity", "software-developer"],
      // New to a tool is not starting in a role.
      ["I'm new to Metabase, how do I change the colour of the bars in a bar chart?", "bi-developer"],
      // Bare data nouns ("column", "table") say the subject is data, not that the task is the roles'.
      ["how do I change the font of a column header in the Tableau table?", "bi-developer"],
      // A model's accuracy is the data scientist's, though the roles have data quality's "accuracy".
      ["my model's validation accuracy is stuck at 20% while the training accuracy keeps rising, why?", "data-scientist"],
      // Records management (documents, files, archives) is the records manager's; how long data is kept stays ours.
      ["who is responsible for records management?", "records-manager"],
      ["can we throw away the paper originals once they are scanned?", "records-manager"],
      ["who sends old paper files to offsite storage?", "records-manager"],
      ["which retention label should the contracts library get?", "records-manager"],
      // An application's injection flaws are its security's, though "SQL" is a data word.
      ["has our web app ever been prone to SQL injection?", "security-engineer"],
      // Their things, though the roles have the verb: monitoring, deploying to production, prioritising, statistics.
      ["who monitors the SIEM alerts?", "security-engineer"],
      ["who deploys the ML model to production?", "machine-learning-engineer"],
      ["who prioritises the backlog?", "project-manager"],
      ["who owns the project timeline for the warehouse migration?", "project-manager"],
      ["who defines the metric for monthly active users?", "data-analyst"],
      ["who writes the LookML for the sales explore?", "bi-developer"],
      ["who maintains the prompt templates for the support bot?", "machine-learning-engineer"],
      ["who does the statistical analysis for the clinical trial?", "data-analyst"],
      ["who investigates why revenue dropped?", "data-analyst"],
      // An application's API and architecture are its developers' and its architects'.
      ["who builds the API for the mobile app?", "software-developer"],
      ["who designs the microservices architecture for the ordering system?", "solutions-architect"],
      // Servers' operating systems and the clusters the services run on are infrastructure; the databases' own
      // patches stay the DBA's (below).
      ["who patches the windows servers?", "system-administrator"],
      // The operating system's patches are the server's, even on the database server; so are its virtual machines.
      ["who patches the OS on the db server?", "system-administrator"],
      ["who spins up the VMs for the new servers", "system-administrator"],
      // An application's own code and screens are its developers', whatever database they call.
      ["who writes the backend code that calls the database", "software-developer"],
      ["who fixes the bug on the login screen", "software-developer"],
      ["who will create the dashboards in tableau for the sales team", "bi-developer"],
      ["who is making the power bi reports for management", "bi-developer"],
      ["who's responsible for fixing the login bug in the customer portal?", "software-developer"],
      // A prediction model is the data scientist's, not data the lake holds for machine learning.
      ["who's building the dropout prediction model", "data-scientist"],
      ["who runs the kubernetes cluster for our microservices?", "devops-engineer"],
      ["who fixes the login button on the android app?", "software-developer"],
      ["who writes the REST API for the mobile app?", "software-developer"],
      // Cross-site scripting is the web application's security, not the databases'.
      ["is our booking site open to XSS or CSRF attacks?", "security-engineer"],
    ] as const) {
      const a = json(q);
      expect(a.intent, q).toBe("out_of_scope");
      expect(a.neighbour.id, q).toBe(neighbour);
      expect(
        a.roles.every((r: { score: number }) => r.score < 0.5),
        q,
      ).toBe(true);
    }
    const stale = json("the power bi report is missing yesterday's orders, who fixes the load?");
    expect([stale.intent, stale.roles[0].id, stale.neighbour]).toEqual(["who_does", "data-warehouse-engineer", undefined]);
  });

  it("reads a message about a neighbouring job's world, asking no owner, as that job's, not a task of ours", () => {
    for (const q of [
      "how should we split up the modelling work across the DS team?",
      "masters in data science or ML, worth it?",
    ]) {
      const a = json(q);
      expect([a.intent, a.neighbour?.id], q).toEqual(["out_of_scope", "data-scientist"]);
    }
    // Asking for an owner, or about work of ours that fits better, is still a task of ours.
    for (const q of [
      "who splits up the modelling work across the DS team?",
      "should the data scientists get read access to the production database?",
    ])
      expect(json(q).intent, q).toBe("who_does");
  });

  it("keeps the data task when a neighbouring title is only context", () => {
    const a = whodoes.ask("our data scientists want the raw sensor logs kept in a data lake, who sets that up?");
    expect(a.intent).toBe("who_does");
    expect(a.roles[0]?.id).toBe("data-warehouse-engineer");
    expect(a.neighbour).toBeUndefined();
    // A role's own name is longer than the neighbour title inside it: "ETL developer" is not a developer.
    expect(whodoes.ask("what does an ETL developer do?").neighbour).toBeUndefined();
    // A database setting's name is no developer's code: "statement" alone is not an "if statement".
    expect(whodoes.ask("who sets log_min_duration_statement on prod?").neighbour).toBeUndefined();
    // The databases' patches, and where they run, are still the data roles' work.
    for (const [q, role] of [
      ["who patches the SQL Server boxes?", "database-administrator"],
      ["who builds the reporting tables for the dashboards?", "data-warehouse-engineer"],
      ["who builds the data pipeline from salesforce?", "data-warehouse-engineer"],
      ["should postgres run on kubernetes or a managed service?", "data-architect"],
    ] as const) {
      const b = whodoes.ask(q);
      expect([b.intent, b.roles[0]?.id], q).toEqual(["who_does", role]);
    }
  });

  it("reads a title that a task of ours acts on as the task's object, and another department's work on one as theirs", () => {
    // The data manager's "appoint data stewards": the stewards are what is appointed, not the job asked about.
    const a = json("who appoints data stewards?");
    expect([a.intent, a.roles[0].id, a.neighbour]).toEqual(["who_does", "data-manager", undefined]);
    // Hiring is recruitment's, whatever the job: the "data" of a title names no data to make it ours.
    for (const q of ["who hires data scientists?", "who hires DBAs?"]) {
      const b = json(q);
      expect([b.intent, b.neighbour], q).toEqual(["out_of_scope", undefined]);
    }
    // Still asked about as a job when no task of ours acts on it.
    expect(json("who is the data steward for the customer domain?").neighbour.id).toBe("data-steward");
    // The task's words come before its object: "data" after "product manager" makes no "data product" of the title.
    const pm = json("what does a product manager do for the data team?");
    expect([pm.intent, pm.neighbour?.id]).toEqual(["describe_role", "project-manager"]);
  });

  it("answers who holds a neighbouring role with the closest role, and two neighbours compared as out of scope", () => {
    const a = json("who is the data steward here?");
    expect(a.intent).toBe("who_does");
    expect(a.roles[0].id).toBe("data-manager");
    expect(a.neighbour.id).toBe("data-steward");
    const b = json("data scientist vs data analyst");
    expect(b.intent).toBe("out_of_scope");
    expect(b.neighbour.id).toBe("data-scientist");
  });

  it("names the neighbouring role whose own words another department's are, every one of them", () => {
    const tests = json("who writes the unit tests for the payments service?");
    expect([tests.intent, tests.neighbour?.id]).toEqual(["out_of_scope", "software-developer"]);
    // A warehouse's racking is not a server rack, nor a fire drill a report's drill-down.
    for (const q of ["who builds the new racking in warehouse B?", "who is responsible for the fire drills in our building"]) {
      const a = json(q);
      expect([a.intent, a.neighbour], q).toEqual(["out_of_scope", undefined]);
    }
    // Its words may join another department's word to a task's: email is the help desk's, email retention
    // the records manager's.
    const email = json("how long do we keep emails?");
    expect([email.intent, email.neighbour?.id]).toEqual(["out_of_scope", "records-manager"]);
  });

  it("describes a neighbouring title asked about as a real job: 'real' and 'job' are no streaming or scheduled job", () => {
    expect(json("is a BI dev a real job?")).toMatchObject({ intent: "describe_role", neighbour: { id: "bi-developer" } });
  });

  it("describes a neighbouring title asked about as one of 'the four roles': a number word is no task", () => {
    const a = json("is a data steward one of the four roles?");
    expect([a.intent, a.neighbour?.id]).toEqual(["describe_role", "data-steward"]);
  });

  it("names the neighbour in a collaboration question", () => {
    const a = json("how do DBAs and sysadmins work together?");
    expect(a.intent).toBe("collaboration");
    expect(a.roles[0].id).toBe("database-administrator");
    expect(a.neighbour.id).toBe("system-administrator");
  });

  it("keeps an organisation's role name written as a title as written mid-sentence", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-warehouse-engineer.yaml", (t) =>
      t.replace("name: Data warehouse engineer", "name: Data Warehouse Engineer"),
    );
    const text = answerToText(createWhodoes(loadKnowledge(copy.dir)).ask("what does a data scientist do?"));
    expect(text).toMatch(/the closest is the Data Warehouse Engineer/);
  });
});

describe("neighbours.yaml", () => {
  it("is optional", () => {
    copy = copyKnowledge();
    rmSync(join(copy.dir, "neighbours.yaml"));
    const w = createWhodoes(loadKnowledge(copy.dir));
    expect(w.knowledge.neighbours).toEqual([]);
    expect(w.ask("what does a data scientist do?").neighbour).toBeUndefined();
  });

  it("reports an unknown closest role and a title two neighbours share, at their line", () => {
    copy = copyKnowledge();
    copy.edit("neighbours.yaml", (t) => t.replace("closest: [data-warehouse-engineer]", "closest: [data-wizard]"));
    const err = loadError(copy.dir);
    expect(err.message).toMatch(/neighbours\.yaml:\d+: closest names an unknown role "data-wizard"/);
    copy.remove();
    copy = copyKnowledge();
    copy.edit("neighbours.yaml", (t) =>
      t.replace("    beside:\n      database-administrator:", "    beside:\n      data-wizard:"),
    );
    expect(loadError(copy.dir).message).toMatch(/neighbours\.yaml:\d+: beside names an unknown role "data-wizard"/);
    copy.remove();
    copy = copyKnowledge();
    copy.edit("neighbours.yaml", (t) => t.replace("aliases: [data analyst,", "aliases: [data scientist, data analyst,"));
    expect(loadError(copy.dir).message).toMatch(/"data scientist" is also a title of the neighbour "data-scientist"/);
  });

  it("gives way to a role file: a job an organisation models itself is a role, not a neighbour", () => {
    copy = copyKnowledge();
    copy.edit("roles/data-warehouse-engineer.yaml", (t) =>
      t.replace("  - data engineer\n", "  - data engineer\n  - bi developer\n"),
    );
    const w = createWhodoes(loadKnowledge(copy.dir));
    const a = w.ask("what does a BI developer do?");
    expect(a.intent).toBe("describe_role");
    expect(a.neighbour).toBeUndefined();
    expect(a.roles[0]?.id).toBe("data-warehouse-engineer");
  });
});
