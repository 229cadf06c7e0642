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
