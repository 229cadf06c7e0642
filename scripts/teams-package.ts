/**
 * `npm run teams:package`: writes the Teams app package (manifest.json + the two icons, zipped) that you
 * upload in Teams ("Apps > Manage your apps > Upload an app") or in the Developer Portal.
 *
 * The committed manifest carries a placeholder id; this puts MICROSOFT_APP_ID (the Azure bot's app id) in
 * (from the environment or .env) as the app id and the bot id, checks the result against the official schema, and writes
 * build/whodoes-teams.zip (or the path given with --out).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import AdmZip from "adm-zip";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import dotenv from "dotenv";

// Both are CommonJS with `exports.default`; under NodeNext the default import is module.exports, so use .default.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const PACKAGE_FILES = ["color.png", "outline.png"] as const;

export class TeamsPackageError extends Error {
  readonly code = "TEAMS_PACKAGE";
}

function repoRoot(): string {
  // Run from source (scripts/) by tests, compiled (dist/scripts/) by npm run teams:package.
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith(join("dist", "scripts")) ? resolve(here, "..", "..") : resolve(here, "..");
}

export const MANIFEST_DIR = join(repoRoot(), "manifests", "teams");
export const DEFAULT_OUT = join(repoRoot(), "build", "whodoes-teams.zip");

/** The problem with an app id, in one sentence, or undefined when it is usable. */
export function appIdProblem(appId: string | undefined): string | undefined {
  const id = appId?.trim();
  if (!id) {
    return "MICROSOFT_APP_ID is not set: set it (in the environment or .env) to your Azure bot's Microsoft App ID, a GUID shown in Azure portal > your bot > Configuration, and run again.";
  }
  if (!GUID.test(id))
    return `MICROSOFT_APP_ID is not a GUID (expected e.g. 1b2c3d4e-0000-4000-8000-123456789abc, got ${id.length} characters that are not one).`;
  if (id === PLACEHOLDER_ID) return "MICROSOFT_APP_ID is the all-zero placeholder: use your Azure bot's real Microsoft App ID.";
  return undefined;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The manifest with the app id put in as the Teams app id and as every bot id. */
export function manifestWithAppId(manifest: Json, appId: string): Json {
  const withBotId = (list: unknown) =>
    Array.isArray(list) ? list.map((item) => (isRecord(item) ? { ...item, botId: appId } : item)) : list;
  return {
    ...manifest,
    id: appId,
    ...(manifest.bots !== undefined ? { bots: withBotId(manifest.bots) } : {}),
    ...(manifest.composeExtensions !== undefined ? { composeExtensions: withBotId(manifest.composeExtensions) } : {}),
  };
}

/** Schema errors for a manifest, empty when it is valid. */
export function validateManifest(manifest: unknown, manifestDir = MANIFEST_DIR): string[] {
  const schema = JSON.parse(readFileSync(join(manifestDir, "schema", "MicrosoftTeams.schema.json"), "utf8")) as Json;
  // The official schema is draft-04 and uses a few keywords ajv's strict mode does not know.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}

export interface PackageOptions {
  appId: string | undefined;
  out?: string;
  manifestDir?: string;
}

export function buildTeamsPackage(options: PackageOptions): { out: string; manifest: Json } {
  const problem = appIdProblem(options.appId);
  if (problem) throw new TeamsPackageError(problem);
  const appId = (options.appId ?? "").trim();
  const dir = options.manifestDir ?? MANIFEST_DIR;
  const manifest = manifestWithAppId(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Json, appId);
  const errors = validateManifest(manifest, dir);
  if (errors.length > 0) throw new TeamsPackageError(`manifest.json does not match the Teams schema:\n  ${errors.join("\n  ")}`);

  const zip = new AdmZip();
  zip.addFile("manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"));
  for (const file of PACKAGE_FILES) zip.addFile(file, readFileSync(join(dir, file)));
  const out = resolve(options.out ?? DEFAULT_OUT);
  mkdirSync(dirname(out), { recursive: true });
  zip.writeZip(out);
  return { out, manifest };
}

function main(argv: string[]): number {
  const i = argv.indexOf("--out");
  const out = i >= 0 ? argv[i + 1] : undefined;
  try {
    // Scripts read the environment directly: this runs outside the server and its config module.
    // A .env beside package.json is read too (variables already set win), as for `npm start`.
    dotenv.config({ path: join(repoRoot(), ".env"), quiet: true });
    const result = buildTeamsPackage({ appId: process.env.MICROSOFT_APP_ID, ...(out ? { out } : {}) });
    console.log(
      `Wrote ${result.out} for app ${String(result.manifest.id)}. Upload it in Teams: Apps > Manage your apps > Upload an app.`,
    );
    return 0;
  } catch (err) {
    if (err instanceof TeamsPackageError) {
      console.error(`teams:package: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
