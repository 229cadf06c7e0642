/**
 * The environment, parsed once with a schema. This is the only module that reads `process.env`.
 * Every problem is reported together, naming the variable; secret values are never printed.
 */
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optional,
  INTENTS_DIR: optional,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  WEB_CHAT: optional.pipe(z.enum(["on", "off", "true", "false", "1", "0"]).optional()),
  DATA_DIR: optional,
  REDIS_URL: optional.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
  ),
  RECORD_QUESTIONS: optional.pipe(z.enum(["true", "false", "1", "0"]).optional()),
  PUBLIC_URL: optional.pipe(
    z.url({ protocol: /^https?$/, error: "must be the server's public address, e.g. https://whodoes.example.com" }).optional(),
  ),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional.pipe(z.url().optional()),
  ONBOARDING_CHANNELS: optional,
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TYPE: optional.pipe(z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).optional()),
  MICROSOFT_APP_TENANT_ID: optional,
});

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Socket Mode when set (xapp-...). */
  appToken?: string;
  /** Base URL of the Slack Web API, e.g. a test fake or an enterprise proxy. */
  apiUrl?: string;
  /** Channels (ids or names, without #) whose new members get a welcome DM (ONBOARDING_CHANNELS). */
  onboardingChannels?: string[];
}

export interface TeamsConfig {
  /** Absent: local mode (Bot Framework Emulator, tests), unauthenticated, loopback serviceUrl only. */
  appId?: string;
  appPassword?: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId?: string;
}

export interface Config {
  port: number;
  host?: string;
  intentsDir?: string;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Serve the local web chat even when a platform is configured (WEB_CHAT=on). */
  webChat: boolean;
  /** DATA_DIR: where one instance keeps welcomes and usage; default <project>/data. */
  dataDir?: string;
  /** REDIS_URL: share state between instances. */
  redisUrl?: string;
  /** RECORD_QUESTIONS=true keeps unanswered questions' text for `whodoes report`; default: a hash. */
  recordQuestions?: boolean;
  /**
   * PUBLIC_URL: the address Slack and Teams reach this server at; their comparison answers then show the
   * picture from GET /compare.png. Default: none (the table alone).
   */
  publicUrl?: string;
  slack?: SlackConfig;
  teams: TeamsConfig;
}

export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  constructor(readonly problems: string[]) {
    super(
      `The configuration has ${problems.length === 1 ? "a problem" : "problems"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

/** Parse and check the environment. Throws ConfigError listing every problem. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Name the variable and the rule; never echo the value (it may be a secret).
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];

  let slack: SlackConfig | undefined;
  const anySlack = e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN;
  if (anySlack) {
    if (!e.SLACK_BOT_TOKEN)
      problems.push("SLACK_BOT_TOKEN is missing: Slack needs the bot token (xoxb-...) from OAuth & Permissions.");
    else if (!e.SLACK_BOT_TOKEN.startsWith("xoxb-")) problems.push("SLACK_BOT_TOKEN should be a bot token starting with xoxb-.");
    if (e.SLACK_APP_TOKEN && !e.SLACK_APP_TOKEN.startsWith("xapp-"))
      problems.push("SLACK_APP_TOKEN should be an app-level token starting with xapp- (Basic Information > App-Level Tokens).");
    if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN)
      problems.push(
        "SLACK_SIGNING_SECRET is missing: HTTP mode needs it (Basic Information > Signing Secret), or set SLACK_APP_TOKEN for Socket Mode.",
      );
    if (e.SLACK_BOT_TOKEN) {
      slack = {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET ?? "",
        onboardingChannels: (e.ONBOARDING_CHANNELS ?? "")
          .split(",")
          .map((c) => c.trim().replace(/^#/, ""))
          .filter(Boolean),
        ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
        ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
      };
    }
  }

  const appType = e.MICROSOFT_APP_TYPE ?? "MultiTenant";
  if (!e.MICROSOFT_APP_ID && (e.MICROSOFT_APP_PASSWORD || e.MICROSOFT_APP_TENANT_ID))
    problems.push("MICROSOFT_APP_ID is missing: it is needed when MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set.");
  if (e.MICROSOFT_APP_ID && appType !== "UserAssignedMSI" && !e.MICROSOFT_APP_PASSWORD)
    problems.push("MICROSOFT_APP_PASSWORD is missing: Teams needs the client secret of the Azure bot's app registration.");
  if ((appType === "SingleTenant" || appType === "UserAssignedMSI") && !e.MICROSOFT_APP_TENANT_ID)
    problems.push(`MICROSOFT_APP_TENANT_ID is missing: MICROSOFT_APP_TYPE=${appType} needs the tenant id.`);
  const teams: TeamsConfig = {
    appType,
    ...(e.MICROSOFT_APP_ID ? { appId: e.MICROSOFT_APP_ID } : {}),
    ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
    ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    webChat: ["on", "true", "1"].includes(e.WEB_CHAT ?? ""),
    recordQuestions: ["true", "1"].includes(e.RECORD_QUESTIONS ?? ""),
    ...(e.DATA_DIR ? { dataDir: e.DATA_DIR } : {}),
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    teams,
    ...(e.HOST ? { host: e.HOST } : {}),
    ...(e.INTENTS_DIR ? { intentsDir: e.INTENTS_DIR } : {}),
    ...(slack ? { slack } : {}),
  };
}
