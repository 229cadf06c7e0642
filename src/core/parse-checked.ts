/**
 * Data that comes back from outside (a button's payload, a value from the store) is parsed, not trusted:
 * JSON text or an object, checked against its schema, and refused when it is too long to be one.
 */
import type { z } from "zod";

/** `value` (JSON text of at most `maxChars`, or an object) as `schema` says, or undefined when it is not one. */
export function parseChecked<S extends z.ZodType>(schema: S, value: unknown, maxChars: number): z.infer<S> | undefined {
  let data = value;
  if (typeof value === "string") {
    if (value.length > maxChars) return undefined;
    try {
      data = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
