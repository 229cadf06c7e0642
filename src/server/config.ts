/**
 * The whole configuration, composed once from the environment: the server's own section, the variables
 * every entry point shares (config/env.ts), and each platform's section, read by the platform itself.
 * Every problem is reported together, naming the variable; secret values are never printed.
 */
import { z } from "zod";
import { type PagerDutyConfig, readPagerDutyConfig } from "../adapters/pagerduty/config.js";
import { PLATFORMS } from "../adapters/platforms.js";
import { ConfigError, type Env, readSharedConfig, type SharedConfig } from "../config/env.js";
import { optionalVar, readSection } from "../config/section.js";

export { ConfigError } from "../config/env.js";

const serverEnv = z.object({
  // Empty (as in a copied .env.example) is the default: coerced, "" would be port 0, any free port.
  PORT: optionalVar.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number from 0 to 65535 (default 3978)")
      .transform(Number)
      .pipe(z.number().max(65535, "must be a port number from 0 to 65535 (default 3978)"))
      .default(3978),
  ),
  HOST: optionalVar,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  RECORD_QUESTIONS: optionalVar.pipe(z.enum(["true", "false", "1", "0"]).optional()),
  // A day at most: the context of a conversation is for the follow-up that comes soon after, not tomorrow's.
  CONVERSATION_TTL_MINUTES: optionalVar.pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, "must be a whole number of minutes from 0 (follow-ups off) to 1440")
      .transform(Number)
      .pipe(z.number().max(1440, "must be at most 1440 (a day)"))
      .optional(),
  ),
  PUBLIC_URL: optionalVar.pipe(
    z.url({ protocol: /^https?$/, error: "must be the server's public address, e.g. https://whodoes.example.com" }).optional(),
  ),
  METRICS_TOKEN: optionalVar.pipe(z.string().min(16, "must be at least 16 characters").optional()),
});

export interface ServerConfig extends SharedConfig {
  port: number;
  /** HOST; default 127.0.0.1 when no platform takes requests from other machines, else 0.0.0.0. */
  host?: string;
  logLevel: "debug" | "info" | "warn" | "error";
  /** RECORD_QUESTIONS=true keeps unanswered questions' text for `whodoes report`; default: a hash. */
  recordQuestions?: boolean;
  /**
   * PUBLIC_URL: the address Slack and Teams reach this server at; their comparison answers then show the
   * picture from GET /compare.png. Default: none (the table alone).
   */
  publicUrl?: string;
  /** METRICS_TOKEN: a bearer token that lets other machines scrape /metrics; unset: this machine only. */
  metricsToken?: string;
  /**
   * CONVERSATION_TTL_MINUTES: how long a conversation's last turn is kept so a follow-up can lean on it;
   * 0 turns follow-ups off. Default: the adapters' (30 minutes).
   */
  conversationTtlMs?: number;
  /** PAGERDUTY_TOKEN (and PAGERDUTY_API_URL): answers name who is on call now on the directory's schedules. */
  pagerduty?: PagerDutyConfig;
}

type Platforms = (typeof PLATFORMS)[number];
/** Each platform's own configuration, under its name (`slack`, `teams`, `web`). */
export type PlatformConfigs = { [P in Platforms as P["name"]]: ReturnType<P["readConfig"]> };

export type Config = ServerConfig & PlatformConfigs;

/** Parse and check the environment. Throws ConfigError listing every problem. */
export function parseConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const server = readSection(serverEnv, env, problems);
  const shared = readSharedConfig(env, problems);
  const pagerduty = readPagerDutyConfig(env, problems);
  const platforms = Object.fromEntries(PLATFORMS.map((p) => [p.name, p.readConfig(env, problems)])) as PlatformConfigs;
  if (!server || problems.length > 0) throw new ConfigError(problems);
  return {
    port: server.PORT,
    logLevel: server.LOG_LEVEL,
    recordQuestions: ["true", "1"].includes(server.RECORD_QUESTIONS ?? ""),
    ...(server.HOST ? { host: server.HOST } : {}),
    ...(server.PUBLIC_URL ? { publicUrl: server.PUBLIC_URL } : {}),
    ...(server.METRICS_TOKEN ? { metricsToken: server.METRICS_TOKEN } : {}),
    ...(server.CONVERSATION_TTL_MINUTES !== undefined ? { conversationTtlMs: server.CONVERSATION_TTL_MINUTES * 60_000 } : {}),
    ...(pagerduty ? { pagerduty } : {}),
    ...shared,
    ...platforms,
  };
}
