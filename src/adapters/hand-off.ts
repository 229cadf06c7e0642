/**
 * "Ask the data team", the same on every platform that can: the asker's question (kept briefly under the
 * id its button names) is posted to a triage place, and Claim and Answered move it on. The platform
 * supplies where it may post and how (Slack's chat.postMessage, a Teams proactive message) and renders
 * the post; this decides who may, and makes each step happen once, across double clicks and instances
 * sharing a Redis (store.claimOnce).
 *
 * Why the text goes through the store and not the button: a button's value comes back from the platform
 * as the client sent it, so text in it could be anyone's words; a slash command's answer and Teams
 * messages cannot be read back by the bot. The store keeps the exact words for two hours (the asker's
 * id beside them, so only they can send them), and the post keeps them until it is marked answered.
 */
import type { HandOffNotice, PlatformPerson, TriagePlace, TriagePost } from "../core/index.js";
import { type Logger, silentLogger } from "../logging/logger.js";
import type { Store } from "../store/store.js";
import { type AskedQuestion, recallQuestion } from "../usage/asked-questions.js";

/** How long a posted question can still be claimed and answered from its buttons. */
export const TRIAGE_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/**
 * While one press is posting, others wait this long before they may try again: a post that failed must
 * not block the question for good, and one that worked is found in the store by then.
 */
export const SENDING_LOCK_MS = 60_000;

/** A posted question, as kept under `triage:<q>`. */
export interface HandOffRecord extends TriagePost {
  platform: string;
  place: TriagePlace;
  /** The post, in the platform's terms (Slack's channel and ts), for editing it. */
  post?: unknown;
  /** How to reach the asker privately, in the platform's terms (kept with the question). */
  reply?: unknown;
}

export interface SendOptions {
  /** Where it may go, first choice first (the likely role's channel, then the triage channel). */
  places(likely: readonly string[]): TriagePlace[];
  /** Post it; returns the post's reference, for editing. Throws when the place refuses. */
  post(post: TriagePost, place: TriagePlace): Promise<unknown>;
  roleName(id: string): string | undefined;
}

export interface HandOffs {
  /** "Ask the data team" pressed by `clicker` for question `q`. */
  send(q: string, clicker: PlatformPerson, options: SendOptions): Promise<{ notice: HandOffNotice; record?: HandOffRecord }>;
  /**
   * Claim or Answered pressed by `by`. `record` (when the step happened) is the post to show now; `notice`
   * goes to the person who pressed it when it did not happen, and to the asker when it was claimed.
   */
  step(q: string, step: "claim" | "answered", by: PlatformPerson): Promise<{ record?: HandOffRecord; notice?: HandOffNotice }>;
}

const key = (q: string) => `triage:${q}`;
/** A press that lost a race waits this long at most for the winner's record, to say who won. */
const WINNER_WAIT_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseRecord(raw: string | undefined): HandOffRecord | undefined {
  if (raw === undefined) return undefined;
  try {
    const r = JSON.parse(raw) as HandOffRecord;
    return typeof r.q === "string" && typeof r.question === "string" && typeof r.asker?.id === "string" ? r : undefined;
  } catch {
    return undefined;
  }
}

export function createHandOffs(store: Store, platform: string, logger: Logger = silentLogger): HandOffs {
  const load = async (q: string) => parseRecord(await store.recall(key(q)));
  /** The record once `who` says who won (the winner saves it just after its claim), or as it is after a short wait. */
  async function settled(q: string, who: (r: HandOffRecord) => PlatformPerson | undefined): Promise<PlatformPerson | undefined> {
    for (let waited = 0; ; waited += 50) {
      const found = await load(q).catch(() => undefined);
      const person = found && who(found);
      if (person || waited >= WINNER_WAIT_MS) return person;
      await sleep(50);
    }
  }
  const save = (r: HandOffRecord) => store.remember(key(r.q), JSON.stringify(r), TRIAGE_TTL_MS);

  async function postSomewhere(
    asked: AskedQuestion & { text: string },
    q: string,
    options: SendOptions,
  ): Promise<HandOffRecord | undefined> {
    const roleId = asked.likely[0];
    const roleName = roleId ? options.roleName(roleId) : undefined;
    const asker: PlatformPerson = { id: asked.asker ?? "", ...(asked.askerName ? { name: asked.askerName } : {}) };
    const post: TriagePost = { q, question: asked.text, asker, state: "open", ...(roleName ? { roleName } : {}) };
    for (const place of options.places(asked.likely)) {
      try {
        const ref = await options.post(post, place);
        return { ...post, platform, place, post: ref, ...(asked.reply !== undefined ? { reply: asked.reply } : {}) };
      } catch (err) {
        // The role's channel may not have the bot in it: the next place (the triage channel) may.
        logger.warn("hand-off: could not post to a triage place", { platform, place: place.id, error: (err as Error)?.message });
      }
    }
    return undefined;
  }

  return {
    async send(q, clicker, options) {
      const asked = await recallQuestion(store, q);
      if (!asked) return { notice: { kind: "expired" } };
      if (!asked.asker || asked.asker !== clicker.id) return { notice: { kind: "not-yours" } };
      // Kept without its words (no triage place when it was asked): there is nothing to send.
      const text = asked.text;
      if (text === undefined) return { notice: { kind: "expired" } };
      const already = await load(q);
      if (already) return { notice: { kind: "already-sent", place: already.place } };
      if (!(await store.claimOnce(`handoff:${q}`, SENDING_LOCK_MS))) return { notice: { kind: "already-sent" } };
      const record = await postSomewhere({ ...asked, text }, q, options);
      if (!record) return { notice: { kind: "failed" } };
      await save(record);
      logger.info("hand-off: question posted for the data team", { platform, place: record.place.id });
      return { notice: { kind: "sent", place: record.place }, record };
    },

    async step(q, step, by) {
      const record = await load(q);
      if (!record) return { notice: { kind: "expired" } };
      if (step === "claim") {
        if (record.state !== "open" || !(await store.claimOnce(`triage-claim:${q}`, TRIAGE_TTL_MS))) {
          const by = await settled(q, (r) => r.claimedBy);
          return { notice: { kind: "already-claimed", ...(by ? { by } : {}) } };
        }
        const claimed: HandOffRecord = { ...record, state: "claimed", claimedBy: by };
        await save(claimed);
        return { record: claimed, notice: { kind: "claimed", by, place: record.place } };
      }
      if (record.state === "answered" || !(await store.claimOnce(`triage-answered:${q}`, TRIAGE_TTL_MS))) {
        const by = await settled(q, (r) => r.answeredBy);
        return { notice: { kind: "already-answered", ...(by ? { by } : {}) } };
      }
      const answered: HandOffRecord = { ...record, state: "answered", answeredBy: by };
      // Answered: the post shows the words one last time, and the store stops keeping them.
      await save({ ...answered, question: "" });
      return { record: answered };
    },
  };
}
