/**
 * The question a person typed to the bot, from a Slack message's or command's text. In a channel every message to
 * the bot starts with its mention (`<@U…>`, or `<@U…|name>` from older clients): how it is addressed, no part of
 * the question, and in front of the words it would hide "and the architect?" or "next" from the core, which reads
 * a follow-up by how it starts. Other people's mentions stay; the core drops them as it does any Slack token.
 */

/** Slack's user ids are letters and digits; anything else is not a mention of ours. */
const USER_ID = /^[A-Z0-9]+$/;

/**
 * Slack sends the three characters its markup uses escaped, as `&amp;`, `&lt;` and `&gt;`. Left so, the core
 * reads "backup &amp; restore" as the words "backup amp restore" and echoes "&amp;" back. `&amp;` goes last, so a
 * typed "&lt;" stays as typed.
 */
const unescapeSlack = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function slackQuestionText(text: string, botUserId: string | undefined): string {
  const addressed =
    botUserId && USER_ID.test(botUserId) ? text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, "g"), " ") : text;
  return unescapeSlack(addressed).trim();
}
