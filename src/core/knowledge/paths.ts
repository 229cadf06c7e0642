/** The files of a knowledge directory, named once: the loader reads them, the CLI's cache watches them. */
import { join } from "node:path";
import { PROJECT_ROOT } from "../../config/paths.js";

/** The knowledge shipped with the project: the intents/ folder beside package.json. */
export const DEFAULT_INTENTS_DIR = join(PROJECT_ROOT, "intents");

export const KNOWLEDGE_FILES = {
  intents: "intents.yaml",
  thesaurus: "thesaurus.yaml",
  /** Optional: how the comparison of all roles is labelled (the shipped one is used without it). */
  comparison: "comparison.yaml",
  /** Optional: other departments' words (joined to out_of_scope's cues). */
  otherDepartments: "other-departments.yaml",
  /** Optional: jobs next to the modelled roles (a data scientist, a BI developer), answered honestly. */
  neighbours: "neighbours.yaml",
  /** Optional: who holds each role in this organisation. */
  directory: "directory.yaml",
  /** A folder: one file per role. */
  roles: "roles",
} as const;
