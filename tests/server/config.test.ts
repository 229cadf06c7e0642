import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/server/config.js";
import { openWebChatWarning } from "../../src/server/start.js";

const problems = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return "";
};

describe("parseConfig", () => {
  it("defaults: port 3978, no platform, Teams in local mode", () => {
    const c = parseConfig({});
    expect(c.port).toBe(3978);
    expect(c.slack).toBeUndefined();
    expect(c.teams.appId).toBeUndefined();
    expect(c.logLevel).toBe("info");
  });

  it("Slack: HTTP mode with a signing secret, Socket Mode with an app token", () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).slack).toMatchObject({
      botToken: "xoxb-1",
      signingSecret: "s",
    });
    expect(parseConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slack?.appToken).toBe("xapp-1");
    expect(
      parseConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", ONBOARDING_CHANNELS: "C1, #new-starters" }).slack
        ?.onboardingChannels,
    ).toEqual(["C1", "new-starters"]);
  });

  it("names every missing or inconsistent variable together, and never prints a secret's value", () => {
    const message = problems({ SLACK_SIGNING_SECRET: "topsecret-signing", MICROSOFT_APP_PASSWORD: "topsecret-pw", PORT: "abc" });
    expect(message).toMatch(/PORT/);
    const all = problems({ SLACK_SIGNING_SECRET: "topsecret-signing", MICROSOFT_APP_PASSWORD: "topsecret-pw" });
    expect(all).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(all).toMatch(/MICROSOFT_APP_ID is missing/);
    expect(all).not.toMatch(/topsecret/);
  });

  it("checks token shapes and Teams tenant settings", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_SIGNING_SECRET: "s" })).toMatch(
      /SLACK_BOT_TOKEN should be a bot token/,
    );
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-wrong" })).toMatch(
      /SLACK_APP_TOKEN should be an app-level token/,
    );
    expect(problems({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", MICROSOFT_APP_TYPE: "SingleTenant" })).toMatch(
      /MICROSOFT_APP_TENANT_ID is missing/,
    );
    expect(problems({ MICROSOFT_APP_TYPE: "Sideways" })).toMatch(/MICROSOFT_APP_TYPE/);
    expect(
      parseConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_TYPE: "UserAssignedMSI", MICROSOFT_APP_TENANT_ID: "t" }).teams.appType,
    ).toBe("UserAssignedMSI");
  });

  it("reads a tenant id with no app type as a single-tenant bot; an explicit type still wins", () => {
    const teams = (env: Record<string, string>) =>
      parseConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", ...env }).teams;
    expect(teams({ MICROSOFT_APP_TENANT_ID: "t" })).toMatchObject({ appType: "SingleTenant", tenantId: "t" });
    expect(teams({}).appType).toBe("MultiTenant");
    expect(teams({ MICROSOFT_APP_TENANT_ID: "t", MICROSOFT_APP_TYPE: "MultiTenant" }).appType).toBe("MultiTenant");
  });

  it("takes a METRICS_TOKEN of at least 16 characters, and never echoes it", () => {
    expect(parseConfig({ METRICS_TOKEN: "0123456789abcdef" }).metricsToken).toBe("0123456789abcdef");
    const said = problems({ METRICS_TOKEN: "short-secret" });
    expect(said).toMatch(/METRICS_TOKEN: must be at least 16 characters/);
    expect(said).not.toMatch(/short-secret/);
  });

  it("PagerDuty: on with a token (the public API by default), and PAGERDUTY_API_URL alone is a mistake", () => {
    expect(parseConfig({}).pagerduty).toBeUndefined();
    expect(parseConfig({ PAGERDUTY_TOKEN: "u+secret" }).pagerduty).toEqual({
      token: "u+secret",
      apiUrl: "https://api.pagerduty.com",
    });
    expect(parseConfig({ PAGERDUTY_TOKEN: "t", PAGERDUTY_API_URL: "http://127.0.0.1:9/pd" }).pagerduty?.apiUrl).toBe(
      "http://127.0.0.1:9/pd",
    );
    expect(problems({ PAGERDUTY_API_URL: "http://127.0.0.1:9" })).toMatch(/PAGERDUTY_TOKEN is missing/);
    expect(problems({ PAGERDUTY_TOKEN: "u+secret", PAGERDUTY_API_URL: "ftp://x" })).toMatch(/PAGERDUTY_API_URL/);
    expect(problems({ PAGERDUTY_TOKEN: "u+secret", PAGERDUTY_API_URL: "ftp://x" })).not.toMatch(/u\+secret/);
  });

  it("treats empty values (as in a copied .env.example) as unset", () => {
    const c = parseConfig({ SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "", MICROSOFT_APP_ID: "", PORT: "4000" });
    expect(c.slack).toBeUndefined();
    expect(c.port).toBe(4000);
    // An emptied PORT is the default too, not port 0 (any free port, which "" would coerce to).
    expect(parseConfig({ PORT: "" }).port).toBe(3978);
    expect(parseConfig({ PORT: "0" }).port).toBe(0);
  });

  it("says what PORT must be, not how zod read it", () => {
    for (const port of ["abc", "3978.5", "-1", "70000"])
      expect(problems({ PORT: port }), port).toBe(
        "The configuration has a problem:\n  - PORT: must be a port number from 0 to 65535 (default 3978)",
      );
  });
});

describe("the web chat beyond this machine", () => {
  it("is said at start to have no sign-in when it listens where other machines reach it, and not on loopback", () => {
    expect(openWebChatWarning("0.0.0.0", ["slack", "web"])).toMatch(/^the web chat has no sign-in and listens on 0\.0\.0\.0/);
    expect(openWebChatWarning("::", ["web"])).toMatch(/no sign-in/);
    for (const host of ["127.0.0.1", "localhost", "::1"]) expect(openWebChatWarning(host, ["web", "teams"])).toBeUndefined();
    expect(openWebChatWarning("0.0.0.0", ["slack", "teams"])).toBeUndefined();
  });
});
