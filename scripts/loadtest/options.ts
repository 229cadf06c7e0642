/** The load test's options: flags win over LOADTEST_* environment variables, which win over defaults. */

export interface LoadOptions {
  /** Concurrent connections (--connections, LOADTEST_CONNECTIONS); default 50, the target. */
  connections: number;
  /** Requests over all four runs (each platform as fast as acked, then paced), split evenly (--requests, LOADTEST_REQUESTS); default 100,000. */
  requests: number;
  /**
   * Server instances (--instances, LOADTEST_INSTANCES); default 1. With 2 or more, the deployment: several
   * instances sharing a Redis behind a load balancer, here the load generator spreading requests evenly over them.
   */
  instances: number;
  /** Requests per second the paced runs offer (--rate, LOADTEST_RATE); default 1,000, the target. */
  rate: number;
  /** Seconds per run instead of a request count (--duration, LOADTEST_DURATION); default: unset. */
  duration?: number;
  /** Seconds of mixed warm-up traffic before measuring (--warmup, LOADTEST_WARMUP); default 5. */
  warmup: number;
  /** Hard cap in seconds on one scenario, so the run always ends (--timeout, LOADTEST_TIMEOUT); default 150. */
  timeout: number;
  /** The server's LOG_LEVEL (--log-level, LOADTEST_LOG_LEVEL); default info, as in production. */
  logLevel: "debug" | "info" | "warn" | "error";
  /** Write a CPU profile of the server process (--profile [DIR], LOADTEST_PROFILE=1); default test-artifacts/loadtest-profiles. */
  profileDir?: string;
  /** Run only one scenario (--only slack|teams, LOADTEST_ONLY). */
  only?: "slack" | "teams";
  /**
   * Node flags for the server process on top of npm start's (src/server/node-flags.ts), to try one out,
   * e.g. "--max-semi-space-size=64" (--server-args, LOADTEST_SERVER_ARGS); default none.
   */
  serverArgs: string[];
}

export const USAGE = `npm run loadtest -- [--connections 50] [--requests 100000 | --duration SECONDS] [--rate 1000] [--instances 2] [--warmup 5]
                        [--timeout 150] [--log-level info] [--only slack|teams] [--profile [DIR]]
                        [--server-args "--max-semi-space-size=64"]`;

const LEVELS = ["debug", "info", "warn", "error"] as const;
/** Under test-artifacts/, which git ignores. */
const DEFAULT_PROFILE_DIR = "test-artifacts/loadtest-profiles";

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): LoadOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"\nusage: ${USAGE}`);
    const eq = arg.indexOf("=");
    const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const next = argv[i + 1];
    // --server-args' value is itself Node flags ("--max-semi-space-size=64"), so it always takes the next word.
    const takesFlags = key === "server-args";
    if (inline !== undefined) flags.set(key, inline);
    else if (next !== undefined && (takesFlags || !next.startsWith("--"))) {
      flags.set(key, next);
      i++;
    } else flags.set(key, "");
  }
  const known = [
    "connections",
    "requests",
    "duration",
    "rate",
    "instances",
    "warmup",
    "timeout",
    "log-level",
    "profile",
    "only",
    "server-args",
    "help",
  ];
  const unknown = [...flags.keys()].filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`unknown option --${unknown[0]}\nusage: ${USAGE}`);
  if (flags.has("help")) throw new Error(`usage: ${USAGE}`);

  const get = (flag: string, envName: string) => flags.get(flag) ?? env[envName];
  const logLevel = get("log-level", "LOADTEST_LOG_LEVEL") || "info";
  if (!LEVELS.includes(logLevel as LoadOptions["logLevel"])) throw new Error(`--log-level must be one of ${LEVELS.join(", ")}`);
  const only = get("only", "LOADTEST_ONLY") || undefined;
  if (only !== undefined && only !== "slack" && only !== "teams") throw new Error("--only must be slack or teams");
  const profileFlag = flags.has("profile") ? flags.get("profile") || DEFAULT_PROFILE_DIR : undefined;
  const profileEnv = env.LOADTEST_PROFILE && env.LOADTEST_PROFILE !== "0" ? DEFAULT_PROFILE_DIR : undefined;
  const durationRaw = get("duration", "LOADTEST_DURATION");

  return {
    connections: Math.round(positive("--connections", get("connections", "LOADTEST_CONNECTIONS"), 50)),
    requests: Math.round(positive("--requests", get("requests", "LOADTEST_REQUESTS"), 100_000)),
    instances: Math.round(positive("--instances", get("instances", "LOADTEST_INSTANCES"), 1)),
    rate: positive("--rate", get("rate", "LOADTEST_RATE"), 1000),
    ...(durationRaw ? { duration: positive("--duration", durationRaw, 0) } : {}),
    warmup: positive("--warmup", get("warmup", "LOADTEST_WARMUP"), 5),
    timeout: positive("--timeout", get("timeout", "LOADTEST_TIMEOUT"), 150),
    logLevel: logLevel as LoadOptions["logLevel"],
    serverArgs: (get("server-args", "LOADTEST_SERVER_ARGS") ?? "").split(/\s+/).filter(Boolean),
    ...(profileFlag || profileEnv ? { profileDir: profileFlag ?? profileEnv } : {}),
    ...(only ? { only } : {}),
  };
}
