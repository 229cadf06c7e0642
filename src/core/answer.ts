import type { ActionRef } from "./action-ref.js";
import type { IntentId } from "./intents.js";
import type { Aspect, Contacts } from "./knowledge/types.js";

/**
 * The platform-neutral answer: what every renderer (Block Kit, Adaptive Card, HTML, plain text)
 * turns into its own format. All text here is plain text; renderers escape it for their platform.
 */

/** A run of inline text; `strong` marks words that matched the question. */
export interface Span {
  text: string;
  strong?: boolean;
}
export type RichText = Span[];

/** Why a role was picked: one responsibility and the question words that hit it. */
export interface Evidence {
  responsibilityId: string;
  statement: RichText;
  terms: string[];
}

/** A role as it appears in an answer. */
export interface RoleCard {
  id: string;
  name: string;
  character: string;
  /** 0..1, higher is a better match; 1 when the role was named outright. */
  score: number;
  /** How this role is involved, e.g. "Designs the disaster-recovery strategy". */
  how?: RichText;
  evidence: Evidence[];
}

export interface Action {
  label: string;
  action: ActionRef;
  style?: "primary" | "danger";
}

/**
 * Every role side by side: a column per role, a row per aspect. All its words come from the knowledge.
 * Columns are in the order to show them (the roles asked about first), so a surface that cannot show
 * them all keeps the first ones.
 */
export interface RoleTable {
  title: string;
  /** The heading of the column of row labels, e.g. "Role". */
  corner: string;
  columns: { id: string; name: string }[];
  /** One cell per column; a cell is a list of items (one item for most aspects, none when unknown). */
  rows: { aspect: Aspect; label: string; cells: string[][] }[];
}

export type Block =
  | { type: "text"; text: RichText }
  | { type: "heading"; text: string }
  | { type: "list"; items: RichText[]; ordered?: boolean }
  | { type: "fields"; fields: { label: string; value: RichText }[] }
  | { type: "role"; role: RoleCard }
  | { type: "progress"; step: number; total: number }
  | { type: "choices"; prompt: string; choices: Action[] }
  /**
   * Who holds a role in this organisation: renderers make real mentions and channel links. `live`: who
   * holds it right now, from live sources (adapters add it when they answer; the core never reads them).
   */
  | { type: "people"; roleId: string; roleName: string; contacts: Contacts; live?: LiveContact[] }
  | { type: "table"; table: RoleTable };

/** Someone a live source names: a name or email for every surface, platform ids for the platform that owns them. */
export interface LivePerson {
  name?: string;
  email?: string;
  /** By platform name ("slack": "U0123ABCD"): that platform's renderer makes a real mention. */
  ids?: Record<string, string>;
}

/** Who holds a role right now, read from a live source (who is on call, a Slack user group's members). */
export interface LiveContact {
  /** What the list is, e.g. "On call now (DBA on-call)" or "DBA group". */
  label: string;
  people: LivePerson[];
  /** When the source could not be read just now: its last known value's age, e.g. "as of 2 hours ago". */
  asOf?: string;
}

/**
 * Why an answer should offer a person instead of (or beside) the bot: out of scope, too close to call,
 * too weak a match, or a 👎. Adapters turn it into "Ask the data team" where a triage place exists, and
 * into "whom to ask" from the directory elsewhere.
 */
export interface HandOff {
  reason: "out_of_scope" | "did_you_mean" | "low_confidence" | "disliked";
  /** The roles the question most likely belongs to, best first; none when no role is likely. */
  roles: string[];
}

export interface Answer {
  intent: IntentId;
  /** A short heading, e.g. "Who restores a dropped table?". */
  title: string;
  /** One sentence that stands for the whole answer: notification and screen-reader fallback. */
  summary: string;
  blocks: Block[];
  /** Roles best first, as scripted by `whodoes ask --json`. */
  roles: RoleCard[];
  /** Natural next steps, rendered as buttons. */
  actions: Action[];
  /**
   * What this turn was about, for a follow-up: an adapter keeps it for the conversation and hands it to
   * the next `ask` as `previous`. Absent when the turn leaves nothing new (a 👍, or small talk with
   * nothing before it).
   */
  context?: TurnContext;
  /** Present when a person should take over (see HandOff). */
  handoff?: HandOff;
  /**
   * The question is about a neighbouring role: a job the knowledge does not model (a data scientist, a
   * BI developer). `roles` then lists the closest modelled roles.
   */
  neighbour?: { id: string; name: string };
  /** out_of_scope: another department's matter, by the name the knowledge gives it ("the IT help desk"). */
  department?: string;
  /**
   * Several questions in one message: the answer to each, in the order asked (the first is this
   * answer's own intent and roles). The blocks above already show every part, under its question, or the
   * one answer once when every question came to it.
   */
  parts?: AnswerPart[];
  /**
   * Questions of the message beyond the ones answered, as the message put them: the reply says so and
   * offers each as a button that asks it.
   */
  unasked?: string[];
  /**
   * describe_role: how many of the role's responsibilities the conversation has now been shown, this answer's
   * page included, so that describing the role again ("what else do they do?") lists the next ones.
   */
  listed?: number;
  /** onboarding: the quiz question (1-based) this answer asks or answers. */
  quiz?: number;
}

/**
 * What a turn was about, so the next message can lean on it ("what else do they do?", "who approves
 * that?"). Ids and scores only, never what was typed: adapters keep it in the store (Redis when
 * instances share one), which must not hold message text. Made and read in core/follow-up/.
 */
export interface TurnContext {
  /** The intent the turn was answered with. */
  intent: IntentId;
  /**
   * The roles the answer was about, the one in focus first: who_does's roles best first (with their
   * scores, so the answer can be given again), the role described, the two compared, the role whose
   * collaboration was shown (and its partner when two were asked about), the role of a tour.
   */
  roles: { id: string; score: number }[];
  /** who_does: the task, as the responsibilities the answer showed ("role-id/responsibility-id"), best first. */
  tasks: string[];
  /**
   * The role the asker is starting in, from the last tour the conversation gave (its role id): "who do I work
   * with?" and "what should I learn first?" are about it, whatever came between.
   */
  starting?: string;
  /**
   * The neighbouring role the answer was about (its id), a job the knowledge does not model: "what does a data
   * scientist do?", then "who do they work with?".
   */
  neighbour?: string;
  /** The tour step the answer showed (1-based), so a typed "next" or "back" moves the tour on. */
  step?: number;
  /** describe_role: how many of the role's responsibilities have been listed so far (the answer's `listed`). */
  listed?: number;
  /** The tour's quiz question the answer asked or answered (the answer's `quiz`), so a typed "next" goes on to the next. */
  quiz?: number;
}

/** One question of a message that asked several, and its answer. */
export interface AnswerPart extends Answer {
  /** The question as the message put it. */
  question: string;
}
