/**
 * GET /livez and GET /readyz, for orchestrators and load balancers, each with a small JSON body saying
 * what it checked.
 *
 * - Liveness: the process is up and its event loop answers (this handler ran); the body gives the loop's
 *   recent delay. Nothing else: a broken knowledge edit or an unreachable Redis must not get a healthy
 *   process restarted, since it keeps answering from the last good knowledge and from memory.
 * - Readiness: every check passes (knowledge loaded without error, the store, each platform's own check,
 *   and not shutting down); otherwise 503, so traffic goes to another instance.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import type express from "express";
import type { ReadinessCheck } from "../adapters/adapter.js";

export const LIVEZ_PATH = "/livez";
export const READYZ_PATH = "/readyz";

/** One check's outcome: `ok` and a few words of detail (never a secret, a user or message text). */
export type Check = ReadinessCheck;

/** The event-loop delay is reported over windows of this length. */
const LOOP_WINDOW_MS = 30_000;
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

export interface Probes {
  close(): void;
}

export function mountProbes(app: express.Express, readiness: () => Promise<Record<string, Check>>): Probes {
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  const window = setInterval(() => loop.reset(), LOOP_WINDOW_MS);
  window.unref();

  app.get(LIVEZ_PATH, (_req, res) => {
    res.set("Cache-Control", "no-store");
    res.json({
      status: "ok",
      checks: { eventLoop: { ok: true, delayMs: { p99: ms(loop.percentile(99)), max: ms(loop.max) } } },
      uptimeSeconds: Math.round(process.uptime()),
    });
  });

  app.get(READYZ_PATH, async (_req, res) => {
    res.set("Cache-Control", "no-store");
    const checks = await readiness();
    const ready = Object.values(checks).every((c) => c.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });

  return {
    close() {
      clearInterval(window);
      loop.disable();
    },
  };
}
