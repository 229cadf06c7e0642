/**
 * Issue 16, item 1: Teams' local mode (no MICROSOFT_APP_ID: no authentication) answers only this machine.
 * A request from another address is refused with 403 before the bot does anything, whatever HOST is; a
 * request that came through a proxy is refused too. Local mode is mounted only when no platform is
 * configured or TEAMS_LOCAL_MODE=on asks for it.
 *
 * "Another machine" is a network namespace this test makes, joined by a veth pair with documentation-range
 * addresses; a second loopback address like 127.0.0.2 would not do (it is this machine).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlack } from "../adapters/slack/support/fake-slack.js";
import { type FakeConnector, startFakeConnector } from "../adapters/teams/harness.js";
import { createNamespace, type Namespace, namespacesUnavailable } from "./support/netns.js";
import { startTestServer, teamsMessage } from "./support/server.js";

const unavailable = namespacesUnavailable();
if (unavailable && process.env.CI) throw new Error(`CI must run the network-namespace test, but ${unavailable}`);
if (unavailable) console.warn(`skipping the Teams local-mode network test: ${unavailable} (it needs root and iproute2)`);

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector?.close();
});

/** POST an activity from inside the namespace; returns "status body". */
function postFrom(ns: Namespace, url: string, activity: unknown): Promise<string> {
  const script = `fetch(${JSON.stringify(url)}, { method: "POST", headers: { "content-type": "application/json" }, body: ${JSON.stringify(JSON.stringify(activity))} })
    .then(async (r) => console.log(r.status + " " + (await r.text())), (e) => console.log("error " + e.message));`;
  return ns.node(script).then((out) => out.trim());
}

describe.skipIf(unavailable !== undefined)(
  `Teams local mode refuses every peer that is not loopback${unavailable ? ` (skipped: ${unavailable})` : ""}`,
  () => {
    let ns: Namespace;
    beforeAll(() => {
      ns = createNamespace("i16");
    });
    afterAll(() => {
      ns?.remove();
    });

    // HOST=0.0.0.0 is what the server binds when a platform is configured; the namespace's own
    // host-side address is the most direct exposure. Neither may let a stranger in.
    for (const host of ["0.0.0.0", "namespace address"]) {
      it(`with HOST=${host}: 403 from another machine, nothing sent; this machine still answered`, async () => {
        const server = await startTestServer({ HOST: host === "0.0.0.0" ? host : ns.hostAddress, TEAMS_LOCAL_MODE: "on" });
        try {
          connector.reset();
          const url = `http://${ns.hostAddress}:${server.port}/api/messages`;
          const out = await postFrom(ns, url, teamsMessage(connector.serviceUrl));
          expect(out).toMatch(/^403 /);
          expect(out).toMatch(/this machine/);
          expect(connector.calls).toEqual([]);
          expect(connector.unexpected).toEqual([]);
          const refusal = server.logger.lines.find((l) => /from another machine/.test(l.msg));
          expect(refusal?.fields?.peer).toBe(ns.nsAddress);

          // The same activity from this machine is answered: the 403 is about where it came from.
          if (host === "0.0.0.0") {
            const res = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(teamsMessage(connector.serviceUrl)),
            });
            expect(res.status).toBe(200);
            expect(connector.calls).toHaveLength(1);
          }
        } finally {
          await server.stop();
        }
      });
    }
  },
);

describe("Teams local mode behind a proxy, and when it is mounted", () => {
  it("refuses a loopback request that a proxy forwarded (X-Forwarded-For or Forwarded): its sender is elsewhere", async () => {
    const server = await startTestServer({});
    try {
      connector.reset();
      const proxied: Record<string, string>[] = [{ "x-forwarded-for": "203.0.113.9" }, { forwarded: "for=203.0.113.9" }];
      for (const header of proxied) {
        const res = await fetch(`${server.url}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", ...header },
          body: JSON.stringify(teamsMessage(connector.serviceUrl)),
        });
        expect(res.status).toBe(403);
      }
      expect(connector.calls).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it("is not mounted when Slack is configured without Teams, unless TEAMS_LOCAL_MODE=on", async () => {
    const slack = await startFakeSlack();
    const slackEnv = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret-0123456789", SLACK_API_URL: slack.apiUrl };
    const post = (url: string) =>
      fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(teamsMessage(connector.serviceUrl)),
      });
    try {
      connector.reset();
      const slackOnly = await startTestServer({ ...slackEnv, HOST: "127.0.0.1" });
      try {
        expect((await post(slackOnly.url)).status).toBe(404);
        expect(connector.calls).toEqual([]);
        const health = (await (await fetch(`${slackOnly.url}/healthz`)).json()) as { adapters: string[] };
        expect(health.adapters).toEqual(["slack"]);
      } finally {
        await slackOnly.stop();
      }
      const optedIn = await startTestServer({ ...slackEnv, HOST: "127.0.0.1", TEAMS_LOCAL_MODE: "on" });
      try {
        expect((await post(optedIn.url)).status).toBe(200);
        expect(connector.calls).toHaveLength(1);
      } finally {
        await optedIn.stop();
      }
      const optedOut = await startTestServer({ TEAMS_LOCAL_MODE: "off" });
      try {
        expect((await post(optedOut.url)).status).toBe(404);
      } finally {
        await optedOut.stop();
      }
    } finally {
      await slack.close();
    }
  });
});
