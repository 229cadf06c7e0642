/**
 * The comparison table on every surface: text within 80 columns, Slack blocks within Slack's limits,
 * the Teams card valid against the official Adaptive Cards 1.5 schema, HTML escaped. Each is also shown
 * a fifth role (from a knowledge copy) and a made-up organisation with many roles.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import ajvFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, createWhodoes, loadKnowledge, type RoleTable, type Whodoes } from "../../src/core/index.js";
import { answerToHtml } from "../../src/render/html.js";
import { pictureUrlFor } from "../../src/render/picture-url.js";
import { answerToBlockKit, type SlackBlock } from "../../src/render/slack.js";
import { answerToAdaptiveCard, answerToTeamsMessage } from "../../src/render/teams.js";
import { MAX_TABLE_COLUMNS, TABLE_CARD_VERSION } from "../../src/render/teams-limits.js";
import { BY_ROLE_ID, TABLE_ID } from "../../src/render/teams-table.js";
import { answerToText } from "../../src/render/text.js";
import { TEXT_TABLE_WIDTH, tableToText, wrap } from "../../src/render/text-table.js";
import { FIFTH, knowledgeWithFifthRole } from "../helpers/fifth-role.js";
import { blockKitProblems, teamsProblems } from "../properties/limits.js";

const PUBLIC = "https://whodoes.example.com";
const { id: schemaId, ...schema } = JSON.parse(
  readFileSync(new URL("../fixtures/teams/adaptive-card-1.5.schema.json", import.meta.url), "utf8"),
) as { id: string };
const draft06 = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("ajv/dist/refs/json-schema-draft-06.json"), "utf8"),
);
// The official schema uses keywords (version, features) that ajv's strict mode does not know.
const ajv = new Ajv.default({ allErrors: true, strict: false });
ajv.addMetaSchema(draft06);
ajvFormats.default(ajv);
// Microsoft's file names itself with draft-04's `id`, which ajv 8 refuses in a draft-06 schema: the same
// name, under draft-06's `$id`. Nothing else of the file is changed.
const validateCard = ajv.compile({ $id: schemaId, ...schema });

/** The card as the Adaptive Cards schema sees it: Teams' own `msteams` extension is not part of it. */
function cardErrors(answer: Answer, pictureUrl?: string): string[] {
  const { msteams: _, ...card } = answerToAdaptiveCard(answer, pictureUrl ? { pictureUrl } : {});
  return validateCard(card) ? [] : (validateCard.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const tableOf = (answer: Answer): RoleTable => {
  const block = answer.blocks.find((b) => b.type === "table");
  if (block?.type !== "table") throw new Error("no table");
  return block.table;
};

/** An organisation with `n` roles, made from the shipped ones (renamed), for tables wider than any screen. */
function manyRoles(base: Whodoes, n: number): Answer {
  const shipped = base.knowledge.roles;
  const roles = Array.from({ length: n }, (_, i) => {
    const r = shipped[i % shipped.length];
    if (!r) throw new Error("no roles");
    return { ...r, id: `role-${i}`, name: `Role number ${i + 1}`, short: `R${i + 1}`, worksWith: [] };
  });
  return createWhodoes({ ...base.knowledge, roles }).act({ do: "compareAll" });
}

describe("the comparison on every surface", () => {
  let shipped: Whodoes;
  let five: Whodoes;
  let copy: ReturnType<typeof knowledgeWithFifthRole>;
  beforeAll(() => {
    shipped = createWhodoes(loadKnowledge());
    copy = knowledgeWithFifthRole();
    five = createWhodoes(loadKnowledge(copy.dir));
  });
  afterAll(() => copy.remove());

  it("text: an aligned table that fits 80 columns, every role in it", () => {
    for (const w of [shipped, five]) {
      const answer = w.ask("compare all the roles");
      const lines = answerToText(answer).split("\n");
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(TEXT_TABLE_WIDTH);
      // Every word of every cell is in it (the columns interleave line by line, so words, not sentences).
      const words = new Set(lines.join(" ").split(/[\s-]+/));
      for (const row of tableOf(answer).rows)
        for (const cell of row.cells)
          for (const word of cell.join(" ").split(/[\s-]+/)) if (word.length < 13) expect(words).toContain(word);
    }
    const fiveText = answerToText(five.ask("compare all the roles"));
    expect(fiveText).toContain("Analytics");
    expect(fiveText).toContain("<mean>");
    // Twelve roles do not fit side by side: they come as several tables, none wider than 80 columns.
    const wide = tableToText(tableOf(manyRoles(shipped, 12)));
    expect(wide.filter((l) => l.startsWith("Role  ")).length).toBeGreaterThan(1);
    for (const line of wide) expect([...line].length).toBeLessThanOrEqual(TEXT_TABLE_WIDTH);
    expect(wide.join(" ")).toContain("Role number 12");
  });

  it("text: cells break after a hyphen, keep a word's punctuation on its line, and cut a word only with a hyphen", () => {
    // The list items of the shipped table, 12 characters wide, with one character of the gap to hang into.
    expect(wrap("Designs the overall data architecture.", 12, 1)).toEqual(["Designs the", "overall data", "architecture."]);
    expect(wrap("Plans for scale, high availability, disaster recovery and growth.", 12, 1)).toEqual([
      "Plans for",
      "scale, high",
      "availability,",
      "disaster",
      "recovery and",
      "growth.",
    ]);
    expect(wrap("the disaster-recovery strategy", 12, 1)).toEqual(["the", "disaster-", "recovery", "strategy"]);
    expect(wrap("orchestration jobs", 12, 1)).toEqual(["orchestrat-", "ion jobs"]);
    // With no gap after it (the last column), a word is cut rather than leave its full stop alone.
    expect(wrap("architecture.", 12)).toEqual(["architect-", "ure."]);
    expect(wrap("abcdefghijklmnopqrstuvwxyz", 10)).toEqual(["abcdefghi-", "jklmnopqr-", "stuvwxyz"]);

    for (const line of tableToText(tableOf(shipped.ask("compare all the roles")))) expect(line).not.toMatch(/ {2}[.,;:]/);
    // A full stop that hangs takes from the gap: the next column starts where it always does.
    const table: RoleTable = {
      title: "Roles",
      corner: "Role",
      columns: [
        { id: "a", name: "Architect" },
        { id: "m", name: "Manager" },
      ],
      rows: [{ aspect: "tasks", label: "Tasks", cells: [["Plans the interconnection."], ["Owns the rules for everyone."]] }],
    };
    expect(tableToText(table, 40)).toEqual([
      "Role   Architect        Manager",
      "-----  ---------------  ---------------",
      "Tasks  Plans the        Owns the rules",
      "       interconnection. for everyone.",
    ]);
  });

  it("Slack: one table block (a header row, a row per aspect) with a fallback text, within every limit", () => {
    const answer = five.ask("compare all the roles");
    const message = answerToBlockKit(answer);
    expect(blockKitProblems(message, { wellFormedInput: true })).toEqual([]);
    expect(message.text).toContain(FIFTH.name);
    const tables = message.blocks.filter((b) => b.type === "table");
    expect(tables).toHaveLength(1);
    const table = tables[0] as Extract<SlackBlock, { type: "table" }>;
    const text = (r: number, c: number) => table.rows[r]?.[c]?.elements[0]?.elements[0]?.text;
    expect(table.rows).toHaveLength(1 + answer.blocks.length * 0 + tableOf(answer).rows.length);
    expect(table.rows[0]?.map((_, c) => text(0, c))).toEqual(["Role", ...five.knowledge.roles.map((r) => r.name)]);
    expect(table.rows[0]?.[1]?.elements[0]?.elements[0]?.style).toEqual({ bold: true });
    expect(table.column_settings).toHaveLength(five.knowledge.roles.length + 1);
    // Rich text is shown as typed: the knowledge's "&" and "<mean>" reach Slack unescaped and inert.
    const k = five.knowledge.roles.findIndex((r) => r.id === FIFTH.id) + 1;
    const q = tableOf(answer).rows.findIndex((r) => r.aspect === "question") + 1;
    expect(text(q, k)).toBe(FIFTH.question);
    expect(message.blocks.some((b) => b.type === "image")).toBe(false);
  });

  it("Slack: the picture under the table with PUBLIC_URL, its URL changing with the knowledge", () => {
    const answer = shipped.ask("compare all the roles");
    const url = pictureUrlFor(PUBLIC, answer);
    expect(url).toMatch(/^https:\/\/whodoes\.example\.com\/compare\.png\?v=[0-9a-f]{12}$/);
    expect(pictureUrlFor(`${PUBLIC}/`, answer)).toBe(url);
    expect(pictureUrlFor(PUBLIC, five.ask("compare all the roles"))).not.toBe(url);
    expect(pictureUrlFor(undefined, answer)).toBeUndefined();
    expect(pictureUrlFor(PUBLIC, shipped.ask("dba vs architect"))).toBeUndefined();
    const message = answerToBlockKit(answer, url ? { pictureUrl: url } : {});
    expect(blockKitProblems(message, { wellFormedInput: true })).toEqual([]);
    const types = message.blocks.map((b) => b.type);
    expect(types.slice(0, 3)).toEqual(["header", "table", "image"]);
    expect(message.blocks[2]).toMatchObject({ type: "image", image_url: url, alt_text: expect.stringContaining("Data manager") });
  });

  it("Slack: section fields per role when the table block cannot hold the roles", () => {
    const message = answerToBlockKit(manyRoles(shipped, 25));
    expect(blockKitProblems(message, { wellFormedInput: true })).toEqual([]);
    expect(message.blocks.some((b) => b.type === "table")).toBe(false);
    const sections = message.blocks.filter((b) => b.type === "section" && "fields" in b && b.fields);
    expect(sections.length).toBeGreaterThan(10);
    expect(JSON.stringify(sections[0])).toContain("*Role number 1*");
    expect(JSON.stringify(sections[0])).toContain("*In a word*");
    // Fifty blocks at most: the rest are left out, and the message says so.
    expect(JSON.stringify(message.blocks)).toContain("shortened to fit in Slack");
  });

  it("Teams: a 1.5 Table valid against the official Adaptive Cards schema, with a narrow-screen switch", () => {
    for (const w of [shipped, five]) {
      const answer = w.ask("compare all the roles");
      expect(cardErrors(answer)).toEqual([]);
      expect(cardErrors(answer, pictureUrlFor(PUBLIC, answer))).toEqual([]);
      const message = answerToTeamsMessage(answer);
      expect(teamsProblems(message, { wellFormedInput: true })).toEqual([]);
      const card = answerToAdaptiveCard(answer);
      expect(card.version).toBe(TABLE_CARD_VERSION);
      expect(card.msteams).toEqual({ width: "Full" });
      const table = card.body.find((e) => e.type === "Table");
      if (table?.type !== "Table") throw new Error("no Table");
      expect(table.id).toBe(TABLE_ID);
      expect(table.columns).toHaveLength(w.knowledge.roles.length + 1);
      expect(table.rows).toHaveLength(1 + tableOf(answer).rows.length);
      expect(JSON.stringify(table.rows[0])).toContain(w.knowledge.roles.at(-1)?.name);
      expect(table.fallback).toBe("drop");
      const byRole = card.body.find((e) => e.type === "Container" && e.id === BY_ROLE_ID);
      expect(byRole).toMatchObject({ isVisible: false });
      expect(JSON.stringify(byRole).match(/"FactSet"/g)).toHaveLength(w.knowledge.roles.length);
      const toggle = card.body.find((e) => e.type === "ActionSet");
      expect(toggle).toMatchObject({ actions: [{ type: "Action.ToggleVisibility", targetElements: [TABLE_ID, BY_ROLE_ID] }] });
    }
    // Other answers keep the lower version older clients draw.
    expect(answerToAdaptiveCard(shipped.ask("dba vs architect")).version).toBe("1.2");
  });

  it("Teams: the picture with PUBLIC_URL, and past six roles the rest named under the table", () => {
    const answer = shipped.ask("compare all the roles");
    const url = pictureUrlFor(PUBLIC, answer) ?? "";
    const card = answerToAdaptiveCard(answer, { pictureUrl: url });
    expect(card.body.find((e) => e.type === "Image")).toMatchObject({ url, size: "stretch" });
    const wide = manyRoles(shipped, 9);
    expect(cardErrors(wide)).toEqual([]);
    expect(JSON.stringify(answerToAdaptiveCard(wide))).not.toContain("shortened to fit");
    const wideCard = answerToAdaptiveCard(wide);
    const table = wideCard.body.find((e) => e.type === "Table");
    expect(table?.type === "Table" && table.columns.length).toBe(MAX_TABLE_COLUMNS + 1);
    expect(JSON.stringify(wideCard.body)).toContain("More roles: Role number 7, Role number 8, Role number 9");
    expect(teamsProblems(answerToTeamsMessage(wide), { wellFormedInput: true })).toEqual([]);
  });

  it("the schema check really rejects a broken table", () => {
    const { msteams: _, ...card } = answerToAdaptiveCard(shipped.ask("compare all the roles"));
    const broken = JSON.parse(JSON.stringify(card).replace('"type":"TableCell"', '"type":"TableCell","colour":"red"'));
    expect(validateCard(broken)).toBe(false);
  });

  it("HTML: a table for wide screens and a card per role for phones, every piece of text escaped", () => {
    const html = answerToHtml(five.ask("compare all the roles"));
    expect(html).toContain('<table class="compare-table">');
    expect(html).toContain('<th scope="col">Analytics engineer</th>');
    expect(html).toContain('<section class="compare-card" data-role="analytics-engineer">');
    expect(html.match(/<section class="compare-card"/g)).toHaveLength(5);
    expect(html).toContain("Do the numbers &amp; metrics &lt;mean&gt; what people think?");
    expect(html).not.toContain("<mean>");
  });
});
