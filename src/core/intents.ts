/**
 * The kinds of question the bot answers. The ids are a public contract (`whodoes ask --json`, button
 * payloads, usage events): add to this list, never rename. Adding one makes the compiler point at every
 * place that must handle it (see docs/architecture.md, "Add an intent").
 */
export const INTENT_IDS = [
  "who_does",
  "describe_role",
  "compare_roles",
  "list_roles",
  "collaboration",
  "onboarding",
  "help",
  "greeting",
  "out_of_scope",
] as const;
export type IntentId = (typeof INTENT_IDS)[number];

/**
 * The questions about a role itself (what it does, how two differ, whom it works with, how to start in it): with
 * one's cue, a follow-up's "they" is the role rather than the task's things. With who_does, the questions the bot
 * answers about roles and tasks.
 */
export const ROLE_QUESTIONS: readonly IntentId[] = ["describe_role", "compare_roles", "collaboration", "onboarding"];
