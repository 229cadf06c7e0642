/**
 * Vitest's global setup: the CLI caches (CACHE_DIR) and the server state (DATA_DIR) of whatever the tests start
 * go to a temporary folder made for this run and removed after it, so a test run leaves nothing in the project
 * (node_modules/.cache, data/). Set before the test workers start, so they and every process they spawn
 * inherit it; a test that builds its own environment gives its own folder (tests/security/support/).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "whodoes-test-state-"));
  process.env.CACHE_DIR = join(dir, "cache");
  process.env.DATA_DIR = join(dir, "data");
  return () => rmSync(dir, { recursive: true, force: true });
}
