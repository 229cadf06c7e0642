/** The project's imports as a graph, read from the source text, and the checks the architecture test runs on it. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..", "..");

/** file (relative to the project, e.g. "src/core/whodoes.ts") -> every module specifier it imports. */
export type ImportGraph = Map<string, string[]>;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Static imports and re-exports, type-only ones included, and dynamic `import("...")`. */
export function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found = [
    ...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm),
    ...code.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return found.map((m) => m[1] ?? "");
}

export function readGraph(folders: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const folder of folders)
    for (const file of tsFiles(join(ROOT, folder))) graph.set(relative(ROOT, file), specifiers(readFileSync(file, "utf8")));
  return graph;
}

/** The project file a relative specifier names ("../core/index.js" -> "src/core/index.ts"), or undefined for a package. */
export function target(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  return join(dirname(from), specifier).replace(/\.js$/, ".ts");
}

/**
 * The layers of src/, lowest first: a file may import from a lower layer or from its own folder, never
 * from a higher or a sibling one.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["logging", "metrics", "config", "types"],
  ["core", "store"],
  ["render", "usage"],
  ["adapters"],
  ["server"],
];

const folderOf = (file: string) => file.split("/")[1] ?? "";
const layerOf = (folder: string) => LAYERS.findIndex((l) => l.includes(folder));
/** adapters/slack/x.ts -> "slack"; adapters/platforms.ts -> undefined (shared by the platforms). */
const platformOf = (file: string) =>
  file.startsWith("src/adapters/") && file.split("/").length > 3 ? file.split("/")[2] : undefined;

/** Imports inside src/ that run upward or sideways, as "from -> to". */
export function layerViolations(graph: ImportGraph): string[] {
  const out: string[] = [];
  for (const [from, specs] of graph) {
    if (!from.startsWith("src/")) continue;
    for (const spec of specs) {
      const to = target(from, spec);
      if (!to?.startsWith("src/")) continue;
      const [a, b] = [folderOf(from), folderOf(to)];
      const sameFolder = a === b;
      if (!sameFolder && !(layerOf(b) < layerOf(a))) out.push(`${from} -> ${to}`);
      // One platform never reaches into another's folder.
      const [pa, pb] = [platformOf(from), platformOf(to)];
      if (pa && pb && pa !== pb) out.push(`${from} -> ${to}`);
    }
  }
  return out;
}

/** Every group of files that import each other, directly or round a longer loop (Tarjan's algorithm). */
export function cycles(graph: ImportGraph): string[][] {
  const edges = new Map<string, string[]>();
  for (const [from, specs] of graph)
    edges.set(
      from,
      specs.flatMap((s) => {
        const to = target(from, s);
        return to && graph.has(to) ? [to] : [];
      }),
    );
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(group.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}
