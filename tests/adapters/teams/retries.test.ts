/**
 * Replies to a Bot Connector that asks the bot to slow down or try again (Teams' 412, 429, 502, 503, 504):
 * retried with backoff and delivered once; refused for good, logged once with the conversation kind and
 * never the text, and not followed by an apology the connector would refuse too.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../../src/metrics/metrics.js";
import { type FakeConnector, fixture, recordingLogger, startBot, startFakeConnector, type TestBot } from "./harness.js";

let bot: TestBot | undefined;
let connector: FakeConnector | undefined;
afterEach(async () => {
  await bot?.close();
  await connector?.close();
  bot = undefined;
  connector = undefined;
});

/** Quick retries for the tests: the shape (bounded, jittered, exponential) is the same as in production. */
const FAST = { retries: 3, baseDelayMs: 20, maxDelayMs: 100 };

async function ask(script: { status: number; headers?: Record<string, string> }[], retry = { ...FAST, retries: 4 }) {
  connector = await startFakeConnector({ script });
  const logger = recordingLogger();
  const metrics = createMetrics({ processMetrics: false });
  bot = await startBot({ logger, adapter: { metrics, retry } });
  const res = await bot.post({ ...fixture("personal-message", connector.serviceUrl), text: "who restores a dropped table?" });
  return { res, logger, metrics, calls: connector.calls };
}

const isAnswer = (body: Record<string, unknown>) => JSON.stringify(body).includes("Database administrator");

describe("Teams replies the Bot Connector asks to retry", () => {
  it("retries a 412 and a 429 with jittered exponential backoff, and delivers the answer once", async () => {
    const { res, calls, logger, metrics } = await ask([{ status: 412 }, { status: 429 }]);
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => isAnswer(c.body))).toBe(true);
    expect(logger.lines.filter((l) => l.level === "error")).toEqual([]);
    expect((await metrics.render()).body).toContain('whodoes_rate_limited_total{platform="teams"} 1');
  });

  it("waits a 429's Retry-After when Teams gives one, and retries 502, 503 and 504", async () => {
    const started = Date.now();
    const { res, calls } = await ask(
      [{ status: 429, headers: { "retry-after": "1" } }, { status: 502 }, { status: 503 }, { status: 504 }],
      { ...FAST, retries: 4, maxDelayMs: 2_000 },
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(calls).toHaveLength(5);
    expect(calls.filter((c) => isAnswer(c.body))).toHaveLength(5);
  });

  it("after the last retry, logs the failure once with the conversation kind, never the text, and sends no apology", async () => {
    const { res, calls, logger, metrics } = await ask(
      Array.from({ length: 4 }, () => ({ status: 412 })),
      { ...FAST, retries: 2 },
    );
    expect(res.status).toBe(200);
    // The first try and two retries; no apology after them.
    expect(calls).toHaveLength(3);
    const errors = logger.lines.filter((l) => l.level === "error");
    expect(errors).toEqual([
      {
        level: "error",
        msg: "teams: the Bot Connector kept refusing a reply after retries; it was not delivered",
        fields: { conversation: "personal", status: 412 },
      },
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain("dropped table");
    expect((await metrics.render()).body).toContain('whodoes_outbound_errors_total{platform="teams"} 1');
  });

  it("a 500 to every try (botbuilder retries it itself) is logged the same way, with no apology after it", async () => {
    const { res, calls, logger } = await ask(Array.from({ length: 8 }, () => ({ status: 500 })));
    expect(res.status).toBe(200);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => isAnswer(c.body))).toBe(true);
    expect(logger.lines.filter((l) => l.level === "error")).toEqual([
      {
        level: "error",
        msg: "teams: the Bot Connector kept refusing a reply after retries; it was not delivered",
        fields: { conversation: "personal", status: 500 },
      },
    ]);
  });
});
