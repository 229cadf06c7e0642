/** The role card every renderer's exact-output tests start from. */
import type { Action, Answer, RoleCard } from "../../src/core/index.js";

export const dba: RoleCard = {
  id: "database-administrator",
  name: "Database administrator",
  character: "The operational gatekeeper",
  score: 1,
  evidence: [
    {
      responsibilityId: "backups",
      statement: [{ text: "Runs routine backups and " }, { text: "restores", strong: true }, { text: " data when it is lost." }],
      terms: ["restor"],
    },
  ],
};

/** The buttons a who-does answer may carry, for the tests to pick from. */
export const ACTIONS = {
  describe: { label: "What does a DBA do?", action: { do: "describe", role: "database-administrator" } },
  onboard: { label: "Start onboarding", action: { do: "onboard", role: "database-administrator", step: 1 }, style: "primary" },
  helpful: { label: "👍 Helpful", action: { do: "feedback", vote: "up", intent: "who_does", role: "database-administrator" } },
} satisfies Record<string, Action>;

/** The who-does answer the renderers' exact-output tests start from, with the buttons a test picks. */
export function whoDoesAnswer(...actions: Action[]): Answer {
  return {
    intent: "who_does",
    title: "Database administrator",
    summary: "Database administrator (the operational gatekeeper): Runs routine backups and restores data when it is lost.",
    blocks: [{ type: "role", role: dba }],
    roles: [dba],
    actions,
  };
}
