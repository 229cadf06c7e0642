/**
 * Score the matcher on real conversations (tests/eval/real/conversations/): each turn is asked with the
 * context the bot's answer to the turn before it left, as a chat carries it, and labelled as the bot
 * should answer after those turns. First turns and later turns are scored apart, with evaluate()'s
 * rules, so a turn counts the same way a single question does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { type Answer, type TurnContext, type Whodoes, wrapWhodoes } from "../../src/core/index.js";
import { EVAL_DIR, evaluate, type Labelled, pct, type Scores } from "./evaluate.js";

export interface Conversation {
  source: string;
  turns: Labelled[];
}

export interface ConversationScores {
  conversations: number;
  first: Scores;
  later: Scores;
}

export const CONVERSATIONS_DIR = join(EVAL_DIR, "real", "conversations");

/** Every conversation in one part ("dev" or "heldout"), file by file in name order. */
export function readConversations(part: "dev" | "heldout"): Conversation[] {
  const dir = join(CONVERSATIONS_DIR, part);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => (parse(readFileSync(join(dir, f), "utf8")) as Conversation[] | null) ?? []);
}

/**
 * Ask every turn in order, carrying each answer's context to the next turn (or not, with
 * `carry: false`: each turn alone, as before follow-ups), then score first and later turns apart.
 */
export function evaluateConversations(
  whodoes: Whodoes,
  conversations: readonly Conversation[],
  options: { carry?: boolean } = {},
): ConversationScores {
  const carry = options.carry ?? true;
  const first: Answer[] = [];
  const later: Answer[] = [];
  for (const c of conversations) {
    let previous: TurnContext | undefined;
    c.turns.forEach((turn, i) => {
      const answer = whodoes.ask(turn.q, carry && previous ? { previous } : {});
      previous = answer.context ?? previous;
      (i === 0 ? first : later).push(answer);
    });
  }
  // evaluate() asks its questions in order: hand it the answers given above, in the same order.
  const replay = (answers: Answer[]) => {
    let next = 0;
    return wrapWhodoes(whodoes, {
      ask: () => {
        const answer = answers[next++];
        if (!answer) throw new Error("more questions than answers");
        return answer;
      },
    });
  };
  const turns = (pick: (i: number) => boolean) => conversations.flatMap((c) => c.turns.filter((_, i) => pick(i)));
  return {
    conversations: conversations.length,
    first: evaluate(
      replay(first),
      turns((i) => i === 0),
    ),
    later: evaluate(
      replay(later),
      turns((i) => i > 0),
    ),
  };
}

/**
 * The lines `npm run eval` prints for one part: first and later turns, intent and top-1 role, with
 * the context carried and with each turn alone. Misses only when asked, and never for the held-out part.
 */
export function conversationReport(whodoes: Whodoes, part: "dev" | "heldout", options: { misses?: boolean } = {}): string[] {
  const conversations = readConversations(part);
  const carried = evaluateConversations(whodoes, conversations);
  const alone = evaluateConversations(whodoes, conversations, { carry: false });
  const name =
    part === "dev"
      ? "tuning"
      : "HELD-OUT, never tuned on; the misses of batches 1–8 seen once, at the end of the round of batches 5–7";
  const row = (label: string, s: ConversationScores) =>
    `${label.padEnd(26)}${pct(s.first.intentAccuracy).padStart(8)}${pct(s.first.roleAccuracy).padStart(8)}${pct(s.later.intentAccuracy).padStart(10)}${pct(s.later.roleAccuracy).padStart(8)}`;
  const lines = [
    `\n== real conversations, ${name} (${conversations.length} conversations: ${carried.first.total} first turns, ${carried.later.total} later turns, ${carried.later.roleQuestions} with a role) ==`,
    `${"".padEnd(26)}${"first turns".padStart(16)}${"later turns".padStart(18)}`,
    `${"".padEnd(26)}${"intent".padStart(8)}${"role".padStart(8)}${"intent".padStart(10)}${"role".padStart(8)}`,
    row("with the context carried", carried),
    row("each turn alone", alone),
  ];
  if (options.misses && part === "dev")
    for (const m of [...carried.first.misses, ...carried.later.misses])
      lines.push(`  MISS ${m.expected} -> ${m.got}: ${m.q.replace(/\s+/g, " ").slice(0, 160)}`);
  return lines;
}
