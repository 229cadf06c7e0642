/**
 * The real server (parseConfig + startServer, as `npm start` composes it) in this process, with a logger
 * that keeps every line, and state in a temporary DATA_DIR removed on stop.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LogFields, Logger } from "../../../src/logging/logger.js";
import { parseConfig } from "../../../src/server/config.js";
import { type Running, startServer } from "../../../src/server/start.js";

export interface LogLine {
  level: keyof Logger;
  msg: string;
  fields?: LogFields;
}

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: keyof Logger) => (msg: string, fields?: LogFields) => {
    lines.push({ level, msg, ...(fields ? { fields } : {}) });
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export interface TestServer {
  running: Running;
  url: string;
  port: number;
  dataDir: string;
  logger: ReturnType<typeof recordingLogger>;
  stop(): Promise<void>;
}

/** Start with `env` (PORT=0 and a temporary DATA_DIR unless given). */
export async function startTestServer(env: Record<string, string>): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "whodoes-security-"));
  const logger = recordingLogger();
  const config = parseConfig({ PORT: "0", DATA_DIR: dataDir, ...env });
  const running = await startServer(config, logger);
  return {
    running,
    url: running.url,
    port: Number(new URL(running.url).port),
    dataDir,
    logger,
    async stop() {
      await running.stop();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Teams message activity as the Bot Framework Emulator sends it, replying to `serviceUrl`. */
export function teamsMessage(serviceUrl: string, text = "who restores a dropped table?"): Record<string, unknown> {
  return {
    type: "message",
    id: `m-${Math.random().toString(36).slice(2)}`,
    text,
    channelId: "emulator",
    serviceUrl,
    from: { id: "user-1", name: "Ana" },
    recipient: { id: "bot-1", name: "whodoes" },
    conversation: { id: "conv-1", conversationType: "personal" },
  };
}
