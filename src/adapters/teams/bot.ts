/**
 * The botbuilder activity handler: routes a Teams activity to the decision functions beside it and sends
 * the rendered answer. Messages (typed or card submits), members added (welcome), message extension queries,
 * and the votes of Teams' own feedback control.
 * A submit from a tour card updates that card in place (activity.replyToId is the message holding it); every
 * other answer is a new reply.
 */
import {
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import type { ActionRef, Answer, Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import { type Metrics, noMetrics } from "../../metrics/metrics.js";
import { pictureUrlFor } from "../../render/picture-url.js";
import { answerToTeamsMessage, asksForFeedback, type TeamsCardMessage } from "../../render/teams.js";
import type { Store } from "../../store/store.js";
import { type AnswerExtras, createAnswerExtras } from "../answer-extras.js";
import type { Conversations } from "../conversations.js";
import { createHandOffs } from "../hand-off.js";
import type { LiveDirectory } from "../live-directory.js";
import type { WhodoesCloudAdapter } from "./cloud-adapter.js";
import { RETRIED_STATUSES } from "./connector-retry.js";
import { FEEDBACK_INVOKE, rememberVotes, voteOf } from "./feedback-loop.js";
import { pressTeamsHandOff, replyOf, type TeamsHandOffDeps, teamsTriagePlaces } from "./hand-off.js";
import { cardToReplace, conversationOf, readMessage } from "./message.js";
import { searchResponse } from "./message-extension.js";
import { createProactive, rememberReach } from "./proactive.js";
import { claimWelcome, planWelcome } from "./welcome.js";

/** Used in hints ("@whodoes …") when Teams does not tell us the bot's name; matches manifest.json's short name. */
export const DEFAULT_BOT_NAME = "whodoes";

export interface TeamsBotDeps {
  whodoes: Whodoes;
  store: Store;
  /** Each chat's and thread's last turn, for follow-ups. */
  conversations: Conversations;
  logger: Logger;
  /** The adapter, for messages the bot starts (a post in the triage channel, a private notice). */
  adapter: WhodoesCloudAdapter;
  /** MICROSOFT_APP_ID; absent in local mode. */
  appId?: string;
  /** PUBLIC_URL: where Teams can fetch the comparison's picture (GET /compare.png); without it, the table alone. */
  publicUrl?: string;
  metrics?: Metrics;
  /** Who holds a role right now (PagerDuty). */
  live?: LiveDirectory;
  /** RECORD_QUESTIONS=true: keep a question's words with it even where no hand-off may send them. */
  recordQuestions?: boolean;
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
  readonly #extras: AnswerExtras;
  readonly #handOff: TeamsHandOffDeps;

  constructor(deps: TeamsBotDeps) {
    super();
    this.#deps = deps;
    const { whodoes, store, logger } = deps;
    this.#extras = createAnswerExtras({
      platform: "teams",
      whodoes,
      store,
      logger,
      ...(deps.live ? { live: deps.live } : {}),
      canHandOff: (roles) => teamsTriagePlaces(whodoes.knowledge, roles).length > 0,
      ...(deps.recordQuestions ? { recordQuestions: true } : {}),
    });
    this.#handOff = {
      handOffs: createHandOffs(store, "teams", logger),
      knowledge: () => whodoes.knowledge,
      store,
      proactive: createProactive(deps.adapter, deps.appId),
      logger,
    };
    this.onMessage(async (context, next) => {
      await this.#remember(context);
      const incoming = readMessage(context.activity, logger);
      if (incoming.kind === "act" && (incoming.ref.do === "handoff" || incoming.ref.do === "triage")) {
        await pressTeamsHandOff(this.#handOff, context, incoming.ref);
        return next();
      }
      // Read against the conversation's last turn; the answer becomes the last turn.
      const answer =
        incoming.kind === "ask" ? await this.#asked(context, incoming.text) : await this.#acted(context, incoming.ref);
      const target = cardToReplace(context.activity);
      if (target) await this.#replace(context, target, answer);
      else await this.#reply(context, answer);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.#remember(context);
      await this.#welcome(context);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== FEEDBACK_INVOKE) return super.onInvokeActivity(context);
    const vote = await voteOf(this.#deps.store, context.activity);
    if (vote) {
      this.#deps.logger.info("teams: feedback", {
        vote: vote.vote,
        intent: vote.intent,
        ...(vote.role ? { role: vote.role } : {}),
      });
      const answer = await this.#acted(context, vote);
      // 👍: Teams thanks the person itself. 👎: ask which role it should have been.
      if (vote.vote === "down") await this.#reply(context, answer);
    }
    return { status: 200, body: {} };
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    void context;
    return searchResponse(this.#deps.whodoes, query, this.#deps.logger);
  }

  /** Where the bot was installed, or spoken to in a channel: how to post there later (proactive.ts). */
  async #remember(context: TurnContext): Promise<void> {
    if (context.activity.conversation?.conversationType !== "channel") return;
    await rememberReach(this.#deps.store, context.activity).catch((err: unknown) =>
      this.#deps.logger.warn("teams: could not remember where the bot is installed", { error: (err as Error)?.message }),
    );
  }

  async #asked(context: TurnContext, text: string): Promise<Answer> {
    const { from } = context.activity;
    const reply = replyOf(context);
    const asker = { id: from.id, ...(from.name ? { name: from.name } : {}), ...(reply ? { reply } : {}) };
    return this.#extras.asked(text, await this.#deps.conversations.ask(conversationOf(context.activity), text), asker);
  }

  async #acted(context: TurnContext, ref: ActionRef): Promise<Answer> {
    const answer = await this.#deps.conversations.act(conversationOf(context.activity), ref);
    return this.#extras.acted(ref, answer, context.activity.from.id);
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
    return answerToTeamsMessage(answer, { nativeFeedback: true, ...(pictureUrl ? { pictureUrl } : {}) });
  }

  async #reply(context: TurnContext, answer: Answer): Promise<void> {
    let sent: Awaited<ReturnType<TurnContext["sendActivity"]>>;
    try {
      sent = await context.sendActivity(this.#message(answer));
    } catch (err) {
      (this.#deps.metrics ?? noMetrics).outboundError("teams");
      const status = statusOf(err);
      // Any other 5xx has been retried too, by botbuilder's own policy (four tries over about five seconds): an
      // apology would wait as long again for the same answer.
      if (status === undefined || !(RETRIED_STATUSES.has(status) || status >= 500)) throw err;
      // Once, with what helps an operator (the kind of conversation, Teams' answer), never the text.
      this.#deps.logger.error("teams: the Bot Connector kept refusing a reply after retries; it was not delivered", {
        conversation: context.activity.conversation?.conversationType ?? "unknown",
        status,
      });
      throw new DeliveryFailed(`the Bot Connector answered ${status}`, { cause: err });
    }
    // Teams' own 👍/👎 names only the message: keep what it votes on under the message's id.
    if (sent?.id && asksForFeedback(answer))
      await rememberVotes(this.#deps.store, context.activity.conversation.id, sent.id, answer).catch((err: unknown) =>
        this.#deps.logger.warn("teams: could not keep an answer's votes", { error: (err as Error)?.message }),
      );
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
