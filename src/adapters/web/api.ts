/**
 * POST /api/chat: the web chat's one JSON endpoint. `{ "text": "..." }` asks a question,
 * `{ "action": ActionRef }` is a button click; both answer `{ answer, html }`. Either may carry the
 * page's `session` (a random id it makes when it loads): the conversation a follow-up ("and the
 * architect?") leans on. Input is untrusted: the body size is capped, its shape checked with zod and
 * the action with the core's parseActionRef.
 */
import express from "express";
import { z } from "zod";
import { type ActionRef, type Answer, MAX_QUESTION_CHARS, parseActionRef } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import { answerToHtml } from "../../render/html.js";
import type { AnswerExtras } from "../answer-extras.js";
import type { Conversations } from "../conversations.js";
import { type BodyRefusal, capBody, createBodyErrorHandler, showBytes } from "../http-body.js";

export const CHAT_PATH = "/api/chat";
/** The largest request body accepted; a question and a button payload are far smaller. */
export const CHAT_BODY_LIMIT = "16kb";
const CHAT_BODY_BYTES = 16 * 1024;

export interface ChatResponse {
  answer: Answer;
  /** The answer as an escaped HTML fragment (src/render/html.ts), ready for the page. */
  html: string;
}

export interface ChatErrorBody {
  error: { code: string; message: string };
}

/** A page's session id: random, URL-safe, long enough not to be guessed, short enough to key by. */
const SESSION = /^[A-Za-z0-9_-]{16,128}$/;
const session = z.string().optional();
const requestSchema = z.union([
  z.strictObject({ text: z.string(), session }),
  // parseActionRef accepts a JSON string or an object; it does the real check below.
  z.strictObject({ action: z.union([z.string(), z.record(z.string(), z.unknown())]), session }),
]);

const USAGE =
  'Send {"text": "your question"} or {"action": {...}} (a button\'s data-action), with "session" (the page\'s id) for follow-ups.';

class ChatRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type ChatRequest = ({ kind: "text"; text: string } | { kind: "action"; ref: ActionRef }) & { session?: string };

/** The request in a parsed JSON body, or a ChatRequestError saying what is wrong with it. */
export function parseChatRequest(body: unknown): ChatRequest {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) throw new ChatRequestError(400, "bad_request", `The request body is not a chat message. ${USAGE}`);
  const { session } = parsed.data;
  if (session !== undefined && !SESSION.test(session))
    throw new ChatRequestError(400, "bad_session", "The session must be 16 to 128 letters, digits, - or _.");
  const at = session !== undefined ? { session } : {};
  if ("text" in parsed.data) {
    const text = parsed.data.text.trim();
    if (text === "") throw new ChatRequestError(400, "empty_text", "The question is empty.");
    // The core's limit, said as a client error: the page never sends more (its input is capped too).
    if (text.length > MAX_QUESTION_CHARS) {
      throw new ChatRequestError(
        400,
        "text_too_long",
        `The question is ${text.length} characters long; the limit is ${MAX_QUESTION_CHARS}.`,
      );
    }
    return { kind: "text", text, ...at };
  }
  const ref = parseActionRef(parsed.data.action);
  if (!ref) throw new ChatRequestError(400, "bad_action", "The action is not one this bot offers.");
  return { kind: "action", ref, ...at };
}

function sendError(res: express.Response, status: number, code: string, message: string): void {
  const body: ChatErrorBody = { error: { code, message } };
  res.status(status).json(body);
}

export interface ChatRouteDeps {
  /** The core, with each page session's last turn kept for follow-ups. */
  conversations: Conversations;
  /** Keeps the question for its buttons, adds whom to ask and who holds a role now. */
  extras: AnswerExtras;
  logger: Logger;
  /** False once the server is shutting down: new turns get 503. */
  accepting: () => boolean;
}

export function createChatRouter(deps: ChatRouteDeps): express.Router {
  const { conversations, logger } = deps;
  const router = express.Router();

  const format = (r: BodyRefusal): ChatErrorBody => ({ error: { code: r.code, message: r.message } });
  router.post(
    CHAT_PATH,
    capBody(logger, "web", CHAT_BODY_BYTES, format),
    express.json({ limit: CHAT_BODY_LIMIT, strict: false }),
    async (req, res) => {
      res.set("Cache-Control", "no-store");
      if (!deps.accepting()) return sendError(res, 503, "shutting_down", "The server is shutting down. Try again in a moment.");
      // type-is answers null for a request with no body at all, whatever its Content-Type says.
      const json = req.is("application/json");
      if (json === null) return sendError(res, 400, "bad_request", `The request has no body. ${USAGE}`);
      if (!json) return sendError(res, 415, "unsupported_media_type", `Send JSON (Content-Type: application/json). ${USAGE}`);
      const request = parseChatRequest(req.body);
      const key = request.session !== undefined ? [request.session] : undefined;
      const answer =
        request.kind === "text"
          ? await deps.extras.asked(request.text, await conversations.ask(key, request.text))
          : await deps.extras.acted(request.ref, await conversations.act(key, request.ref));
      if (request.kind === "action" && request.ref.do === "feedback") {
        const { vote, intent, role } = request.ref;
        logger.info("web: feedback", { platform: "web", vote, intent, ...(role ? { role } : {}) });
      }
      // The server logs one line per turn for every platform (adapters/turn-log.ts).
      const body: ChatResponse = { answer, html: answerToHtml(answer) };
      res.json(body);
    },
  );

  router.all(CHAT_PATH, (_req, res) => {
    res.set("Allow", "POST");
    sendError(res, 405, "method_not_allowed", `Use POST. ${USAGE}`);
  });

  // The route's error handlers: an unreadable body, then a request that is not a chat message (both say
  // what is wrong, with one log line); anything else is logged, not shown.
  router.use(CHAT_PATH, createBodyErrorHandler(logger, "web", { limit: showBytes(CHAT_BODY_BYTES), format }));
  router.use(CHAT_PATH, (err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (err instanceof ChatRequestError) {
      logger.info(`web: refused a request (${err.code})`, { platform: "web", status: err.status });
      return sendError(res, err.status, err.code, err.message);
    }
    logger.error("web: turn failed", { platform: "web", error: err instanceof Error ? err.message : String(err) });
    sendError(res, 500, "internal", "Sorry, something went wrong while answering. Please try again.");
  });

  return router;
}
