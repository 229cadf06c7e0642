/**
 * Follow-ups in the core: a message that leans on the last turn is read against its context; one that
 * starts a new topic is not. Each conversation is asked turn by turn, carrying `answer.context` as an
 * adapter does. These phrasings are the feature's own, not eval questions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { findReferences } from "../../src/core/follow-up/references.js";
import {
  type Answer,
  createMatcher,
  createWhodoes,
  loadKnowledge,
  parseTurnContext,
  type TurnContext,
  type Whodoes,
} from "../../src/core/index.js";

let whodoes: Whodoes;
beforeAll(() => {
  whodoes = createWhodoes(loadKnowledge());
});

/** Ask each message in turn, carrying the context; the answers in order. */
function converse(...messages: string[]): Answer[] {
  let previous: TurnContext | undefined;
  return messages.map((text) => {
    const answer = whodoes.ask(text, previous ? { previous } : {});
    previous = answer.context ?? previous;
    return answer;
  });
}
const last = (answers: Answer[]) => answers[answers.length - 1] as Answer;
const ids = (a: Answer) => a.roles.map((r) => r.id);
const evidence = (a: Answer) => a.roles.flatMap((r) => r.evidence.map((e) => `${r.id}/${e.responsibilityId}`));

describe("a follow-up about the last role", () => {
  it("'what else do they do?' describes the role that owned the task", () => {
    const a = last(converse("who restores a dropped table?", "what else do they do?"));
    expect(a.intent).toBe("describe_role");
    expect(ids(a)).toEqual(["database-administrator"]);
  });

  it("a bare 'what else?' or 'anything else?' asks what 'what else do they do?' asks", () => {
    for (const [first, role] of [
      ["who restores a dropped table?", "database-administrator"],
      ["what does a data architect do?", "data-architect"],
    ] as const)
      for (const more of ["what else?", "ok thanks, anything else?"]) {
        const a = last(converse(first, more));
        expect([a.intent, ids(a)], `${first} / ${more}`).toEqual(["describe_role", [role]]);
      }
    // The context it leaves is the role's, so a comparison after it still has the role to compare.
    const c = last(converse("what does a data architect do?", "what else?", "how's that different from a data manager?"));
    expect([c.intent, ids(c)]).toEqual(["compare_roles", ["data-architect", "data-manager"]]);
    expect(whodoes.ask("what else?").intent).toBe("out_of_scope");
  });

  it("'more', 'go on' and 'continue' ask for more as 'what else?' does, even mid-tour", () => {
    for (const more of ["more", "go on", "continue"]) {
      const a = last(converse("what does a dba do?", more));
      expect([a.intent, ids(a), a.summary], more).toEqual([
        "describe_role",
        ["database-administrator"],
        "More of what the database administrator does (13–24 of 28)",
      ]);
    }
    expect(last(converse("I'm a new DBA, where do I start?", "what does a dba do?", "more")).summary).toMatch(/^More of what/);
  });

  it("asked about the role just described, it lists the next of its responsibilities, not the same ones again", () => {
    const listed = (a: Answer) =>
      a.blocks.flatMap((b) => (b.type === "list" ? b.items.map((i) => i.map((s) => s.text).join("")) : []));
    const architect = whodoes.knowledge.roles.find((r) => r.id === "data-architect");
    const all = architect?.responsibilities.map((r) => r.statement) ?? [];
    expect(all.length).toBeGreaterThan(24);
    const [first, second, third, fourth, fifth] = converse(
      "what does a data architect do?",
      "what else do they do?",
      "anything else?",
      "what else?",
      "what else?",
    ) as [Answer, Answer, Answer, Answer, Answer];
    expect(listed(first)).toEqual(all.slice(0, 12));
    expect(listed(second)).toEqual(all.slice(12, 24));
    expect([second.intent, ids(second)]).toEqual(["describe_role", ["data-architect"]]);
    expect(second.context?.listed).toBe(24);
    expect(listed(third)).toEqual(all.slice(24));
    // Once every one has been shown, it says so, and goes on saying so, rather than going round again.
    for (const done of [fourth, fifth]) {
      expect(listed(done)).toEqual([]);
      expect([done.intent, ids(done), done.summary]).toEqual([
        "describe_role",
        ["data-architect"],
        `That's all ${all.length} things the data architect does. Ask about any task to see whose it is.`,
      ]);
    }
    // Asked something else about it ("how do I become one?"), the role is described from the start.
    expect(listed(last(converse("what does a data architect do?", "how do I become one?")))).toEqual(all.slice(0, 12));
    // Another role, or the same role after something else, starts at the beginning.
    expect(listed(last(converse("what does a data architect do?", "and the DBA?")))[0]).toBe(
      whodoes.knowledge.roles.find((r) => r.id === "database-administrator")?.responsibilities[0]?.statement,
    );
    expect(
      listed(last(converse("what does a data architect do?", "who restores a dropped table?", "what does an architect do?"))),
    ).toEqual(all.slice(0, 12));
    // The count travels with the context through the store.
    expect(parseTurnContext(JSON.stringify(second.context))?.listed).toBe(24);
  });

  it("'where does the DBA fit in?' asks how the role named works with the last one", () => {
    const a = last(converse("who designs the warehouse schema?", "where does the DBA fit in?"));
    expect([a.intent, ids(a)]).toEqual(["collaboration", ["data-architect", "database-administrator"]]);
  });

  it("a follow-up whose verb is another role's way of working asks for that role's part in the last task", () => {
    const builds = last(
      converse("who defines the integration strategy between the CRM and the warehouse?", "and who builds it?"),
    );
    expect(ids(builds)[0]).toBe("data-warehouse-engineer");
    const runs = last(converse("who chooses the database platform for the new app?", "and who keeps it running day to day?"));
    expect(ids(runs)[0]).toBe("database-administrator");
    // The owner's own verb keeps the owner.
    expect(ids(last(converse("who chooses the database platform for the new app?", "and who decides that?")))[0]).toBe(
      "data-architect",
    );
  });

  it("building the ML model on the last task's lake is the data scientist's, not the lake's builder's", () => {
    const a = last(converse("who sets up the data lake for the analytics team?", "and who builds the ML model on it?"));
    expect([a.intent, a.neighbour?.id]).toEqual(["out_of_scope", "data-scientist"]);
  });

  it("'which one should I go for?' after two roles compared, and 'how do I get into that?' after one described", () => {
    const choose = last(converse("what's the difference between a DBA and a data architect?", "which one should I go for?"));
    expect([choose.intent, ids(choose)]).toEqual(["compare_roles", ["database-administrator", "data-architect"]]);
    const into = last(converse("what does a data engineer do?", "how do I get into that?"));
    expect([into.intent, ids(into)]).toEqual(["describe_role", ["data-warehouse-engineer"]]);
    // Which of them pays better is pay.
    expect(whodoes.ask("which pays better, DBA or data engineer?").intent).toBe("out_of_scope");
  });

  it("a role named before the pronoun is what it stands for: 'and the architect, who do they work with?'", () => {
    const a = last(converse("what does a data manager do?", "and the architect, who do they work with?"));
    expect([a.intent, ids(a)[0]]).toEqual(["collaboration", "data-architect"]);
    // Without a role of its own, "they" is still the last one.
    const b = last(converse("what does a data manager do?", "and who do they work with?"));
    expect([b.intent, ids(b)[0]]).toEqual(["collaboration", "data-manager"]);
  });

  it("'who helps them?' is whom the last role works with, not a request for the bot's help", () => {
    const a = last(converse("who builds the ETL?", "who helps them?"));
    expect([a.intent, ids(a)[0]]).toEqual(["collaboration", "data-warehouse-engineer"]);
    expect(last(converse("who builds the ETL?", "can you help me?")).intent).toBe("help");
    // "w/" is "with".
    const b = last(converse("who builds the ETL?", "how do they work w/ the DBA?"));
    expect([b.intent, ids(b)]).toEqual(["collaboration", ["data-warehouse-engineer", "database-administrator"]]);
  });

  it("'and vs an analytics engineer?' after a comparison compares the new title with the role the answer led with", () => {
    const a = last(converse("data engineer vs data scientist?", "and vs an analytics engineer?"));
    expect([a.intent, a.roles[0]?.id, a.neighbour?.id]).toEqual([
      "compare_roles",
      "data-warehouse-engineer",
      "analytics-engineer",
    ]);
  });

  it("'and the DBA?' asks the same question of another role", () => {
    const a = last(converse("what does a data architect do?", "and the DBA?"));
    expect(a.intent).toBe("describe_role");
    expect(ids(a)).toEqual(["database-administrator"]);
  });

  it("'how are they different?' after two roles described compares them; 'what else do they do?' is the last", () => {
    for (const question of [
      "how are they different?",
      "what's the difference between them?",
      "so where does one stop and the other start?",
    ]) {
      const a = last(converse("what does a data architect do?", "and the DBA?", question));
      expect([a.intent, ids(a)], question).toEqual(["compare_roles", ["database-administrator", "data-architect"]]);
    }
    const b = last(converse("what does a data architect do?", "and the DBA?", "what else do they do?"));
    expect([b.intent, ids(b)]).toEqual(["describe_role", ["database-administrator"]]);
  });

  it("'and the data manager?' after a comparison compares the first role with it", () => {
    const a = last(converse("dba vs data architect", "and the data manager?"));
    expect(a.intent).toBe("compare_roles");
    expect(ids(a)).toEqual(["database-administrator", "data-manager"]);
  });

  it("'how do they work with the DBA?' is the last role's collaboration with the DBA", () => {
    const a = last(converse("what does a data architect do?", "how do they work with the DBA?"));
    expect(a.intent).toBe("collaboration");
    expect(ids(a)).toEqual(["data-architect", "database-administrator"]);
  });

  it("'what else is on their plate?' and a mistyped 'they' ('tehy', 'thye') are about the last role too", () => {
    expect(ids(last(converse("who owns data literacy training?", "what else is on their plate?")))).toEqual(["data-manager"]);
    expect(last(converse("who restores a dropped table?", "what else do tehy do")).intent).toBe("describe_role");
    const a = last(converse("who owns data quality?", "how do thye work with the dwh engineer?"));
    expect([a.intent, ids(a).slice(0, 2)]).toEqual(["collaboration", ["data-manager", "data-warehouse-engineer"]]);
  });

  it("'tell me more about them' after whose task it is describes that role", () => {
    const a = last(converse("who makes sure our data systems can scale?", "tell me more about them"));
    expect([a.intent, ids(a)[0]]).toEqual(["describe_role", "data-architect"]);
  });

  it("'who do they work with?' and 'what are their responsibilities?' are about the last role", () => {
    expect(ids(last(converse("what does the data manager do?", "who do they work with?")))[0]).toBe("data-manager");
    const a = last(converse("who checks data quality?", "what are their responsibilities?"));
    expect(a.intent).toBe("describe_role");
    expect(ids(a)).toEqual(["data-manager"]);
  });

  it("'one' after 'become', 'as' or 'does' is the last role: 'how do I become one?', 'what does one do?'", () => {
    const a = last(converse("who restarts the database when it hangs?", "how do I become one?"));
    expect([a.intent, ids(a)[0]]).toEqual(["describe_role", "database-administrator"]);
    const b = last(
      converse("who moves data from the CRM to the warehouse every night?", "how do I get onboarded as one of those?"),
    );
    expect([b.intent, ids(b)[0]]).toEqual(["onboarding", "data-warehouse-engineer"]);
    // "what does one do" asks about the role too.
    const c = last(converse("what does a data architect do?", "and what does one do in a small company?"));
    expect([c.intent, ids(c)[0]]).toEqual(["describe_role", "data-architect"]);
    // "IT" in capitals is information technology, not "it"; in a message all in capitals it is still "it".
    expect(findReferences("what about the IT side, who keeps IT aligned?")).toEqual([]);
    expect(findReferences("DOES IT NEED ENCRYPTING?")).toHaveLength(1);
    // Elsewhere "one" is a number or a thing: "which one restores a table?" is asked afresh.
    expect(ids(last(converse("who designs the star schema?", "which one restores a dropped table?")))[0]).toBe(
      "database-administrator",
    );
  });

  it("'how do I get started?' after a question about a role starts that role's tour", () => {
    const a = last(converse("what does a data manager do?", "how do I get started?"));
    expect(a.intent).toBe("onboarding");
    expect(a.title).toMatch(/^Data manager: /);
    const b = last(converse("How do you become a DBA?", "Where do you start?"));
    expect([b.intent, b.roles[0]?.id]).toEqual(["onboarding", "database-administrator"]);
  });

  it("'what should I learn first for that?' after whose task it is starts that role's tour", () => {
    const a = last(converse("who designs the partitioning of the orders table?", "what should I learn first for that?"));
    expect(a.intent).toBe("onboarding");
    expect(a.title).toMatch(/^Data architect: /);
    const b = last(converse("who maintains the warehouse?", "how do I get started doing that?"));
    expect([b.intent, b.title]).toEqual(["onboarding", expect.stringMatching(/^Data warehouse engineer: /)]);
    // Without "for that", a task answer leaves "I'm new here" to pick a role.
    expect(last(converse("who runs the backups?", "I'm new here")).roles).toEqual([]);
  });

  it("'compare them' after an answer about one role sets that role beside every other, it first", () => {
    const a = last(converse("who designs the partitioning", "compare them"));
    expect([a.intent, ids(a)[0]]).toEqual(["list_roles", "data-architect"]);
    const table = a.blocks.find((b) => b.type === "table");
    expect(table?.type === "table" ? table.table.columns[0]?.id : undefined).toBe("data-architect");
  });

  it("'is the architect different?' compares it with the last role", () => {
    const a = last(converse("what does the dba do", "is the architect different?"));
    expect(a.intent).toBe("compare_roles");
    expect(ids(a)).toEqual(["database-administrator", "data-architect"]);
    // "diff", as chat says it, asks it too.
    const diff = last(converse("wat does a dba do", "whats the diff with a data architect"));
    expect([diff.intent, ids(diff)]).toEqual(["compare_roles", ["database-administrator", "data-architect"]]);
  });

  it("'the manager' and 'the engineer' in a conversation are the roles whose names end so", () => {
    const a = last(
      converse("how does the data manager work with the data warehouse engineer?", "what does the engineer do again?"),
    );
    expect([a.intent, ids(a)[0]]).toEqual(["describe_role", "data-warehouse-engineer"]);
    const b = last(converse("list the roles", "what does the manager do?"));
    expect([b.intent, ids(b)[0]]).toEqual(["describe_role", "data-manager"]);
    // Alone, "the manager" is anyone's manager; so it is after a task's answer, unless the message is an ellipsis.
    expect(converse("what does the manager do?")[0]?.intent).not.toBe("describe_role");
    expect(ids(last(converse("who restores a dropped table?", "who is the manager of the facilities team?")))).not.toContain(
      "data-manager",
    );
    // Beside another role, in a question about roles together, it is that role even in a first message.
    const c = whodoes.ask("what's the difference between the architect and the engineer?");
    expect([c.intent, ids(c)]).toEqual(["compare_roles", ["data-architect", "data-warehouse-engineer"]]);
    expect(ids(whodoes.ask("how does the DBA work with the manager?"))).toEqual(["database-administrator", "data-manager"]);
  });

  it("'how is that different from the DBA?' after whose task it is compares the owner with the DBA", () => {
    const a = last(converse("who runs the nightly ETL?", "how is that different from the DBA?"));
    expect(a.intent).toBe("compare_roles");
    expect(ids(a)).toEqual(["data-warehouse-engineer", "database-administrator"]);
  });
});

describe("a newcomer's follow-ups", () => {
  it("are about the role of their tour, whatever came between: what to learn, who they work with", () => {
    const answers = converse(
      "I'm starting as a DBA next week",
      "what should I learn first?",
      "who will I work with?",
      "and how do I work with the data manager?",
    );
    expect(answers.map((a) => a.intent)).toEqual(["onboarding", "onboarding", "collaboration", "collaboration"]);
    expect(answers[1]?.title).toMatch(/^Database administrator: /);
    expect(ids(answers[2] as Answer)[0]).toBe("database-administrator");
    expect(ids(answers[3] as Answer).slice(0, 2)).toEqual(["database-administrator", "data-manager"]);
    // What they will be doing is what the role does.
    const day = last(converse("I start monday as a data architect. how do I get started?", "what will I be doing day to day?"));
    expect([day.intent, ids(day)]).toEqual(["describe_role", ["data-architect"]]);
  });

  it("keep the tour's role in the context, through the store's JSON", () => {
    const [, , a] = converse("I just joined as a data manager", "who restores a dropped table?", "who do I work with most?");
    expect(a?.intent).toBe("collaboration");
    expect(ids(a as Answer)[0]).toBe("data-manager");
    expect(parseTurnContext(JSON.stringify(a?.context))?.starting).toBe("data-manager");
  });

  it("a role typed in answer to 'which role are you starting in?' starts its tour, as its button would", () => {
    for (const [typed, role] of [
      ["DBA", "database-administrator"],
      ["as a data manager", "data-manager"],
      ["I'll be a data architect", "data-architect"],
    ]) {
      const a = last(converse("I'm new here", typed as string));
      expect([a.intent, ids(a)[0]], typed).toEqual(["onboarding", role]);
    }
    // A question about a role is still answered as asked.
    expect(last(converse("I'm new here", "what does a DBA do?")).intent).toBe("describe_role");
    expect(last(converse("who restores a dropped table?", "DBA")).intent).not.toBe("onboarding");
  });

  it("keep the tour's role across a button pressed between, given the last turn", () => {
    const started = whodoes.ask("I'm a new DBA, what should I do first?").context as TurnContext;
    const pressed = whodoes.act({ do: "collaborate", role: "data-manager" }, { previous: started });
    expect(pressed.context?.starting).toBe("database-administrator");
    const a = whodoes.ask("what should I learn first?", { previous: pressed.context as TurnContext });
    expect(a.title).toMatch(/^Database administrator: /);
  });

  it("but a fresh start with no role named still offers the roles to pick from", () => {
    expect(last(converse("I'm starting as a DBA next week", "I'm new on the data side")).roles).toEqual([]);
    // "How do I work with the data manager?" from someone on no tour is the data manager's collaboration.
    expect(ids(last(converse("who runs the backups?", "how do I work with the data manager?")))[0]).toBe("data-manager");
  });
});

describe("a follow-up about a neighbouring role", () => {
  it("'they' and 'that' after an answer about a job not modelled here are that job", () => {
    const a = last(converse("what does a data analyst do?", "who do they work with?"));
    expect([a.intent, a.neighbour?.id]).toEqual(["collaboration", "data-analyst"]);
    // Whom it works with among the roles here is its closest role, not that role's own partners.
    expect([a.title, ids(a)]).toEqual(["Who a data analyst works with", ["data-warehouse-engineer"]]);
    expect(a.blocks.some((b) => b.type === "heading" && b.text === "How they differ")).toBe(true);
    const b = last(converse("what does a devops engineer do?", "how is that different from a DBA?"));
    expect([b.intent, ids(b)[0], b.neighbour?.id]).toEqual(["compare_roles", "database-administrator", "devops-engineer"]);
    // Its work, turned away as none of ours, leaves it too; the store's JSON keeps it.
    const [work, next] = converse("who trains the machine learning models?", "how do they work with the warehouse engineer?");
    expect(parseTurnContext(JSON.stringify(work?.context))?.neighbour).toBe("data-scientist");
    expect([next?.intent, next?.neighbour?.id]).toEqual(["collaboration", "data-scientist"]);
  });

  it("'compare with the data manager' after what a job not modelled here does compares the two", () => {
    const c = last(converse("what does a data scientist do?", "compare with data manager"));
    expect([c.intent, ids(c), c.neighbour?.id]).toEqual(["compare_roles", ["data-manager"], "data-scientist"]);
    // A role asked about on its own is still that role alone.
    expect(last(converse("what does a data scientist do?", "what does the data manager do?")).neighbour).toBeUndefined();
  });

  it("a question of its own after it is read on its own", () => {
    expect(last(converse("what does a data scientist do?", "what does a DBA do?")).neighbour).toBeUndefined();
    expect(ids(last(converse("what does a data scientist do?", "who restores a dropped table?")))).toEqual([
      "database-administrator",
    ]);
  });
});

describe("a follow-up about a shared task's roles", () => {
  const shared = "who handles disaster recovery?";

  it.each(["compare them", "what's the difference?", "how do they differ?"])("'%s' compares the two roles", (text) => {
    const a = last(converse(shared, text));
    expect(a.intent).toBe("compare_roles");
    expect(ids(a).sort()).toEqual(["data-architect", "database-administrator"]);
  });

  it("'and the DBA with the data manager?' after how two roles work together is how these two do", () => {
    const a = last(
      converse("how do data architects and warehouse engineers work together?", "and the DBA with the data manager?"),
    );
    expect([a.intent, ids(a)]).toEqual(["collaboration", ["database-administrator", "data-manager"]]);
  });

  it("'how do they work together?' is the two roles' collaboration", () => {
    const a = last(converse(shared, "how do they work together?"));
    expect(a.intent).toBe("collaboration");
    expect(ids(a).sort()).toEqual(["data-architect", "database-administrator"]);
  });

  it("'and the architect?' is the architect's part in the task", () => {
    const a = last(converse(shared, "and the architect?"));
    expect(a.intent).toBe("who_does");
    expect(ids(a)).toEqual(["data-architect"]);
    expect(evidence(a)).toEqual(["data-architect/dr-strategy"]);
  });

  it("'and the DBA?' after a task the answer did not share is the DBA's work on the same concern", () => {
    for (const [task, role, part] of [
      ["who defines access policies?", "the DBA", "database-administrator/user-access"],
      ["who sets the data retention policy?", "the DBA", "database-administrator/purge-archive-jobs"],
      ["who designs the indexes?", "the DBA", "database-administrator/index-maintenance"],
    ]) {
      const a = last(converse(task as string, `and ${role}?`));
      expect([a.intent, evidence(a)], task).toEqual(["who_does", [part]]);
    }
  });

  it("a role named against the last task ('does the DBA do that too?', 'why not ...?') gets its part beside the owner's", () => {
    for (const text of [
      "does the DBA do that too?",
      "isn't that the DBA?",
      "why not the DBA?",
      "I thought the DBA did that",
      "does the dba do anything there?",
    ]) {
      const a = last(converse("who designs the indexes?", text));
      expect([a.intent, ids(a)], text).toEqual(["who_does", ["data-architect", "database-administrator"]]);
      expect(evidence(a), text).toContain("database-administrator/index-maintenance");
    }
    // A part found only on a concern the task shares is still a part, not a rival owner "too close to call".
    const part = last(converse("who patches postgres?", "does the architect do that too?"));
    expect([ids(part), part.handoff?.reason]).toEqual([["database-administrator", "data-architect"], undefined]);
    // Naming the owner itself confirms it; a question with a task of its own is about that task.
    expect(ids(last(converse("who designs the indexes?", "isn't that the architect?")))).toEqual(["data-architect"]);
    expect(ids(last(converse("who designs the indexes?", "does the DBA rebuild indexes at night?")))[0]).toBe(
      "database-administrator",
    );
  });

  it("'who else?' after whose task it is shows the owner and every other role's part in the task", () => {
    const a = last(converse("who sets the retention policy?", "who else is involved?"));
    expect(ids(a)[0]).toBe("data-manager");
    expect(evidence(a)).toContain("database-administrator/purge-archive-jobs");
    expect(a.handoff?.reason).toBeUndefined();
    expect(ids(last(converse("who restores a dropped table?", "who else?")))).toEqual([
      "database-administrator",
      "data-architect",
    ]);
  });

  it("'how does the DBA help with that?', with no part of its own in the task, is how it works with the owner", () => {
    const a = last(converse("who owns the data governance framework?", "how does the DBA help with that?"));
    expect([a.intent, ids(a)]).toEqual(["collaboration", ["database-administrator", "data-manager"]]);
    // ...and "why not the DBA?" how the owner's work differs from the DBA's.
    const b = last(converse("postgres or mongodb, who decides?", "why not the DBA?"));
    expect([b.intent, ids(b)]).toEqual(["compare_roles", ["data-architect", "database-administrator"]]);
  });

  it("a role with no part in the last task is described, saying first that it has none", () => {
    const a = last(converse("who restores a dropped table?", "and the data manager?"));
    expect(a.intent).toBe("describe_role");
    expect(ids(a)).toEqual(["data-manager"]);
    expect(a.blocks[0]).toEqual({
      type: "text",
      text: [{ text: expect.stringMatching(/^The data manager has no part in that task/) }],
    });
    // Asked what it does, it is described without that line.
    expect(last(converse("who restores a dropped table?", "what does a data manager do?")).blocks[0]?.type).toBe("role");
  });
});

describe("a follow-up about the last two tasks' owners", () => {
  it("'how do they work together?' after two who-does answers is both owners' collaboration; 'they' alone is the last", () => {
    const asked = ["who designs the partitioning?", "and who restores a dropped table?"];
    const together = last(converse(...asked, "how do they work together?"));
    expect([together.intent, ids(together).slice(0, 2)]).toEqual(["collaboration", ["database-administrator", "data-architect"]]);
    const apart = last(converse(...asked, "what's the difference between them?"));
    expect([apart.intent, ids(apart)]).toEqual(["compare_roles", ["database-administrator", "data-architect"]]);
    const alone = last(converse(...asked, "what else do they do?"));
    expect([alone.intent, ids(alone)]).toEqual(["describe_role", ["database-administrator"]]);
  });

  it("the same after two questions in one message: each question's owner and tasks are in the context", () => {
    const [both, together] = converse(
      "who restores a dropped table and who designs the partitioning?",
      "how do they work together?",
    );
    expect(both?.context?.roles.map((r) => r.id)).toEqual(["database-administrator", "data-architect"]);
    expect(both?.context?.tasks).toContain("data-architect/schemas-indexing-partitioning");
    expect([together?.intent, together && ids(together).slice(0, 2)]).toEqual([
      "collaboration",
      ["database-administrator", "data-architect"],
    ]);
  });
});

describe("a follow-up about the last task", () => {
  it("'who approves that?' asks about the last task with the new action", () => {
    const [alone] = converse("who approves that?");
    expect(alone?.intent).toBe("out_of_scope");
    const a = last(converse("who restores a dropped table?", "who approves that?"));
    expect(a.intent).toBe("who_does");
    expect(evidence(a)).toContain("database-administrator/backups");
  });

  it("'who approves that?' after who builds a feed to a partner is the data manager, who approves the sharing", () => {
    const a = last(converse("who builds the data feed to our research partner?", "who approves that?"));
    expect([a.intent, ids(a)[0]]).toEqual(["who_does", "data-manager"]);
  });

  it("'who implements it?' after the disaster-recovery strategy is the DBA, who implements the protocols", () => {
    const a = last(converse("who designs the DR strategy?", "who implements it?"));
    expect([a.intent, ids(a)[0]]).toEqual(["who_does", "database-administrator"]);
  });

  it("'and who backs them up?' after who loads the records is the new task's owner, the DBA", () => {
    const a = last(converse("who loads the patient records into the warehouse?", "and who backs them up?"));
    expect([a.intent, ids(a)[0]]).toEqual(["who_does", "database-administrator"]);
  });

  it("'what about for Snowflake?' and 'and in Postgres?' keep the task: the product does not change whose it is", () => {
    const a = last(converse("who builds the ETL pipeline from the CRM?", "what about for Snowflake?"));
    expect([a.intent, ids(a)[0]]).toEqual(["who_does", "data-warehouse-engineer"]);
    const b = last(converse("who sets the partitioning strategy for the events table?", "and in Postgres?"));
    expect([b.intent, ids(b)[0]]).toEqual(["who_does", "data-architect"]);
    // So does one pointing back at the task with only a product of its own.
    const same = last(converse("who restores a dropped table?", "can they do it in snowflake too?"));
    expect([same.intent, ids(same)]).toEqual(["who_does", ["database-administrator"]]);
    // A product with a task of its own is a question of its own.
    const c = last(converse("who builds the ETL pipeline from the CRM?", "and who restores Postgres?"));
    expect(ids(c)[0]).toBe("database-administrator");
    // "How's MongoDB?" after a product is tried weighs another: still the choice, the architect's.
    const d = last(converse("We need a database, let's try PostgreSQL", "How's MongoDB?"));
    expect([d.intent, ids(d)[0]]).toEqual(["who_does", "data-architect"]);
  });

  it("'what about encryption?' asks the same question of a new task", () => {
    const a = last(converse("who restores a dropped table?", "what about encryption?"));
    expect(a.intent).toBe("who_does");
    expect(evidence(a)[0]).toBe("database-administrator/encryption");
    // A thing too weak alone to be sure of ("the databases?" is a guess) is asked about as whose it is.
    const b = last(converse("who is responsible for the data warehouse?", "and the databases?"));
    expect([b.intent, ids(b)[0]]).toEqual(["who_does", "database-administrator"]);
  });

  it.each(["how often should that run?", "How often is this evaluated?", "did you find out how to achieve that?"])(
    "'%s', with nothing of its own to go on, stays with the last task",
    (text) => {
      const a = last(converse("who owns the nightly ETL load?", text));
      expect(a.intent).toBe("who_does");
      expect(ids(a)[0]).toBe("data-warehouse-engineer");
    },
  );
});

describe("a new topic is not forced into the old one", () => {
  it("a complete question with its own task", () => {
    const a = last(converse("who restores a dropped table?", "who designs the partitioning?"));
    expect(ids(a)[0]).toBe("data-architect");
  });

  it("a question naming its own role, and one naming two", () => {
    expect(ids(last(converse("who restores a dropped table?", "what does a data manager do?")))).toEqual(["data-manager"]);
    const a = last(converse("what does a data architect do?", "how do the ETL developer and the DBA work together?"));
    expect(ids(a)).toEqual(["data-warehouse-engineer", "database-administrator"]);
  });

  it("thanks is small talk, and the conversation carries on after it", () => {
    const answers = converse("what does a data manager do?", "thanks!", "and the architect?");
    expect(answers[1]?.intent).toBe("greeting");
    expect(answers[1]?.context).toEqual(answers[0]?.context);
    expect(last(answers).intent).toBe("describe_role");
    expect(ids(last(answers))).toEqual(["data-architect"]);
  });

  it("'ok', 'cool,' or 'ok thx,' before a follow-up is an acknowledgement, not the message", () => {
    const a = last(converse("who restores a dropped table?", "ok what else do they do?"));
    expect([a.intent, ids(a)]).toEqual(["describe_role", ["database-administrator"]]);
    const b = last(converse("what does a data manager do?", "cool, and the architect?"));
    expect([b.intent, ids(b)]).toEqual(["describe_role", ["data-architect"]]);
    expect(last(converse("who restores a dropped table?", "ok thanks!")).intent).toBe("greeting");
    // "who" in a sentence that does not ask is still only thanks.
    expect(last(converse("who restores a dropped table?", "thanks, that's who I needed")).intent).toBe("greeting");
  });

  it("'who else?' after what a role does, with no task between them, asks which other roles there are", () => {
    const a = last(converse("what does a data manager do?", "and the architect?", "who else?"));
    expect(a.intent).toBe("list_roles");
    // After whose task it is, it still asks who else has a part in the task.
    expect(last(converse("who restores a dropped table?", "who else?")).intent).toBe("who_does");
  });

  it("'ok', 'yes' or 'got it' after an answer takes it in: not the answer again, not a fresh 'Hi!'", () => {
    for (const said of ["ok", "yes", "got it", "makes sense", "interesting"]) {
      const [answered, taken] = converse("who restores a dropped table?", said);
      expect([said, taken?.intent, taken?.title]).toEqual([
        said,
        "greeting",
        "Anything else? Ask me who does a data task, what a role does, or how two roles differ.",
      ]);
      expect(taken?.context).toEqual(answered?.context);
    }
    expect(last(converse("good morning")).title).toMatch(/^Hi!/);
    expect(last(converse("see you")).title).toBe("Bye for now!");
    expect(last(converse("much appreciated")).title).toBe("You're welcome! Ask again any time.");
  });

  it("a word that asks nothing it can follow ('why?') is told so, not that it is another team's, and the context stays", () => {
    const [described, why, next] = converse("what does a data manager do?", "why?", "and the architect?");
    expect([why?.intent, why?.title]).toEqual(["help", "I didn't follow that"]);
    expect(why?.context).toEqual(described?.context);
    expect([next?.intent, next ? ids(next) : []]).toEqual(["describe_role", ["data-architect"]]);
    // So is a reaction that asks nothing of the task: the answer again would not help.
    for (const said of ["hmm", "really?", "no", "the other one"]) {
      const [answered, reacted] = converse("who restores a dropped table?", said);
      expect([said, reacted?.intent, reacted?.title]).toEqual([said, "help", "I didn't follow that"]);
      expect(reacted?.context).toEqual(answered?.context);
    }
    // A word that asks about the task still asks about it.
    expect(ids(last(converse("who restores a dropped table?", "how often?")))).toEqual(["database-administrator"]);
    // Another department's question in the conversation is still turned away as one.
    expect(last(converse("who restores a dropped table?", "what time is lunch?")).intent).toBe("out_of_scope");
  });

  it("another department's work, and what follows it", () => {
    const answers = converse("who restores a dropped table?", "who approves annual leave?", "how often should that run?");
    expect(answers[1]?.intent).toBe("out_of_scope");
    expect(answers[1]?.context).toEqual({ intent: "out_of_scope", roles: [], tasks: [] });
    expect(last(answers).intent).toBe("out_of_scope");
  });

  it("a 'who' question with its own object and nothing pointing back, though the bot can't place it", () => {
    for (const [first, next] of [
      ["who builds the warehouse?", "who is in charge of the network?"],
      ["who restores a dropped table?", "who owns the website?"],
    ]) {
      const a = last(converse(first as string, next as string));
      expect([a.intent, ids(a)], next).toEqual(["out_of_scope", []]);
    }
    // One that points back, or asks with nothing of its own, is still about the last task.
    expect(last(converse("who restores a dropped table?", "who approves that?")).intent).toBe("who_does");
  });

  it("work only a neighbouring role does: not the last task's owner's", () => {
    const a = last(converse("who restores a dropped table?", "who builds the churn model?"));
    expect([a.intent, a.neighbour?.id]).toEqual(["out_of_scope", "data-scientist"]);
  });

  it("a correction that rules a role out ('no, I meant the DBA, not the architect') is about the role it means", () => {
    const a = last(converse("what does an architect do?", "no, I meant the DBA, not the architect"));
    expect([a.intent, ids(a)]).toEqual(["describe_role", ["database-administrator"]]);
  });

  it("a correction of the task ('sorry I mean the database under it') is its own question, not the task it corrects", () => {
    const a = last(converse("who handles the data warehouse?", "sorry I mean the database under it, the server stuff"));
    expect([a.intent, ids(a)[0]]).toEqual(["who_does", "database-administrator"]);
  });

  it("a neighbouring title said now is what the question asks about, not the last turn's roles", () => {
    const a = last(
      converse(
        "who maintains the ETL for the CRM?",
        "who is the data owner of the CRM data?",
        "what's the difference between the data owner and the data manager anyway",
      ),
    );
    expect([a.intent, ids(a), a.neighbour?.id]).toEqual(["compare_roles", ["data-manager"], "data-owner"]);
  });

  it("a message that says it starts a new topic", () => {
    const a = last(converse("who restores a dropped table?", "btw, how often is this evaluated?"));
    expect(a.intent).toBe("out_of_scope");
  });

  it("a long post's 'they' and 'their' are its own people, not the last role", () => {
    const post =
      "We are moving the customer tables to a new cluster next month and they want to know what their data will look like afterwards, so what should we tell them?";
    const a = last(converse("what does a data architect do?", post));
    expect(a.intent).not.toBe("describe_role");
  });

  it("without a previous turn, a follow-up is read on its own", () => {
    expect(whodoes.ask("what else do they do?").intent).toBe("out_of_scope");
    expect(whodoes.ask("and the architect?").intent).toBe("describe_role");
  });

  it("with nothing before it to point at, it asks what the pronoun refers to, not says it matched no role", () => {
    for (const q of ["what else do they do?", "who does that?"]) {
      const a = whodoes.ask(q);
      expect([a.intent, ids(a), a.title], q).toEqual(["out_of_scope", [], "What are you referring to?"]);
      expect(a.summary, q).toMatch(/^What are you referring to\? Name the role or the task, e\.g\. "/);
    }
    // A question with words of its own beside "their" is another department's, as before.
    expect(whodoes.ask("who answers customers asking about their overdraft").title).toBe("Not one for the data team");
  });
});

describe("the context", () => {
  it("holds ids and scores, never the message's words", () => {
    const a = whodoes.ask("who restores a dropped table in the lab results db?");
    expect(a.context).toEqual({
      intent: "who_does",
      roles: [{ id: "database-administrator", score: expect.any(Number) }],
      tasks: ["database-administrator/backups"],
    });
    expect(JSON.stringify(a.context)).not.toMatch(/dropped|lab|results/);
  });

  it("is left by a button's answer too, for the next message", () => {
    const button = whodoes.act({ do: "describe", role: "data-manager" });
    expect(button.context?.roles).toEqual([{ id: "data-manager", score: 1 }]);
    const a = whodoes.ask("how do they work with the DBA?", { previous: button.context as TurnContext });
    expect(ids(a)).toEqual(["data-manager", "database-administrator"]);
    // A 👍 leaves nothing new: the conversation keeps the context it had.
    expect(whodoes.act({ do: "feedback", vote: "up", intent: "describe_role" }).context).toBeUndefined();
  });

  it("round-trips through the store's JSON, and a damaged or foreign value is refused", () => {
    const context = whodoes.ask("who handles disaster recovery?").context;
    expect(parseTurnContext(JSON.stringify(context))).toEqual(context);
    for (const bad of ["", "{", "null", '{"intent":"nope","roles":[],"tasks":[]}', JSON.stringify({ ...context, roles: "x" })])
      expect(parseTurnContext(bad)).toBeUndefined();
    expect(parseTurnContext(JSON.stringify({ ...context, roles: Array(20).fill({ id: "x", score: 1 }) }))).toBeUndefined();
  });

  it("naming roles or tasks the knowledge no longer has (after a reload) is read as no context", () => {
    const stale: TurnContext = { intent: "who_does", roles: [{ id: "data-wizard", score: 1 }], tasks: ["data-wizard/magic"] };
    expect(whodoes.ask("what else do they do?", { previous: stale }).intent).toBe("out_of_scope");
  });

  it("follow-ups work through the Matcher interface alone, so a swapped matcher gets them too", () => {
    const knowledge = loadKnowledge();
    const shipped = createMatcher(knowledge);
    // A matcher that reports no cue words: fewer follow-ups, but the ones by name still work.
    const bare = createWhodoes(knowledge, {
      matcher: { match: (t) => ({ ...shipped.match(t), cues: [] }), resolveRole: (n) => shipped.resolveRole(n) },
    });
    const first = bare.ask("dba vs data architect");
    expect(ids(bare.ask("and the data manager?", { previous: first.context as TurnContext }))).toEqual([
      "database-administrator",
      "data-manager",
    ]);
  });

  it("is deterministic: the same message and context give the same answer", () => {
    const previous = whodoes.ask("who restores a dropped table?").context as TurnContext;
    expect(whodoes.ask("who approves that?", { previous })).toEqual(whodoes.ask("who approves that?", { previous }));
  });
});

describe("a tour's words typed rather than clicked, on any surface", () => {
  const titles = (...messages: string[]) => converse(...messages).map((a) => a.title);

  it("'next', 'back', 'done' and 'quiz' after a tour step press its buttons", () => {
    expect(titles("I'm a new DBA, where do I start?", "next", "Next!", "back", "done")).toEqual([
      "Database administrator: At a glance",
      "Database administrator: Key responsibilities",
      "Database administrator: Who you work with",
      "Database administrator: Key responsibilities",
      "You're set, DBA",
    ]);
    expect(last(converse("I'm a new DBA, where do I start?", "quiz me")).title).toBe("Database administrator: quiz 1 of 3");
    expect(titles("I'm a new DBA, where do I start?", "skip", "next step please", "stop").slice(1)).toEqual([
      "Database administrator: Key responsibilities",
      "Database administrator: Who you work with",
      "You're set, DBA",
    ]);
    // The step travels in the stored context as a number, and is checked on the way back.
    const step = converse("I'm a new DBA, where do I start?", "next")[1]?.context;
    expect(step?.step).toBe(2);
    expect(parseTurnContext(JSON.stringify(step))?.step).toBe(2);
    expect(parseTurnContext(JSON.stringify({ ...step, step: "2; drop" }))).toBeUndefined();
  });

  it("opens at the first week's list when a newcomer asks what to do first, and 'back' goes on from there", () => {
    expect(titles("I'm a new DBA, what should I do first?", "back")).toEqual([
      "Database administrator: Your first week",
      "Database administrator: In the example",
    ]);
    expect(whodoes.ask("first week as an ETL developer, where do I start?").title).toBe(
      "Data warehouse engineer: Your first week",
    );
    // Reading first is the role at a glance.
    expect(whodoes.ask("just started as a DBA, what should I read first?").title).toBe("Database administrator: At a glance");
  });

  it("keeps the tour across a question asked mid-tour: 'next' after it goes on with the tour", () => {
    expect(titles("I'm a new DBA, where do I start?", "next", "who restores a dropped table?", "next")).toEqual([
      "Database administrator: At a glance",
      "Database administrator: Key responsibilities",
      "Database administrator",
      "Database administrator: Who you work with",
    ]);
    // The tour's end leaves no step: "next" after it is a message like any other.
    expect(
      last(converse("I'm a new DBA, where do I start?", "done", "who restores a dropped table?")).context?.step,
    ).toBeUndefined();
  });

  it("the key responsibilities' list goes on with 'what else?' or 'more', and 'next' then goes on with the tour", () => {
    for (const more of ["what else?", "more"]) {
      const [, list, going, next] = converse("I'm a new DBA, where do I start?", "next", more, "more", "next");
      expect(list?.context?.listed, more).toBe(12);
      expect(going?.summary, more).toBe("More of what the database administrator does (13–24 of 28)");
      expect(next?.summary).toBe("More of what the database administrator does (25–28 of 28)");
    }
    expect(last(converse("I'm a new DBA, where do I start?", "next", "more", "next")).title).toBe(
      "Database administrator: Who you work with",
    );
  });

  it("'next' in the quiz goes to the next question, after an answer too, and ends the tour after the third", () => {
    const [, asked] = converse("I'm a new DBA, where do I start?", "quiz");
    const answered = whodoes.act(
      { do: "quiz", role: "database-administrator", q: 1, pick: 0 },
      { previous: asked?.context as TurnContext },
    );
    expect(parseTurnContext(JSON.stringify(answered.context))?.quiz).toBe(1);
    const titlesAfter = (previous: TurnContext, ...messages: string[]) =>
      messages.map((text) => {
        const a = whodoes.ask(text, { previous });
        previous = a.context ?? previous;
        return a.title;
      });
    expect(titlesAfter(answered.context as TurnContext, "next", "next", "next")).toEqual([
      "Database administrator: quiz 2 of 3",
      "Database administrator: quiz 3 of 3",
      "You're set, DBA",
    ]);
  });

  it("is a message like any other with no tour step before it", () => {
    expect(whodoes.ask("next").intent).not.toBe("onboarding");
    expect(last(converse("who restores a dropped table?", "next")).intent).not.toBe("onboarding");
    // On the first step, "back" has nowhere to go: the step again, not "back" read as a question.
    expect(last(converse("I'm a new DBA, where do I start?", "back")).title).toBe("Database administrator: At a glance");
    // A question during the tour is still a question.
    expect(ids(last(converse("I'm a new DBA, where do I start?", "who restores a dropped table?")))[0]).toBe(
      "database-administrator",
    );
  });
});
