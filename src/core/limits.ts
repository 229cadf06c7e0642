/**
 * How long a question may be, on every surface (Slack, Teams, the web chat, the CLI, a button that asks
 * again). One number for all, so a question that works in one place works in every other.
 *
 * 1,000 characters is about 170 words: far more than anyone types as a question (the longest of the
 * 4,070 labelled tuning questions is under 300; the longest real forum post in tests/eval/real, trimmed
 * to its question and some context, is 850), and short enough that a button can carry a question back
 * whole (Slack's button value holds 2,000 characters, JSON included). Longer messages get a short "too
 * long" answer instead of a guess, and the matcher never reads past it.
 */
export const MAX_QUESTION_CHARS = 1_000;
