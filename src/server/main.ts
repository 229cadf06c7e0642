/** `npm start`: read .env, check the configuration, start the server, stop cleanly on a signal. */
import { loadEnvFile } from "../config/env.js";
import { KnowledgeError } from "../core/index.js";
import { createLogger } from "../logging/logger.js";
import { ConfigError, parseConfig } from "./config.js";
import { SHUTDOWN_GRACE_MS, startServer } from "./start.js";

/** Past the drain time and the store's close, something is stuck: exit anyway rather than hang a deploy. */
const STOP_BACKSTOP_MS = SHUTDOWN_GRACE_MS + 2_000;

async function main() {
  await loadEnvFile();
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`whodoes: ${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config, logger);
  } catch (err) {
    if (err instanceof KnowledgeError) logger.error(`knowledge error in ${err.message}`, { code: err.code });
    else logger.error("could not start", { error: (err as Error).message, code: (err as { code?: string }).code });
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests and stopping`, { drainMs: SHUTDOWN_GRACE_MS });
    setTimeout(() => {
      logger.error("still stopping after the drain time; exiting now", { afterMs: STOP_BACKSTOP_MS });
      process.exit(1);
    }, STOP_BACKSTOP_MS).unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error("error while stopping", { error: (err as Error).message });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

void main();
