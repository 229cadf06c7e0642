/**
 * Reading what the bot sent to the fake connector: the Adaptive Card of a call, its text, its buttons, and the
 * checks every card must pass (schema version Teams renders, size budget).
 */
import { expect } from "vitest";
import type { AdaptiveCard, SubmitAction } from "../../../src/render/teams.js";
import { MAX_CARD_BYTES, TEAMS_MAX_CARD_VERSION } from "../../../src/render/teams-limits.js";
import type { ConnectorCall } from "./harness.js";

export function cardOf(call: ConnectorCall | undefined): AdaptiveCard {
  const attachments = call?.body.attachments as { contentType: string; content: AdaptiveCard }[] | undefined;
  expect(attachments).toHaveLength(1);
  expect(attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  return attachments?.[0]?.content as AdaptiveCard;
}

interface Element {
  type: string;
  text?: string;
  inlines?: { text: string }[];
  items?: unknown[];
  actions?: SubmitAction[];
}

/** All the text on a card, one line per text element: RichTextBlock runs joined, TextBlock text as is. */
export function cardText(card: AdaptiveCard): string {
  const lines: string[] = [];
  const walk = (items: unknown[]) => {
    for (const item of items as Element[]) {
      if (item.type === "RichTextBlock") lines.push((item.inlines ?? []).map((r) => r.text).join(""));
      if (item.type === "TextBlock") lines.push(item.text ?? "");
      if (item.type === "Container") walk(item.items ?? []);
    }
  };
  walk(card.body);
  return lines.join("\n");
}

/** The buttons in the card's body (choices), in order. */
export function bodyButtonsOf(card: AdaptiveCard): SubmitAction[] {
  const found: SubmitAction[] = [];
  const walk = (items: unknown[]) => {
    for (const item of items as Element[]) {
      if (item.type === "ActionSet") found.push(...(item.actions ?? []));
      if (item.type === "Container") walk(item.items ?? []);
    }
  };
  walk(card.body);
  return found;
}

/** Every button: the body's choices, then the card's action bar. */
export function buttonsOf(card: AdaptiveCard): SubmitAction[] {
  return [...bodyButtonsOf(card), ...(card.actions ?? [])];
}

/** The button with this title; fails the test when there is none. */
export function button(card: AdaptiveCard, title: string | RegExp): SubmitAction {
  const found = buttonsOf(card).find((b) => (typeof title === "string" ? b.title === title : title.test(b.title)));
  expect(
    found,
    `a button "${String(title)}" among ${buttonsOf(card)
      .map((b) => b.title)
      .join(", ")}`,
  ).toBeDefined();
  return found as SubmitAction;
}

export function versionAtMost(version: string, max: string): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = max.split(".").map(Number);
  return a < c || (a === c && b <= d);
}

/** What every card the bot sends must be: a version Teams renders and within the size budget. */
export function expectSendable(call: ConnectorCall | undefined): AdaptiveCard {
  const card = cardOf(call);
  expect(card.type).toBe("AdaptiveCard");
  expect(versionAtMost(card.version, TEAMS_MAX_CARD_VERSION), `card version ${card.version}`).toBe(true);
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(Buffer.byteLength(JSON.stringify(call?.body))).toBeLessThan(28 * 1024);
  expect(typeof call?.body.summary).toBe("string");
  expect(card.fallbackText.length).toBeGreaterThan(0);
  return card;
}
