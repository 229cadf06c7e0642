/** The plain-text answer (the CLI's output and every platform's fallback text), read as a person reads it. */
import { describe, expect, it } from "vitest";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { answerToText } from "../../src/render/text.js";

const whodoes = createWhodoes(loadKnowledge());
const count = (text: string, part: string) => text.split(part).length - 1;

describe("answerToText", () => {
  it("names the role once, not as a title and again on its card's first line", () => {
    for (const question of ["who restores a dropped table?", "what does a data manager do"]) {
      const answer = whodoes.ask(question);
      const text = answerToText(answer);
      const name = answer.roles[0]?.name ?? "";
      expect(text.split("\n")[0]).toMatch(new RegExp(`^${name} \\(`));
      expect(text.split("\n")[1]).not.toBe(name);
      expect(count(text.split("\n").slice(0, 3).join("\n"), name)).toBe(1);
    }
  });

  it("names the role once when a line of how it answers comes before the role's card", () => {
    const answer = whodoes.ask("data warehouse engineer vs ETL developer");
    const [first, second] = answerToText(answer).split("\n");
    expect(first).toMatch(/^Here a data warehouse engineer and an ETL developer are the same role:/);
    expect(second).toMatch(/^Data warehouse engineer \(/);
  });

  it("lists a choice once: as a bullet, or, where the buttons are numbered, as a numbered button only", () => {
    const chooser = whodoes.act({ do: "onboard" });
    expect(count(answerToText(chooser), "Data architect")).toBe(1);
    const numbered = answerToText(chooser, { numberedActions: true });
    expect(count(numbered, "Data architect")).toBe(1);
    expect(numbered).toContain("Which role are you starting in?\n\n[1] Data architect");
  });

  it("keeps a title that says more than the role's name", () => {
    const text = answerToText(whodoes.ask("compare data architect and data warehouse engineer"));
    expect(text.split("\n")[0]).toBe("Data architect vs Data warehouse engineer");
  });

  it("says the ETL-developer remark where the role is described, not under every warehouse engineer answer", () => {
    const remark = "really those of an ETL developer";
    const owner = whodoes.ask("who owns the Airflow DAGs?");
    expect(owner.roles[0]?.id).toBe("data-warehouse-engineer");
    expect(answerToText(owner)).not.toContain(remark);
    expect(answerToText(whodoes.ask("what does a data warehouse engineer do"))).toContain(remark);
  });
});
