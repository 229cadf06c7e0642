import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logging/logger.js";
import { createHeldEvents, member } from "../../src/store/held-events.js";
import type { UsageEvent } from "../../src/store/usage-event.js";

const event = (at: number) => ({ at }) as unknown as UsageEvent;

describe("usage events held while Redis is away", () => {
  it("stay bounded, dropping the oldest, with one warning per outage", () => {
    const warnings: string[] = [];
    const held = createHeldEvents(3, { ...silentLogger, warn: (msg) => warnings.push(msg) });
    held.hold([1, 2, 3, 4, 5].map((at) => member(event(at))));
    held.hold([member(event(6))]);
    expect(held.all().map((m) => m.score)).toEqual([4, 5, 6]);
    expect(warnings).toHaveLength(1);
    held.newOutage();
    held.hold([member(event(7))]);
    expect(warnings).toHaveLength(2);
  });

  it("are taken all at once to be written, and held again as the same members if the write fails", () => {
    const held = createHeldEvents(10, silentLogger);
    held.hold([member(event(1)), member(event(1))]);
    const batch = held.take();
    expect(held.size).toBe(0);
    // Two uses in the same millisecond stay two members of the set.
    expect(new Set(batch.map((m) => m.value)).size).toBe(2);
    held.hold(batch);
    expect(held.all()).toEqual(batch);
  });
});
