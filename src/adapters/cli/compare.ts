/**
 * `whodoes compare [ROLE...]`: every role side by side (the roles named first), as an aligned text table
 * that fits 80 columns, as data with --json, or as a picture with --png FILE / --svg FILE.
 */
import { writeFileSync } from "node:fs";
import { roleTable } from "../../core/answers/compare-all.js";
import type { RoleTable, Whodoes } from "../../core/index.js";
import { tableToText } from "../../render/text-table.js";

export interface CompareOptions {
  json: boolean;
  png?: string;
  svg?: string;
}

/** The `--json` shape: the table as data, every cell a list of items. */
export function tableToJson(table: RoleTable): string {
  return JSON.stringify(table);
}

/** Write a picture file; a path that cannot be written is one clear line and exit code 1, not a stack trace. */
function write(file: string, data: string | Buffer): boolean {
  try {
    writeFileSync(file, data);
    process.stderr.write(`whodoes: wrote ${file}\n`);
    return true;
  } catch (err) {
    process.stderr.write(`whodoes: cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return false;
  }
}

/** Prints or writes the comparison; returns the exit code. */
export async function runCompare(whodoes: Whodoes, first: readonly string[], options: CompareOptions): Promise<number> {
  const table = roleTable(whodoes.knowledge, first);
  if (options.png || options.svg) {
    // Loaded only here: the picture's fonts and renderer are not needed by the text table.
    const { comparePicture } = await import("../../render/picture/compare-picture.js");
    const picture = comparePicture(table);
    if (options.svg && !write(options.svg, picture.svg)) return 1;
    if (options.png && !write(options.png, await picture.png())) return 1;
    if (!options.json) return 0;
  }
  process.stdout.write(options.json ? `${tableToJson(table)}\n` : `${table.title}\n\n${tableToText(table).join("\n")}\n`);
  return 0;
}
