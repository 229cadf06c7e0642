/**
 * PAGERDUTY_TOKEN and PAGERDUTY_API_URL through the real server: the web chat's answer about the DBA names who
 * is on call now on the directory's schedule (a fake PagerDuty on loopback), and an answer that needs a
 * person says whom to ask (the web chat has no triage channel).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatResponse } from "../../src/adapters/web/index.js";
import { silentLogger } from "../../src/logging/logger.js";
import { parseConfig } from "../../src/server/config.js";
import { type Running, startServer } from "../../src/server/start.js";
import { type FakePagerDuty, startFakePagerDuty } from "../helpers/fake-pagerduty.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

let pd: FakePagerDuty;
let copy: ReturnType<typeof copyKnowledge>;
let data: string;
let running: Running;

beforeAll(async () => {
  pd = await startFakePagerDuty();
  pd.setOnCall("PDBA001", [{ id: "PUSER01", name: "Ana Ruiz", email: "ana@hospital.example" }]);
  copy = copyKnowledge();
  copy.useExampleDirectory();
  data = mkdtempSync(join(tmpdir(), "whodoes-oncall-"));
  const config = parseConfig({
    PORT: "0",
    INTENTS_DIR: copy.dir,
    DATA_DIR: data,
    PAGERDUTY_TOKEN: "pd-server-test-token",
    PAGERDUTY_API_URL: pd.url,
  });
  running = await startServer(config, silentLogger);
});
afterAll(async () => {
  await running?.stop();
  await pd?.close();
  copy?.remove();
  rmSync(data, { recursive: true, force: true });
});

const chat = async (text: string) => {
  const res = await fetch(`${running.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ChatResponse;
};

describe("on call now, in the web chat", () => {
  it("names who is on call on the DBA's schedule, read from PagerDuty with the token", async () => {
    const { html } = await chat("what does a DBA do?");
    expect(html).toContain("<li>On call now (DBA on-call): Ana Ruiz (ana@hospital.example)</li>");
    expect(pd.requests.at(-1)?.authorization).toBe("Token token=pd-server-test-token");
  });

  it("says whom to ask when it cannot answer", async () => {
    const { html, answer } = await chat("when is the all-hands?");
    expect(answer.actions.map((a) => a.action.do)).not.toContain("handoff");
    expect(html).toContain('<h3 class="heading">Whom to ask</h3>');
    expect(html).toContain('<a href="mailto:dba@hospital.example">dba@hospital.example</a>');
  });
});
