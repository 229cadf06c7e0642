/**
 * /slack/events in HTTP mode: the checks around Bolt's own. Bolt's ExpressReceiver verifies the signature
 * and refuses timestamps older than five minutes; this route adds what it leaves open, in front of it:
 * - the body is capped before it is read (Bolt would read any size), and handed to Bolt as `req.rawBody`,
 *   the bytes Bolt then verifies;
 * - a compressed body is refused (Slack never compresses; Bolt would verify the compressed bytes);
 * - a timestamp more than five minutes ahead is refused (Bolt's window is one-sided);
 * - after verification, a body that is not a Slack payload (JSON null) is a 400, not Bolt's 500;
 * and it passes the request's timestamp and signature on, so dedupe.ts can answer a replay once.
 */
import { HTTPModuleFunctions, type ReceiverProcessEventErrorHandlerArgs } from "@slack/bolt";
import express, { type RequestHandler, type Router } from "express";
import type { Logger } from "../../logging/logger.js";
import { capBody, createBodyErrorHandler, sendRefusal, showBytes } from "../http-body.js";
import { isRecord } from "../is-record.js";
import { SIGNATURE_WINDOW_MS, SLACK_BODY_BYTES, SLACK_EVENTS_PATH } from "./settings.js";

/** The context key under which a verified request's `timestamp:signature` reaches Bolt's middleware. */
export const REQUEST_SIGNATURE_KEY = "requestSignature";

/** Bolt reads `req.rawBody` when it is there instead of reading the stream itself (it is how it runs on GCP). */
const handToBolt: RequestHandler = (req, _res, next) => {
  if (Buffer.isBuffer(req.body)) (req as { rawBody?: Buffer }).rawBody = req.body;
  next();
};

function refuseFutureTimestamps(logger: Logger, now: () => number): RequestHandler {
  return (req, res, next) => {
    const seconds = Number(req.headers["x-slack-request-timestamp"]);
    if (!Number.isFinite(seconds) || seconds * 1000 - now() <= SIGNATURE_WINDOW_MS) return next();
    logger.warn("slack: refused a request dated in the future", { aheadSeconds: Math.round(seconds - now() / 1000) });
    sendRefusal(res, 401, { error: "the request timestamp is more than five minutes ahead", code: "bad_timestamp" });
  };
}

/** The router the ExpressReceiver adds its own handler to (after these), on the server's app. */
export function createSlackRouter(logger: Logger, now: () => number = Date.now): Router {
  const router = express.Router();
  router.post(
    SLACK_EVENTS_PATH,
    capBody(logger, "slack", SLACK_BODY_BYTES),
    // inflate: false, so a Content-Encoding is a 415; type: anything, Bolt decides what it can parse.
    express.raw({ type: () => true, limit: SLACK_BODY_BYTES, inflate: false }),
    handToBolt,
    refuseFutureTimestamps(logger, now),
  );
  return router;
}

/** After the receiver has added its handler: body errors get their 4xx and one log line. */
export function finishSlackRouter(router: Router, logger: Logger): void {
  router.use(createBodyErrorHandler(logger, "slack", { limit: showBytes(SLACK_BODY_BYTES) }));
}

/** Bolt's customPropertiesExtractor: the verified request's timestamp and signature, for the replay check. */
export function requestSignature(req: express.Request): Record<string, string> {
  const ts = req.headers["x-slack-request-timestamp"];
  const sig = req.headers["x-slack-signature"];
  return typeof ts === "string" && typeof sig === "string" ? { [REQUEST_SIGNATURE_KEY]: `${ts}:${sig}` } : {};
}

/**
 * Bolt's processEventErrorHandler: a verified body that is not an object (JSON null, payload=null) makes Bolt
 * throw before any listener runs; that is the sender's mistake, so 400 and one line. Anything else is Bolt's
 * default (500, or 401 for an authorization failure).
 */
export function createEventErrorHandler(logger: Logger): (args: ReceiverProcessEventErrorHandlerArgs) => Promise<boolean> {
  return async (args) => {
    const body = (args.request as { body?: unknown }).body;
    if (isRecord(body)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    logger.warn("slack: refused a signed request whose body is not a Slack payload", {
      type: body === null ? "null" : typeof body,
    });
    if (!args.response.headersSent)
      args.response
        .writeHead(400, { "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify({ error: "the body is not a Slack payload", code: "bad_payload" }));
    // Acknowledged: Bolt must not also report it unanswered three seconds later.
    return true;
  };
}
