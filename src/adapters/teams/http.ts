/**
 * POST /api/messages: body checks, the local-mode loopback guard, botbuilder's authentication, then the turn.
 * Every refusal happens before the bot runs, so a refused request never makes the bot send anything.
 */

import type { Activity } from "botbuilder";
import express, { type RequestHandler } from "express";
import type { Logger } from "../../logging/logger.js";
import { capBody, createBodyErrorHandler, showBytes } from "../http-body.js";
import { isRecord } from "../is-record.js";
import type { WhodoesTeamsBot } from "./bot.js";
import type { WhodoesCloudAdapter } from "./cloud-adapter.js";
import { isLocalRequest, isLoopbackServiceUrl } from "./local-mode-guard.js";
import { withSdkLog } from "./sdk-console.js";

export const MESSAGES_PATH = "/api/messages";

/**
 * Largest request body we parse. Teams caps a message at about 28 KB of content; the envelope and HTML
 * markup add little, so this leaves room for any real activity while bounding a hostile one.
 */
export const MAX_BODY_BYTES = 512 * 1024;

export interface MessagesRouteDeps {
  adapter: WhodoesCloudAdapter;
  bot: WhodoesTeamsBot;
  localMode: boolean;
  logger: Logger;
  /** Counts requests in progress so stop() can wait for them; refuses new ones once stopping. */
  work: InFlight;
}

export interface InFlight {
  readonly stopping: boolean;
  begin(): boolean;
  end(): void;
}

/** The minimum botbuilder needs to run a turn and reply: a type, a serviceUrl and a conversation id. */
export function readActivity(body: unknown): Activity | string {
  if (!isRecord(body)) return "the body must be a JSON object (a Bot Framework activity)";
  if (typeof body.type !== "string" || body.type === "") return "the activity has no type";
  if (typeof body.serviceUrl !== "string" || body.serviceUrl === "") return "the activity has no serviceUrl";
  if (!isRecord(body.conversation) || typeof body.conversation.id !== "string") return "the activity has no conversation id";
  for (const key of ["from", "recipient"] as const) {
    if (body[key] !== undefined && !isRecord(body[key])) return `the activity's ${key} must be an object`;
  }
  // botbuilder expects Date objects where the wire format has ISO strings (its own validator does the same).
  const activity: Record<string, unknown> = { ...body };
  for (const key of ["timestamp", "localTimestamp", "expiration"]) {
    const v = activity[key];
    if (typeof v === "string") activity[key] = new Date(v);
  }
  return activity as unknown as Activity;
}

function authFailureStatus(err: unknown): number {
  // Bot Framework's signing keys could not be fetched: our side, not the caller's token. Still nothing runs.
  const status = isRecord(err) && typeof err.statusCode === "number" ? err.statusCode : undefined;
  const name = err instanceof Error ? err.name : "";
  return (status !== undefined && status >= 500) || name === "FetchError" ? 503 : 401;
}

function createHandler(deps: MessagesRouteDeps): RequestHandler {
  const { adapter, bot, localMode, logger, work } = deps;
  return async (req, res) => {
    if (!work.begin()) {
      res.status(503).json({ error: "shutting down" });
      return;
    }
    try {
      const activity = readActivity(req.body);
      if (typeof activity === "string") {
        logger.warn("teams: refused a body that is not an activity", { reason: activity });
        res.status(400).json({ error: activity });
        return;
      }
      if (localMode && !isLoopbackServiceUrl(activity.serviceUrl)) {
        logger.warn("teams: refused an activity in local mode: its serviceUrl is not on loopback", { type: activity.type });
        res.status(403).json({
          error: "local mode accepts only activities whose serviceUrl is on loopback; set MICROSOFT_APP_ID to serve Teams",
        });
        return;
      }
      let authenticated: Awaited<ReturnType<WhodoesCloudAdapter["authenticate"]>>;
      try {
        authenticated = await adapter.authenticate(activity, req.get("authorization") ?? "");
      } catch (err) {
        const status = authFailureStatus(err);
        logger.warn("teams: refused a request that failed authentication", {
          status,
          reason: err instanceof Error ? err.message : String(err),
        });
        res.status(status).json({ error: status === 401 ? "unauthorized" : "authentication unavailable" });
        return;
      }
      const invoke = await adapter.run(authenticated, activity, (context) => bot.run(context));
      if (invoke) {
        res.status(invoke.status);
        if (invoke.body !== undefined) res.json(invoke.body);
        else res.end();
      } else {
        res.status(200).end();
      }
    } catch (err) {
      logger.error("teams: failed to process an activity", { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) res.status(500).json({ error: "internal error" });
    } finally {
      work.end();
    }
  };
}

/** Local mode's first check, before the body is read: the request must come from this machine. */
function refuseOtherMachines(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (isLocalRequest(req.socket.remoteAddress, req.headers)) return next();
    logger.warn("teams: refused a request to local mode from another machine", {
      peer: req.socket.remoteAddress,
      ...(req.headers["x-forwarded-for"] || req.headers.forwarded ? { proxied: true } : {}),
    });
    // The body is not read: close the connection rather than drain it.
    res.status(403).set("Connection", "close").json({
      error: "local mode (no MICROSOFT_APP_ID) answers only requests from this machine; set MICROSOFT_APP_ID to serve Teams",
    });
  };
}

export function mountMessagesRoute(app: express.Express, deps: MessagesRouteDeps): void {
  const guard: RequestHandler[] = deps.localMode ? [refuseOtherMachines(deps.logger)] : [];
  const handler = createHandler(deps);
  app.post(
    MESSAGES_PATH,
    ...guard,
    capBody(deps.logger, "teams", MAX_BODY_BYTES),
    express.json({ limit: MAX_BODY_BYTES }),
    // botbuilder's console output while it handles the request goes to the log (sdk-console.ts).
    ((req, res, next) => withSdkLog(deps.logger, () => handler(req, res, next))) satisfies RequestHandler,
    createBodyErrorHandler(deps.logger, "teams", { limit: showBytes(MAX_BODY_BYTES) }),
  );
}

export function createInFlight(): InFlight & { drained(): Promise<void>; stop(): void } {
  let count = 0;
  let stopping = false;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (count === 0) {
      for (const w of waiters) w();
      waiters = [];
    }
  };
  return {
    get stopping() {
      return stopping;
    },
    begin() {
      if (stopping) return false;
      count++;
      return true;
    },
    end() {
      count--;
      settle();
    },
    stop() {
      stopping = true;
    },
    drained() {
      return count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
