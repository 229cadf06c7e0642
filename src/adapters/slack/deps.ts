/** What every listener needs, handed over once by the factory. */
import type { Answer, Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import type { BlockKitOptions, SlackMessage } from "../../render/slack.js";
import type { Store } from "../../store/store.js";
import type { AnswerExtras } from "../answer-extras.js";
import type { Conversations } from "../conversations.js";
import type { HandOffs } from "../hand-off.js";
import type { Pacer } from "./pacer.js";
import type { ResponseUrlClient } from "./response-url.js";
import type { WorkRunner } from "./work.js";

export interface SlackDeps {
  whodoes: Whodoes;
  logger: Logger;
  store: Store;
  /** Each DM's and thread's last turn, for follow-ups. */
  conversations: Conversations;
  work: WorkRunner;
  /** Posts answers to response_urls (used instead of Bolt's respond(); see response-url.ts). */
  responseUrls: ResponseUrlClient;
  /** An answer in Block Kit, with what the adapter adds to every answer (the comparison's picture). */
  blockKit(answer: Answer, options?: BlockKitOptions): SlackMessage;
  /** Spaces welcome DMs out per onboarding channel (Slack allows about one message a second per channel). */
  welcomes: Pacer;
  /** The last step before an answer is sent: its question kept, hand-off or whom to ask, live people. */
  extras: AnswerExtras;
  /** "Ask the data team", Claim and Answered. */
  handOffs: HandOffs;
}
