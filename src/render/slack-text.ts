/**
 * Plain text → Slack mrkdwn. Every piece of text the Slack renderers send passes through here, so
 * nothing a user typed can come back as a live `<!channel>`, `<@U…>` or link.
 */
import type { RichText } from "../core/index.js";

/** Slack's three control characters, escaped as Slack asks, in any text we send. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Bold needs its asterisks against the word, so surrounding spaces stay outside them. */
function bold(escaped: string): string {
  const m = /^(\s*)(.*?)(\s*)$/s.exec(escaped);
  if (!m || m[2] === "") return escaped;
  return `${m[1]}*${m[2]}*${m[3]}`;
}

/** RichText → escaped mrkdwn, with the words that matched the question in bold. */
export function richTextToMrkdwn(spans: RichText): string {
  return spans.map((s) => (s.strong ? bold(escapeSlackText(s.text)) : escapeSlackText(s.text))).join("");
}
