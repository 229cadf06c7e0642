/**
 * The local web chat: a page at / for trying the bot with no Slack or Teams account, talking to
 * POST /api/chat. Glue only: the core answers, src/render/html.ts renders, public/ is the page.
 */
import type express from "express";
import type { Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import { createMemoryStore } from "../../store/memory-store.js";
import type { Store } from "../../store/store.js";
import type { PlatformAdapter } from "../adapter.js";
import { createAnswerExtras } from "../answer-extras.js";
import { createConversations } from "../conversations.js";
import type { LiveDirectory } from "../live-directory.js";
import { CHAT_PATH, createChatRouter } from "./api.js";
import { chatRateLimit, requireLocalHost } from "./guards.js";
import { createPageRouter, PAGE_PATH, SCRIPT_PATH, STYLE_PATH } from "./page.js";

export { CHAT_BODY_LIMIT, CHAT_PATH, type ChatErrorBody, type ChatResponse } from "./api.js";
export { WEB_CHAT_RATE_LIMIT } from "./guards.js";
export { CONTENT_SECURITY_POLICY, PAGE_PATH, SCRIPT_PATH, STYLE_PATH } from "./page.js";

export interface WebChatAdapterOptions {
  whodoes: Whodoes;
  logger: Logger;
  /** The shared express app; the adapter mounts GET /, its static files and POST /api/chat, and never listens itself. */
  app: express.Express;
  /** Where each page session's last turn is kept for follow-ups; default: memory. */
  store?: Store;
  /** CONVERSATION_TTL_MINUTES: how long a session's last turn is kept (default 30 minutes; 0: off). */
  conversationTtlMs?: number;
  /**
   * The server listens on loopback only: then a request naming another host in Host is refused (a page
   * elsewhere reaching the chat through DNS rebinding). Default false (the server's HOST serves others).
   */
  loopbackOnly?: boolean;
  /** Who holds a role right now (PagerDuty), shown beside the directory's people. */
  live?: LiveDirectory;
  /** RECORD_QUESTIONS=true: keep a question's words with it (the web chat hands nothing over, so otherwise only its hash). */
  recordQuestions?: boolean;
}

export function createWebChatAdapter(options: WebChatAdapterOptions): PlatformAdapter {
  const { whodoes, logger, app } = options;
  let accepting = true;
  if (options.loopbackOnly) app.all([PAGE_PATH, STYLE_PATH, SCRIPT_PATH, CHAT_PATH], requireLocalHost(logger));
  app.post(CHAT_PATH, chatRateLimit(logger));
  // The page files are read now, so a missing one fails at start, not on the first visit.
  app.use(createPageRouter(() => whodoes.welcome()));
  const store = options.store ?? createMemoryStore();
  const conversations = createConversations({ whodoes, store, logger, platform: "web", ttlMs: options.conversationTtlMs });
  // No triage channel here: answers that need a person say whom to ask, from the directory.
  const extras = createAnswerExtras({
    platform: "web",
    whodoes,
    store,
    logger,
    ...(options.live ? { live: options.live } : {}),
    ...(options.recordQuestions ? { recordQuestions: true } : {}),
  });
  app.use(createChatRouter({ conversations, extras, logger, accepting: () => accepting }));

  return {
    name: "web",
    ackPaths: [CHAT_PATH],
    describe() {
      return `Web chat (GET ${PAGE_PATH}, POST ${CHAT_PATH})`;
    },
    async start() {},
    async stop() {
      // An answer waits at most the live sources' budget (a few hundred ms): refusing new turns is enough.
      accepting = false;
    },
  };
}
