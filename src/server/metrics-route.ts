/**
 * GET /metrics. It holds no personal data or text, but it does tell traffic and configuration, so it is
 * guarded like everything else a network can reach: with METRICS_TOKEN set, a scraper sends
 * `Authorization: Bearer <token>` (Prometheus' `authorization` setting); without it, only this machine
 * may read it, whatever address the server listens on: a loopback peer that no proxy forwarded, since a
 * reverse proxy or tunnel on this machine (as docs/slack.md suggests) is a loopback peer for everyone.
 */
import { timingSafeEqual } from "node:crypto";
import type express from "express";
import { isLocalRequest } from "../adapters/teams/local-mode-guard.js";
import type { Metrics } from "../metrics/metrics.js";

export const METRICS_PATH = "/metrics";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function mountMetrics(app: express.Express, metrics: Metrics, token: string | undefined): void {
  app.get(METRICS_PATH, async (req, res) => {
    res.set("Cache-Control", "no-store");
    if (token !== undefined) {
      const header = req.get("authorization") ?? "";
      const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
      if (!sameToken(given, token)) {
        res.set("WWW-Authenticate", 'Bearer realm="whodoes metrics"').status(401).json({ error: "unauthorized" });
        return;
      }
    } else if (!isLocalRequest(req.socket.remoteAddress, req.headers)) {
      res.status(403).json({ error: "metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere" });
      return;
    }
    const { contentType, body } = await metrics.render();
    res.type(contentType).send(body);
  });
}
