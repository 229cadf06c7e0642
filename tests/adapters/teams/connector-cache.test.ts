/** The outbound clients botbuilder builds per turn are kept: the same client for the same bot, serviceUrl and audience. */
import { describe, expect, it } from "vitest";
import { createBotFrameworkAuthentication } from "../../../src/adapters/teams/auth.js";
import { APP_ID_CLAIMS, appIdOf, type ClaimsIdentity, PromiseCache } from "../../../src/adapters/teams/connector-cache.js";
import type { Activity } from "./harness.js";
import { fixture } from "./harness.js";

/** A ClaimsIdentity as botbuilder's ClaimsIdentity reads claims (getClaimValue), with the claims given. */
function identity(claims: Record<string, string>): ClaimsIdentity {
  return {
    claims: Object.entries(claims).map(([type, value]) => ({ type, value })),
    isAuthenticated: true,
    getClaimValue: (type: string) => claims[type] ?? null,
  } as unknown as ClaimsIdentity;
}

describe("PromiseCache", () => {
  it("creates once per key, forgets the oldest past its limit, and forgets a failed creation", async () => {
    const cache = new PromiseCache<number>(2);
    let made = 0;
    const make = () => Promise.resolve(++made);
    expect(await cache.get("a", make)).toBe(1);
    expect(await cache.get("a", make)).toBe(1);
    expect(await cache.get("b", make)).toBe(2);
    expect(await cache.get("c", make)).toBe(3);
    expect(cache.size).toBe(2);
    // "a" was the oldest: made again.
    expect(await cache.get("a", make)).toBe(4);

    await expect(cache.get("bad", () => Promise.reject(new Error("token endpoint down")))).rejects.toThrow("token endpoint down");
    expect(await cache.get("bad", make)).toBe(5);
  });
});

describe("appIdOf", () => {
  it("reads the bot's app id as botbuilder does: the audience claim, else the appid claim, else none", () => {
    expect(appIdOf(identity({ aud: "bot-app", appid: "caller" }))).toBe("bot-app");
    expect(appIdOf(identity({ appid: "emulator-bot" }))).toBe("emulator-bot");
    expect(appIdOf(identity({}))).toBe("");
  });

  it("uses botbuilder's claim names", async () => {
    // botframework-connector is botbuilder's own dependency; read it only to check our copy.
    const { AuthenticationConstants } = (await import("botframework-connector")) as unknown as {
      AuthenticationConstants: Record<string, string>;
    };
    expect(APP_ID_CLAIMS).toEqual({ audience: AuthenticationConstants.AudienceClaim, appId: AuthenticationConstants.AppIdClaim });
  });
});

describe("CachingBotFrameworkAuthentication", () => {
  const serviceUrl = "http://127.0.0.1:9/";

  it("builds one ConnectorClient per bot, serviceUrl and audience, for turns and proactive messages alike", async () => {
    const auth = createBotFrameworkAuthentication({ appType: "MultiTenant" });
    const activity = fixture("personal-message", serviceUrl) as unknown as Activity;
    // Local mode: botbuilder authenticates the request anonymously; the factory it returns is the cached one.
    const first = await auth.authenticateRequest(activity as never, "");
    const second = await auth.authenticateRequest(activity as never, "");
    const a = await first.connectorFactory?.create(serviceUrl, first.audience);
    const b = await second.connectorFactory?.create(serviceUrl, second.audience);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(await auth.createConnectorFactory(first.claimsIdentity).create(serviceUrl, first.audience)).toBe(a);

    const elsewhere = await auth.createConnectorFactory(first.claimsIdentity).create("http://127.0.0.1:10/", first.audience);
    expect(elsewhere).not.toBe(a);
    const otherAudience = await auth.createConnectorFactory(first.claimsIdentity).create(serviceUrl, "https://example.test");
    expect(otherAudience).not.toBe(a);
    const otherBot = await auth.createConnectorFactory(identity({ aud: "another-bot" })).create(serviceUrl, first.audience);
    expect(otherBot).not.toBe(a);
  });

  it("builds one UserTokenClient per bot", async () => {
    const auth = createBotFrameworkAuthentication({ appType: "MultiTenant" });
    const one = await auth.createUserTokenClient(identity({ aud: "bot-app" }));
    expect(await auth.createUserTokenClient(identity({ aud: "bot-app" }))).toBe(one);
    expect(await auth.createUserTokenClient(identity({ aud: "another-bot" }))).not.toBe(one);
  });
});
