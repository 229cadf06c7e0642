/**
 * Bolt and its Socket Mode client log through @slack/logger's interface; this routes those lines into
 * our structured Logger. Only strings and error messages pass through: Bolt's debug lines can hold
 * whole payloads (message text), so objects are never dumped.
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logging/logger.js";

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

function describe(arg: unknown): string {
  if (typeof arg === "string") return arg;
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
  if (typeof arg === "number" || typeof arg === "boolean") return String(arg);
  return `[${typeof arg}]`;
}

export function createBoltLogger(logger: Logger, initialLevel: LogLevel = LogLevel.INFO): BoltLogger {
  let level = initialLevel;
  let name = "bolt";
  const emit = (at: LogLevel, args: unknown[]) => {
    if (RANK[at] < RANK[level]) return;
    logger[at](`slack: ${args.map(describe).join(" ")}`, { source: name });
  };
  return {
    debug: (...args: unknown[]) => emit(LogLevel.DEBUG, args),
    info: (...args: unknown[]) => emit(LogLevel.INFO, args),
    warn: (...args: unknown[]) => emit(LogLevel.WARN, args),
    error: (...args: unknown[]) => emit(LogLevel.ERROR, args),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
