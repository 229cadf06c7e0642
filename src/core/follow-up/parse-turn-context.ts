/**
 * The check a TurnContext passes when it comes back from the store: a stored value is data like any
 * other (a damaged file, another version's shape), so it is parsed, not trusted. Apart from
 * turn-context.ts so that answering (and `whodoes ask`'s start-up) does not load the schema library.
 */
import { z } from "zod";
import type { TurnContext } from "../answer.js";
import { INTENT_IDS } from "../intents.js";
import { parseChecked } from "../parse-checked.js";
import { MAX_CONTEXT_ROLES, MAX_CONTEXT_TASKS } from "./turn-context.js";

const id = z.string().min(1).max(100);
const schema = z.object({
  intent: z.enum(INTENT_IDS),
  roles: z.array(z.object({ id, score: z.number().min(0).max(1) })).max(MAX_CONTEXT_ROLES),
  // "role-id/responsibility-id"
  tasks: z.array(z.string().min(3).max(201)).max(MAX_CONTEXT_TASKS),
  starting: id.optional(),
  neighbour: id.optional(),
  step: z.number().int().min(1).max(50).optional(),
  listed: z.number().int().min(1).max(1000).optional(),
  quiz: z.number().int().min(1).max(50).optional(),
});

/** The context in a stored value (JSON text or an object), or undefined when it is not one. */
export function parseTurnContext(value: unknown): TurnContext | undefined {
  return parseChecked(schema, value, 4000);
}
