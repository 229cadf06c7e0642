/**
 * The one HTTP server: an express app that adapters mount their routes on, plus /healthz, and a
 * graceful close that stops taking requests and lets in-flight ones finish (bounded).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { type Metrics, noMetrics } from "../metrics/metrics.js";

export interface Health {
  version: string;
  adapters: string[];
  knowledge: { ok: boolean; roles: number; error?: string };
}

/**
 * @param ackPaths the platforms' request paths, whose response times are the acks /metrics reports
 */
export function createHttpApp(
  health: () => Health,
  metrics: Metrics = noMetrics,
  ackPaths: Readonly<Record<string, string>> = {},
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
  // Kept as it was for existing probes: 503 while the knowledge is broken. New probes use /livez and /readyz.
  app.get("/healthz", (_req, res) => {
    const h = health();
    res.status(h.knowledge.ok ? 200 : 503).json({ status: h.knowledge.ok ? "ok" : "degraded", ...h });
  });
  return app;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Stop accepting, wait for in-flight requests up to `graceMs`, then drop what is left. */
  close(graceMs: number): Promise<void>;
}

export async function listen(app: express.Express, port: number, host: string): Promise<RunningServer> {
  const server = createServer(app);
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
