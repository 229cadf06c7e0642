/** What the server needs from a platform adapter (Slack, Teams, web chat). */
export interface PlatformAdapter {
  /** Short name for logs and /healthz, e.g. "slack". */
  readonly name: string;
  /** One human line saying what is on and how to reach it, e.g. "Slack (Socket Mode)". */
  describe(): string;
  start(): Promise<void>;
  /** Stop taking new work and let in-flight work finish. */
  stop(): Promise<void>;
}

export type LogFields = Record<string, unknown>;

/** Structured logger handed to adapters; never pass message text or secrets at info level. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A logger that drops everything, for tests. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
