/** The shape of each file in an intents/ directory. Messages here reach users editing YAML. */
import { z } from "zod";
import { INTENT_IDS } from "../intents.js";
import type { DirectoryFormat } from "./types.js";

const text = z.string().trim().min(1, "must not be empty");
/** What an id in the knowledge looks like (role and responsibility ids): also checked on ids that come back in buttons. */
export const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const id = z.string().regex(ID_PATTERN, "must be lower-case words joined by - (e.g. data-architect)");
const words = z.array(text);

export const responsibilitySchema = z.strictObject({
  id,
  statement: text,
  keywords: words.min(1, "list at least one keyword"),
  concerns: z.array(id).default([]),
  how: text.optional(),
});

/** A table cell's worth of text: short enough to sit beside the other roles' cells. */
const cell = text.max(160, "must be 160 characters or fewer (it is a cell of the comparison table)");

/** The role at a glance, for the comparison of all roles. Every field is optional: the table falls back on the rest of the file. */
export const glanceSchema = z.strictObject({
  looks_after: cell.optional(),
  question: cell.optional(),
  horizon: cell.optional(),
  tasks: z.array(cell).min(1).max(3, "list at most three: the table has room for three").optional(),
  artefacts: z.array(cell).min(1).max(8, "list at most eight").optional(),
});

export const roleFileSchema = z.strictObject({
  id,
  name: text,
  short: text.max(30, "must be 30 characters or fewer (it labels buttons)").optional(),
  character: text,
  aliases: words.default([]),
  summary: text,
  note: text.optional(),
  actions: words.default([]),
  tools: words.default([]),
  responsibilities: z.array(responsibilitySchema).min(1, "list at least one responsibility"),
  example: text,
  works_with: z.array(z.strictObject({ role: id, how: text })).default([]),
  first_week: words.min(1, "list at least one first-week step"),
  at_a_glance: glanceSchema.optional(),
});

export type RoleFile = z.infer<typeof roleFileSchema>;

export const intentsFileSchema = z.strictObject({
  intents: z.array(
    z.strictObject({
      id: z.enum(INTENT_IDS, { error: `must be one of: ${INTENT_IDS.join(", ")}` }),
      description: text,
      cues: words.default([]),
      context_cues: words.default([]),
      examples: words.default([]),
    }),
  ),
});

/** The rows of the comparison table, each an aspect of a role, in the order they may be listed. */
export const ASPECTS = ["character", "looks_after", "question", "tasks", "artefacts", "horizon", "works_with"] as const;

/** intents/comparison.yaml: the comparison of all roles side by side (its title, row labels, horizons, cue words). */
export const comparisonFileSchema = z.strictObject({
  title: text.max(150, "must be 150 characters or fewer (it heads a Slack message)"),
  corner: text.max(40, "must be 40 characters or fewer (it heads the column of row labels)"),
  rows: z
    .array(
      z.strictObject({
        aspect: z.enum(ASPECTS, { error: `must be one of: ${ASPECTS.join(", ")}` }),
        label: text.max(40, "must be 40 characters or fewer (it labels a row)"),
      }),
    )
    .min(1, "list at least one row"),
  horizons: words.default([]),
  cues: words.default([]),
});

export const thesaurusFileSchema = z.strictObject({
  abbreviations: z.record(text, text).default({}),
  capitals: z.record(z.string().regex(/^[A-Z]{2,}$/, "must be a short form in capitals (DE, SWE)"), text).default({}),
  synonyms: z.record(text, words).default({}),
  weak: words.default([]),
  data_nouns: words.default([]),
  everyday_data_nouns: words.default([]),
  ambiguous: words.default([]),
  choices: z.record(text, words).default({}),
});

/** intents/neighbours.yaml: jobs next to the modelled roles, answered honestly. Optional. */
export const neighboursFileSchema = z.strictObject({
  neighbours: z.array(
    z.strictObject({
      id,
      name: text,
      aliases: words.min(1, "list at least one title people use for it"),
      description: text,
      closest: z.array(id).min(1, "name the modelled role it is closest to"),
      difference: text,
      keywords: words.default([]),
      beside: z.record(id, words).default({}),
    }),
  ),
});

/**
 * intents/other-departments.yaml: other departments' words, by department. Optional. A group is a list of words,
 * or `{ kind: personal, words: [...] }` for the asker's own devices and files (see Knowledge.personalWords), or
 * `{ kind: provider, words: [...] }` for a product's or a dataset's terms of supply (Knowledge.providerWords); a
 * group may give the department's `name` ("the IT help desk"), which an answer names (Knowledge.departments).
 */
export const otherDepartmentsFileSchema = z.record(
  id,
  z.union(
    [words, z.strictObject({ kind: z.enum(["personal", "provider"]).optional(), name: z.string().min(1).optional(), words })],
    { error: "must be a list of words, or a group with its words and a kind (personal or provider) or a name" },
  ),
);

/**
 * intents/directory.yaml: the people, groups and channels that hold each role here. Optional. Each
 * platform's section is checked by its own format; any other section is an unknown field.
 */
export function directoryFileSchema(formats: readonly DirectoryFormat[]) {
  const platforms = Object.fromEntries(formats.map((f) => [f.platform, f.schema.optional()]));
  const triage = Object.fromEntries(formats.flatMap((f) => (f.triage ? [[f.platform, f.triage.optional()]] : [])));
  return z.strictObject({
    /** Where a question for the data team goes when no role (or no role's channel) is likely, per platform. */
    triage: z.strictObject(triage).optional(),
    roles: z
      .record(
        id,
        z.strictObject({
          ...platforms,
          emails: z.array(z.email({ error: "must be an email address" })).default([]),
          note: text.optional(),
        }),
      )
      .default({}),
  });
}
