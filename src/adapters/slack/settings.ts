/** The Slack adapter's fixed settings, in one place. */

/** The slash command; it must match manifests/slack/manifest.yml. */
export const SLASH_COMMAND = "/whodoes";

/** Bolt's standard path for events, slash commands and interactivity in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * Largest request body read at /slack/events. Slack's payloads are small: a message event carries at most
 * 40,000 characters of text (and its rich-text copy), a button click the clicked message; 512 kB holds the
 * largest with room to spare, even URL-encoded.
 */
export const SLACK_BODY_BYTES = 512 * 1024;

/**
 * How far a signed request's timestamp may be from now, either way. Bolt refuses older ones itself; a request
 * dated further ahead is refused before Bolt runs (Slack signs at send time, so only a forger dates ahead).
 */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

/**
 * The longest a verified request's signature is remembered so that a replay is answered once: every
 * request accepted is within SIGNATURE_WINDOW_MS of now either way, so none is valid for longer than twice
 * that (dedupe.ts keeps each only until its own timestamp is too old).
 */
export const REPLAY_CLAIM_TTL_MS = 2 * SIGNATURE_WINDOW_MS;

/**
 * How long a Slack event id (and a message's channel+ts) stays claimed. Slack retries a failed event
 * three times over about five minutes (at once, after 1 minute, after 5 minutes), so half an hour
 * covers every retry with room to spare, while the store stays small.
 */
export const EVENT_CLAIM_TTL_MS = 30 * 60 * 1000;

/** The one line a person sees when answering failed; details go to the log, never to the chat. */
export const APOLOGY = "Sorry, something went wrong while I was answering. Please try again in a moment.";

/**
 * Web API calls: a reply that arrives minutes late is worse than none, so retry briefly instead of the
 * client's default of ten retries over half an hour. Each attempt is bounded by OUTBOUND_TIMEOUT_MS
 * (src/adapters/adapter.ts): a call that never answers is given up within three attempts and at most 3 s of
 * waits between them.
 */
export const WEB_API_RETRY = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000, randomize: true } as const;

/**
 * Welcome DMs for one onboarding channel go out at most this often: when a whole cohort joins at once, Slack's
 * limit of about one message a second per channel (and chat.postMessage's own tier) is not tripped.
 */
export const WELCOME_INTERVAL_MS = 1_100;

/** How long a channel's name, looked up to match ONBOARDING_CHANNELS by name, is trusted. */
export const CHANNEL_NAME_CACHE_MS = 10 * 60 * 1000;
