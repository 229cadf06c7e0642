/**
 * A throwaway copy of the project's source and knowledge, for tests that follow a recipe of
 * docs/architecture.md: change the code as a maintainer would, typecheck it, and run it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./import-graph.js";

export interface ProjectCopy {
  dir: string;
  write(path: string, text: string): void;
  edit(path: string, change: (text: string) => string): void;
  /** tsc on these folders of the copy (and what they import, with src/types): its error lines, none when it compiles. */
  typecheck(include: string[]): string[];
  /** Import a module of the copy (a .ts path under src/). */
  load<T>(path: string): Promise<T>;
  remove(): void;
}

export function copyProject(): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), "whodoes-project-"));
  for (const part of ["src", "intents", "package.json"]) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  // The copy's imports resolve to the project's installed packages.
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const path = (p: string) => join(dir, p);
  return {
    dir,
    write(p, text) {
      mkdirSync(dirname(path(p)), { recursive: true });
      writeFileSync(path(p), text);
    },
    edit(p, change) {
      const before = readFileSync(path(p), "utf8");
      const after = change(before);
      if (after === before) throw new Error(`copyProject: the edit changed nothing in ${p}`);
      writeFileSync(path(p), after);
    },
    typecheck(include) {
      writeFileSync(
        path("tsconfig.json"),
        JSON.stringify({ extends: join(ROOT, "tsconfig.json"), include: [...include, "src/types"] }),
      );
      const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
      const run = spawnSync(process.execPath, [tsc, "-p", path("tsconfig.json")], {
        cwd: dir,
        encoding: "utf8",
        timeout: 120_000,
      });
      return run.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
    },
    load: (p) => import(path(p)),
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
