/**
 * Slack's rate limits, against the fake Web API answering 429 with Retry-After: the method that was limited
 * waits its time and tries again (bounded), other methods go on meanwhile, and a cohort of new members is
 * welcomed one DM at a time per channel.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../../src/metrics/metrics.js";
import { type EventCallback, eventFixture, fixture } from "./support/fixtures.js";
import { type HttpHarness, startHttpHarness } from "./support/harness.js";

let h: HttpHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("Slack Web API rate limits", () => {
  it("waits the Retry-After for the limited method only, then delivers the answer once", async () => {
    const metrics = createMetrics({ processMetrics: false });
    h = await startHttpHarness({ adapter: { metrics } });
    const slack = h.slack;
    slack.failNext("chat.postMessage", 429, '{"ok":false,"error":"ratelimited"}', { "retry-after": "1" });

    const mention = eventFixture("app-mention");
    await h.postEvent(mention);
    const [limited] = await slack.waitFor((c) => c.method === "chat.postMessage");
    // While chat.postMessage waits, another method is not held: the App Home is published at once.
    await h.postEvent(eventFixture("app-home-opened"));
    const [published] = await slack.waitFor((c) => c.method === "views.publish");
    const posts = await slack.waitFor((c) => c.method === "chat.postMessage", 2, 5_000);

    expect(published?.at).toBeLessThan(posts[1]?.at ?? 0);
    // Slack asked for 1 s; the retry came after it (plus up to 0.5 s of jitter), not before.
    expect((posts[1]?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect((posts[1]?.at ?? 0) - (limited?.at ?? 0)).toBeLessThan(3_000);
    expect(posts[1]?.body.thread_ts).toBe(mention.event.ts);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(2);
    expect(h.logger.lines.filter((l) => l.level === "error")).toEqual([]);
    expect(h.logger.lines).toContainEqual({
      level: "warn",
      msg: "slack: rate limited; waiting before calling this method again",
      fields: { method: "chat.postMessage", retryAfterS: 1 },
    });
    expect((await metrics.render()).body).toContain('whodoes_rate_limited_total{platform="slack"} 1');
  });

  it("gives up after its bounded retries, logs the failure and counts it", async () => {
    const metrics = createMetrics({ processMetrics: false });
    h = await startHttpHarness({ adapter: { metrics, rateLimits: { retries: 1, maxWaitMs: 5_000, jitterMs: 0 } } });
    for (let i = 0; i < 2; i++)
      h.slack.failNext("chat.postMessage", 429, '{"ok":false,"error":"ratelimited"}', { "retry-after": "0" });
    await h.postEvent(eventFixture("app-mention"));
    // Two tries of the answer (the first and one retry), then the apology, which goes through.
    const posts = await h.slack.waitFor((c) => c.method === "chat.postMessage", 3, 5_000);
    expect(posts[2]?.body.text).toMatch(/^Sorry, something went wrong/);
    expect(h.logger.lines.find((l) => l.level === "error")?.msg).toBe("slack: failed to answer");
    const text = (await metrics.render()).body;
    expect(text).toContain('whodoes_rate_limited_total{platform="slack"} 2');
    expect(text).toContain('whodoes_outbound_errors_total{platform="slack"} 1');
  });

  it("welcomes a cohort joining one channel one DM at a time", async () => {
    const channel = "C0698JE0H";
    h = await startHttpHarness({ config: { onboardingChannels: [channel] }, adapter: { welcomeIntervalMs: 400 } });
    const people = ["U0COHORT1", "U0COHORT2", "U0COHORT3"];
    const base = fixture<EventCallback>("member-joined-channel");
    await Promise.all(
      people.map((user, i) => h?.postEvent({ ...base, event_id: `Ev0COHORT${i}`, event: { ...base.event, user, channel } })),
    );
    const dms = await h.slack.waitFor(
      (c) => c.method === "chat.postMessage" && people.includes(String(c.body.channel)),
      3,
      5_000,
    );
    expect(new Set(dms.map((d) => d.body.channel))).toEqual(new Set(people));
    const gaps = dms.slice(1).map((d, i) => d.at - (dms[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(350);
  });
});
