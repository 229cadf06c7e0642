/**
 * Draws the Teams app icons into manifests/teams/: color.png (192x192, full colour) and outline.png
 * (32x32, white on transparent, as Teams requires). The PNGs are committed; rerun this after a design change:
 *   npm run build --silent && node dist/scripts/teams-icons.js
 *
 * The glyph is a person with a question mark beside it ("who does this?"), drawn from circles and
 * rectangles with 4x4 supersampling for smooth edges.
 */
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

/** Must match accentColor in manifest.json. */
const ACCENT = { r: 0x2f, g: 0x6f, b: 0x8f };
const SUPERSAMPLE = 4;

/** A shape in unit coordinates (0..1 across the icon): true where the point is inside. */
type Shape = (x: number, y: number) => boolean;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= r && d >= r - width;
  };
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** A person (head and shoulders) on the left and a question mark on the right. */
const person = union(
  circle(0.38, 0.33, 0.13),
  // Shoulders: the top of a wide disc, cut flat at the bottom.
  minus(circle(0.38, 0.86, 0.27), (_x, y) => y > 0.8),
);
const questionMark = union(
  // The hook: the upper-right three quarters of a ring.
  minus(ring(0.72, 0.32, 0.12, 0.055), (x, y) => x < 0.72 && y > 0.32),
  rect(0.695, 0.42, 0.745, 0.56),
  circle(0.72, 0.7, 0.045),
);
const glyph = union(person, questionMark);

/** Rounded-square tile for the colour icon. */
const roundedSquare = (radius: number): Shape => {
  const inner = rect(radius, radius, 1 - radius, 1 - radius);
  return (x, y) => {
    const cx = Math.min(Math.max(x, radius), 1 - radius);
    const cy = Math.min(Math.max(y, radius), 1 - radius);
    return inner(cx, cy) && (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
  };
};

/** Fraction of a pixel's subsamples inside `shape`, with the glyph scaled into a margin. */
function coverage(shape: Shape, px: number, py: number, size: number, margin: number): number {
  let hits = 0;
  for (let i = 0; i < SUPERSAMPLE; i++) {
    for (let j = 0; j < SUPERSAMPLE; j++) {
      const u = (px + (i + 0.5) / SUPERSAMPLE) / size;
      const v = (py + (j + 0.5) / SUPERSAMPLE) / size;
      const x = (u - margin) / (1 - 2 * margin);
      const y = (v - margin) / (1 - 2 * margin);
      if (shape(x, y)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

export function drawColorIcon(size = 192): PNG {
  const png = new PNG({ width: size, height: size });
  const tile = roundedSquare(0.18);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const bg = coverage(tile, x, y, size, 0);
      const fg = coverage(glyph, x, y, size, 0.14);
      const i = (y * size + x) * 4;
      // White glyph over the accent tile; outside the tile is transparent.
      png.data[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * fg);
      png.data[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * fg);
      png.data[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * fg);
      png.data[i + 3] = Math.round(255 * Math.max(bg, fg));
    }
  }
  return png;
}

/** Teams: "the outline icon must be white with a transparent background", 32x32. Only alpha varies here. */
export function drawOutlineIcon(size = 32): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * coverage(glyph, x, y, size, 0.04));
    }
  }
  return png;
}

function main(): void {
  // Compiled to dist/scripts/; the manifests folder is two levels up from there, one from the source.
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${join("dist", "scripts")}`) ? resolve(here, "..", "..") : resolve(here, "..");
  const dir = join(root, "manifests", "teams");
  writeFileSync(join(dir, "color.png"), PNG.sync.write(drawColorIcon()));
  writeFileSync(join(dir, "outline.png"), PNG.sync.write(drawOutlineIcon()));
  console.log(`wrote ${join(dir, "color.png")} and ${join(dir, "outline.png")}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
