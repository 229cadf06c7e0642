/** Load a payload fixture from tests/fixtures/slack (a fresh copy each time, safe to change). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../../../fixtures/slack/", import.meta.url));

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(`${dir}${name}.json`, "utf8")) as T;
}

export type EventCallback = { event_id: string; event: Record<string, unknown> };

/** A copy of an event fixture with its own ids, so tests never collide on de-duplication. */
let seq = 0;
export function eventFixture(name: string, event: Record<string, unknown> = {}): EventCallback {
  const base = fixture<EventCallback>(name);
  seq += 1;
  const ts = `1515460000.${String(seq).padStart(6, "0")}`;
  return { ...base, event_id: `Ev0TEST${seq}`, event: { ...base.event, ts, event_ts: ts, ...event } };
}

/** Every `text` string in a Slack message or view, wherever it sits (header, sections, fields, buttons). */
export function allTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allTexts);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "text" && typeof v === "string" ? [v] : allTexts(v)));
}
