/**
 * `npm run build`'s second step: the compiled CLI (dist/src/adapters/cli/main.js) bundled into dist/cli/, which
 * bin/whodoes.js runs. Loading the sixty-odd small modules the CLI is made of one by one was about a tenth of
 * `whodoes ask`'s cold start; bundled, it loads a few files. What the CLI imports only for some commands (the
 * knowledge's full check, the comparison picture) stays in chunks of its own, loaded when needed, and the
 * packages in node_modules stay imports of their own, as the source writes them.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { PROJECT_ROOT } from "../src/config/paths.js";

const outdir = join(PROJECT_ROOT, "dist", "cli");
// Chunks are named by their content: without this, every bundling would leave the last one's beside it.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(PROJECT_ROOT, "dist", "src", "adapters", "cli", "main.js")],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  packages: "external",
  logLevel: "warning",
});
