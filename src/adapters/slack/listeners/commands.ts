/**
 * `/whodoes QUESTION`: answered privately (ephemeral, through the command's response_url, which works
 * in any channel, even one the bot is not in) with a "Share in channel" button. `/whodoes` alone is
 * `help`, whose usage the core builds from the knowledge base; `roles`, `compare A B`, `onboard ROLE`
 * are ordinary questions to the core.
 */
import type { App } from "@slack/bolt";
import type { ActionRef } from "../../../core/index.js";
import type { SlackDeps } from "../deps.js";
import { APOLOGY, SLASH_COMMAND } from "../settings.js";
import { toBolt } from "../to-bolt.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    // Ack with an empty body at once: Slack then shows nothing until the answer arrives.
    await ack();
    const question = command.text.trim() === "" ? "help" : command.text.trim();
    const respond = deps.responseUrls.respondTo(command.response_url);
    const context = { kind: "command", team: command.team_id, channel: command.channel_id };
    await deps.work.run(
      context,
      async () => {
        const answer = deps.whodoes.ask(question);
        const shareRef: ActionRef = { do: "ask", text: question };
        await respond({ response_type: "ephemeral", ...toBolt(deps.blockKit(answer, { shareRef })) });
        // The server logs the turn itself (adapters/turn-log.ts); this adds where, for debugging.
        deps.logger.debug("slack: answered", { ...context, intent: answer.intent });
      },
      () => respond({ response_type: "ephemeral", text: APOLOGY }),
    );
  });
}
