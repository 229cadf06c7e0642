/**
 * The tests' real redis-server (scripts/redis-server.ts). CI installs the Debian package (.ci/run);
 * locally the Redis tests skip with a message when it is missing.
 */
import { REDIS_SERVER } from "../../../scripts/redis-server.js";

export { freePort, type RedisServer, startRedis } from "../../../scripts/redis-server.js";

/** Whether redis tests run; in CI a missing redis-server is a failure, not a skip. */
export function redisAvailable(): boolean {
  if (REDIS_SERVER) return true;
  if (process.env.CI)
    throw new Error("redis-server is not installed, and CI must run the Redis tests (apt-get install redis-server)");
  console.warn("skipping the Redis tests: redis-server is not installed (apt-get install redis-server)");
  return false;
}
