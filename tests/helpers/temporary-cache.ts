/**
 * Vitest's global setup: the CLI processes the tests start keep their knowledge and stem caches (CACHE_DIR) in a
 * temporary folder made for this run and removed after it, so a test run leaves nothing in node_modules/.cache.
 * Set before the test workers start, so they and every process they spawn inherit it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "whodoes-test-cache-"));
  process.env.CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
