/** The knowledge the bot answers from, as loaded and checked from an intents/ directory. */
import type { ZodType } from "zod";
import type { IntentId } from "../intents.js";

export interface Responsibility {
  id: string;
  statement: string;
  keywords: string[];
  /** Shared concerns (security, disaster-recovery, ...) this responsibility is part of. */
  concerns: string[];
  /** How the role takes part in those concerns, e.g. "Designs the disaster-recovery strategy". */
  how?: string;
}

export interface Collaboration {
  role: string;
  how: string;
}

/** The role at a glance, for the comparison of all roles; absent fields fall back on the rest of the role. */
export interface Glance {
  /** What the role looks after, e.g. "The running databases: security, availability and performance". */
  looksAfter?: string;
  /** The question the role answers, e.g. "Is the data trustworthy and allowed?". */
  question?: string;
  /** One of the comparison's horizons (strategy, design, build, operate). */
  horizon?: string;
  /** Up to three typical tasks, as text (a responsibility id in the file stands for that responsibility). */
  tasks?: string[];
  /** The artefacts and tools the role works with. */
  artefacts?: string[];
}

export interface Role {
  id: string;
  name: string;
  /** Short label for buttons, e.g. "DBA". */
  short: string;
  /** One-line character, e.g. "The operational gatekeeper". */
  character: string;
  aliases: string[];
  summary: string;
  /** A caveat shown where the role is described (what it does, a comparison, the tour), e.g. that its duties are really an ETL developer's; not under every answer naming it. */
  note?: string;
  responsibilities: Responsibility[];
  /**
   * How the role works, as the words people use for it ("decides", "whose call" for the system
   * designer; "restores", "fix" for the gatekeeper). When both match a task, they say whose ask it is.
   */
  actions: string[];
  /**
   * The products the role works in day to day ("Spark", "dbt", "Airflow" for the engineer). A message that names
   * one, not as a choice between products, and no other role's, is set in that role's work. Absent in a Role made in code.
   */
  tools?: string[];
  /** What the role does in the worked example (a hospital network in the seed), its setting in its own words. */
  example: string;
  worksWith: Collaboration[];
  firstWeek: string[];
  /** For the comparison of all roles; absent in a Role made in code (tests, the benchmark). */
  glance?: Glance;
}

export type Aspect = "character" | "looks_after" | "question" | "tasks" | "artefacts" | "horizon" | "works_with";

/** intents/comparison.yaml: how the comparison of all roles is titled and labelled, and the words that ask for it. */
export interface Comparison {
  title: string;
  /** The heading of the column of row labels, e.g. "Role". */
  corner: string;
  rows: { aspect: Aspect; label: string }[];
  /** The horizons a role's `at_a_glance.horizon` may name; empty means any. */
  horizons: string[];
  /** Words and phrases that ask to see every role side by side ("compare", "side by side", "at a glance"). */
  cues: string[];
}

/**
 * A neighbouring role (intents/neighbours.yaml): a job people name that is not one of the modelled roles
 * (a data scientist, a BI developer, a sysadmin). Questions about it are answered honestly: not one of the
 * roles here, the closest is ..., and how it differs.
 */
export interface Neighbour {
  id: string;
  name: string;
  /** The titles people type for it ("data scientist", "ML engineer"). */
  aliases: string[];
  /** One line: what the job is. */
  description: string;
  /** The modelled roles it is closest to, closest first (role ids). */
  closest: string[];
  /** How it differs from the closest role. */
  difference: string;
  /** The words for its own work ("overfitting", "report fonts", "stand-up"): work none of the modelled roles does. */
  keywords: string[];
  /**
   * Titles that mean this job when a message names the given role (role id -> titles): beside the DBA, a bare
   * "developer" is the database developer ("Difference between Database Administrator and Developer?"). A title no
   * neighbour lists names the job only there: beside the data engineer, "ML" is the machine-learning engineer.
   */
  beside: Record<string, string[]>;
}

export interface IntentDefinition {
  id: IntentId;
  description: string;
  cues: string[];
  /**
   * Words that tell something of the asker rather than ask ("new hire", "just joined" for onboarding): they
   * signal the intent like cues, but only when the message asks nothing else.
   */
  contextCues: string[];
  examples: string[];
}

export interface Thesaurus {
  /** short form -> what it stands for, expanded word by word before anything else ("mgr" -> "manager") */
  abbreviations: Record<string, string>;
  /**
   * short form -> what it stands for, only where written in capitals ("DE vs AE?"): in lower case these are
   * everyday words or parts of others ("de-identify").
   */
  capitals: Record<string, string>;
  /** canonical term -> the words and phrases that mean it */
  synonyms: Record<string, string[]>;
  weak: string[];
  /** Nouns that make a preceding out-of-scope word a data question ("payroll database"). */
  dataNouns: string[];
  /**
   * Data nouns with an everyday meaning too ("a phone number", "a customer's query"): they do what data
   * nouns do after another department's word, but alone they do not make a message about data.
   */
  everydayDataNouns: string[];
  /** Task words with an everyday meaning too: alone, they need a data noun nearby to count. */
  ambiguous: string[];
  /**
   * Kinds of thing people choose between -> their names: two names of one kind side by side
   * ("PostgreSQL or MongoDB") ask for a choice, read as the concept "<kind> choice".
   */
  choices: Record<string, string[]>;
}

/**
 * Who holds a role in this organisation (intents/directory.yaml). The core keeps what every surface can
 * show (emails, a note) and each platform's own entries, which only that platform reads.
 */
export interface Contacts {
  emails: string[];
  note?: string;
  /** By platform name ("slack", "teams"), in the order the platforms are listed; only sections that name someone. */
  platforms: Record<string, PlatformContacts>;
}

export interface PlatformContacts {
  /** The platform's name in a sentence ("Slack"): "see Slack" where its entries cannot be shown. */
  label: string;
  /** Names a reader on any surface can look for (a Teams user's display name); none for bare ids. */
  names: string[];
  /** The entries as the platform's DirectoryFormat checked them: opaque to everyone else. */
  entries: unknown;
}

/**
 * One platform's section under each role in directory.yaml (or a live source's, such as PagerDuty): how it
 * is checked and how it reads elsewhere. Each owns its own (its id formats are its business); the loader
 * is handed them.
 */
export interface DirectoryFormat<Entries = unknown> {
  /** The section's key, and the platform's name ("slack"). */
  platform: string;
  /**
   * Its part of the top-level `triage:` (where questions for the data team are posted when no role is
   * likely), when the platform can hand questions over; checked like the section.
   */
  triage?: ZodType;
  /** Its name in a sentence ("Microsoft Teams"). */
  label: string;
  /** Checks a section and fills in defaults; its messages reach the person editing the file. */
  schema: ZodType<Entries>;
  /** Names a reader elsewhere can look for; none when the entries are bare ids. */
  names(entries: Entries): string[];
  /** Whether a section names nobody: it is left out. */
  isEmpty(entries: Entries): boolean;
}

export interface Knowledge {
  /** The directory it came from. */
  dir: string;
  roles: Role[];
  intents: IntentDefinition[];
  thesaurus: Thesaurus;
  comparison: Comparison;
  /** Jobs next to the modelled roles that the bot does not model; empty without a neighbours.yaml. */
  neighbours: Neighbour[];
  /** role id -> who holds it here; empty when there is no directory file. */
  directory: Map<string, Contacts>;
  /**
   * other-departments.yaml's words for the asker's own devices and files (its `kind: personal` groups), also among
   * out_of_scope's cues: task words alone never make such a question the data team's ("my laptop is running out
   * of disk space"); only a data thing named does ("the postgres database on my laptop"). Absent when none.
   */
  personalWords?: string[];
  /**
   * other-departments.yaml's words for a product's or a dataset's own terms of supply (its `kind: provider` groups:
   * citing a dataset, a bill, a plan or a trial), also among out_of_scope's cues: task words alone never make such a
   * question the data team's ("how am I billed for database backups?"); only asking who does it here does ("who
   * checks our backup billing?"). Absent when none.
   */
  providerWords?: string[];
  /**
   * other-departments.yaml's groups that give their department's name ("the IT help desk"), with their words: an
   * answer that leaves a question to another department names it. Absent when none does.
   */
  departments?: { name: string; words: string[] }[];
  /** directory.yaml's `triage:`, by platform name, as each platform's format checked it; absent when none. */
  triage?: Record<string, unknown>;
}
