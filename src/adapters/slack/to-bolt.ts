/**
 * The renderer speaks plain local Block Kit types (it must not import the SDK); this is the one place
 * they meet Bolt's Web API types. No casts: if the renderer ever emits a shape Slack's types reject,
 * this file stops compiling.
 */
import type { types } from "@slack/bolt";
import type { SlackHomeView, SlackMessage } from "../../render/slack.js";

/** A message for chat.postMessage / respond; a text-only message sends no `blocks` at all. */
export function toBolt(message: SlackMessage): { text: string; blocks?: types.KnownBlock[] } {
  return message.blocks.length > 0 ? { text: message.text, blocks: message.blocks } : { text: message.text };
}

export function toBoltView(view: SlackHomeView): types.HomeView {
  return view;
}
