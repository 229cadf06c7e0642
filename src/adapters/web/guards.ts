/**
 * What the web chat checks before answering: the Host a browser asked for (when it serves this machine only)
 * and how often each client asks. Both before the body is read.
 */
import { isIP } from "node:net";
import type { RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { Logger } from "../../logging/logger.js";
import type { ChatErrorBody } from "./api.js";

/**
 * Per client (by address): a person asks a question every few seconds at most, and a tour clicked through
 * fast is a dozen requests; 60 a minute leaves room for that and stops a script from taking the CPU.
 */
export const WEB_CHAT_RATE_LIMIT = { limit: 60, windowMs: 60_000 } as const;

/** The names this machine goes by, as a browser on it writes them in Host. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Host's name without the port (kept whole for an IPv6 literal: "[::1]:3978" is "[::1]"). */
function hostname(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(host.trim().toLowerCase());
  return m?.[1];
}

/**
 * Serving on loopback, the chat is for browsers on this machine; a page elsewhere can still reach it by
 * making its own name resolve to 127.0.0.1 (DNS rebinding), but then the browser sends that name as Host.
 */
export function requireLocalHost(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const name = hostname(req.headers.host);
    if (name !== undefined && (LOCAL_HOSTS.has(name) || (isIP(name) === 4 && name.startsWith("127.")))) return next();
    logger.warn("web: refused a request for another host name (the chat serves this machine only)", {
      host: (req.headers.host ?? "").slice(0, 100),
    });
    const body: ChatErrorBody = {
      error: { code: "forbidden_host", message: "This chat answers only at localhost or 127.0.0.1." },
    };
    res.status(403).json(body);
  };
}

export function chatRateLimit(logger: Logger): RequestHandler {
  // One line per client and window, not one per refused request: a script asking in a loop would fill the log.
  let warned = new Set<string>();
  let windowStart = Date.now();
  return rateLimit({
    ...WEB_CHAT_RATE_LIMIT,
    // RateLimit headers (IETF draft 8) and Retry-After on a 429; no X-RateLimit-* headers.
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (req, res) => {
      if (Date.now() - windowStart >= WEB_CHAT_RATE_LIMIT.windowMs) {
        warned = new Set();
        windowStart = Date.now();
      }
      // Keyed as the limit keys clients: an IPv6 /56 is one client, so one stepping through its addresses is one line.
      const client = ipKeyGenerator(req.ip ?? "");
      if (!warned.has(client)) {
        warned.add(client);
        logger.warn("web: a client asked too often", { limit: WEB_CHAT_RATE_LIMIT.limit, ip: req.ip });
      }
      const body: ChatErrorBody = {
        error: { code: "rate_limited", message: "Too many questions at once. Wait a moment and ask again." },
      };
      res.status(429).json(body);
    },
  });
}
