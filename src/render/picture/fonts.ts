/**
 * The fonts the picture is drawn in, bundled in assets/fonts (Inter, SIL Open Font License) so the
 * picture looks the same on every machine: no system font is ever used. Read once, on first use.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import opentype, { type Font } from "opentype.js";
import { PROJECT_ROOT } from "../../config/paths.js";

export const FONT_FAMILY = "Inter";
const DIR = join(PROJECT_ROOT, "assets", "fonts");
export const FONT_FILES = { regular: join(DIR, "Inter-Regular.ttf"), bold: join(DIR, "Inter-Bold.ttf") } as const;

/** How wide `text` is drawn at `size` pixels: glyph advances, without kerning (which only narrows it). */
export type Measure = (text: string, size: number) => number;

export interface Fonts {
  regular: Measure;
  bold: Measure;
  /** The font files' own digest: a new font draws a new picture. */
  digest: string;
}

let loaded: Fonts | undefined;

/**
 * opentype.js's own text layout stops at some of Inter's substitution tables, and the picture needs no
 * shaping (Latin text, no ligatures): the advance width of each character's glyph is enough.
 */
function measureWith(font: Font): Measure {
  const advances = new Map<string, number>();
  return (text, size) => {
    let units = 0;
    for (const ch of text) {
      let a = advances.get(ch);
      if (a === undefined) {
        a = font.charToGlyph(ch).advanceWidth ?? font.unitsPerEm / 2;
        advances.set(ch, a);
      }
      units += a;
    }
    return (units * size) / font.unitsPerEm;
  };
}

function parse(path: string): { measure: Measure; bytes: Buffer } {
  const bytes = readFileSync(path);
  const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { measure: measureWith(font), bytes };
}

export function fonts(): Fonts {
  if (!loaded) {
    const regular = parse(FONT_FILES.regular);
    const bold = parse(FONT_FILES.bold);
    const digest = createHash("sha256").update(regular.bytes).update(bold.bytes).digest("hex");
    loaded = { regular: regular.measure, bold: bold.measure, digest };
  }
  return loaded;
}
