/**
 * Button payloads come back from Slack, Teams and the web chat as untrusted data: check them
 * before they reach the core. Only ids and small numbers travel, never state.
 */
import { z } from "zod";
import { type ActionRef, INTENT_IDS } from "./answer.js";

const roleId = z.string().min(1).max(100);
/** Roles a "Compare all roles" button may put first: the two of a comparison, with room to spare. */
const MAX_FIRST = 5;
const schema: z.ZodType<ActionRef> = z.discriminatedUnion("do", [
  z.object({ do: z.literal("describe"), role: roleId }),
  z.object({ do: z.literal("compare"), roles: z.tuple([roleId, roleId]) }),
  z.object({ do: z.literal("compareAll"), first: z.array(roleId).max(MAX_FIRST).optional() }),
  z.object({ do: z.literal("collaborate"), role: roleId, with: roleId.optional() }),
  z.object({ do: z.literal("onboard"), role: roleId.optional(), step: z.number().int().min(1).max(50).optional() }),
  z.object({
    do: z.literal("quiz"),
    role: roleId,
    q: z.number().int().min(1).max(20),
    pick: z.number().int().min(0).max(20).optional(),
  }),
  z.object({ do: z.literal("roles") }),
  z.object({ do: z.literal("help") }),
  z.object({ do: z.literal("ask"), text: z.string().max(1000) }),
  z.object({ do: z.literal("feedback"), vote: z.enum(["up", "down"]), intent: z.enum(INTENT_IDS), role: roleId.optional() }),
]) as z.ZodType<ActionRef>;

/** The ActionRef in a button payload (a JSON string or an object), or undefined if it is not one. */
export function parseActionRef(value: unknown): ActionRef | undefined {
  let data = value;
  if (typeof value === "string") {
    if (value.length > 2000) return undefined;
    try {
      data = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const result = schema.safeParse(data);
  return result.success ? result.data : undefined;
}
