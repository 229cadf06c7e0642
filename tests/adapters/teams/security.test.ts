/**
 * Who may make the bot act. With an app id, botbuilder's Bot Framework token check guards every request:
 * anything without a valid token gets 401 and the bot sends nothing. Without one (local mode) only
 * activities whose serviceUrl is on loopback are accepted, so the bot can't be made to POST elsewhere.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { channelClaims, newRsaKey, signJwt } from "./fake-openid.js";
import {
  type FakeConnector,
  fixture,
  recordingLogger,
  startBot,
  startFakeConnector,
  type TestBot,
  useAuthenticatedBot,
} from "./harness.js";

const APP_ID = "9f1c7a52-3b1e-4c0e-9d0a-6f2b8e4d1a37";

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});
beforeEach(() => connector.reset());

describe("with MICROSOFT_APP_ID set", () => {
  const logger = recordingLogger();
  const rig = useAuthenticatedBot(APP_ID, logger);

  const message = () => fixture("personal-message", connector.serviceUrl);
  const attacker = newRsaKey();

  const now = () => Math.floor(Date.now() / 1000);
  // Each case fails in botbuilder for its own reason (logged), so none passes by accident of another check.
  const forged: [string, () => string | undefined, RegExp][] = [
    ["no Authorization header", () => undefined, /not authorized/],
    ["an empty bearer", () => "Bearer ", /No valid identity/],
    ["a token that is not a JWT", () => "Bearer not-a-jwt", /No valid identity/],
    [
      "a token signed with the attacker's own key",
      () => `Bearer ${signJwt(channelClaims(APP_ID, connector.serviceUrl), attacker, "attacker-key")}`,
      /Signing Key/,
    ],
    [
      "a token claiming Bot Framework's key id but signed by the attacker",
      () => `Bearer ${signJwt(channelClaims(APP_ID, connector.serviceUrl), attacker, rig.openId.kid)}`,
      /invalid signature/,
    ],
    [
      "an unsigned (alg none) token",
      () => `Bearer ${signJwt(channelClaims(APP_ID, connector.serviceUrl), attacker, rig.openId.kid, "none")}`,
      /signature is required/,
    ],
    [
      "a valid signature for another bot",
      () =>
        `Bearer ${signJwt(channelClaims("11111111-2222-4333-8444-555555555555", connector.serviceUrl), rig.openId.key, rig.openId.kid)}`,
      /Invalid AppId/,
    ],
    [
      "an expired token",
      () =>
        `Bearer ${signJwt(channelClaims(APP_ID, connector.serviceUrl, { exp: now() - 3600, nbf: 0, iat: 0 }), rig.openId.key, rig.openId.kid)}`,
      /expired/,
    ],
    [
      "a token issued for another serviceUrl",
      () => `Bearer ${signJwt(channelClaims(APP_ID, "https://elsewhere.example/"), rig.openId.key, rig.openId.kid)}`,
      /ServiceUrl claim/,
    ],
  ];

  it.each(forged)("%s gets 401 and nothing is sent", async (_name, header, reason) => {
    const h = header();
    const res = await rig.bot.post(message(), h === undefined ? {} : { authorization: h });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "unauthorized" });
    expect(connector.calls).toEqual([]);
    expect(connector.unexpected).toEqual([]);
    const refusal = logger.lines.at(-1);
    expect(refusal?.msg).toBe("teams: refused a request that failed authentication");
    expect(String(refusal?.fields?.reason)).toMatch(reason);
  });

  it("refuses a forged invoke too: the search answer is never computed", async () => {
    const res = await rig.bot.post(fixture("compose-extension-query", connector.serviceUrl), {
      authorization: `Bearer ${signJwt(channelClaims(APP_ID, connector.serviceUrl), attacker, rig.openId.kid)}`,
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("composeExtension");
  });

  it("accepts a correctly signed token (botbuilder's check really runs, it does not just refuse everything)", async () => {
    // An invoke is answered in the HTTP response, so this needs no outbound token from Entra ID.
    const activity = fixture("compose-extension-query", connector.serviceUrl);
    const token = signJwt(channelClaims(APP_ID, connector.serviceUrl), rig.openId.key, rig.openId.kid);
    const res = await rig.bot.post(activity, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { composeExtension: { attachments: unknown[] } };
    expect(body.composeExtension.attachments.length).toBeGreaterThan(0);
  });

  it("accepts a non-loopback serviceUrl (Teams' own) once authenticated: the loopback rule is local mode's", async () => {
    const serviceUrl = "https://smba.trafficmanager.net/emea/";
    const activity = fixture("compose-extension-query");
    const token = signJwt(channelClaims(APP_ID, serviceUrl), rig.openId.key, rig.openId.kid);
    const res = await rig.bot.post(activity, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
  });

  it("describes itself as authenticated", () => {
    expect(rig.bot.adapter.describe()).toContain(APP_ID);
  });
});

describe("local mode (no MICROSOFT_APP_ID)", () => {
  let bot: TestBot;
  const logger = recordingLogger();
  beforeAll(async () => {
    bot = await startBot({ logger });
  });
  afterAll(async () => {
    await bot.close();
  });

  it("logs that it is unauthenticated", () => {
    expect(logger.lines.some((l) => l.level === "warn" && /not authenticated/i.test(l.msg) && /loopback/.test(l.msg))).toBe(true);
    expect(bot.adapter.describe()).toMatch(/local mode/);
  });

  it.each([
    ["Teams' real serviceUrl", "https://smba.trafficmanager.net/emea/"],
    ["a private address", "http://10.0.0.8:3978/"],
    ["a look-alike host", "http://127.0.0.1.nip.io/"],
    ["credentials smuggling another host", "http://127.0.0.1@example.com/"],
    ["not a URL", "smba"],
  ])("refuses %s with 403 before doing anything", async (_name, serviceUrl) => {
    for (const name of ["personal-message", "compose-extension-query", "bot-added-to-team"]) {
      const res = await bot.post(fixture(name, serviceUrl));
      expect(res.status, name).toBe(403);
    }
    expect(connector.calls).toEqual([]);
    expect(logger.lines.some((l) => l.level === "warn" && /serviceUrl is not on loopback/.test(l.msg))).toBe(true);
  });

  it.each(["http://localhost:PORT/", "http://127.0.0.1:PORT/", "http://[::1]:PORT/"])("accepts %s", async (pattern) => {
    const port = new URL(connector.url).port;
    const serviceUrl = pattern.replace("PORT", port);
    const res = await bot.post(fixture("compose-extension-query", serviceUrl));
    expect(res.status).toBe(200);
  });
});
