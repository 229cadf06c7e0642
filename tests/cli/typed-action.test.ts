/** Which button a line typed in the console presses, on real answers from the shipped knowledge. */
import { beforeAll, describe, expect, it } from "vitest";
import { isButtonWord, typedAction } from "../../src/adapters/cli/typed-action.js";
import { type Answer, createWhodoes, loadKnowledge, type Whodoes } from "../../src/core/index.js";

let whodoes: Whodoes;
let press: (line: string, answer: Answer) => ReturnType<typeof typedAction>;
beforeAll(() => {
  whodoes = createWhodoes(loadKnowledge());
  press = (line, answer) => typedAction(line, answer, { resolveRole: (n) => whodoes.resolveRole(n) });
});

describe("typed button labels", () => {
  it("a number presses that button, and one out of range presses nothing", () => {
    const step = whodoes.act({ do: "onboard", role: "data-manager", step: 2 });
    expect(press("2", step)).toEqual({ do: "onboard", role: "data-manager", step: 3 });
    expect(press("9", step)).toBeUndefined();
    // As the buttons are numbered on screen.
    expect(press("[2]", step)).toEqual({ do: "onboard", role: "data-manager", step: 3 });
    expect(press("2.", step)).toEqual({ do: "onboard", role: "data-manager", step: 3 });
  });

  it("an emoji alone presses the button whose label starts with it", () => {
    const answer = whodoes.ask("who restores a dropped table?");
    expect(press("👍", answer)).toMatchObject({ do: "feedback", vote: "up" });
    expect(press("👎🏽", answer)).toMatchObject({ do: "feedback", vote: "down" });
    expect(press("🎉", answer)).toBeUndefined();
  });

  it("a label, in any case, with or without articles and punctuation", () => {
    const answer = whodoes.ask("who restores a dropped table?");
    const compare = { do: "compare", roles: ["database-administrator", "data-architect"] };
    for (const line of ["Compare with Architect", "compare with architect", "compare with the architect!"])
      expect(press(line, answer)).toEqual(compare);
    expect(press("who do they work with", answer)).toEqual({ do: "collaborate", role: "database-administrator" });
  });

  it("the obvious words of the tour: next, back, done, quiz", () => {
    const step = whodoes.act({ do: "onboard", role: "data-manager", step: 2 });
    expect(press("next", step)).toEqual({ do: "onboard", role: "data-manager", step: 3 });
    expect(press("go back", step)).toEqual({ do: "onboard", role: "data-manager", step: 1 });
    expect(press("Done.", step)).toEqual({ do: "onboard", role: "data-manager", step: 7 });
    expect(press("quiz", step)).toEqual({ do: "quiz", role: "data-manager", q: 1 });
    expect(press("skip", step)).toEqual({ do: "onboard", role: "data-manager", step: 3 });
    expect(press("next step please", step)).toEqual({ do: "onboard", role: "data-manager", step: 3 });
    expect(press("stop", step)).toEqual({ do: "onboard", role: "data-manager", step: 7 });
    const first = whodoes.act({ do: "onboard", role: "data-manager", step: 1 });
    expect(press("back", first)).toBeUndefined();
  });

  it("a role's name picks that role among choices of roles (a quiz question, the tour's first question)", () => {
    const quiz = whodoes.act({ do: "quiz", role: "database-administrator", q: 1 });
    const pick = press("DBA", quiz);
    expect(pick).toMatchObject({ do: "quiz", role: "database-administrator", q: 1, pick: expect.any(Number) });
    expect(whodoes.act(pick as NonNullable<typeof pick>).title).toBe("Correct");
    expect(press("the data architect", whodoes.act({ do: "onboard" }))).toEqual({
      do: "onboard",
      role: "data-architect",
      step: 1,
    });
  });

  it("loose words and questions pick no role: a quiz's 'why?', a correction's 'yes', the chooser's question", () => {
    const quiz = whodoes.act({ do: "quiz", role: "database-administrator", q: 1 });
    for (const line of ["why?", "hint", "lol"]) expect(press(line, quiz)).toBeUndefined();
    const down = whodoes.act({ do: "feedback", vote: "down", intent: "who_does", role: "database-administrator" });
    for (const line of ["why?", "yes"]) expect(press(line, down)).toBeUndefined();
    expect(press("what does a data architect do?", whodoes.act({ do: "onboard" }))).toBeUndefined();
    expect(press("dba?", quiz)).toMatchObject({ do: "quiz", pick: expect.any(Number) });
  });

  it("'more' and 'go on' press the tour's Next on a tour step, but nothing elsewhere: there they ask for more", () => {
    const step = whodoes.act({ do: "onboard", role: "data-manager", step: 1 });
    expect(press("more", step)).toEqual({ do: "onboard", role: "data-manager", step: 2 });
    const described = whodoes.ask("what does a dba do?");
    for (const line of ["more", "go on", "continue"]) {
      expect(press(line, described)).toBeUndefined();
      expect(isButtonWord(line, described)).toBe(false);
    }
    expect(isButtonWord("next", described)).toBe(true);
  });

  it("the start of exactly one label presses it; of two, nothing", () => {
    const answer = whodoes.ask("who restores a dropped table?");
    expect(press("start", answer)).toEqual({ do: "onboard", role: "database-administrator", step: 1 });
    const compared = whodoes.ask("dba vs data architect");
    expect(press("what", compared)).toBeUndefined(); // "What does a DBA do?" and "What does an architect do?"
  });

  it("a question is not a button, and nothing is pressed before the first answer", () => {
    const answer = whodoes.ask("who restores a dropped table?");
    expect(press("who designs the partitioning?", answer)).toBeUndefined();
    expect(press("what does a data manager do?", answer)).toBeUndefined();
    expect(typedAction("next", undefined, { resolveRole: () => undefined })).toBeUndefined();
  });
});
