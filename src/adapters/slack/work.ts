/**
 * Work done after the ack: each job is caught (a failure logs with context and sends a short apology,
 * the process keeps serving) and counted, so stop() can let answers in flight finish.
 */

import type { LogFields, Logger } from "../../logging/logger.js";
import { settledWithin } from "../deadline.js";
import { errorFields } from "./errors.js";

export interface WorkRunner {
  /**
   * Run `work`; if it throws, log the error with `context` (ids only, never message text) and run
   * `apologise`. Never rejects.
   */
  run(context: LogFields, work: () => Promise<void>, apologise?: () => Promise<unknown>): Promise<void>;
  /** Wait until jobs in flight are done, or `timeoutMs` has passed; resolves with how many are still running. */
  drain(timeoutMs: number): Promise<number>;
}

/** @param onFailure told of each job that failed (for /metrics: nearly always a call to Slack) */
export function createWorkRunner(logger: Logger, onFailure: () => void = () => {}): WorkRunner {
  const inflight = new Set<Promise<void>>();
  return {
    run(context, work, apologise) {
      const job = (async () => {
        try {
          await work();
        } catch (err) {
          onFailure();
          logger.error("slack: failed to answer", { ...context, ...errorFields(err) });
          if (!apologise) return;
          try {
            await apologise();
          } catch (again) {
            logger.error("slack: failed to send the apology", { ...context, ...errorFields(again) });
          }
        }
      })();
      inflight.add(job);
      void job.finally(() => inflight.delete(job));
      return job;
    },
    async drain(timeoutMs) {
      if (inflight.size > 0) await settledWithin(timeoutMs, Promise.allSettled([...inflight]));
      return inflight.size;
    },
  };
}
