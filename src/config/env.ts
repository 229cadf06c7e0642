/**
 * The environment as every entry point reads it (`npm start` and the `whodoes` command): `.env` first,
 * then the variables they share. Each part that needs more reads its own section (config/section.ts):
 * the server its own, each platform adapter its own. Every problem is reported together, naming the
 * variable; a value is never printed (it may be a secret).
 *
 * The shared variables are checked here without zod: `whodoes ask` reads them too, and loading the
 * schema library would double its start-up time.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export type Env = Readonly<Record<string, string | undefined>>;

/** Read `.env` from the working directory into the environment; variables already set win. */
export async function loadEnvFile(): Promise<void> {
  // Without a .env there is nothing to read: dotenv is not even loaded, which keeps `whodoes ask` quick.
  if (!existsSync(resolve(".env"))) return;
  const { config } = await import("dotenv");
  config({ quiet: true });
}

export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  constructor(readonly problems: string[]) {
    super(
      `The configuration has ${problems.length === 1 ? "a problem" : "problems"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** A variable's value, trimmed; unset when empty (as in a copied .env.example). */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === "" ? undefined : value;
}

/** The variables the server and the CLI share. */
export interface SharedConfig {
  /** INTENTS_DIR: the knowledge directory; default the shipped intents/. */
  intentsDir?: string;
  /** DATA_DIR: where one instance keeps welcomes and usage; default DEFAULT_DATA_DIR (<project>/data). */
  dataDir?: string;
  /** REDIS_URL: share state between instances. */
  redisUrl?: string;
  /** CACHE_DIR: where the CLI keeps the checked knowledge and word stems between runs; default DEFAULT_CACHE_DIR. */
  cacheDir?: string;
}

export function readSharedConfig(env: Env, problems: string[]): SharedConfig {
  const intentsDir = envValue(env, "INTENTS_DIR");
  const dataDir = envValue(env, "DATA_DIR");
  const redisUrl = envValue(env, "REDIS_URL");
  const cacheDir = envValue(env, "CACHE_DIR");
  const redisOk = redisUrl === undefined || /^rediss?:\/\//.test(redisUrl);
  if (!redisOk) problems.push("REDIS_URL: must be a redis:// or rediss:// URL");
  return {
    ...(intentsDir ? { intentsDir } : {}),
    ...(dataDir ? { dataDir } : {}),
    ...(redisUrl && redisOk ? { redisUrl } : {}),
    ...(cacheDir ? { cacheDir } : {}),
  };
}
