/**
 * Answer every Slack event once. Slack re-sends an event it thinks failed (x-slack-retry-num over
 * HTTP, retry_attempt in Socket Mode) with the same event_id; the store's atomic claim makes the first
 * delivery win, also across instances sharing a store. In HTTP mode a signed request sent again as it was
 * (the same timestamp and signature: a replay, which carries no event_id when it is a command or a click)
 * is acknowledged and not answered, the same way.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../logging/logger.js";
import type { Store } from "../../store/store.js";
import { isRecord } from "../is-record.js";
import { errorFields } from "./errors.js";
import { REQUEST_SIGNATURE_KEY } from "./http-route.js";
import { EVENT_CLAIM_TTL_MS, REPLAY_CLAIM_TTL_MS, SIGNATURE_WINDOW_MS } from "./settings.js";

/** Claim `key`; if the store fails, answer anyway (a rare double answer beats silence) and say so. */
export async function claim(store: Store, logger: Logger, key: string, ttlMs = EVENT_CLAIM_TTL_MS): Promise<boolean> {
  try {
    return await store.claimOnce(key, ttlMs);
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
 * The claim key of a signed request. The signature is an HMAC over the timestamp and body, so 128 bits of it
 * name the request; a short key keeps the claims small (a busy bot holds ten minutes of them).
 */
export const replayKey = (signature: string): string => `slack:sig:${signature.replace(/^.*v0=/, "").slice(0, 32)}`;

/**
 * How long a signature must be remembered: until the receiver would refuse its timestamp as too old anyway
 * (five minutes after it; a second more for rounding), at most REPLAY_CLAIM_TTL_MS. A busy bot holds five
 * minutes of these, about 130 bytes each in memory.
 */
function replayTtl(signature: string, now = Date.now()): number {
  const seconds = Number(signature.split(":")[0]);
  if (!Number.isFinite(seconds)) return REPLAY_CLAIM_TTL_MS;
  return Math.min(REPLAY_CLAIM_TTL_MS, Math.max(1_000, seconds * 1000 + SIGNATURE_WINDOW_MS + 1_000 - now));
}

/**
 * Global middleware, first in line: Bolt has verified the request's signature (replays are only worth
 * remembering once they are known to be Slack's), and the receiver passed its timestamp and signature on.
 */
export function createReplayGuard(store: Store, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const signature = args.context[REQUEST_SIGNATURE_KEY];
    // An event is answered once by its event_id already (below); commands and clicks carry no such id.
    const isEvent = isRecord(args.body) && typeof args.body.event_id === "string";
    if (typeof signature === "string" && !isEvent && !(await claim(store, logger, replayKey(signature), replayTtl(signature)))) {
      logger.warn("slack: acknowledged a replayed request (same timestamp and signature) without answering it", {
        team: args.context.teamId,
      });
      // Commands and clicks wait for an ack; events were acked by Bolt already.
      if ("ack" in args && typeof args.ack === "function") await args.ack();
      return;
    }
    await args.next();
  };
}

/**
 * Claim one message (channel + ts). The same message can arrive as two events (e.g. a mention inside a
 * DM is both `message.im` and `app_mention`); it gets one answer.
 */
export function claimMessage(store: Store, logger: Logger, channel: string, ts: string): Promise<boolean> {
  return claim(store, logger, `slack:message:${channel}:${ts}`);
}
