/**
 * Structured logs: one JSON object per line for machines, a short readable line in a terminal.
 * Never pass message text at info level, nor secrets (config values are never logged). At the bottom
 * of the code, so every layer takes the same Logger.
 */

export type LogFields = Record<string, unknown>;

/** The logger every part is handed; never pass message text or secrets at info level. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A logger that drops everything: the default where logging is optional, and for tests. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface LoggerOptions {
  /** LOG_LEVEL; default "info". */
  level?: LogLevel;
  /** Human-readable lines (default: when stderr is a terminal). */
  pretty?: boolean;
  write?: (line: string) => void;
  now?: () => Date;
}

/**
 * Controls and bidi overrides, escaped wherever they are in a line. A field can hold what a client sent (a Host
 * header's bytes are read as Latin-1, so 0x9B arrives as the C1 control that starts a terminal escape);
 * JSON.stringify writes C1 controls and bidi overrides raw, and a readable line would write a newline raw, so a
 * client could rewrite what a terminal shows of the log, reorder a line or start a forged one.
 */
const inert = (line: string) =>
  line.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = LEVELS[options.level ?? "info"];
  const pretty = options.pretty ?? Boolean(process.stderr.isTTY);
  // Logs go to stderr so stdout stays clean for anything a script may read.
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const log =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (LEVELS[level] < min) return;
      const time = now().toISOString();
      if (pretty) {
        const extra = Object.entries(fields)
          .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
          .join(" ");
        write(inert(`${time.slice(11, 19)} ${level.toUpperCase().padEnd(5)} ${msg}${extra ? `  ${extra}` : ""}`));
      } else write(inert(JSON.stringify({ time, level, msg, ...fields })));
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
