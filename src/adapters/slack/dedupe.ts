/**
 * Answer every Slack event once. Slack re-sends an event it thinks failed (x-slack-retry-num over
 * HTTP, retry_attempt in Socket Mode) with the same event_id; the store's atomic claim makes the first
 * delivery win, also across instances sharing a store.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../logging/logger.js";
import type { Store } from "../../store/store.js";
import { isRecord } from "../is-record.js";
import { errorFields } from "./errors.js";
import { EVENT_CLAIM_TTL_MS } from "./settings.js";

/** Claim `key`; if the store fails, answer anyway (a rare double answer beats silence) and say so. */
export async function claim(store: Store, logger: Logger, key: string): Promise<boolean> {
  try {
    return await store.claimOnce(key, EVENT_CLAIM_TTL_MS);
  } catch (err) {
    logger.warn("slack: the store could not de-duplicate; answering anyway", errorFields(err));
    return true;
  }
}

/** Global middleware: drop an event whose event_id was already claimed. */
export function createEventDedupe(store: Store, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = isRecord(body) && typeof body.event_id === "string" ? body.event_id : undefined;
    if (eventId !== undefined && !(await claim(store, logger, `slack:event:${eventId}`))) {
      logger.info("slack: skipped a repeated event", { eventId, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    await next();
  };
}

/**
 * Claim one message (channel + ts). The same message can arrive as two events (e.g. a mention inside a
 * DM is both `message.im` and `app_mention`); it gets one answer.
 */
export function claimMessage(store: Store, logger: Logger, channel: string, ts: string): Promise<boolean> {
  return claim(store, logger, `slack:message:${channel}:${ts}`);
}
