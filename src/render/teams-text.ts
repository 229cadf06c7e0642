/** Shortening text for Teams cards without breaking it. Pure; shared by teams.ts and teams-people.ts. */

/** The first `max` UTF-16 units of `text`, without leaving half of a surrogate pair (an emoji) at the cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** `text` within `max` characters, ending in "…" when it was shortened. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${cut(text, max - 1).trimEnd()}…`;
}

/** `text` with any lone surrogate replaced by U+FFFD, so encodeURIComponent cannot throw on it. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
