#!/usr/bin/env node
// The CLI is compiled TypeScript, bundled into dist/cli/ (scripts/bundle-cli.ts); `npm install` / `npm ci` builds it
// (the `prepare` script).
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("whodoes: not built yet. Run `npm install` (or `npm run build`) in the project first.\n");
  process.exit(1);
}
await import(entry.href);
