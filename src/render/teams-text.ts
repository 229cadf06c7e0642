/** Shortening text for Teams cards without breaking it. Pure; shared by teams.ts and teams-people.ts. */
import { cut } from "./cut.js";

/** `text` within `max` characters, ending in "…" when it was shortened. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${cut(text, max - 1).trimEnd()}…`;
}

/** `text` with any lone surrogate replaced by U+FFFD, so encodeURIComponent cannot throw on it. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
