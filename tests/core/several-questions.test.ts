/**
 * Several questions in one message, and long posts: each question (up to three) is answered in one
 * reply, on every surface; the reply's own intent and roles are the first question's; a long post's
 * context helps pick the role but the asking sentence decides what is asked.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answerToJson } from "../../src/adapters/cli/ask.js";
import { type Answer, createWhodoes, loadKnowledge, MAX_QUESTION_CHARS, type Whodoes } from "../../src/core/index.js";
import { answerToHtml } from "../../src/render/html.js";
import { answerToBlockKit } from "../../src/render/slack.js";
import { SLACK_LIMITS } from "../../src/render/slack-limits.js";
import { answerToAdaptiveCard, byteLength } from "../../src/render/teams.js";
import { MAX_CARD_BYTES } from "../../src/render/teams-limits.js";
import { answerToText } from "../../src/render/text.js";

let whodoes: Whodoes;
beforeAll(() => {
  whodoes = createWhodoes(loadKnowledge());
});
const top = (a: Answer) => a.roles[0]?.id;

describe("several questions in one message", () => {
  it("asks a question pasted twice once", () => {
    const twice = whodoes.ask("who restores a dropped table? who restores a dropped table? who restores a dropped table?");
    expect([twice.parts, top(twice)]).toEqual([undefined, "database-administrator"]);
    const a = whodoes.ask("who restores a dropped table? who designs the schema? Who restores a  dropped table?");
    expect(a.parts?.map((p) => [p.question, top(p)])).toEqual([
      ["who restores a dropped table?", "database-administrator"],
      ["who designs the schema?", "data-architect"],
    ]);
  });

  it("answers each part when the message starts by mentioning the bot, as a question in a channel does", () => {
    for (const q of [
      "<@U0BOT> who restores a dropped table and who designs the partitioning?",
      "<@U0BOT> who restores a dropped table? and who designs the partitioning?",
    ]) {
      const a = whodoes.ask(q);
      expect(
        a.parts?.map((p) => [p.intent, top(p)]),
        q,
      ).toEqual([
        ["who_does", "database-administrator"],
        ["who_does", "data-architect"],
      ]);
      expect(
        a.parts?.some((p) => p.question.includes("<@")),
        q,
      ).toBe(false);
    }
  });

  it("answers each part, in order, in one reply", () => {
    const a = whodoes.ask("who restores a dropped table and who designs the partitioning?");
    expect(a.parts?.map((p) => [p.intent, top(p)])).toEqual([
      ["who_does", "database-administrator"],
      ["who_does", "data-architect"],
    ]);
    // The reply's own fields are the first question's, so a script reading only them sees what it did before.
    expect(a.intent).toBe("who_does");
    expect(top(a)).toBe("database-administrator");
    // Each heading is a question, the first cut from the message before its "and" too (not "1. who restores a dropped
    // table:", as a heading without an end reads in plain text).
    expect(a.blocks.filter((b) => b.type === "heading").map((b) => (b.type === "heading" ? b.text : ""))).toEqual([
      "1. who restores a dropped table?",
      "2. who designs the partitioning?",
    ]);
  });

  it("asks apart a 'what ...?' or 'how ...?' joined to a 'who' question, a 'who' set beside another by 'vs', and one asked politely", () => {
    const asked = (q: string) => whodoes.ask(q).parts?.map((p) => [p.intent, top(p)]);
    expect(asked("who does backups, and what does a data manager do?")).toEqual([
      ["who_does", "database-administrator"],
      ["describe_role", "data-manager"],
    ]);
    expect(asked("who does data modelling vs who does data governance?")).toEqual([
      ["who_does", "data-architect"],
      ["who_does", "data-manager"],
    ]);
    // "can you tell me who ...?" asks "who" as plainly, so the second question does not borrow its backups.
    const polite = whodoes.ask("can you tell me who owns pg_dump backups? and who patches postgres?");
    expect(polite.parts?.[1]?.summary).not.toBe(polite.parts?.[0]?.summary);
    expect(polite.parts?.[1]?.summary).toMatch(/upgrade|patch/i);
    // A further question about the first is still read with it.
    expect(whodoes.ask("who builds the pipelines, and how do they test them?").parts).toBeUndefined();
  });

  it("reads roles offered as bare guesses before a 'who' question as its options, not a comparison asked apart", () => {
    const a = whodoes.ask("architect or DBA? who picks the schema?");
    expect([a.parts, a.intent, top(a)]).toEqual([undefined, "who_does", "data-architect"]);
    // Set side by side, or asked what they do, they are questions of their own.
    expect(whodoes.ask("DBA vs architect? who picks the schema?").parts?.map((p) => p.intent)).toEqual([
      "compare_roles",
      "who_does",
    ]);
    expect(whodoes.ask("What does a DBA do? who picks the schema?").parts?.map((p) => p.intent)).toEqual([
      "describe_role",
      "who_does",
    ]);
  });

  it("reads a list of 'who' questions after a colon as the questions, and what comes before as their subject", () => {
    const a = whodoes.ask(
      "For our EHR migration: who models the patient and encounter relationships, and who loads the historical data?",
    );
    expect(a.parts?.map((p) => [p.intent, top(p)])).toEqual([
      ["who_does", "data-architect"],
      ["who_does", "data-warehouse-engineer"],
    ]);
    // One "who" after a colon is one question; nothing is cut.
    expect(whodoes.ask("GDPR question: who decides how long we keep customer data?").parts).toBeUndefined();
  });

  it("reads a bare 'X vs Y' before a comma as the subject of the question after it, not a question of its own", () => {
    // Asked among the two it names, the owner is named outright (score 1), not guessed from the task alone.
    const a = whodoes.ask("DBA vs architect, who owns the indexes?");
    expect(a.parts).toBeUndefined();
    expect(a.roles.map((r) => [r.id, r.score])).toEqual([["data-architect", 1]]);
    const steward = whodoes.ask("Data steward vs data manager, who reports to whom?");
    expect([top(steward), steward.neighbour?.id]).toEqual(["data-manager", "data-steward"]);
  });

  it("splits the ways people list and join questions: '1-', '#2', 'q1:', '1) 2)' on one line, '+', 'n', 'whos'", () => {
    const roles = (q: string) => whodoes.ask(q).parts?.map((p) => p.roles[0]?.id ?? p.intent);
    const three = ["database-administrator", "data-architect", "data-manager"];
    expect(roles("1) who restores dropped tables 2) who designs partitioning 3) who owns data quality")).toEqual(three);
    expect(roles("1- who restores dropped tables\n2- who designs partitioning\n3- who owns data quality")).toEqual(three);
    expect(roles("q1: who restores dropped tables? q2: who designs partitioning?")).toEqual(three.slice(0, 2));
    expect(roles("pls who restores deleted rows from yesterday + who writes the pii access policy")).toEqual([
      "database-administrator",
      "data-manager",
    ]);
    expect(roles("who restores tables n who designs partitions")).toEqual(three.slice(0, 2));
    expect(roles("#1 who restores dropped tables #2 who designs partitioning")).toEqual(three.slice(0, 2));
    // A list on one line, of any kind of question; a chat opening before each "who" keeps them apart.
    expect(
      whodoes
        .ask("1) how do ETL devs work with data architects 2) how do DBAs work with data managers")
        .parts?.map((p) => p.roles.slice(0, 2).map((r) => r.id)),
    ).toEqual([
      ["data-warehouse-engineer", "data-architect"],
      ["database-administrator", "data-manager"],
    ]);
    expect(
      roles("hey quick ones: whos doing the etl for hubspot? whos approving that the hubspot data meets our rules?"),
    ).toEqual(["data-warehouse-engineer", "data-manager"]);
    expect(roles("yo who fixes slow querys on prod?? also who's the data governance person")).toEqual([
      "database-administrator",
      "data-manager",
    ]);
    expect(roles("three things: who restores dropped tables, who designs partitioning, and who owns data quality?")).toEqual(
      three,
    );
    expect(roles("whos responsible for data quality and who loads the crm data into the warehouse")).toEqual([
      "data-manager",
      "data-warehouse-engineer",
    ]);
    const a = whodoes.ask("#1 who restores dropped tables\n#2 who designs partitioning");
    expect(a.blocks.filter((b) => b.type === "heading").map((b) => (b.type === "heading" ? b.text : ""))).toEqual([
      "1. who restores dropped tables?",
      "2. who designs partitioning?",
    ]);
  });

  it("heads each question without the list's own marker (a pasted bullet list)", () => {
    const a = whodoes.ask("- who restores a dropped table?\n- who designs the partitioning?");
    expect(a.blocks.filter((b) => b.type === "heading").map((b) => (b.type === "heading" ? b.text : ""))).toEqual([
      "1. who restores a dropped table?",
      "2. who designs the partitioning?",
    ]);
  });

  it("reads each 'who ...?' question without the other 'who' questions' task words, though they share a noun", () => {
    const a = whodoes.ask(
      "Who builds and schedules the nightly loads into the warehouse? Who takes the backups of the warehouse database? Who sets the data quality standards the loads must meet?",
    );
    expect(a.parts?.map(top)).toEqual(["data-warehouse-engineer", "database-administrator", "data-manager"]);
    // A "who" added with "and" asks another thing after a question that does not ask "who"; a bare closing
    // "who ...?" may still be about the question before it.
    for (const q of [
      "Postgres or MySQL for the new app? and who restores a dropped table?",
      "Postgres or MySQL for the new app? and which role restores a dropped table?",
    ])
      expect(whodoes.ask(q).parts?.map(top), q).toEqual(["data-architect", "database-administrator"]);
    // Numbered within one sentence, announced ("Two questions: ..."), or "who's" twice: each is asked.
    for (const [q, roles] of [
      [
        "Two questions for the channel: 1) who should set up the nightly ETL into the warehouse, and 2) who should make sure the CRM database is backed up?",
        ["data-warehouse-engineer", "database-administrator"],
      ],
      [
        "Queries are getting slower. Two questions: who plans for this growth, and who fixes the performance today?",
        ["data-architect", "database-administrator"],
      ],
      [
        "Who's on the hook for compliance audits, and who's on the hook for the backups?",
        ["data-manager", "database-administrator"],
      ],
    ] as const)
      expect(whodoes.ask(q).parts?.map(top), q).toEqual(roles);
    // A context sentence that mentions "who does what" asks nothing: the post's question is its last sentence.
    const post = whodoes.ask(
      "Our org chart has a data manager and a DBA and people send access requests to both. I'd like to send a note explaining who does what. How is a data manager different from a database administrator?",
    );
    expect([post.intent, post.parts]).toEqual(["compare_roles", undefined]);
    // "which role ...?" asks who as "who ...?" does.
    const which = whodoes.ask("which role owns the ETL pipelines? which role owns the database servers?");
    expect(which.parts?.map(top)).toEqual(["data-warehouse-engineer", "database-administrator"]);
    // With task words of its own, an "it" does not make the question before its context.
    const bullets = whodoes.ask("- who builds the ETL for the new CRM feed?\n- who monitors the database after it goes live?");
    expect(bullets.parts?.map(top)).toEqual(["data-warehouse-engineer", "database-administrator"]);
    // After a matter that asks no "who", a closing "who owns that" is the same question, answered once.
    expect(whodoes.ask("do we actually have backups of the patient records? who owns that").parts).toBeUndefined();
    // A "who" with one word of its own about what came before ("who builds it?") is a question too.
    const it = whodoes.ask("who designs the star schema? And who builds it?");
    expect(it.parts?.length).toBe(2);
    expect(it.parts?.[1]?.roles[0]?.id).toBe("data-warehouse-engineer");
  });

  it("does not lend another question's data words to one about another department's matter", () => {
    // The first question's table made the second look like data work: "The same answer as question 1".
    const a = whodoes.ask("who restores a dropped table? and what's the wifi password?");
    expect(a.parts?.map((p) => [p.intent, top(p)])).toEqual([
      ["who_does", "database-administrator"],
      ["out_of_scope", undefined],
    ]);
  });

  it("asks a 'who ...?' with words of its own apart, though its task is a phrase ('master data'), and 'which role' too", () => {
    for (const [q, roles] of [
      ["who owns master data? who builds the warehouse?", ["data-manager", "data-warehouse-engineer"]],
      ["Who controls changes to the prod database? Who designs the schema?", ["database-administrator", "data-architect"]],
      ["which role does backups and which role does ETL?", ["database-administrator", "data-warehouse-engineer"]],
    ] as const)
      expect(whodoes.ask(q).parts?.map(top), q).toEqual(roles);
  });

  it("gives the answer once when every question comes to it, keeping each question in parts", () => {
    const q = "Which database should the new app use? Postgres or MySQL?";
    const a = whodoes.ask(q);
    expect(a.parts?.map((p) => [p.question, top(p)])).toEqual([
      ["Which database should the new app use?", "data-architect"],
      ["Postgres or MySQL?", "data-architect"],
    ]);
    expect(a.title).toBe("Data architect");
    expect(a.blocks.some((b) => b.type === "heading")).toBe(false);
    expect(answerToText(a)).not.toContain("The same answer as question");
    const json = JSON.parse(answerToJson(a)) as { intent: string; roles: { id: string }[]; parts?: unknown[] };
    expect([json.intent, json.roles[0]?.id, json.parts?.length]).toEqual(["who_does", "data-architect", 2]);
    // Questions that come to different answers are each answered under their own heading, as before.
    expect(whodoes.ask("who restores a dropped table? who designs the schema?").title).toBe("Your two questions");
  });

  it("answers different kinds of question, and at most three", () => {
    const a = whodoes.ask(
      "What does a DBA do? How is that different from a data architect? Who owns data quality? Who runs the ETL?",
    );
    expect(a.parts?.map((p) => p.intent)).toEqual(["describe_role", "compare_roles", "who_does"]);
    expect(a.parts?.[1]?.roles.map((r) => r.id)).toEqual(["database-administrator", "data-architect"]);
    expect(top(a.parts?.[2] as Answer)).toBe("data-manager");
  });

  it("reads a closing 'whose call?' that finds nothing of its own with the question before it", () => {
    for (const q of [
      "Postgres or MySQL for the new app? whose call",
      "should we partition the orders table by month or by customer? Whose call?",
    ]) {
      const a = whodoes.ask(q);
      expect(a.parts, q).toBeUndefined();
      expect([a.intent, top(a)], q).toEqual(["who_does", "data-architect"]);
    }
    // Two in a row both join the question they follow.
    const both = whodoes.ask("Postgres or MySQL for the new app? whose call? who decides the approach?");
    expect([both.parts, both.intent, top(both)]).toEqual([undefined, "who_does", "data-architect"]);
    // It joins the question it follows, not the first: the one after it is still a question apart.
    const middle = whodoes.ask("who restores a dropped table? whose call? who designs the partitioning?");
    expect(middle.parts?.map((p) => [p.question, top(p)])).toEqual([
      ["who restores a dropped table? whose call?", "database-administrator"],
      ["who designs the partitioning?", "data-architect"],
    ]);
    const last = whodoes.ask("who restores a dropped table? Who designs the partitioning? whose call?");
    expect(last.parts?.map((p) => [p.question, top(p)])).toEqual([
      ["who restores a dropped table?", "database-administrator"],
      ["Who designs the partitioning? whose call?", "data-architect"],
    ]);
    // A second question of another department's stays apart.
    expect(whodoes.ask("who restores a dropped table? and what's the wifi password?").parts?.map((p) => p.intent)).toEqual([
      "who_does",
      "out_of_scope",
    ]);
  });

  it("offers only buttons that say whose they are when the questions are about different roles", () => {
    const labels = (q: string) => whodoes.ask(q).actions.map((a) => a.label);
    // Not "Compare with the architect" beside "Compare with the DWH engineer", nor a "Who do they work with?" of either.
    expect(labels("what does a DBA do and who designs the partitioning?")).toEqual([
      "What does an architect do?",
      "👍 Helpful",
      "👎 Not helpful",
    ]);
    expect(labels("who restores a dropped table and who designs the partitioning?")).toEqual([
      "What does a DBA do?",
      "What does an architect do?",
      "👍 Helpful",
      "👎 Not helpful",
    ]);
    // Both about the DBA: every button is the DBA's, as for one question.
    expect(labels("who restores a dropped table and who runs the backups?")).toEqual(labels("who restores a dropped table?"));
  });

  it("echoes a Slack link in a question as its label, not as Slack's markup", () => {
    const first = (q: string) => whodoes.ask(q).parts?.[0]?.question.trim();
    const labelled = "who maintains <https://wiki.example.com/etl|the ETL wiki> and who designs the partitioning?";
    expect(first(labelled)).toBe("who maintains the ETL wiki");
    expect(JSON.stringify(answerToBlockKit(whodoes.ask(labelled)).blocks)).not.toContain("&lt;https");
  });

  it("heads a question that ends in an emoji code without cutting the code in half", () => {
    const a = whodoes.ask("who restores a dropped table :pray: and who designs the partitioning? :thinking_face:");
    const headings = a.blocks.flatMap((b) => (b.type === "heading" ? [b.text] : []));
    expect(headings).toEqual(["1. who restores a dropped table?", "2. who designs the partitioning?"]);
  });

  it("says which questions it left beyond the third, and offers each as a button that asks it", () => {
    const a = whodoes.ask(
      "Who restores a dropped table? Who designs the partitioning? Who owns master data? Who tunes <b>slow</b> queries?",
    );
    expect(a.parts).toHaveLength(3);
    expect(a.unasked).toEqual(["Who tunes <b>slow</b> queries?"]);
    const text = answerToText(a);
    expect(text).toMatch(
      /up to three questions at a time. Ask this one again on its own:\s+\S+ Who tunes <b>slow<\/b> queries\?/,
    );
    expect(a.actions[0]).toEqual({ label: "Ask question 4", action: { do: "ask", text: "Who tunes <b>slow</b> queries?" } });
    // The button asks it, and it is answered on its own.
    expect(top(whodoes.act(a.actions[0]?.action as never))).toBe("database-administrator");
    expect(JSON.parse(answerToJson(a)).unasked).toEqual(["Who tunes <b>slow</b> queries?"]);
    // Echoed as text, never as markup.
    expect(answerToHtml(a)).not.toContain("<b>slow</b>");
    expect(JSON.stringify(answerToBlockKit(a).blocks)).toContain("&lt;b&gt;slow&lt;/b&gt;");
    // Three questions leave nothing out.
    expect(
      whodoes.ask("Who restores a dropped table? Who designs the partitioning? Who owns master data?").unasked,
    ).toBeUndefined();
  });

  it("reads a sentence that only asks ('what's the difference?') with the question it follows", () => {
    const a = whodoes.ask("is indexing the architect's job or the DBA's? how do those two roles differ");
    expect(a.parts).toBeUndefined();
    const b = whodoes.ask("first week as a data architect, what should I read and who should I meet?");
    expect(b.parts).toBeUndefined();
    expect(b.intent).toBe("onboarding");
    // The question put another way is the same question.
    for (const q of [
      "Who owns data quality? Like, who's actually responsible for making sure the data is accurate?",
      "who designs the partitioning? i.e. whose job is it to decide how we partition the big tables?",
      "Who patches the database servers? As in, who applies the security patches?",
      "Who builds the ETL? I mean who writes the actual extract-transform-load jobs?",
    ])
      expect(whodoes.ask(q).parts, q).toBeUndefined();
    // An alternative offered ("Or ...?") is the same question, not a second one.
    const c = whodoes.ask("Is a data warehouse engineer a real job? Or is that lumped in with the database engineer?");
    expect(c.parts).toBeUndefined();
    expect(c.intent).toBe("compare_roles");
  });

  it("reads a question leaning on the one before it in a chat message as a follow-up of that one's answer", () => {
    const parts = (q: string) => whodoes.ask(q).parts?.map((p) => [p.intent, ...p.roles.slice(0, 2).map((r) => r.id)]);
    expect(parts("who tunes slow queries? how is that role different from a data architect?")).toEqual([
      ["who_does", "database-administrator"],
      ["compare_roles", "database-administrator", "data-architect"],
    ]);
    expect(parts("how does the data manager work with the DBA? and with the ETL devs?")).toEqual([
      ["collaboration", "data-manager", "database-administrator"],
      ["collaboration", "data-manager", "data-warehouse-engineer"],
    ]);
  });

  it("answers asking for the roles apart from a question with a task or role of its own", () => {
    const a = whodoes.ask("what roles are there? which one owns data quality?");
    expect(a.parts?.map((p) => [p.intent, p.roles[0]?.id])).toEqual([
      ["list_roles", "data-architect"],
      ["who_does", "data-manager"],
    ]);
    expect(whodoes.ask("What roles are there? Which roles do you know about, I mean?").parts).toBeUndefined();
  });

  it("answers a further question with words of its own, but no task word, about the question before it", () => {
    const a = whodoes.ask("Should we upgrade the prod database to the next point release? What are the risks of waiting?");
    expect(a.parts?.map((p) => [p.intent, top(p)])).toEqual([
      ["who_does", "database-administrator"],
      ["who_does", "database-administrator"],
    ]);
    // Too few words of its own to ask apart: read with the question it follows.
    expect(whodoes.ask("Should we upgrade the prod database to the next point release? Thoughts?").parts).toBeUndefined();
  });

  it("answers a first question with words of its own but no task word too, understood with the one after it", () => {
    const a = whodoes.ask("Any idea why this happens? Who tunes slow queries?");
    expect(a.parts?.map((p) => [p.question, p.intent, top(p)])).toEqual([
      ["Any idea why this happens?", "who_does", "database-administrator"],
      ["Who tunes slow queries?", "who_does", "database-administrator"],
    ]);
    // "normal" is no normalisation, so "Is that normal?" has too few words of its own to be asked apart.
    const one = whodoes.ask("Is that normal? Can we rebuild the indexes online?");
    expect([one.parts, one.roles[0]?.id]).toEqual([undefined, "database-administrator"]);
    // Too few words of its own to be asked apart.
    expect(whodoes.ask("Thoughts? Who restores a dropped table?").parts).toBeUndefined();
  });

  it("extends --json with the parts, renaming nothing", () => {
    const j = JSON.parse(answerToJson(whodoes.ask("who restores a dropped table and who designs the partitioning?")));
    expect(Object.keys(j)).toEqual(["intent", "roles", "text", "title", "summary", "evidence", "parts"]);
    expect(j.parts).toHaveLength(2);
    expect(Object.keys(j.parts[0])).toEqual(["question", "intent", "roles", "summary", "evidence"]);
    expect(j.parts[1].roles[0].id).toBe("data-architect");
    // One question: no parts field at all.
    expect(JSON.parse(answerToJson(whodoes.ask("who restores a dropped table?"))).parts).toBeUndefined();
  });

  it("shows every part on every surface, the asker's words escaped", () => {
    const a = whodoes.ask("who restores a <b>dropped</b> table & who designs the partitioning?");
    expect(a.parts).toHaveLength(2);
    const text = answerToText(a);
    expect(text).toContain("Database administrator");
    expect(text).toContain("Data architect");
    expect(text).toContain("2. who designs the partitioning?");

    const html = answerToHtml(a);
    expect(html).toContain("who restores a &lt;b&gt;dropped&lt;/b&gt; table");
    expect(html).not.toContain("<b>dropped</b>");
    expect(html).toContain("Data architect");

    const slack = JSON.stringify(answerToBlockKit(a).blocks);
    expect(slack).toContain("&lt;b&gt;dropped&lt;/b&gt; table");
    expect(slack).toContain("Data architect");

    const teams = JSON.stringify(answerToAdaptiveCard(a));
    expect(teams).toContain("2. who designs the partitioning?");
    expect(teams).toContain("Data architect");
  });

  it("fits Slack's and Teams' limits with three long answers", () => {
    const a = whodoes.ask("What does a DBA do? What does a data architect do? And what does a data manager do?");
    expect(a.parts).toHaveLength(3);
    const slack = answerToBlockKit(a);
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(JSON.stringify(slack.blocks)).toContain("Data manager");
    expect(byteLength(answerToAdaptiveCard(a))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });
});

describe("long posts", () => {
  it("lets the asking sentence decide the intent and the context pick the role", () => {
    const post = [
      "I'm new to the idea of data vault and I'm reading a book about it to understand it better.",
      "We load our CRM and billing data every night.",
      "Who should build the hubs, links and satellites in the warehouse?",
    ].join(" ");
    const a = whodoes.ask(post);
    expect(a.intent).toBe("who_does");
    expect(top(a)).toBe("data-warehouse-engineer");
    // A question told as asked ("asked me who ...") is the asking sentence too, and "Who is that?" leans on it.
    const told = [
      "Hospital IT here. The EHR database is patched and encrypted, the warehouse loads nightly, and the new",
      "analytics platform is being designed. But the compliance officer asked me who on the data team ensures we",
      "adhere to healthcare regulations. Who is that?",
    ].join(" ");
    expect(top(whodoes.ask(told))).toBe("data-manager");
  });

  it("keeps the asking sentence as the question though it has no task word, unless it leans on the context", () => {
    // The context's "better" and its two job titles do not make a comparison of a question about a catalogue.
    const catalogue = whodoes.ask(
      "Should we keep a data catalogue? Our data engineers and data scientists would use it. I think it would make us a better team.",
    );
    expect([catalogue.intent, top(catalogue)]).toEqual(["who_does", "data-manager"]);
    // Being new to a tool is the asker's story, not a request for the welcome tour.
    const airflow = whodoes.ask("I'm new to Airflow and have read the docs. Is there a way to rerun only the failed tasks?");
    expect([airflow.intent, top(airflow)]).toEqual(["who_does", "data-warehouse-engineer"]);
    // "that role" is the context's: the question is read with it.
    const joined = whodoes.ask("A 'data manager' joined our hospital this week. What is that role actually responsible for?");
    expect([joined.intent, top(joined)]).toEqual(["describe_role", "data-manager"]);
  });

  it("reads what a named role did or said in the context as that role's, not as the work asked about", () => {
    const outages = [
      "We've had two outages this year because there is a single primary and no failover.",
      "The DBA restored from backup both times, which took hours.",
      "Management now wants high availability. Who designs the HA setup?",
    ].join(" ");
    expect(top(whodoes.ask(outages))).toBe("data-architect");
    const counts = [
      "Every quarter, sales and finance report different customer counts.",
      "Both pull from the warehouse but apply different filters; the ETL developer says his loads are correct.",
      "Who is accountable for data quality overall?",
    ].join(" ");
    expect(top(whodoes.ask(counts))).toBe("data-manager");
  });

  it("answers a forum post of several paragraphs that asks what a role does", () => {
    const post = [
      "I have worked in support for five years and keep hearing about database administrators.",
      "Our team has one, and they seem to spend the day on things I never see.",
      "",
      "Everyone says it is a good career, but nobody could tell me what the work actually is.",
      "What does a DBA actually do all day?",
    ].join("\n");
    expect(post.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    const a = whodoes.ask(post);
    expect(a.intent).toBe("describe_role");
    expect(top(a)).toBe("database-administrator");
  });
});
