/**
 * Who holds a role right now, from PagerDuty: over real HTTP against a fake of its REST API. The request
 * PagerDuty gets, the on-call person in the answer, the value kept in the store and read again when it is
 * old, the last known value (with its age) when PagerDuty fails, and an answer that never waits for a
 * PagerDuty gone quiet.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLiveDirectory, LIVE_KEEP_MS } from "../../src/adapters/live-directory.js";
import { createPagerDutySource } from "../../src/adapters/pagerduty/source.js";
import { DIRECTORY_FORMATS } from "../../src/adapters/platforms.js";
import { type Answer, createWhodoes, loadKnowledge } from "../../src/core/index.js";
import { answerToText } from "../../src/render/text.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { type FakePagerDuty, startFakePagerDuty } from "../helpers/fake-pagerduty.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";
import { createRecordingLogger } from "./slack/support/harness.js";

const TOKEN = "pd-test-token-y_NbAkKc66ryYTWUXYEu";
const ANA = { id: "PUSER01", name: "Ana Ruiz", email: "ana@hospital.example" };
const BEN = { id: "PUSER02", name: "Ben Okafor", email: "ben@hospital.example" };
const MINUTE = 60_000;

let pd: FakePagerDuty;
let copy: ReturnType<typeof copyKnowledge>;
let dba: Answer;
beforeAll(async () => {
  pd = await startFakePagerDuty();
  copy = copyKnowledge();
  copy.useExampleDirectory();
  // "What does a DBA do?": an answer with the DBA's people, whose directory entry names schedule PDBA001.
  dba = createWhodoes(loadKnowledge(copy.dir, { platforms: DIRECTORY_FORMATS })).act({
    do: "describe",
    role: "database-administrator",
  });
});
afterAll(async () => {
  await pd.close();
  copy.remove();
});
beforeEach(() => {
  pd.requests.length = 0;
  pd.setOnCall("PDBA001", [ANA]);
});
afterEach(() => {
  pd.recover();
  pd.release();
});

function directory(options: { now?: () => number; budgetMs?: number; readTimeoutMs?: number } = {}) {
  const now = options.now ?? Date.now;
  const logger = createRecordingLogger();
  const live = createLiveDirectory({
    store: createMemoryStore(now),
    sources: [createPagerDutySource({ token: TOKEN, apiUrl: pd.url })],
    logger,
    now,
    ...(options.budgetMs ? { budgetMs: options.budgetMs } : {}),
    ...(options.readTimeoutMs ? { readTimeoutMs: options.readTimeoutMs } : {}),
  });
  return { live, logger };
}

const liveOf = (a: Answer) => a.blocks.flatMap((b) => (b.type === "people" ? (b.live ?? []) : []));

describe("on call now, from PagerDuty", () => {
  it("asks PagerDuty's REST API for the schedule's on-call people and names them in the answer", async () => {
    const { live } = directory();
    const answer = await live.addTo(dba);
    expect(liveOf(answer)).toEqual([
      { label: "On call now (DBA on-call)", people: [{ name: "Ana Ruiz", email: "ana@hospital.example" }] },
    ]);
    expect(answerToText(answer)).toContain("On call now (DBA on-call): Ana Ruiz (ana@hospital.example)");
    // The static entries stay beside it.
    expect(answerToText(answer)).toContain("dba@hospital.example");

    expect(pd.requests).toHaveLength(1);
    const [req] = pd.requests;
    expect(req?.method).toBe("GET");
    expect(req?.path).toBe("/oncalls");
    expect(req?.query.getAll("schedule_ids[]")).toEqual(["PDBA001"]);
    expect(req?.query.getAll("include[]")).toEqual(["users"]);
    expect(req?.authorization).toBe(`Token token=${TOKEN}`);
    expect(req?.accept).toBe("application/vnd.pagerduty+json;version=2");
  });

  it("keeps the answer a minute in the store, then asks again and shows the new person", async () => {
    let t = Date.parse("2025-11-25T09:00:00Z");
    const { live } = directory({ now: () => t });
    await live.addTo(dba);
    t += 30_000;
    pd.setOnCall("PDBA001", [BEN]);
    expect(liveOf(await live.addTo(dba))[0]?.people).toEqual([ANA].map(({ name, email }) => ({ name, email })));
    expect(pd.requests).toHaveLength(1);
    t += MINUTE;
    expect(liveOf(await live.addTo(dba))[0]?.people).toEqual([{ name: "Ben Okafor", email: "ben@hospital.example" }]);
    expect(pd.requests).toHaveLength(2);
  });

  it("when PagerDuty fails, shows the last known value with its age; with none, the static entry alone", async () => {
    let t = Date.parse("2025-11-25T09:00:00Z");
    const { live, logger } = directory({ now: () => t });
    await live.addTo(dba);
    t += 5 * MINUTE;
    pd.fail(500);
    const stale = await live.addTo(dba);
    expect(liveOf(stale)).toEqual([
      {
        label: "On call now (DBA on-call)",
        people: [{ name: "Ana Ruiz", email: "ana@hospital.example" }],
        asOf: "as of 5 minutes ago",
      },
    ]);
    expect(answerToText(stale)).toContain("Ana Ruiz (ana@hospital.example) (as of 5 minutes ago)");
    expect(
      logger.lines.some(
        (l) => l.level === "warn" && l.fields?.source === "pagerduty" && /HTTP 500/.test(String(l.fields?.error)),
      ),
    ).toBe(true);
    // Never read (a fresh store): the answer is the static directory entry, as without PagerDuty.
    const fresh = directory();
    expect(await fresh.live.addTo(dba)).toEqual(dba);
  });

  it("forgets a last known value once it expires", async () => {
    let t = Date.parse("2025-11-25T09:00:00Z");
    const { live } = directory({ now: () => t });
    await live.addTo(dba);
    t += LIVE_KEEP_MS + MINUTE;
    pd.fail(503);
    expect(liveOf(await live.addTo(dba))).toEqual([]);
  });

  it("never holds an answer for a PagerDuty gone quiet: it answers while the request is still open, and the late reply serves the next answer", async () => {
    const { live } = directory({ readTimeoutMs: 5_000 });
    pd.hold();
    const answer = await live.addTo(dba);
    // Answered with the request still waiting at PagerDuty: no on-call line, the static entries only.
    expect(pd.held).toBe(1);
    expect(answer).toEqual(dba);
    pd.release();
    // The read goes on behind the answer and keeps what came back: the next answer has it, asking nothing.
    let next = answer;
    for (let i = 0; i < 100 && liveOf(next).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      next = await live.addTo(dba);
    }
    expect(liveOf(next)[0]?.people[0]?.name).toBe("Ana Ruiz");
    expect(pd.requests).toHaveLength(1);
  });

  it("gives up on a read after its timeout, logs it, and answers from what it had", async () => {
    let t = Date.parse("2025-11-25T09:00:00Z");
    const { live, logger } = directory({ now: () => t, budgetMs: 50, readTimeoutMs: 150 });
    await live.addTo(dba);
    t += 2 * MINUTE;
    pd.hold();
    const answer = await live.addTo(dba);
    expect(liveOf(answer)[0]?.asOf).toBe("as of 2 minutes ago");
    for (let i = 0; i < 100 && !logger.lines.some((l) => l.level === "warn"); i++) await new Promise((r) => setTimeout(r, 20));
    const warning = logger.lines.find((l) => l.level === "warn");
    expect(warning?.fields).toMatchObject({ source: "pagerduty", lookup: "PDBA001" });
    expect(String(warning?.fields?.error)).toMatch(/timeout|abort/i);
    // The token is never in a log line.
    expect(JSON.stringify(logger.lines)).not.toContain(TOKEN);
  });
});
