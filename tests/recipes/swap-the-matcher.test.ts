/**
 * docs/architecture.md, "Swap the matcher": answers are built from the Matcher interface alone, so a
 * trivial matcher (a role's short name, or a responsibility keyword found as written) gives the same kinds
 * of answer, rendered the same way, with no change anywhere else.
 */
import { describe, expect, it } from "vitest";
import { answerToJson } from "../../src/adapters/cli/ask.js";
import {
  createWhodoes,
  type HighlightSpan,
  type Knowledge,
  loadKnowledge,
  type Matcher,
  type MatchResult,
  type RankedRole,
} from "../../src/core/index.js";
import { answerToBlockKit } from "../../src/render/slack.js";

/** Where `term` stands in `text`, ignoring case. */
function spansOf(text: string, term: string): HighlightSpan[] {
  const at = text.toLowerCase().indexOf(term);
  return at < 0 ? [] : [{ start: at, end: at + term.length }];
}

/** The trivial matcher: whole keywords found as written; the role with the most wins. */
function keywordMatcher(knowledge: Knowledge): Matcher {
  const has = (text: string, phrase: string) => new RegExp(`\\b${phrase.replace(/[^\w ]/g, ".")}\\b`, "i").test(text);
  return {
    match(text): MatchResult {
      const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
      const named = knowledge.roles.filter((r) => has(text, r.short));
      const hits = knowledge.roles
        .map((role) => ({
          role,
          evidence: role.responsibilities.flatMap((responsibility) => {
            const terms = responsibility.keywords.filter((k) => has(text, k));
            const shown = terms.find((t) => spansOf(responsibility.statement, t).length > 0);
            return terms.length > 0
              ? [{ responsibility, relative: 1, terms, highlight: shown ? spansOf(responsibility.statement, shown) : [] }]
              : [];
          }),
        }))
        .filter((r) => r.evidence.length > 0)
        .sort((a, b) => b.evidence.length - a.evidence.length);
      const most = hits[0]?.evidence.length ?? 1;
      const ranked: RankedRole[] = hits.map((h) => ({
        ...h,
        score: h.evidence.length / most,
        relative: h.evidence.length / most,
      }));
      if (ranked.length > 0) return { intent: "who_does", named, ranked, words };
      const intent = named.length === 1 ? "describe_role" : named.length === 2 ? "compare_roles" : "out_of_scope";
      return { intent, named, ranked: [], words };
    },
    resolveRole: (name) => knowledge.roles.find((r) => r.id === name || r.short.toLowerCase() === name.toLowerCase())?.id,
  };
}

const knowledge = loadKnowledge();
const whodoes = createWhodoes(knowledge, { matcher: keywordMatcher(knowledge) });

describe("recipe: swap the matcher", () => {
  it("builds a who-does answer from it, with the evidence in bold on Slack and in the --json contract", () => {
    const answer = whodoes.ask("who looks after the backup schedule?");
    expect(answer.intent).toBe("who_does");
    expect(answer.roles[0]?.id).toBe("database-administrator");
    expect(answer.roles[0]?.evidence[0]?.statement).toEqual([
      { text: "Runs routine " },
      { text: "backup", strong: true },
      { text: "s and restores data when it is lost." },
    ]);
    expect(JSON.stringify(answerToBlockKit(answer).blocks)).toContain("Runs routine *backup*s");
    const json = JSON.parse(answerToJson(answer));
    expect(json.roles[0]).toEqual({ id: "database-administrator", score: 1 });
    expect(json.evidence[0].terms).toEqual(["backup", "backup schedule"]);
  });

  it("builds role answers, buttons and the search box from it too", () => {
    expect(whodoes.ask("what does a DBA do").intent).toBe("describe_role");
    expect(whodoes.ask("Architect or DBA?").roles.map((r) => r.id)).toEqual(["data-architect", "database-administrator"]);
    expect(whodoes.ask("what is the weather like").intent).toBe("out_of_scope");
    expect(whodoes.act({ do: "ask", text: "who handles encryption" }).roles[0]?.id).toBe("database-administrator");
    expect(whodoes.search("DBA").map((r) => r.id)[0]).toBe("database-administrator");
    expect(whodoes.resolveRole("dba")).toBe("database-administrator");
  });

  it("keeps the display settings the answers own: a close runner-up makes a 'did you mean'", () => {
    const [dba, architect] = ["database-administrator", "data-architect"].map((id) => knowledge.roles.find((r) => r.id === id));
    if (!dba || !architect) throw new Error("shipped roles missing");
    const close: Matcher = {
      match: (text) => ({
        intent: "who_does",
        named: [],
        words: text.split(" "),
        ranked: [
          { role: dba, score: 0.8, relative: 1, evidence: [] },
          { role: architect, score: 0.76, relative: 0.95, evidence: [] },
        ],
      }),
      resolveRole: () => undefined,
    };
    const answer = createWhodoes(knowledge, { matcher: close }).ask("anything");
    expect(answer.roles.map((r) => [r.id, r.score])).toEqual([
      ["database-administrator", 0.8],
      ["data-architect", 0.76],
    ]);
    expect(answer.blocks.find((b) => b.type === "choices")).toMatchObject({ prompt: "Too close to call. Did you mean:" });
  });
});
