/**
 * The picture of the comparison: the SVG parses and holds every cell's text; the PNG is a real picture of
 * the right size, and OCR (Debian's tesseract-ocr) reads every role's name back from it, the fifth role's
 * too; the README's committed picture is not stale against the shipped knowledge.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCS_PICTURE, SOURCE_KEYWORD } from "../../scripts/compare-picture.js";
import { readText } from "../../scripts/picture/png-text.js";
import { roleTable } from "../../src/core/answers/compare-all.js";
import { loadKnowledge, type RoleTable } from "../../src/core/index.js";
import { comparePicture, PNG_SCALE } from "../../src/render/picture/compare-picture.js";
import { FIFTH, knowledgeWithFifthRole } from "../helpers/fifth-role.js";

const TESSERACT = "/usr/bin/tesseract";
const ocrAvailable = existsSync(TESSERACT);
if (!ocrAvailable && !process.env.CI)
  console.warn(`picture OCR check skipped: ${TESSERACT} not found (install it with: apt-get install -y tesseract-ocr)`);

const fromXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
/** The words drawn, in document order: each <text> element's content. */
const drawnText = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => fromXml(m[1] ?? "")).join(" ");
const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

describe("the comparison's picture", () => {
  let dir: string;
  let copy: ReturnType<typeof knowledgeWithFifthRole>;
  let table: RoleTable;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "whodoes-picture-"));
    copy = knowledgeWithFifthRole();
    table = roleTable(loadKnowledge(copy.dir));
  });
  afterAll(() => {
    copy?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the SVG parses and holds every cell's text, escaped", () => {
    const { svg } = comparePicture(table);
    // resvg's parser refuses a document that is not well-formed XML and SVG.
    const parsed = new Resvg(svg, { font: { loadSystemFonts: false } });
    expect(parsed.width).toBeGreaterThan(1000);
    expect(svg).toContain("Do the numbers &amp; metrics &lt;mean&gt; what people think?".split(" ").slice(0, 3).join(" "));
    expect(svg).not.toContain("<mean>");
    const drawn = normal(drawnText(svg));
    for (const text of [table.title, table.corner, ...table.columns.map((c) => c.name), ...table.rows.map((r) => r.label)])
      expect(drawn).toContain(normal(text));
    // Cells wrap over lines: every word of every cell is drawn, in order.
    for (const row of table.rows) for (const cell of row.cells) expect(drawn).toContain(normal(cell.join(" ")).split(" ")[0]);
    const words = new Set(drawn.split(" "));
    for (const row of table.rows)
      for (const cell of row.cells) for (const w of normal(cell.join(" ")).split(" ")) expect(words).toContain(w);
  });

  it("is the same SVG, byte for byte, every time (the digest says what it was drawn from)", () => {
    const a = comparePicture(table);
    const b = comparePicture(table);
    expect(b.svg).toBe(a.svg);
    expect(b.digest).toBe(a.digest);
    expect(comparePicture(roleTable(loadKnowledge())).digest).not.toBe(a.digest);
  });

  it.skipIf(!ocrAvailable && !process.env.CI)(
    "the PNG is a real picture of the table, and OCR reads every role's name in it",
    async () => {
      if (!ocrAvailable) throw new Error(`${TESSERACT} is missing: CI must install it (apt-get install -y tesseract-ocr)`);
      const picture = comparePicture(table);
      const png = await picture.png();
      const decoded = PNG.sync.read(png);
      const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(picture.svg);
      expect(decoded.width).toBe(Number(viewBox?.[1]) * PNG_SCALE);
      expect(decoded.height).toBe(Number(viewBox?.[2]) * PNG_SCALE);
      // Not blank: the header band is the accent colour, the page white.
      const pixel = (x: number, y: number) => [
        ...decoded.data.subarray((y * decoded.width + x) * 4, (y * decoded.width + x) * 4 + 3),
      ];
      expect(pixel(5, 5)).toEqual([255, 255, 255]);
      expect(pixel(80 * PNG_SCALE, 100 * PNG_SCALE)).toEqual([0x2f, 0x5b, 0xd3]);

      const file = join(dir, "compare.png");
      writeFileSync(file, png);
      const ocr = spawnSync(TESSERACT, [file, "stdout", "--psm", "3"], { encoding: "utf8", timeout: 60_000 });
      expect(ocr.status).toBe(0);
      const read = normal(ocr.stdout);
      for (const c of table.columns) expect(read).toContain(normal(c.name));
      expect(read).toContain(normal(FIFTH.character));
      expect(read).toContain(normal(table.title));
      console.log(
        `OCR read ${read.split(" ").length} words, among them every role's name: ${table.columns.map((c) => c.name).join(", ")}`,
      );
    },
    90_000,
  );

  it("the README's picture (docs/compare.png) is not stale against the shipped knowledge: run `npm run picture`", () => {
    const committed = readFileSync(DOCS_PICTURE);
    const source = readText(committed).get(SOURCE_KEYWORD);
    // The digest covers the SVG (the knowledge and the layout), the bundled fonts and resvg's version:
    // comparing it, not the pixels, is what holds on every machine.
    expect(source, "docs/compare.png is stale: run `npm run picture` and commit it").toBe(
      comparePicture(roleTable(loadKnowledge())).digest,
    );
    const decoded = PNG.sync.read(committed);
    expect(decoded.width).toBeGreaterThan(2000);
  });
});
