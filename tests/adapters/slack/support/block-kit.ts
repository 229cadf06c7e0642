/** Reading the Block Kit the adapter posted, the way a person would: header, texts, buttons by label. */
import { allTexts } from "./fixtures.js";

export type Button = { action_id: string; value: string; text: { text: string } };
export type SlackBlockJson = { type: string; block_id?: string; text?: { text: string }; elements?: unknown[] };
export type Message = { text: string; blocks: SlackBlockJson[] };

export const asMessage = (body: unknown) => body as Message;
export const headerOf = (m: Message) => m.blocks[0]?.text?.text;
export const textsOf = (m: Message) => allTexts(m.blocks);

/** Every button with the block_id of its row (Slack sends that block_id back with a click). */
export function buttonsOf(m: Message): (Button & { blockId: string | undefined })[] {
  return m.blocks.flatMap((b) =>
    b.type === "actions" ? ((b.elements ?? []) as Button[]).map((e) => ({ ...e, blockId: b.block_id })) : [],
  );
}

export function buttonLabelled(m: Message, label: string): Button & { blockId: string | undefined } {
  const found = buttonsOf(m).find((b) => b.text.text === label);
  if (!found)
    throw new Error(
      `no button "${label}" in: ${buttonsOf(m)
        .map((b) => b.text.text)
        .join(", ")}`,
    );
  return found;
}

/** The "Step n of N" line of a tour card, if any. */
export function progressOf(m: Message): string | undefined {
  return textsOf(m).find((t) => /^Step \d+ of \d+$/.test(t));
}
