import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_INTENTS_DIR } from "../../src/core/index.js";

/** A throwaway copy of the shipped intents/ that a test may break or extend. */
export function copyKnowledge(): {
  dir: string;
  edit(file: string, change: (text: string) => string): void;
  write(file: string, text: string): void;
  /** Use the shipped directory.example.yaml as this copy's directory.yaml. */
  useExampleDirectory(): void;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "whodoes-intents-"));
  cpSync(DEFAULT_INTENTS_DIR, dir, { recursive: true });
  return {
    dir,
    edit(file, change) {
      const path = join(dir, file);
      writeFileSync(path, change(readFileSync(path, "utf8")));
    },
    write(file, text) {
      writeFileSync(join(dir, file), text);
    },
    useExampleDirectory() {
      copyFileSync(join(dir, "directory.example.yaml"), join(dir, "directory.yaml"));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
