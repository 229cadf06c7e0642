/**
 * The last step before an answer is sent, the same on every platform: the typed question is kept briefly
 * under a random id its buttons name (asked-questions.ts); an answer that needs a person gets "Ask the
 * data team" where the platform has a triage place for it, or whom to ask from the directory where it has
 * none; and the people blocks get who holds each role right now (live-directory.ts).
 */
import { type ActionRef, type Answer, askTeamAction, type Whodoes, whomToAsk, withAction, withQuestion } from "../core/index.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import type { Store } from "../store/store.js";
import { keepQuestion, recallQuestion } from "../usage/asked-questions.js";
import type { LiveDirectory } from "./live-directory.js";

/** Who asked, and how the platform reaches them privately later. */
export interface Asker {
  /** The platform's user id (Slack U…, Teams 29:…). */
  id: string;
  name?: string;
  /** Where to tell them privately, in the platform's own terms (kept with the question). */
  reply?: unknown;
}

export interface AnswerExtrasOptions {
  platform: string;
  whodoes: Whodoes;
  store: Store;
  logger?: Logger;
  live?: LiveDirectory;
  /**
   * Whether this platform can hand a question for these likely roles to people (a role's channel or the
   * triage channel in directory.yaml). Absent: it never can, and answers say whom to ask instead.
   */
  canHandOff?: (roles: readonly string[]) => boolean;
  /** RECORD_QUESTIONS=true: keep a question's words with it, for the corrections' report. Default false. */
  recordQuestions?: boolean;
}

export interface AnswerExtras {
  /** The answer to a typed question, ready to send. */
  asked(text: string, answer: Answer, asker?: Asker): Promise<Answer>;
  /** The answer to a button, ready to send; `clicker` is who pressed it. */
  acted(ref: ActionRef, answer: Answer, clicker?: string): Promise<Answer>;
}

const unique = (xs: string[]) => [...new Set(xs)].sort();

export function createAnswerExtras(options: AnswerExtrasOptions): AnswerExtras {
  const { store, whodoes, platform } = options;
  const logger = options.logger ?? silentLogger;

  /** "Ask the data team" for the question kept under `q`, or whom to ask when it cannot go anywhere. */
  const handOff = (answer: Answer, q: string | undefined): Answer =>
    answer.handoff && q && options.canHandOff?.(answer.handoff.roles)
      ? withAction(answer, askTeamAction(q))
      : whomToAsk(whodoes.knowledge, answer);

  const live = (answer: Answer) => (options.live ? options.live.addTo(answer) : Promise.resolve(answer));

  return {
    async asked(text, answer, asker) {
      const tied = answer.handoff !== undefined || answer.actions.some((a) => a.action.do === "feedback");
      let q: string | undefined;
      if (tied) {
        try {
          // The words are kept only where a hand-off may send them (or the operator records questions).
          const roles = answer.handoff?.roles ?? [];
          const keepText =
            options.recordQuestions === true || options.canHandOff?.(roles) === true || options.canHandOff?.([]) === true;
          q = await keepQuestion(
            store,
            {
              text,
              platform,
              ...(asker ? { asker: asker.id, ...(asker.name ? { askerName: asker.name } : {}), reply: asker.reply } : {}),
              intent: answer.intent,
              ...(answer.roles[0] ? { role: answer.roles[0].id } : {}),
              likely: answer.handoff?.roles ?? [],
              terms: unique(answer.roles.flatMap((r) => r.evidence.flatMap((e) => e.terms))).slice(0, 20),
              at: Date.now(),
            },
            keepText,
          );
        } catch (err) {
          // Answering matters more: the buttons then carry no question, and no hand-off is offered.
          logger.warn("could not keep a question for its buttons", { platform, error: (err as Error)?.message });
        }
      }
      const kept = q ? withQuestion(answer, q) : answer;
      // Only someone who can be told where it went can hand a question over.
      return live(handOff(kept, asker ? q : undefined));
    },
    async acted(ref, answer, clicker) {
      const q = ref.do === "feedback" || ref.do === "correct" ? ref.q : undefined;
      // Offer the hand-off only to the person who asked: nobody else may send their words.
      const asked = q && answer.handoff ? await recallQuestion(store, q).catch(() => undefined) : undefined;
      const theirs = asked !== undefined && asked.asker !== undefined && asked.asker === clicker;
      return live(handOff(answer, theirs ? q : undefined));
    },
  };
}
