/**
 * The one interface between understanding a message and answering it. Answers are built from a
 * MatchResult alone, so the matcher behind it can be swapped (the shipped one is understanding/, a
 * test builds answers from a trivial one) without touching an answer builder.
 */
import type { IntentId } from "./intents.js";
import type { Neighbour, Responsibility, Role } from "./knowledge/types.js";

/** Characters [start, end) of a text that carry a matched term: rendered bold. */
export interface HighlightSpan {
  start: number;
  end: number;
}

/** One responsibility of a role that the message's task words hit. */
export interface MatchedResponsibility {
  responsibility: Responsibility;
  /** Its strength relative to the role's best responsibility: 1 for the best. */
  relative: number;
  /** The knowledge terms the message hit (`whodoes ask --json` reports them; usage records keep them). */
  terms: string[];
  /** Where the responsibility's statement shows those terms (a matcher may work it out only when read). */
  readonly highlight: HighlightSpan[];
}

/** A role whose work the message's task is. */
export interface RankedRole {
  role: Role;
  /** 0..1: how sure the matcher is that this role owns the task. */
  score: number;
  /** Its strength relative to the best role's: 1 for the best, close to 1 for a close runner-up. */
  relative: number;
  /** The responsibilities that matched, best first; none when the message asked who holds a role. */
  evidence: MatchedResponsibility[];
  /** No task of this role's matched: it is only the closest role to a question about data, a guess. */
  guess?: true;
}

export interface MatchResult {
  intent: IntentId;
  /** The roles the message names, in the order it names them (whom a role question is about). */
  named: Role[];
  /** who_does: the roles that own the task, best first. Empty for every other intent. */
  ranked: RankedRole[];
  /** list_roles: the message asks to see every role side by side (the comparison table), not a list. */
  sideBySide?: boolean;
  /** who_does: the message asks who takes part ("who's involved in ..."): every ranked role has a part, each shown. */
  everyPart?: boolean;
  /** describe_role: asked for the role's part in the last turn's task ("and the data manager?"), it has none. */
  noPart?: boolean;
  /**
   * describe_role of a role the message names among words of its own, none of which asks about the role ("Feeling
   * stuck at a DE job", "DE ZoomCamp"): what the role does is only the closest answer, a guess at what is asked.
   */
  onlyNamed?: boolean;
  /**
   * The message is about a neighbouring role, a job the knowledge does not model ("what does a data
   * scientist do?", "DBA vs sysadmin"), or about work that only such a job does (out_of_scope).
   */
  neighbour?: Neighbour;
  /** out_of_scope: another department's matter, by the name the knowledge gives it ("the IT help desk"). */
  department?: string;
  /** describe_role of a job title the knowledge does not know, as typed: `ranked` holds its closest role by its words. */
  unknownTitle?: string;
  /**
   * Several questions in one message ("who restores a dropped table and who designs the partitioning?"):
   * each one's own result, in the order asked, the first being this result's own. Absent for one question.
   */
  parts?: QuestionMatch[];
  /** Questions of the message beyond the ones answered (the shipped matcher answers three), as the message put them. */
  unasked?: string[];
  /**
   * The roles the message names by two or more of their names ("data warehouse engineer vs ETL developer"), by id:
   * those names as the message typed them, in order. Absent when it names none so; a matcher that leaves it out
   * gets no word that two names compared are one role.
   */
  namedAs?: Record<string, string[]>;
  /** The message's words as the matcher read them, lower case: small talk tells thanks from hello by them. */
  words: string[];
  /**
   * The intents whose cue words the message carries ("what does" is describe_role's, "work with"
   * collaboration's; out_of_scope's are other departments' words). A follow-up reads them to tell what a
   * message asks of the turn before; a matcher that leaves them out gets fewer follow-ups resolved.
   */
  cues?: IntentId[];
  /**
   * The roles whose ways of working the message uses ("builds", "keeps it running"), by id: a follow-up on a task
   * asks for that role's part in it. A matcher that leaves them out gets those follow-ups answered by the owner.
   */
  acting?: string[];
}

/** One question of a message that asks several, and what the matcher made of it. */
export interface QuestionMatch extends MatchResult {
  /** The question as the message put it. */
  question: string;
}

export interface Matcher {
  match(text: string): MatchResult;
  /** The role a typed name or id means ("dba", "ETL developer", "data-architect"), when it names exactly one. */
  resolveRole(name: string): string | undefined;
}
