/**
 * Issue 16, items 2 and 11: the documented drain time is the real upper bound of shutdown. With an answer to
 * Slack and a reply to Teams both stuck on dependencies that never answer, SIGTERM still ends the process
 * within the drain time (5 s, one for every platform) and a small margin, exit code 0, every log line
 * structured. The built server runs as `npm start` runs it, with its default timeouts.
 */
import { afterEach, expect, it } from "vitest";
import { SHUTDOWN_DRAIN_MS } from "../../src/adapters/adapter.js";
import { fixture } from "../adapters/slack/support/fixtures.js";
import { signedHeaders } from "../adapters/slack/support/signing.js";
import { type HungServer, json, startHungServer } from "./support/hung-server.js";
import { type ServerProcess, startServerProcess } from "./support/process.js";
import { teamsMessage } from "./support/server.js";

/** The drain time README and docs/ state. */
const DRAIN_MS = 5_000;
/** The store's close and the process exit, on a loaded two-core machine. */
const MARGIN_MS = 2000;
const SECRET = "shutdown-test-signing-secret";

let server: ServerProcess | undefined;
let silent: HungServer | undefined;
afterEach(async () => {
  server?.kill();
  await silent?.close();
});

it("SIGTERM with a Slack answer and a Teams reply hung: exits 0 within the drain time", async () => {
  // Slack answers auth.test at start-up; the response_url and the Bot Connector never answer.
  silent = await startHungServer((req, res) =>
    req.url === "/api/auth.test" ? json(res, { ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0001" }) : false,
  );
  server = await startServerProcess({
    HOST: "127.0.0.1",
    SLACK_BOT_TOKEN: "xoxb-shutdown-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${silent.url}/api/`,
    TEAMS_LOCAL_MODE: "on",
  });
  // A button's answer goes to its response_url (a slash command's comes back in the ack).
  const click = { ...fixture("block-actions-ephemeral"), response_url: `${silent.url}/actions/1` };
  const form = new URLSearchParams({ payload: JSON.stringify(click) });
  const command = await fetch(`${server.url}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SECRET, form.toString()) },
    body: form.toString(),
  });
  expect(command.status).toBe(200);
  // The Teams turn runs inside its HTTP request: left in flight on purpose.
  const teams = fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(teamsMessage(`${silent.url}/`)),
  }).catch(() => undefined);
  await silent.waitForHung(2);

  const from = server.lines.length;
  const started = Date.now();
  server.child.kill("SIGTERM");
  const timeout = new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), DRAIN_MS + 15_000));
  const code = await Promise.race([server.exited, timeout]);
  const took = Date.now() - started;
  await teams;
  expect(code, `still running ${took} ms after SIGTERM`).toBe(0);
  expect(took).toBeLessThan(DRAIN_MS + MARGIN_MS);
  for (const line of server.lines.slice(from)) expect(() => JSON.parse(line), line).not.toThrow();
  console.log(`shutdown took ${took} ms`);
  expect(SHUTDOWN_DRAIN_MS).toBe(DRAIN_MS);
});
