/**
 * Microsoft Teams / Adaptive Card limits the Teams renderer keeps to. Each number says where it comes from.
 */

/**
 * The card schema version we declare. Every element we use (RichTextBlock, TextRun, ActionSet, Action styles)
 * exists since 1.2; declaring the lowest version that covers them lets older Teams clients (mobile included)
 * render the card instead of showing the fallback text. Teams accepts up to 1.5 for bot messages.
 */
export const ADAPTIVE_CARD_VERSION = "1.2";

/** The version of a card with a Table (the comparison of all roles): tables came in 1.5. */
export const TABLE_CARD_VERSION = "1.5";

/**
 * Roles shown in the comparison card (the roles asked about first). Teams gives a card at most the chat's
 * width, so past six the columns are too narrow to read, and six roles twice over (the table and the roles
 * one at a time) is what fits in the card's size budget; the rest are named under the table.
 */
export const MAX_TABLE_COLUMNS = 6;

/** Highest card version Teams renders in bot messages; a test checks we never exceed it. */
export const TEAMS_MAX_CARD_VERSION = "1.5";

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
export const THUMBNAIL_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.thumbnail";

/**
 * Budget for one serialised card. Teams rejects bot messages over ~28 KB on some posting paths (80 KB on
 * others); the activity envelope around the card adds ~1 KB, so 24 KB keeps us well clear of both.
 */
export const MAX_CARD_BYTES = 24_000;

/** Teams shows at most six actions in one action bar (or ActionSet); it drops the rest, so teams.ts puts them on more rows. */
export const MAX_CARD_ACTIONS = 6;

/** Longest single run of text we put on a card; knowledge text is far shorter, this guards odd input. */
export const MAX_TEXT_CHARS = 2_000;

/** Longest button title we render; Teams truncates long titles visually anyway. */
export const MAX_BUTTON_TITLE_CHARS = 60;

/** Items shown from one list block. */
export const MAX_LIST_ITEMS = 20;

/** Evidence lines shown under one role. */
export const MAX_EVIDENCE_PER_ROLE = 3;

/** People, channels or emails listed per role in a "people" block; a directory should name a few, not a roster. */
export const MAX_PEOPLE_PER_KIND = 10;

/** Longest card `fallbackText` (the whole answer as plain text, for clients that cannot draw the card). */
export const MAX_FALLBACK_CHARS = 4_000;

/** Longest `summary` (notification text) we send. */
export const MAX_SUMMARY_CHARS = 300;
