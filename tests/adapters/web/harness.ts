/** A real express app with only the web chat on it, listening on 127.0.0.1 at a free port. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { PlatformAdapter } from "../../../src/adapters/adapter.js";
import { withTurnLog } from "../../../src/adapters/turn-log.js";
import { createWebChatAdapter } from "../../../src/adapters/web/index.js";
import { createWhodoes, loadKnowledge, type Whodoes } from "../../../src/core/index.js";
import type { LogFields, Logger } from "../../../src/logging/logger.js";
import type { Store } from "../../../src/store/store.js";

export interface LogLine {
  level: keyof Logger;
  msg: string;
  fields: LogFields;
}

export interface WebChatServer {
  url: string;
  whodoes: Whodoes;
  adapter: PlatformAdapter;
  logs: LogLine[];
  close(): Promise<void>;
}

let shared: Whodoes | undefined;
/** The real core over the shipped knowledge, loaded once per test file. */
export function realWhodoes(): Whodoes {
  shared ??= createWhodoes(loadKnowledge());
  return shared;
}

export async function startWebChat(whodoes: Whodoes = realWhodoes(), options: { store?: Store } = {}): Promise<WebChatServer> {
  const logs: LogLine[] = [];
  const record =
    (level: keyof Logger) =>
    (msg: string, fields: LogFields = {}) =>
      logs.push({ level, msg, fields });
  const logger: Logger = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
  const app = express();
  app.disable("x-powered-by"); // as the server's own app does
  // As the server composes it: the turn log wraps the core the adapter is given.
  const adapter = createWebChatAdapter({ whodoes: withTurnLog(whodoes, logger, "web"), logger, app, ...options });
  await adapter.start();
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    whodoes,
    adapter,
    logs,
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
