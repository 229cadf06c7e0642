/** When a person should take over, and what follows a 👎: the core's side, platform-free. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIRECTORY_FORMATS } from "../../src/adapters/platforms.js";
import {
  type Answer,
  createWhodoes,
  type Knowledge,
  loadKnowledge,
  type Matcher,
  parseActionRef,
  type Whodoes,
  whomToAsk,
  withAction,
  withQuestion,
} from "../../src/core/index.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

const Q = "AbCdEfGhIjKlMnOpQrStUvWx";
let copy: ReturnType<typeof copyKnowledge>;
let knowledge: Knowledge;
let whodoes: Whodoes;
beforeAll(() => {
  copy = copyKnowledge();
  copy.write(
    "directory.yaml",
    "roles:\n  data-manager:\n    emails: [governance@hospital.example]\n  database-administrator:\n    emails: [dba@hospital.example]\n",
  );
  knowledge = loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS });
  whodoes = createWhodoes(knowledge);
});
afterAll(() => copy.remove());

const peopleOf = (a: Answer) => a.blocks.flatMap((b) => (b.type === "people" ? [b.roleId] : []));

describe("answers that need a person", () => {
  it("marks out-of-scope answers, did-you-mean and weak matches, and no confident answer", () => {
    expect(whodoes.ask("when is the all-hands?").handoff).toEqual({ reason: "out_of_scope", roles: [] });
    expect(whodoes.ask("who handles backups and the warehouse").handoff).toEqual({
      reason: "did_you_mean",
      roles: ["database-administrator", "data-warehouse-engineer"],
    });
    expect(whodoes.ask("who restores a dropped table?").handoff).toBeUndefined();
    // A weak match: a matcher that finds the DBA on thin evidence.
    const dba = knowledge.roles.find((r) => r.id === "database-administrator");
    if (!dba) throw new Error("no DBA");
    const weak: Matcher = {
      match: () => ({ intent: "who_does", named: [], ranked: [{ role: dba, score: 0.1, relative: 1, evidence: [] }], words: [] }),
      resolveRole: () => undefined,
    };
    expect(createWhodoes(knowledge, { matcher: weak }).ask("anything").handoff).toEqual({
      reason: "low_confidence",
      roles: ["database-administrator"],
    });
  });

  it("says whom to ask from the directory: the likely roles' people, else everyone it names", () => {
    const unsure = whomToAsk(knowledge, whodoes.ask("who handles backups and the warehouse"));
    // The warehouse engineer has no entry; the DBA's people are shown once (the answer has them already).
    expect(peopleOf(unsure)).toEqual(["database-administrator"]);
    const elsewhere = whomToAsk(knowledge, whodoes.ask("when is the all-hands?"));
    expect(elsewhere.blocks.at(-3)).toEqual({ type: "heading", text: "Whom to ask" });
    expect(peopleOf(elsewhere)).toEqual(["data-manager", "database-administrator"]);
    // Nothing to say: a confident answer, or no directory.
    const sure = whodoes.ask("who restores a dropped table?");
    expect(whomToAsk(knowledge, sure)).toBe(sure);
    const bare = createWhodoes(loadKnowledge()).ask("when is the all-hands?");
    expect(whomToAsk(loadKnowledge(), bare)).toBe(bare);
  });
});

describe("after a 👎", () => {
  it("asks which role it should have been: every role and none of these, carrying what was answered and the question's id", () => {
    const a = whodoes.act({ do: "feedback", vote: "down", intent: "who_does", role: "database-administrator", q: Q });
    expect(a.summary).toBe("Which role should it have been?");
    expect(a.handoff).toEqual({ reason: "disliked", roles: [] });
    const choices = a.blocks.flatMap((b) => (b.type === "choices" ? b.choices : []));
    expect(choices.map((c) => c.label)).toEqual([...knowledge.roles.map((r) => r.name), "None of these"]);
    expect(choices.at(-1)?.action).toEqual({
      do: "correct",
      intent: "who_does",
      role: "database-administrator",
      q: Q,
      expected: null,
    });
    // A 👍 is thanked as before.
    expect(whodoes.act({ do: "feedback", vote: "up", intent: "who_does" }).title).toMatch(/thanks for the feedback/i);
  });

  it("thanks for a correction with whom to ask for the role it should have been", () => {
    const a = whodoes.act({ do: "correct", intent: "who_does", expected: "data-manager" });
    expect(a.summary).toBe("Noted: this one is for the data manager. The people who maintain the knowledge will review it.");
    expect(peopleOf(a)).toEqual(["data-manager"]);
    expect(a.actions.map((x) => x.action)).toEqual([{ do: "describe", role: "data-manager" }]);
    expect(whodoes.act({ do: "correct", intent: "who_does", expected: null }).summary).toMatch(/^Noted: none of the data roles/);
  });

  it("promises no review where votes and corrections are not recorded (the console)", () => {
    const unkept = createWhodoes(knowledge, { keepsFeedback: false });
    const a = unkept.act({ do: "correct", intent: "who_does", expected: "data-manager" });
    expect(a.summary).toBe(
      "Noted: this one is for the data manager. It is not recorded here: tell the people who maintain the knowledge if it should change.",
    );
    expect(unkept.act({ do: "correct", intent: "who_does", expected: null }).summary).not.toMatch(/will review/);
    expect(unkept.act({ do: "feedback", vote: "up", intent: "who_does" }).title).toMatch(
      /^Thanks for the feedback\. It is not recorded here/,
    );
  });
});

describe("buttons tied to a kept question", () => {
  it("stamp the question's id on votes and corrections only, and put a new button before the votes", () => {
    const tied = withQuestion(whodoes.ask("who restores a dropped table?"), Q);
    expect(tied.actions.filter((a) => a.action.do === "feedback").every((a) => "q" in a.action && a.action.q === Q)).toBe(true);
    expect(tied.actions.filter((a) => a.action.do !== "feedback").some((a) => "q" in a.action)).toBe(false);
    const withButton = withAction(tied, { label: "Ask the data team", action: { do: "handoff", q: Q } });
    expect(withButton.actions.map((a) => a.action.do).slice(-3)).toEqual(["handoff", "feedback", "feedback"]);
  });

  it("parse as buttons only with a question id that could be one, never with text", () => {
    expect(parseActionRef({ do: "handoff", q: Q })).toEqual({ do: "handoff", q: Q });
    expect(parseActionRef({ do: "triage", q: Q, step: "claim" })).toEqual({ do: "triage", q: Q, step: "claim" });
    expect(parseActionRef({ do: "handoff", q: "short" })).toBeUndefined();
    expect(parseActionRef({ do: "handoff", q: "who restores a dropped table? please help" })).toBeUndefined();
    expect(parseActionRef({ do: "triage", q: Q, step: "delete" })).toBeUndefined();
    expect(parseActionRef({ do: "correct", intent: "who_does", expected: null })).toEqual({
      do: "correct",
      intent: "who_does",
      expected: null,
    });
  });

  it("hand-off buttons that reach a surface without a triage place say where it works", () => {
    expect(whodoes.act({ do: "handoff", q: Q }).summary).toMatch(/works in Slack and Teams/);
  });
});
