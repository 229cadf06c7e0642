/**
 * Plain text → Slack mrkdwn. Every piece of text the Slack renderers send passes through here, so
 * nothing a user typed can come back as a live `<!channel>`, `<@U…>` or link, or break the bold around it.
 */
import type { RichText } from "../core/index.js";

/** Slack's three control characters, escaped as Slack asks, in any text we send (all a plain_text needs). */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * mrkdwn's formatting characters, which it has no escape for, as their full-width look-alikes. A user's
 * `*restores*` inside our bold heading would end the bold early, and the Answer's text is plain, so
 * none of it is meant as formatting. Dropping them instead would change what was typed (`snake_case`,
 * `a*b`); a look-alike still reads as the same character.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = { "*": "＊", _: "＿", "~": "～", "`": "｀" };

/** Plain text (the core's, a user's, an organisation's) as mrkdwn that shows exactly that text. */
export function textToMrkdwn(text: string): string {
  return escapeSlackText(text).replace(/[*_~`]/g, (c) => LOOK_ALIKES[c] ?? c);
}

/** Bold needs its asterisks against the word, so surrounding spaces stay outside them. */
function bold(escaped: string): string {
  const m = /^(\s*)(.*?)(\s*)$/s.exec(escaped);
  if (!m || m[2] === "") return escaped;
  return `${m[1]}*${m[2]}*${m[3]}`;
}

/** RichText → escaped mrkdwn, with the words that matched the question in bold. */
export function richTextToMrkdwn(spans: RichText): string {
  return spans.map((s) => (s.strong ? bold(textToMrkdwn(s.text)) : textToMrkdwn(s.text))).join("");
}
