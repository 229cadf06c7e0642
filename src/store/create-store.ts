/** Choose the store: Redis when REDIS_URL is set (instances share it), else memory plus files in DATA_DIR. */

import { DEFAULT_DATA_DIR } from "../config/paths.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import { createFileStore } from "./file-store.js";
import { createRedisStore } from "./redis-store.js";
import type { Store } from "./store.js";

export interface CreateStoreOptions {
  /** DATA_DIR: where the default store keeps its files; default DEFAULT_DATA_DIR (<project>/data). Unused with Redis. */
  dataDir?: string;
  /** REDIS_URL: share the store through this Redis. */
  redisUrl?: string;
  logger?: Logger;
  now?: () => number;
  /** Fail when Redis is unreachable at start instead of serving from memory (for the report). */
  requireConnection?: boolean;
  /** Only read (the report): a DATA_DIR that cannot be written is no error. Unused with Redis. */
  readOnly?: boolean;
  /** Redis key prefix; default "whodoes:". */
  keyPrefix?: string;
}

export async function createStore(options: CreateStoreOptions = {}): Promise<Store> {
  const logger = options.logger ?? silentLogger;
  if (options.redisUrl) {
    return createRedisStore({
      url: options.redisUrl,
      logger,
      ...(options.now ? { now: options.now } : {}),
      ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
      ...(options.requireConnection ? { requireConnection: true } : {}),
    });
  }
  const store = createFileStore({
    dir: options.dataDir ?? DEFAULT_DATA_DIR,
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
  });
  logger.info(`store: keeping state in ${store.dir}`);
  return store;
}
