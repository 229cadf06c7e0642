import { describe, expect, it } from "vitest";
import { createClaims } from "../../src/store/claims.js";
import { createMemoryStore, MEMORY_EVENT_LIMIT } from "../../src/store/memory-store.js";
import { createValues, MAX_VALUES } from "../../src/store/values.js";

describe("memory store", () => {
  it("claims once, until the ttl runs out (injected clock)", async () => {
    let t = 0;
    const store = createMemoryStore(() => t);
    expect(await store.claimOnce("k", 10)).toBe(true);
    expect(await store.claimOnce("k", 10)).toBe(false);
    t = 10;
    expect(await store.claimOnce("k", 10)).toBe(true);
    expect(await store.claimOnce("forever")).toBe(true);
    t = 1e12;
    expect(await store.claimOnce("forever")).toBe(false);
  });

  it("claims with a ttl stay bounded at a steady rate: what is held stops growing once the first ones expire", () => {
    // Slack's replay guard: each signed request is claimed for five minutes. At 100 a second for 15
    // minutes (an injected clock), the claims held level off at five minutes' worth.
    let t = 0;
    const claims = createClaims(() => t);
    const heldAt = new Map<number, number>();
    for (let second = 1; second <= 15 * 60; second++) {
      for (let i = 0; i < 100; i++) claims.claim(`slack:sig:${second}-${i}`, 5 * 60 * 1000);
      t += 1000;
      if (second % 60 === 0) heldAt.set(second / 60, claims.size);
    }
    const window = 5 * 60 * 100;
    expect(heldAt.get(4)).toBe(4 * 60 * 100);
    // Swept every 1,000 claims: at most that many expired ones linger.
    for (const minute of [6, 10, 15]) expect(heldAt.get(minute)).toBeLessThanOrEqual(window + 1_000);
  });

  it("remembers a value until its ttl runs out; a later value replaces it (injected clock)", async () => {
    let t = 0;
    const store = createMemoryStore(() => t);
    expect(await store.recall("conv")).toBeUndefined();
    await store.remember("conv", "a", 10);
    await store.remember("conv", "b", 10);
    t = 9;
    expect(await store.recall("conv")).toBe("b");
    t = 10;
    expect(await store.recall("conv")).toBeUndefined();
  });

  it("keeps at most MAX_VALUES values: the oldest written go first, a value written again counts as new", () => {
    const values = createValues(() => 0, 3);
    values.set("a", "1", 1000);
    values.set("b", "2", 1000);
    values.set("c", "3", 1000);
    values.set("a", "1 again", 1000);
    values.set("d", "4", 1000);
    expect(["a", "b", "c", "d"].map((k) => values.get(k))).toEqual(["1 again", undefined, "3", "4"]);
    expect(MAX_VALUES).toBeGreaterThanOrEqual(5_000);
  });

  it("full of live values, a write looks only at the oldest, not at every value (a full bot once scanned 5,000 per answer)", () => {
    let reads = 0;
    const values = createValues(() => {
      reads++;
      return 0;
    }, 100);
    for (let i = 0; i < 100; i++) values.set(`k${i}`, "v", 1000);
    reads = 0;
    // Each write reads the clock once (its expiry); a sweep of the full map would read it again.
    for (let i = 100; i < 600; i++) values.set(`k${i}`, "v", 1000);
    expect(reads).toBe(500);
    expect(values.get("k599")).toBe("v");
    expect(values.get("k500")).toBe("v");
    expect(values.get("k499")).toBeUndefined();
  });

  it("keeps recent events, oldest first, and no more than its limit", async () => {
    const store = createMemoryStore();
    for (let i = 0; i < MEMORY_EVENT_LIMIT * 1.2; i++)
      await store.record({ type: "feedback", at: i, platform: "web", vote: "up", intent: "who_does" });
    const events = await store.events(new Date(0));
    expect(events.length).toBeLessThanOrEqual(MEMORY_EVENT_LIMIT * 1.1);
    expect(events.at(-1)?.at).toBe(MEMORY_EVENT_LIMIT * 1.2 - 1);
    expect((await store.events(new Date(MEMORY_EVENT_LIMIT * 1.2 - 2))).map((e) => e.at)).toEqual([
      MEMORY_EVENT_LIMIT * 1.2 - 2,
      MEMORY_EVENT_LIMIT * 1.2 - 1,
    ]);
  });
});
