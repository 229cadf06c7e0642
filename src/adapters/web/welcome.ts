/**
 * The first card of the web chat: what the bot does, a few questions to try (taken from the knowledge
 * base, so they never drift from what it knows) and the ways in: onboarding, the roles, help.
 */
import type { Answer, Knowledge } from "../../core/index.js";

/** How many example questions the welcome card offers as buttons. */
export const WELCOME_EXAMPLES = 3;

export function welcomeAnswer(knowledge: Knowledge): Answer {
  const examples = (knowledge.intents.find((i) => i.id === "who_does")?.examples ?? []).slice(0, WELCOME_EXAMPLES);
  const roleNames = knowledge.roles.map((r) => r.name.toLowerCase());
  const text = "Ask me which data role owns a task, what a role does, or how two roles differ.";
  return {
    intent: "greeting",
    title: "Hi! I tell you who does what in data.",
    summary: text,
    blocks: [
      { type: "text", text: [{ text }] },
      ...(roleNames.length > 0
        ? [{ type: "text" as const, text: [{ text: `I know these roles: ${listNames(roleNames)}.` }] }]
        : []),
      ...(examples.length > 0
        ? [
            {
              type: "choices" as const,
              prompt: "Try asking",
              choices: examples.map((e) => ({ label: e, action: { do: "ask" as const, text: e } })),
            },
          ]
        : []),
    ],
    roles: [],
    actions: [
      { label: "Start onboarding", action: { do: "onboard" }, style: "primary" },
      { label: "All roles", action: { do: "roles" } },
      { label: "Compare all roles", action: { do: "compareAll" } },
      { label: "How to ask", action: { do: "help" } },
    ],
  };
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
