/**
 * Properties of the renderers: any answer — from any text, from any button, or any answer the contract
 * allows — becomes a Block Kit message, a Teams card and plain text within the platforms' limits,
 * with every button able to make the trip back, and without changing the answer it was given.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ActionRef, type Answer, createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { answerToHtml } from "../../src/render/html.js";
import { answerToBlockKit } from "../../src/render/slack.js";
import { answerToTeamsMessage } from "../../src/render/teams.js";
import { answerSummary, answerToText } from "../../src/render/text.js";
import { answerArb } from "./answer-arbitrary.js";
import { actionRefArb, anyText } from "./arbitraries.js";
import { allStrings, blockKitProblems, isWellFormed, teamsProblems, trustedSlackTokens } from "./limits.js";

const knowledge = loadKnowledge();
const whodoes = createWhodoes(knowledge);
const roleIds = knowledge.roles.map((r) => r.id);

/**
 * Tags in the web chat's HTML that could run script: escaped text contains no `<`, so every `<…>` is a
 * real tag, and with quoted attribute values blanked out, an `on…=` left over is a live event handler.
 */
function unsafeHtmlTags(html: string): string[] {
  return (html.match(/<[^>]*>/g) ?? []).filter((tag) => {
    const bare = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    return /^<\/?(script|img|iframe|object|embed|svg|style|link|meta)\b/i.test(bare) || /\son\w+\s*=/i.test(bare);
  });
}

/** Render an answer every way, as the adapters do, and collect what breaks a platform's rules. */
function renderProblems(answer: Answer, question?: string): string[] {
  const before = structuredClone(answer);
  const wellFormedInput = allStrings(answer).every(isWellFormed) && (question === undefined || isWellFormed(question));
  // The slash command's ephemeral answer carries a "Share in channel" button holding the question.
  const shareRef: ActionRef | undefined = question === undefined ? undefined : { do: "ask", text: question };
  const liveTokens = trustedSlackTokens(answer);
  const problems = [
    ...blockKitProblems(answerToBlockKit(answer, shareRef ? { shareRef } : {}), { wellFormedInput, liveTokens }).map(
      (p) => `slack: ${p}`,
    ),
    ...blockKitProblems(answerToBlockKit(answer, { sharedBy: "U024BE7LH" }), {
      wellFormedInput,
      liveTokens: [...liveTokens, "<@U024BE7LH>"],
    }).map((p) => `slack shared: ${p}`),
    ...teamsProblems(answerToTeamsMessage(answer), { wellFormedInput }).map((p) => `teams: ${p}`),
  ];
  const text = answerToText(answer);
  if (typeof text !== "string" || text.trim() === "") problems.push("text: empty plain-text rendering");
  if (answerSummary(answer).trim() === "" && answer.title.trim() !== "") problems.push("text: empty summary");
  const unsafe = unsafeHtmlTags(answerToHtml(answer));
  if (unsafe.length > 0) problems.push(`html: markup from text became live: ${unsafe.join(" ").slice(0, 120)}`);
  // Renderers are pure: the answer (possibly cached by the core) must come out as it went in.
  try {
    expect(answer).toEqual(before);
  } catch {
    problems.push("a renderer changed the answer it was given");
  }
  return problems;
}

describe("renderers: answers to any text", () => {
  it("fit Slack's and Teams' limits, and render as plain text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(renderProblems(whodoes.ask(text), text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe("renderers: answers to any button", () => {
  it("fit Slack's and Teams' limits, and render as plain text", () => {
    fc.assert(
      fc.property(actionRefArb(roleIds), (ref) => {
        expect(renderProblems(whodoes.act(ref))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe("renderers: any answer the contract allows", () => {
  it("fit Slack's and Teams' limits, and render as plain text", () => {
    fc.assert(
      fc.property(answerArb(roleIds), (answer) => {
        expect(renderProblems(answer)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
