/**
 * The one HTTP server: an express app that adapters mount their routes on, plus /healthz, and a
 * graceful close that stops taking requests and lets in-flight ones finish (bounded).
 * Every response is JSON or the web chat's page, never express's HTML error page: unknown paths get a
 * JSON 404, errors a JSON 4xx or 500 with one log line (no stack), whatever NODE_ENV is.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { bodyRefusal, capBody, logRefusal, MAX_REQUEST_BYTES, sendRefusal } from "../adapters/http-body.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import { type Metrics, noMetrics } from "../metrics/metrics.js";

export interface Health {
  version: string;
  adapters: string[];
  knowledge: { ok: boolean; roles: number; error?: string };
}

/** No response may be sniffed into something else by a browser, JSON included. */
const noSniff: RequestHandler = (_req, res, next) => {
  res.set("X-Content-Type-Options", "nosniff");
  next();
};

/**
 * @param ackPaths the platforms' request paths, whose response times are the acks /metrics reports
 * @param logger where refused bodies are logged (one line each)
 */
export function createHttpApp(
  health: () => Health,
  metrics: Metrics = noMetrics,
  ackPaths: Readonly<Record<string, string>> = {},
  logger: Logger = silentLogger,
): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // First in the chain, so the time covers body parsing, signature checks and the listener up to its ack.
  app.use((req, res, next) => {
    const platform = req.method === "POST" ? ackPaths[req.path] : undefined;
    if (platform) {
      const started = performance.now();
      res.once("finish", () => metrics.acked(platform, (performance.now() - started) / 1000));
    }
    next();
  });
  app.use(noSniff);
  // A body declared larger than any route reads is refused before routing, whatever the path.
  app.use(capBody(logger, "http", MAX_REQUEST_BYTES));
  // Kept as it was for existing probes: 503 while the knowledge is broken. New probes use /livez and /readyz.
  app.get("/healthz", (_req, res) => {
    const h = health();
    res.status(h.knowledge.ok ? 200 : 503).json({ status: h.knowledge.ok ? "ok" : "degraded", ...h });
  });
  return app;
}

/** The last handlers, after every adapter has mounted its routes: a JSON 404, and errors without a stack. */
export function finishHttpApp(app: express.Express, logger: Logger): void {
  app.use((req, res) => {
    res.status(404).json({ error: `nothing at ${req.method} ${req.path}`, code: "not_found" });
  });
  const lastResort: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const refusal = bodyRefusal(err);
    if (refusal) {
      logRefusal(logger, "http", req, refusal);
      return sendRefusal(res, refusal.status, { error: refusal.message, code: refusal.code });
    }
    logger.error("http: a request failed", {
      method: req.method,
      path: req.path,
      error: err instanceof Error ? err.message : String(err),
    });
    if (!res.headersSent) res.status(500).json({ error: "internal error", code: "internal" });
  };
  app.use(lastResort);
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Stop accepting, wait for in-flight requests up to `graceMs`, then drop what is left. */
  close(graceMs: number): Promise<void>;
}

/**
 * How long a client may take to send a whole request. Node's defaults (60 s for the headers, 300 s for the
 * rest) let anyone hold a connection open for minutes by trickling a byte now and then, and enough of them
 * use up the server's sockets. Slack and Teams send their small bodies at once (and give up on an answer after
 * 3 and 15 s), so a request still arriving after this is a slow client, answered 408. Checked every second,
 * not Node's 30, so the bound is what it says.
 */
export const REQUEST_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 15_000, connectionsCheckingInterval: 1_000 };

export async function listen(app: express.Express, port: number, host: string): Promise<RunningServer> {
  const server = createServer(REQUEST_TIMEOUTS, app);
  // Slack and Teams keep connections alive; don't let an idle one hold shutdown open.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shown === "0.0.0.0" || shown === "[::]" ? "localhost" : shown}:${address.port}`;
  return {
    server,
    url,
    close(graceMs) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        // A kept-alive connection goes idle once its last response is sent: drop it then.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearTimeout(timer);
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
