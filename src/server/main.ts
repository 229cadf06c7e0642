/** `npm start`: read .env, check the configuration, start the server, stop cleanly on a signal. */
import { loadEnvFile } from "../config/env.js";
import { KnowledgeError } from "../core/index.js";
import { createLogger } from "../logging/logger.js";
import { ConfigError, parseConfig } from "./config.js";
import { startServer } from "./start.js";

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
    logger.info(`${signal}: finishing in-flight requests and stopping`);
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
