/**
 * Learning from usage without touching the adapters: a Whodoes that records what it was asked.
 * Each typed question becomes one event: `asked` (a confident answer) or `unanswered` (out of scope,
 * or a who-does answer whose best role scored below LOW_CONFIDENCE_SCORE); each 👍/👎 a `feedback`;
 * each correction after a 👎 a `correction`, with the hash of the question it corrects (kept briefly
 * under the id its buttons carry, see asked-questions.ts).
 * Recording is fire-and-forget: it never delays an answer and a failing store never breaks one.
 */
import { type ActionRef, type Answer, type Whodoes, wrapWhodoes } from "../core/index.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import type { Store, UsageEvent } from "../store/store.js";
import { recallQuestion } from "./asked-questions.js";
import { questionHash } from "./question-hash.js";

/**
 * A who-does answer whose best role scores below this counts as unanswered ("unsure"). On the
 * labelled eval questions (when this was set) about 7% of who-does answers scored below 0.25: mostly
 * right, but on thin evidence, so they are the ones a new keyword or example in intents/ helps most.
 * 0.3 would flag 15%, too many to read. Other intents name their roles outright (score 1).
 */
export const LOW_CONFIDENCE_SCORE = 0.25;
/** Recorded question text is cut here (with RECORD_QUESTIONS=true): enough to read, not a dump. */
export const MAX_RECORDED_QUESTION = 500;
/** A failing store is reported at most this often, not once per question. */
export const RECORD_WARNING_INTERVAL_MS = 60_000;

export interface UsageRecorderOptions {
  /** Where the questions come from: "slack", "teams", "web", "cli". */
  platform: string;
  /** Keep the question text of unanswered questions (RECORD_QUESTIONS=true); default false: a hash and the matched terms only. */
  recordQuestions?: boolean;
  /** Default LOW_CONFIDENCE_SCORE. */
  lowConfidenceScore?: number;
  logger?: Logger;
  now?: () => number;
}

export interface UsageRecorder {
  /** Record a typed question and the answer it got. */
  question(text: string, answer: Answer): void;
  /** Record a 👍/👎 or a correction (other actions are ignored). */
  action(ref: ActionRef): void;
}

const unique = (xs: string[]) => [...new Set(xs)].sort();

/**
 * The event a question produces: pure, so it is easy to test. `hashKey` (the store's) keys an unanswered
 * question's hash; without it an unanswered question cannot be recorded (it throws).
 */
export function questionEvent(
  text: string,
  answer: Answer,
  options: Pick<UsageRecorderOptions, "platform" | "recordQuestions" | "lowConfidenceScore">,
  at: number,
  hashKey?: Buffer,
): UsageEvent {
  const top = answer.roles[0];
  const threshold = options.lowConfidenceScore ?? LOW_CONFIDENCE_SCORE;
  const outOfScope = answer.intent === "out_of_scope";
  const weak = answer.intent === "who_does" && (top === undefined || top.score < threshold);
  const role = top && !outOfScope ? { role: top.id } : {};
  if (!outOfScope && !weak) return { type: "asked", at, platform: options.platform, intent: answer.intent, ...role };
  if (!hashKey) throw new Error("no hash key from the store yet: an unanswered question cannot be recorded");
  return {
    type: "unanswered",
    at,
    platform: options.platform,
    reason: outOfScope ? "out_of_scope" : "low_confidence",
    intent: answer.intent,
    ...role,
    ...(weak && top ? { score: Math.round(top.score * 1000) / 1000 } : {}),
    hash: questionHash(text, hashKey),
    // Knowledge terms only (stems the evidence matched), never the question's other words.
    terms: unique(answer.roles.flatMap((r) => r.evidence.flatMap((e) => e.terms))).slice(0, 20),
    ...(options.recordQuestions ? { question: text.trim().slice(0, MAX_RECORDED_QUESTION) } : {}),
  };
}

/**
 * `knownRoles`: the role ids a feedback vote or a correction may name (the knowledge's, read when it comes:
 * it can be reloaded). A button's value comes back from the client, so one naming anything else is not
 * recorded: a forged one must not put made-up roles into the report.
 */
export function createUsageRecorder(
  store: Store,
  options: UsageRecorderOptions,
  knownRoles: () => ReadonlySet<string>,
): UsageRecorder {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  let lastWarning = Number.NEGATIVE_INFINITY;
  let failures = 0;

  const failed = (err: unknown) => {
    failures++;
    const t = now();
    if (t - lastWarning < RECORD_WARNING_INTERVAL_MS) return;
    lastWarning = t;
    logger.warn("usage: could not record usage; answering goes on", { error: (err as Error)?.message ?? String(err), failures });
  };

  const save = (make: () => UsageEvent | Promise<UsageEvent>) => {
    // Not awaited: the answer goes out now, whatever the store does.
    (async () => store.record(await make()))().catch(failed);
  };

  // Asked of the store once (and again after a failure, e.g. Redis away when the bot started).
  let hashKey: Promise<Buffer | undefined> | undefined;
  const key = () => {
    hashKey ??= store.hashKey().catch((err: unknown) => {
      hashKey = undefined;
      failed(err);
      return undefined;
    });
    return hashKey;
  };

  /** A correction, with its question's hash (and text, when recorded) if the question is still kept. */
  async function correction(ref: Extract<ActionRef, { do: "correct" }>, at: number): Promise<UsageEvent> {
    const asked = ref.q ? await recallQuestion(store, ref.q) : undefined;
    return {
      type: "correction",
      at,
      platform: options.platform,
      intent: ref.intent,
      ...(ref.role ? { role: ref.role } : {}),
      expected: ref.expected,
      ...(asked ? { hash: asked.hash, terms: asked.terms } : { terms: [] }),
      ...(asked?.text && options.recordQuestions ? { question: asked.text.trim().slice(0, MAX_RECORDED_QUESTION) } : {}),
    };
  }

  return {
    question(text, answer) {
      const at = now();
      save(async () => questionEvent(text, answer, options, at, await key()));
    },
    action(ref) {
      if (ref.do === "correct") {
        const named = [ref.role, ref.expected].filter((r): r is string => typeof r === "string");
        const known = knownRoles();
        if (named.some((r) => !known.has(r))) {
          logger.debug("usage: not recording a correction that names a role the knowledge does not have");
          return;
        }
        return save(() => correction(ref, now()));
      }
      if (ref.do !== "feedback") return;
      // The intent is one of INTENT_IDS already (parseActionRef); the role must be one the bot has.
      if (ref.role !== undefined && !knownRoles().has(ref.role)) {
        logger.debug("usage: not recording a vote for a role the knowledge does not have");
        return;
      }
      save(() => ({
        type: "feedback",
        at: now(),
        platform: options.platform,
        vote: ref.vote,
        intent: ref.intent,
        ...(ref.role ? { role: ref.role } : {}),
      }));
    },
  };
}

/**
 * The same Whodoes, recording as it answers: hand this to an adapter instead of the plain one.
 * Only typed questions (`ask`), 👍/👎 and corrections are recorded; search-box keystrokes and other buttons are not.
 */
export function recordingWhodoes(whodoes: Whodoes, store: Store, options: UsageRecorderOptions): Whodoes {
  const recorder = createUsageRecorder(store, options, () => new Set(whodoes.knowledge.roles.map((r) => r.id)));
  return wrapWhodoes(whodoes, {
    ask(text, next) {
      const answer = next(text);
      recorder.question(text, answer);
      return answer;
    },
    act(ref, next) {
      const answer = next(ref);
      recorder.action(ref);
      return answer;
    },
  });
}
