/** Shortening text for any platform without breaking it. Pure. */

/** The first `max` UTF-16 units of `text`, without leaving half of a surrogate pair (an emoji) at the cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}
