/**
 * The botbuilder activity handler: routes a Teams activity to the decision functions beside it and sends
 * the rendered answer. Messages (typed or card submits), members added (welcome), message extension queries.
 * A submit from a tour card updates that card in place (activity.replyToId is the message holding it); every
 * other answer is a new reply.
 */
import {
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import type { Answer, Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import { type Metrics, noMetrics } from "../../metrics/metrics.js";
import { pictureUrlFor } from "../../render/picture-url.js";
import { answerToTeamsMessage, type TeamsCardMessage } from "../../render/teams.js";
import type { Store } from "../../store/store.js";
import type { Conversations } from "../conversations.js";
import { RETRIED_STATUSES } from "./connector-retry.js";
import { answerForMessage, cardToReplace } from "./message.js";
import { searchResponse } from "./message-extension.js";
import { claimWelcome, planWelcome } from "./welcome.js";

/** Used in hints ("@whodoes …") when Teams does not tell us the bot's name; matches manifest.json's short name. */
export const DEFAULT_BOT_NAME = "whodoes";

export interface TeamsBotDeps {
  whodoes: Whodoes;
  store: Store;
  /** Each chat's and thread's last turn, for follow-ups. */
  conversations: Conversations;
  logger: Logger;
  /** PUBLIC_URL: where Teams can fetch the comparison's picture (GET /compare.png); without it, the table alone. */
  publicUrl?: string;
  metrics?: Metrics;
}

/** A reply the Bot Connector kept refusing after every retry; logged where it happened, so the turn ends quietly. */
export class DeliveryFailed extends Error {
  readonly code = "TEAMS_DELIVERY_FAILED";
}

const statusOf = (err: unknown): number | undefined => {
  const status = typeof err === "object" && err !== null ? (err as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === "number" ? status : undefined;
};

export class WhodoesTeamsBot extends TeamsActivityHandler {
  readonly #deps: TeamsBotDeps;

  constructor(deps: TeamsBotDeps) {
    super();
    this.#deps = deps;
    this.onMessage(async (context, next) => {
      const answer = await answerForMessage(this.#deps.conversations, context.activity, this.#deps.logger);
      const target = cardToReplace(context.activity);
      if (target) await this.#replace(context, target, answer);
      else await this.#reply(context, answer);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.#welcome(context);
      await next();
    });
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    void context;
    return searchResponse(this.#deps.whodoes, query, this.#deps.logger);
  }

  async #welcome(context: TurnContext): Promise<void> {
    const plan = planWelcome(context.activity);
    if (!plan) return;
    const claimed = await claimWelcome(plan, this.#deps.store);
    if (!claimed) return;
    // Channels and group chats need an @mention to reach the bot; a personal chat does not.
    const mention = plan.needsMention ? `@${context.activity.recipient?.name || DEFAULT_BOT_NAME}` : undefined;
    const answer = this.#deps.whodoes.welcome({ newMembers: claimed.names, ...(mention ? { mention } : {}) });
    this.#deps.logger.info("teams: welcome sent", { botAdded: plan.botAdded, members: claimed.names.length });
    await this.#reply(context, answer);
  }

  #message(answer: Answer): TeamsCardMessage {
    const pictureUrl = pictureUrlFor(this.#deps.publicUrl, answer);
    return answerToTeamsMessage(answer, pictureUrl ? { pictureUrl } : {});
  }

  async #reply(context: TurnContext, answer: Answer): Promise<void> {
    try {
      await context.sendActivity(this.#message(answer));
    } catch (err) {
      (this.#deps.metrics ?? noMetrics).outboundError("teams");
      const status = statusOf(err);
      if (status === undefined || !RETRIED_STATUSES.has(status)) throw err;
      // Once, with what helps an operator (the kind of conversation, Teams' answer), never the text.
      this.#deps.logger.error("teams: the Bot Connector kept refusing a reply after retries; it was not delivered", {
        conversation: context.activity.conversation?.conversationType ?? "unknown",
        status,
      });
      throw new DeliveryFailed(`the Bot Connector answered ${status}`, { cause: err });
    }
  }

  /** Show the answer in place of the card that was clicked; if Teams refuses (deleted, too old, not ours), reply instead. */
  async #replace(context: TurnContext, activityId: string, answer: Answer): Promise<void> {
    try {
      await context.updateActivity({ ...this.#message(answer), id: activityId });
    } catch (err) {
      this.#deps.logger.warn("teams: could not update the card in place, replying instead", {
        error: err instanceof Error ? err.message : String(err),
      });
      await this.#reply(context, answer);
    }
  }
}
