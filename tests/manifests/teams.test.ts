/**
 * The Teams app manifest against Microsoft's official schema (shipped in manifests/teams/schema/, draft-04,
 * validated offline), the icons' sizes, and the app package that `npm run teams:package` writes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AdmZip from "adm-zip";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { appIdProblem, buildTeamsPackage, TeamsPackageError, validateManifest } from "../../scripts/teams-package.js";
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from "../../src/adapters/teams/message-extension.js";
import { createWhodoes, loadKnowledge } from "../../src/core/index.js";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "manifests", "teams");
const read = (name: string) => readFileSync(join(DIR, name));

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  accentColor: string;
  icons: { color: string; outline: string };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  composeExtensions: { botId: string; commands: { id: string; type: string; parameters: { name: string }[] }[] }[];
  validDomains: string[];
}
const manifest = JSON.parse(read("manifest.json").toString("utf8")) as Manifest;
const schema = JSON.parse(read("schema/MicrosoftTeams.schema.json").toString("utf8")) as {
  $schema: string;
  properties: { manifestVersion: { const: string } };
};

describe("manifest.json", () => {
  it("is valid against the official Teams schema", () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it("the validator really rejects a broken manifest", () => {
    const broken = { ...manifest, id: "not-a-guid", bots: [{ ...manifest.bots[0], scopes: ["everywhere"] }], extra: true };
    const errors = validateManifest(broken);
    expect(errors.some((e) => e.startsWith("/id"))).toBe(true);
    expect(errors.some((e) => e.startsWith("/bots/0/scopes/0"))).toBe(true);
    expect(errors.some((e) => /additional properties/.test(e))).toBe(true);
  });

  it("uses the schema version it is validated against", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
    expect(manifest.manifestVersion).toBe(schema.properties.manifestVersion.const);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it("declares a bot in personal, team and group chat with the four commands", () => {
    const bot = manifest.bots[0];
    expect(bot?.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    const commands = bot?.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(commands).toEqual(["help", "roles", "compare", "onboard"]);
    for (const list of bot?.commandLists ?? []) expect(list.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
  });

  it("its command examples are understood by the core as those commands", () => {
    const w = createWhodoes(loadKnowledge());
    const descriptions = Object.fromEntries(
      manifest.bots[0]?.commandLists[0]?.commands.map((c) => [c.title, c.description]) ?? [],
    );
    const example = (title: string) => /e\.g\. (.+)$/.exec(descriptions[title] ?? "")?.[1] ?? title;
    expect(w.ask("help").intent).toBe("help");
    expect(w.ask("roles").intent).toBe("list_roles");
    expect(w.ask(example("compare")).intent).toBe("compare_roles");
    expect(w.ask(example("onboard")).intent).toBe("onboarding");
    expect(w.ask(example("help").replace(/\)$/, "")).intent).toBe("who_does");
  });

  it("declares the search message extension the adapter serves", () => {
    const command = manifest.composeExtensions[0]?.commands[0];
    expect(command?.id).toBe(SEARCH_COMMAND_ID);
    expect(command?.type).toBe("query");
    expect(command?.parameters.map((p) => p.name)).toEqual([SEARCH_PARAMETER]);
    expect(manifest.composeExtensions[0]?.botId).toBe(manifest.bots[0]?.botId);
    expect(Array.isArray(manifest.validDomains)).toBe(true);
  });
});

describe("icons", () => {
  const png = (name: string) => PNG.sync.read(read(name));

  it("color.png is 192x192", () => {
    const icon = png(manifest.icons.color);
    expect([icon.width, icon.height]).toEqual([192, 192]);
  });

  it("outline.png is 32x32, white on transparent", () => {
    const icon = png(manifest.icons.outline);
    expect([icon.width, icon.height]).toEqual([32, 32]);
    let transparent = 0;
    let drawn = 0;
    for (let i = 0; i < icon.data.length; i += 4) {
      const alpha = icon.data[i + 3] ?? 0;
      if (alpha === 0) transparent++;
      else {
        drawn++;
        expect([icon.data[i], icon.data[i + 1], icon.data[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(drawn).toBeGreaterThan(32 * 32 * 0.1);
  });
});

describe("teams:package", () => {
  const APP_ID = "9f1c7a52-3b1e-4c0e-9d0a-6f2b8e4d1a37";
  const tmp = mkdtempSync(join(tmpdir(), "whodoes-teams-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("writes a zip with the manifest (app id substituted) and both icons", () => {
    const out = join(tmp, "whodoes-teams.zip");
    const result = buildTeamsPackage({ appId: ` ${APP_ID} `, out });
    expect(result.out).toBe(out);
    const zip = new AdmZip(out);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(["color.png", "manifest.json", "outline.png"]);
    const packaged = JSON.parse(zip.readAsText("manifest.json")) as Manifest;
    expect(packaged.id).toBe(APP_ID);
    expect(packaged.bots[0]?.botId).toBe(APP_ID);
    expect(packaged.composeExtensions[0]?.botId).toBe(APP_ID);
    expect(validateManifest(packaged)).toEqual([]);
    expect(zip.readFile("color.png")?.equals(read("color.png"))).toBe(true);
    expect(zip.readFile("outline.png")?.equals(read("outline.png"))).toBe(true);
  });

  it.each([
    [undefined, /MICROSOFT_APP_ID is not set/],
    ["", /MICROSOFT_APP_ID is not set/],
    ["my-bot", /not a GUID/],
    ["9f1c7a52-3b1e-4c0e-9d0a-6f2b8e4d1a3", /not a GUID/],
    ["00000000-0000-0000-0000-000000000000", /placeholder/],
  ])("refuses app id %j clearly", (appId, message) => {
    expect(appIdProblem(appId)).toMatch(message);
    expect(() => buildTeamsPackage({ appId, out: join(tmp, "never.zip") })).toThrow(TeamsPackageError);
    expect(() => new AdmZip(join(tmp, "never.zip"))).toThrow();
  });

  it("never echoes a wrong app id (it may be a pasted secret)", () => {
    expect(appIdProblem("s3cr3t-value-pasted-by-mistake")).not.toContain("s3cr3t");
  });

  it("says in one line, run without MICROSOFT_APP_ID, what to set; and the README says it is needed", () => {
    const script = fileURLToPath(new URL("../../dist/scripts/teams-package.js", import.meta.url));
    // Set but empty, so a developer's .env cannot fill it in.
    const r = spawnSync(process.execPath, [script, "--out", join(tmp, "never.zip")], {
      encoding: "utf8",
      env: { ...process.env, MICROSOFT_APP_ID: "" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^teams:package: MICROSOFT_APP_ID is not set: set it/)]);
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    expect(readme).toMatch(
      /`npm run teams:package` from \[`manifests\/teams\/`\]\(manifests\/teams\/\), and needs `MICROSOFT_APP_ID`/,
    );
  });
});
