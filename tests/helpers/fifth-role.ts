/**
 * A knowledge copy with a fifth role an organisation might add: every rendering of the comparison must
 * show it, built from its file alone. One of its cells holds `&` and `<…>`, which every surface escapes.
 */
import { copyKnowledge } from "./knowledge-copy.js";

export const FIFTH = {
  id: "analytics-engineer",
  name: "Analytics engineer",
  character: "The metric shaper",
  question: "Do the numbers & metrics <mean> what people think?",
  looksAfter: "The semantic layer and the shared metric definitions.",
  tasks: ["Models the reporting tables for analysts.", "Keeps metric definitions in one place."],
  artefacts: ["dbt models", "the metrics layer"],
} as const;

/** Its role file, as an organisation would add it to roles/. */
export const FIFTH_ROLE_YAML = `id: ${FIFTH.id}
name: ${FIFTH.name}
short: Analytics engineer
character: ${FIFTH.character}
aliases: [analytics engineer]
summary: Turns warehouse data into clean, documented models and shared metrics for analysts.
responsibilities:
  - id: semantic-layer
    statement: Builds the semantic layer and the shared metric definitions.
    keywords: [semantic layer, metric definitions]
example: In a hospital network, the analytics engineer models bed occupancy so every ward reports it the same way.
works_with:
  - role: data-warehouse-engineer
    how: Builds on the warehouse tables the warehouse engineers load.
  - role: data-manager
    how: Agrees metric definitions with the data manager.
first_week:
  - Read the metric definitions.
at_a_glance:
  looks_after: ${FIFTH.looksAfter}
  question: "${FIFTH.question}"
  horizon: Build
  tasks:
${FIFTH.tasks.map((t) => `    - ${t}`).join("\n")}
  artefacts: [${FIFTH.artefacts.join(", ")}]
`;

/** A throwaway knowledge folder: the shipped one plus the fifth role. Call remove() when done. */
export function knowledgeWithFifthRole(): ReturnType<typeof copyKnowledge> {
  const copy = copyKnowledge();
  copy.write(`roles/${FIFTH.id}.yaml`, FIFTH_ROLE_YAML);
  return copy;
}
