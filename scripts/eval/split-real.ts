/**
 * Deal the collected real questions (tests/eval/real/pool/ and conversations/pool/) into the tuning
 * and held-out parts, a whole source at a time, so the held-out part measures questions from places
 * the matcher was never tuned on. Run once a batch is labelled, before anyone runs the bot on it:
 * `npm run build && node dist/scripts/eval/split-real.js`.
 *
 * A source is a site, one repository on a code forge or one Reddit thread (source-key.ts), and a site's
 * country domains go together (splitGroup). Sources already dealt keep their part; new ones are dealt in the order of a SHA-256 of their name, each to the part further below its
 * share (held-out: 40%).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { EVAL_DIR } from "./evaluate.js";
import { fileKey, sourceKey, splitGroup } from "./source-key.js";

const REAL = join(EVAL_DIR, "real");
const HELD_OUT_SHARE = 0.4;

type Entry = { source: string } & Record<string, unknown>;
type Part = "dev" | "heldout";
interface Kind {
  pool: string;
  out: (part: Part) => string;
}
const KINDS: Kind[] = [
  { pool: join(REAL, "pool"), out: (part) => join(REAL, part) },
  { pool: join(REAL, "conversations", "pool"), out: (part) => join(REAL, "conversations", part) },
];

const fileFor = (key: string) => `${fileKey(key).replace(/[^A-Za-z0-9.-]+/g, "_")}.yaml`;

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : f.endsWith(".yaml") ? [p] : [];
  });
}

const read = (path: string) => (parse(readFileSync(path, "utf8")) ?? []) as Entry[];
const hash = (key: string) => createHash("sha256").update(key).digest("hex");

function main(): void {
  // Which part every source already dealt is in, and how many entries each part holds.
  const partOf = new Map<string, Part>();
  const count: Record<Part, number> = { dev: 0, heldout: 0 };
  for (const kind of KINDS)
    for (const part of ["dev", "heldout"] as const)
      for (const path of yamlFiles(kind.out(part))) {
        const entries = read(path);
        count[part] += entries.length;
        for (const e of entries) partOf.set(splitGroup(sourceKey(e.source)), part);
      }

  // The new entries, by source, over both kinds (a thread's single questions and conversations go together).
  const incoming = new Map<string, { kind: Kind; entry: Entry }[]>();
  // The collector's notes on a source (what kind of page it is) travel with its questions.
  const notes = new Map<string, string>();
  const pooled = KINDS.flatMap((kind) => yamlFiles(kind.pool).map((path) => ({ kind, path })));
  for (const { kind, path } of pooled) {
    const comment = /^(#.*\n)+/.exec(readFileSync(path, "utf8"))?.[0] ?? "";
    for (const entry of read(path)) {
      if (typeof entry.source !== "string") throw new Error(`${path}: an entry has no source`);
      const key = sourceKey(entry.source);
      incoming.set(key, [...(incoming.get(key) ?? []), { kind, entry }]);
      if (comment && !notes.get(key)?.includes(comment)) notes.set(key, (notes.get(key) ?? "") + comment);
    }
  }

  const keys = [...incoming.keys()].sort((a, b) => hash(a).localeCompare(hash(b)));
  for (const key of keys) {
    const items = incoming.get(key) ?? [];
    let part = partOf.get(splitGroup(key));
    if (!part) {
      const total = count.dev + count.heldout;
      part = total === 0 || count.heldout / total < HELD_OUT_SHARE ? "heldout" : "dev";
      partOf.set(splitGroup(key), part);
    }
    count[part] += items.length;
    for (const kind of KINDS) {
      const entries = items.filter((i) => i.kind === kind).map((i) => i.entry);
      if (entries.length === 0) continue;
      const dir = kind.out(part);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, fileFor(key));
      const before = existsSync(path) ? read(path) : [];
      const kept = existsSync(path) ? (/^(#.*\n)+/.exec(readFileSync(path, "utf8"))?.[0] ?? "") : "";
      const header =
        kept ||
        `# ${fileKey(key)}: real questions, kept as written (see tests/eval/real/README.md). ${part === "heldout" ? "HELD-OUT: never tune on these." : "Tuning part."}\n${notes.get(key) ?? ""}`;
      writeFileSync(path, header + stringify([...before, ...entries], { lineWidth: 0 }));
    }
  }
  for (const { path } of pooled) rmSync(path);
  console.log(`dealt ${keys.length} new sources; dev ${count.dev}, held-out ${count.heldout} entries`);
}

main();
