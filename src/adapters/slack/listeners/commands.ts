/**
 * `/whodoes QUESTION`: answered privately (ephemeral, which works in any channel, even one the bot is not
 * in) with a "Share in channel" button. The answer goes in the acknowledgement itself (Bolt's ack(message)):
 * the core answers in well under a millisecond, and the follow-up (the question kept for its buttons, who
 * holds a role now) waits at most a few hundred, far inside Slack's 3 seconds, so a second request to the
 * command's response_url would only cost time. "Share in channel" and later steps use the response_url
 * (listeners/actions.ts). `/whodoes` alone is `help`, whose usage the core builds from the knowledge base;
 * `roles`, `compare A B`, `onboard ROLE` are ordinary questions to the core.
 */
import type { App } from "@slack/bolt";
import { type ActionRef, MAX_QUESTION_CHARS } from "../../../core/index.js";
import type { SlackDeps } from "../deps.js";
import { errorFields } from "../errors.js";
import { slackQuestionText } from "../question-text.js";
import { APOLOGY, SLASH_COMMAND } from "../settings.js";
import { toBolt } from "../to-bolt.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, context: { botUserId } }) => {
    const typed = slackQuestionText(command.text, botUserId);
    const question = typed === "" ? "help" : typed;
    const context = { kind: "command", team: command.team_id, channel: command.channel_id };
    let answer: ReturnType<SlackDeps["blockKit"]>;
    try {
      // A question over the limit is answered "too long": nothing for the channel, and sharing would answer
      // only its first part there.
      const shareRef: ActionRef | undefined = question.length <= MAX_QUESTION_CHARS ? { do: "ask", text: question } : undefined;
      answer = deps.blockKit(
        await deps.extras.asked(question, deps.whodoes.ask(question), { id: command.user_id }),
        shareRef ? { shareRef } : {},
      );
    } catch (err) {
      // Whatever went wrong, the person gets one short line and the log gets the details (never the text).
      deps.logger.error("slack: failed to answer", { ...context, ...errorFields(err) });
      await ack({ response_type: "ephemeral", text: APOLOGY });
      return;
    }
    await ack({ response_type: "ephemeral", ...toBolt(answer) });
    // The server logs the turn itself (adapters/turn-log.ts); this adds where, for debugging.
    deps.logger.debug("slack: answered", context);
  });
}
