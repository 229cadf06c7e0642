/**
 * Mentions answer in a thread under the message; direct messages answer in the DM (in the thread if
 * the question was a thread reply). Bolt has already acked the event; the answer is posted after.
 */
import type { App, webApi } from "@slack/bolt";
import { isRecord } from "../../is-record.js";
import { messageConversation } from "../conversation-key.js";
import { claimMessage } from "../dedupe.js";
import type { SlackDeps } from "../deps.js";
import { readUserMessage, type UserMessage } from "../message-filter.js";
import { APOLOGY } from "../settings.js";
import { toBolt } from "../to-bolt.js";

async function answerMessage(
  deps: SlackDeps,
  client: webApi.WebClient,
  kind: "app_mention" | "dm",
  msg: UserMessage,
  team: string | undefined,
  threadTs: string | undefined,
): Promise<void> {
  if (!(await claimMessage(deps.store, deps.logger, msg.channel, msg.ts))) return;
  const where = { channel: msg.channel, ...(threadTs ? { thread_ts: threadTs } : {}) };
  const context = { kind, team, channel: msg.channel };
  await deps.work.run(
    context,
    async () => {
      // Read against the DM's or thread's last turn, so "and the architect?" follows on.
      const answer = await deps.extras.asked(
        msg.text,
        await deps.conversations.ask(messageConversation(team, kind, msg), msg.text),
        { id: msg.user },
      );
      await client.chat.postMessage({ ...where, ...toBolt(deps.blockKit(answer)), unfurl_links: false, unfurl_media: false });
      // The server logs the turn itself (adapters/turn-log.ts); this adds where, for debugging.
      deps.logger.debug("slack: answered", { ...context, intent: answer.intent });
    },
    () => client.chat.postMessage({ ...where, text: APOLOGY }),
  );
}

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, context, client }) => {
    const msg = readUserMessage(event, context.botUserId);
    if (!msg) return;
    await answerMessage(deps, client, "app_mention", msg, context.teamId, msg.threadTs ?? msg.ts);
  });

  app.event("message", async ({ event, context, client }) => {
    // Only direct messages: the manifest subscribes to message.im alone, but be sure.
    if (!isRecord(event) || event.channel_type !== "im") return;
    const msg = readUserMessage(event, context.botUserId);
    if (!msg) return;
    await answerMessage(deps, client, "dm", msg, context.teamId, msg.threadTs);
  });
}
