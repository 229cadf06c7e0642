/** The role card every renderer's exact-output tests start from. */
import type { RoleCard } from "../../src/core/index.js";

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
