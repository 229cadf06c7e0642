/**
 * botbuilder writes to the console when it rejects a token: jsonwebtoken's error object (a multi-line stack)
 * and "Error finding key for token. Available keys: <the PEM signing key>". Those lines are noise on stderr,
 * one token costs ten of them, and they are unstructured. While the Teams adapter handles a request (an
 * AsyncLocalStorage scope follows it through every await), whatever botbuilder prints goes to our logger at
 * debug instead: one line per call, first line of each message, keys replaced by [key]. Console output
 * outside that scope is left alone.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "../../logging/logger.js";

const scope = new AsyncLocalStorage<Logger>();
const METHODS = ["error", "warn", "log", "info", "debug"] as const;
let routed = false;

/** A PEM block, or a base64 run as long as a key's. */
const KEY_MATERIAL = /-----BEGIN [^-]+-----[\s\S]*?(-----END [^-]+-----|$)|[A-Za-z0-9+/=_-]{120,}/g;
const MAX_PART = 200;

function summarise(arg: unknown): string {
  const text = arg instanceof Error ? `${arg.name}: ${arg.message}` : typeof arg === "string" ? arg : `[${typeof arg}]`;
  const line = text.replace(KEY_MATERIAL, "[key]").split("\n")[0]?.trim() ?? "";
  return line.length > MAX_PART ? `${line.slice(0, MAX_PART - 1)}…` : line;
}

/** Route botbuilder's console output inside `withSdkLog` scopes (idempotent: patched once per process). */
export function routeSdkConsole(): void {
  if (routed) return;
  routed = true;
  for (const method of METHODS) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      const logger = scope.getStore();
      if (!logger) return original.apply(console, args);
      logger.debug(`teams: botbuilder: ${args.map(summarise).join(" ")}`, { source: "botbuilder" });
    };
  }
}

/** Run `work` (and everything it awaits) with botbuilder's console output going to `logger`. */
export function withSdkLog<T>(logger: Logger, work: () => T): T {
  return scope.run(logger, work);
}
