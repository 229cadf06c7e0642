/**
 * Issue 16, item 6: the knowledge folder as operators really change it. Replaced whole (deleted and made
 * again, renamed over as editors and `git checkout` do, a symlink swapped as Kubernetes does a ConfigMap), the
 * running server keeps following it: it logs that it watches the new folder and later edits are picked up
 * (/healthz counts the roles). A YAML alias bomb and a file over 1 MB are refused with the file's name (and the
 * limit), before they cost anything, and the last good knowledge keeps answering.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_INTENTS_DIR } from "../../src/core/index.js";
import { FIFTH, FIFTH_ROLE_YAML } from "../helpers/fifth-role.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer | undefined;
let base: string | undefined;
afterEach(async () => {
  await server?.stop();
  if (base) rmSync(base, { recursive: true, force: true });
  server = undefined;
  base = undefined;
});

/** A fresh copy of the shipped knowledge at `dir`. */
const copyTo = (dir: string) => cpSync(DEFAULT_INTENTS_DIR, dir, { recursive: true });

/** Add the fifth role an organisation might (tests/helpers/fifth-role.ts) to the knowledge at `dir`. */
const addRole = (dir: string) => writeFileSync(join(dir, "roles", `${FIFTH.id}.yaml`), FIFTH_ROLE_YAML);
const fifthRoleFile = (dir: string) => join(dir, "roles", `${FIFTH.id}.yaml`);

interface Health {
  status: string;
  knowledge: { ok: boolean; roles: number; error?: string };
}
async function health(): Promise<{ code: number; body: Health }> {
  const res = await fetch(`${server?.url}/healthz`);
  return { code: res.status, body: (await res.json()) as Health };
}

/** Poll /healthz until `ok` says so (edits settle, the folder is checked every second). */
async function healthUntil(ok: (h: { code: number; body: Health }) => boolean, what: string, ms = 8000) {
  const end = Date.now() + ms;
  let last = await health();
  while (!ok(last)) {
    if (Date.now() > end)
      throw new Error(`/healthz never showed ${what}; last: ${last.code} ${JSON.stringify(last.body.knowledge)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await health();
  }
  return last;
}
const roles = (n: number) => (h: { code: number; body: Health }) => h.code === 200 && h.body.knowledge.roles === n;
const reattached = () => server?.logger.lines.some((l) => /watching the knowledge directory again/.test(l.msg)) ?? false;

async function start(intentsDir: string) {
  server = await startTestServer({ INTENTS_DIR: intentsDir });
  expect((await health()).body.knowledge.roles).toBe(4);
}

/** A server on a fresh copy of the knowledge at <base>/intents; returns that folder. */
async function startOnCopy(): Promise<string> {
  base = mkdtempSync(join(tmpdir(), "whodoes-knowledge-"));
  const dir = join(base, "intents");
  copyTo(dir);
  await start(dir);
  return dir;
}

describe("the knowledge folder replaced while the server runs", () => {
  it("deleted and made again: re-attached, and later edits are followed", async () => {
    const dir = await startOnCopy();
    rmSync(dir, { recursive: true });
    await new Promise((r) => setTimeout(r, 400));
    copyTo(dir);
    await healthUntil(roles(4), "the knowledge back");
    await expect.poll(reattached, { timeout: 5000 }).toBe(true);
    addRole(dir);
    await healthUntil(roles(5), "the edit made after the folder came back");
  });

  it("renamed over (a new folder moved into place, as editors and git do): re-attached, edits followed", async () => {
    const dir = await startOnCopy();
    copyTo(`${dir}.new`);
    renameSync(dir, `${dir}.old`);
    renameSync(`${dir}.new`, dir);
    await expect.poll(reattached, { timeout: 5000 }).toBe(true);
    addRole(dir);
    await healthUntil(roles(5), "the edit made in the new folder");
  });

  it("INTENTS_DIR a symlink swapped to a new version: re-attached, the new version and its edits followed", async () => {
    base = mkdtempSync(join(tmpdir(), "whodoes-knowledge-"));
    copyTo(join(base, "v1"));
    copyTo(join(base, "v2"));
    addRole(join(base, "v2"));
    const link = join(base, "current");
    symlinkSync(join(base, "v1"), link);
    await start(link);
    // The atomic swap: a new link renamed over the old one.
    symlinkSync(join(base, "v2"), join(base, "current.tmp"));
    renameSync(join(base, "current.tmp"), link);
    await healthUntil(roles(5), "version 2");
    await expect.poll(reattached, { timeout: 5000 }).toBe(true);
    rmSync(fifthRoleFile(join(base, "v2")));
    await healthUntil(roles(4), "the edit made in version 2");
  });

  it("a Kubernetes ConfigMap mount (files linked through ..data, swapped atomically): the new data is followed", async () => {
    base = mkdtempSync(join(tmpdir(), "whodoes-knowledge-"));
    const mount = join(base, "mount");
    mkdirSync(mount);
    copyTo(join(mount, "..2024_01_01_00_00_00.1"));
    symlinkSync("..2024_01_01_00_00_00.1", join(mount, "..data"));
    for (const entry of readdirSync(join(mount, "..2024_01_01_00_00_00.1")))
      symlinkSync(join("..data", entry), join(mount, entry));
    await start(mount);
    const next = join(mount, "..2024_01_02_00_00_00.2");
    copyTo(next);
    addRole(next);
    symlinkSync("..2024_01_02_00_00_00.2", join(mount, "..data_tmp"));
    renameSync(join(mount, "..data_tmp"), join(mount, "..data"));
    rmSync(join(mount, "..2024_01_01_00_00_00.1"), { recursive: true });
    await healthUntil(roles(5), "the ConfigMap's new data");
  });
});

describe("knowledge files that would cost the server", () => {
  it("a YAML alias bomb is refused with the file's name; the last good knowledge answers on", async () => {
    const dir = await startOnCopy();
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const bomb = [
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...levels.slice(1).map((l, i) => `${l}: &${l} [${Array(9).fill(`*${levels[i]}`).join(", ")}]`),
    ].join("\n");
    writeFileSync(join(dir, "roles", "bomb.yaml"), `${bomb}\n`);
    const h = await healthUntil((x) => x.code === 503, "the bomb refused");
    expect(h.body.knowledge.error).toMatch(/bomb\.yaml/);
    expect(h.body.knowledge.error).toMatch(/alias/i);
    expect(h.body.knowledge.roles).toBe(4);
    const chat = await fetch(`${server?.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "who restores a dropped table?" }),
    });
    expect(chat.status).toBe(200);
  });

  it("a knowledge file over 1 MB is refused with its name and the limit, before it is parsed", async () => {
    const dir = await startOnCopy();
    // A valid role file (it would load) made large by a comment.
    addRole(dir);
    const file = fifthRoleFile(dir);
    writeFileSync(file, `${readFileSync(file, "utf8")}\n${"# padding padding padding padding padding\n".repeat(30_000)}`);
    const h = await healthUntil((x) => x.code === 503, "the large file refused");
    expect(h.body.knowledge.error).toContain(`${FIFTH.id}.yaml`);
    expect(h.body.knowledge.error).toMatch(/1 MB/);
    expect(h.body.knowledge.roles).toBe(4);
  });
});
