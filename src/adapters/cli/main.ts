/**
 * The `whodoes` command line. Only answers go to stdout; usage mistakes go to stderr with exit 2,
 * knowledge mistakes with exit 1 and one clear line (no stack trace).
 */
import { parseArgs } from "node:util";
import { ConfigError, loadEnvFile, readSharedConfig } from "../../config/env.js";
import { PROJECT_ROOT } from "../../config/paths.js";
// Import the core's parts directly, not its index: the CLI's cold start must not pay for the YAML
// and schema libraries when the knowledge cache is fresh (see core/knowledge/cached.ts).
import { DEFAULT_CACHE_DIR, loadKnowledgeCached } from "../../core/knowledge/cached.js";
import { KnowledgeError } from "../../core/knowledge/errors.js";
import { loadStems, saveStems, stemsFileIn } from "../../core/understanding/stem-cache.js";
import { createWhodoes, type Whodoes } from "../../core/whodoes.js";
import { askBatch, askOne } from "./ask.js";
import { runChat } from "./chat.js";
import { printRoles } from "./roles.js";
import { USAGE } from "./usage.js";

class UsageError extends Error {}

// A reader that goes away early (`whodoes onboard dba | head -1`) closes stdout under us: stop quietly, as
// Unix tools do, rather than die on an unhandled EPIPE with a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

/**
 * A pasted bullet list ("- who runs backups?") is a question, not an option: no option's name holds a space.
 * parseArgs would reject it as an unknown option, so it goes through as a stand-in and is put back after.
 */
const isProse = (arg: string) => /^-[^=]*\s/.test(arg);
const STAND_IN = "\u0000prose:";

function parse(argv: string[]) {
  const args = argv.map((arg, i) => (isProse(arg) ? `${STAND_IN}${i}` : arg));
  const back = (arg: string) => (arg.startsWith(STAND_IN) ? (argv[Number(arg.slice(STAND_IN.length))] ?? arg) : arg);
  const { values, positionals } = parseOptions(args);
  const restored = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? back(value) : value]),
  ) as typeof values;
  return { values: restored, positionals: positionals.map(back) };
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        intents: { type: "string" },
        since: { type: "string" },
        "data-dir": { type: "string" },
        suggest: { type: "boolean", default: false },
        png: { type: "string" },
        svg: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/**
 * INTENTS_DIR, DATA_DIR and REDIS_URL, from the environment and .env, read as the server reads them.
 * Only the report reads the store, so only the report stops at a malformed REDIS_URL.
 */
async function sharedConfig(command: string) {
  await loadEnvFile();
  const problems: string[] = [];
  const shared = readSharedConfig(process.env, problems);
  if (problems.length > 0 && command === "report") throw new ConfigError(problems);
  return shared;
}

/**
 * The options each command reads. Any other is a usage mistake rather than ignored: a script that asks
 * `chat --json` for JSON, or `ask --since 7d` for a window, must not get plain text or all of it silently.
 */
const OPTIONS_OF: Readonly<Record<string, readonly string[]>> = {
  ask: ["json", "intents"],
  roles: ["json", "intents"],
  compare: ["json", "intents", "png", "svg"],
  chat: ["intents"],
  onboard: ["intents"],
  report: ["json", "since", "data-dir", "suggest", "intents"],
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    const { readFileSync } = await import("node:fs");
    process.stdout.write(`${JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, "utf8")).version}\n`);
    return 0;
  }
  if (!command) throw new UsageError("no command given");
  const takes = OPTIONS_OF[command];
  if (!takes) throw new UsageError(`unknown command "${command}"`);
  for (const [option, value] of Object.entries(values)) {
    if (value === undefined || value === false || option === "help" || option === "version" || takes.includes(option)) continue;
    const commands = Object.keys(OPTIONS_OF).filter((c) => OPTIONS_OF[c]?.includes(option));
    throw new UsageError(`--${option} goes with ${commands.join(", ").replace(/, (?=[^,]*$)/, " or ")}, not ${command}`);
  }
  const shared = await sharedConfig(command);
  if (command === "report") {
    if (rest.length > 0) throw new UsageError("report takes no arguments");
    // --data-dir wins over DATA_DIR (default, as for the server, <project>/data); REDIS_URL reads the
    // store the instances share.
    const dataDir = values["data-dir"] ?? shared.dataDir;
    const { redisUrl } = shared;
    // Loaded only here: the store (and its Redis client) must not slow down every `ask`.
    const { ReportArgumentError, runReport } = await import("./report.js");
    // --suggest proposes edits of the knowledge the bot answers from: --intents, else INTENTS_DIR.
    const intentsDir = values.intents ?? shared.intentsDir;
    const knowledge = async () => {
      const [{ loadKnowledge }, { DIRECTORY_FORMATS }] = await Promise.all([
        import("../../core/index.js"),
        import("../platforms.js"),
      ]);
      return loadKnowledge(intentsDir, { platforms: DIRECTORY_FORMATS });
    };
    try {
      return await runReport({
        json: values.json,
        ...(values.suggest ? { suggest: knowledge } : {}),
        ...(values.since ? { since: values.since } : {}),
        ...(dataDir ? { dataDir } : {}),
        ...(redisUrl ? { redisUrl } : {}),
      });
    } catch (err) {
      throw err instanceof ReportArgumentError ? new UsageError(err.message) : err;
    }
  }

  // --intents wins over INTENTS_DIR; both are optional (the shipped intents/ is the default). Each
  // platform's directory format is loaded only when the knowledge is checked afresh.
  const formats = async () => (await import("../platforms.js")).DIRECTORY_FORMATS;
  // The console records no votes or corrections (only the server keeps usage records for `report`).
  const cacheDir = shared.cacheDir ?? DEFAULT_CACHE_DIR;
  const knowledge = await loadKnowledgeCached(values.intents ?? shared.intentsDir, formats, cacheDir);
  // The knowledge's stems are kept for the next run (stem-cache.ts), before any question is read: nothing the
  // user types is written.
  const stemsFile = stemsFileIn(cacheDir);
  const stems = loadStems(stemsFile);
  const whodoes: Whodoes = createWhodoes(knowledge, { keepsFeedback: false });
  saveStems(stems, stemsFile);
  switch (command) {
    case "ask":
      if (rest.length > 0) askOne(whodoes, rest.join(" "), values.json);
      else await askBatch(whodoes, process.stdin, values.json);
      return 0;
    case "roles":
      if (rest.length > 0) throw new UsageError("roles takes no arguments");
      printRoles(whodoes, values.json);
      return 0;
    case "compare": {
      const first = rest.map((name) => roleIdOf(whodoes, name));
      const { runCompare } = await import("./compare.js");
      return runCompare(whodoes, first, {
        json: values.json,
        ...(values.png ? { png: values.png } : {}),
        ...(values.svg ? { svg: values.svg } : {}),
      });
    }
    case "onboard": {
      const role = rest.join(" ");
      const id = role ? roleIdOf(whodoes, role) : undefined;
      await runChat(whodoes, process.stdin, id ? { do: "onboard", role: id, step: 1 } : { do: "onboard" });
      return 0;
    }
    default:
      await runChat(whodoes, process.stdin);
      return 0;
  }
}

/**
 * The role a name on the command line means. A neighbouring job ("bi developer") is told it is not one of the
 * roles, with the closest, rather than given another role's tour or column.
 */
function roleIdOf(whodoes: Whodoes, name: string): string {
  const id = whodoes.resolveRole(name);
  if (id) return id;
  const about = whodoes.ask(name);
  if (about.neighbour) throw new UsageError(`${lowerFirst(about.summary.replace(/\.$/, ""))} (see: whodoes roles)`);
  throw new UsageError(`unknown role "${name}" (see: whodoes roles)`);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`whodoes: ${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (err instanceof KnowledgeError) {
      process.stderr.write(`whodoes: knowledge error in ${err.message}\n`);
      process.exitCode = 1;
    } else if (err instanceof ConfigError) {
      process.stderr.write(`whodoes: ${err.message}\nSee .env.example for every variable.\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`whodoes: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
