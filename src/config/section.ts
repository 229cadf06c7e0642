/** A part's own section of the environment, checked with a zod schema (the server's, each platform's). */
import { z } from "zod";
import type { Env } from "./env.js";

/** An optional variable: trimmed, and unset when empty (as in a copied .env.example). */
export const optionalVar = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** Check one section; every problem goes to `problems`, naming the variable and never its value. */
export function readSection<S extends z.ZodType>(schema: S, env: Env, problems: string[]): z.infer<S> | undefined {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  problems.push(...parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return undefined;
}
