/**
 * Request bodies, read the same way on every route: capped before they are read (express's body parsers
 * check Content-Length first and stop counting a streamed body at the limit), and every way a body can be
 * bad (too large, an encoding we do not read, a client that gave up mid-upload, JSON that is not JSON)
 * answered with a 4xx and one structured log line: never a 500, a stack trace or an HTML error page.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import type { Logger } from "../logging/logger.js";
import { isRecord } from "./is-record.js";

/**
 * Largest body on any route, checked on Content-Length before routing, whatever the path (even one that
 * reads nothing). Slack's and Teams' routes take up to this much; the web chat far less.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

export interface BodyRefusal {
  status: number;
  /** Stable code, e.g. "too_large". */
  code: string;
  /** One sentence for the client. */
  message: string;
}

const tooLarge = (limit: string | number | undefined): BodyRefusal => ({
  status: 413,
  code: "too_large",
  message: `The request body is larger than ${limit ?? "this route accepts"}.`,
});

/**
 * A body parser's error as the refusal a client gets; undefined if it is not one. body-parser and raw-body
 * raise http-errors, which carry a 4xx `status` and `expose: true`.
 */
export function bodyRefusal(err: unknown, limit?: string | number): BodyRefusal | undefined {
  if (!isRecord(err) || err.expose !== true || typeof err.status !== "number" || err.status < 400 || err.status >= 500)
    return undefined;
  switch (err.type) {
    case "entity.too.large":
      return tooLarge(limit);
    case "entity.parse.failed":
      return { status: 400, code: "bad_json", message: "The request body is not valid JSON." };
    case "encoding.unsupported":
    case "charset.unsupported":
      return { status: 415, code: "unsupported_encoding", message: "Send the body uncompressed, as UTF-8." };
    case "request.aborted":
    case "request.size.invalid":
      return { status: 400, code: "incomplete_body", message: "The request body ended before its Content-Length." };
    default:
      // e.g. a gzip body that does not inflate (zlib's error, status 400 and no type).
      return { status: err.status, code: "unreadable_body", message: "The request body could not be read." };
  }
}

/**
 * Log one line about a refused body: what, where and how big; never the body. At info: a client's mistake
 * (or a probe) is worth a line, not an operator's warning.
 */
export function logRefusal(logger: Logger, source: string, req: Request, refusal: BodyRefusal): void {
  logger.info(`${source}: refused a request body (${refusal.code})`, {
    status: refusal.status,
    method: req.method,
    // The whole path: a route's own error handler, mounted at it, sees req.path as "/".
    path: req.originalUrl.split("?")[0],
    ...(req.headers["content-length"] ? { contentLength: req.headers["content-length"] } : {}),
    ...(req.headers["content-encoding"] ? { contentEncoding: req.headers["content-encoding"] } : {}),
  });
}

/**
 * Send a refusal unless the client is already gone (an aborted upload). A refused body may be partly unread:
 * close the connection rather than read the rest of it.
 */
export function sendRefusal(res: Response, status: number, body: unknown): void {
  if (res.headersSent || res.writableEnded || res.req.socket.destroyed) return;
  res.status(status).set("Connection", "close").json(body);
}

/** A limit in bytes as people read it: "16 kB", "1 MB". */
export function showBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} kB`;
}

/**
 * Refuse a body whose Content-Length is over `limitBytes` from its headers alone. express's parsers would
 * read (and drop) the whole declared body before answering; this answers at once and closes the connection.
 * A streamed body without a length is cut by the parser's own `limit`.
 */
export function capBody(
  logger: Logger,
  source: string,
  limitBytes: number,
  format: (refusal: BodyRefusal) => unknown = (r) => ({ error: r.message, code: r.code }),
): RequestHandler {
  return (req, res, next) => {
    if (Number(req.headers["content-length"] ?? 0) <= limitBytes) return next();
    const refusal = tooLarge(showBytes(limitBytes));
    logRefusal(logger, source, req, refusal);
    sendRefusal(res, refusal.status, format(refusal));
  };
}

/**
 * Express error middleware for a route's body parser: a body error gets its 4xx (`format` shapes the JSON
 * the route's clients expect) and one log line; anything else goes on to the next error handler.
 */
export function createBodyErrorHandler(
  logger: Logger,
  source: string,
  options: { limit?: string | number; format?: (refusal: BodyRefusal) => unknown } = {},
): ErrorRequestHandler {
  const format = options.format ?? ((r: BodyRefusal) => ({ error: r.message, code: r.code }));
  return (err, req, res, next) => {
    const refusal = bodyRefusal(err, options.limit);
    if (!refusal) return next(err);
    logRefusal(logger, source, req, refusal);
    sendRefusal(res, refusal.status, format(refusal));
  };
}
