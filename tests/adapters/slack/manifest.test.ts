import { readFileSync } from "node:fs";
import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLASH_COMMAND } from "../../../src/adapters/slack/index.js";

// Slack's own manifest types (from @slack/web-api) check the scope and event names at compile time.
type Manifest = webApi.AppsManifestCreateArguments["manifest"];
type BotScopes = NonNullable<NonNullable<NonNullable<Manifest["oauth_config"]>["scopes"]>["bot"]>;
type BotEvents = NonNullable<NonNullable<NonNullable<Manifest["settings"]>["event_subscriptions"]>["bot_events"]>;

const manifest = parse(readFileSync(new URL("../../../manifests/slack/manifest.yml", import.meta.url), "utf8")) as Manifest;

describe("manifests/slack/manifest.yml", () => {
  it("declares the slash command the adapter listens for", () => {
    expect(manifest.features?.slash_commands?.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features?.slash_commands?.[0]?.description.length).toBeLessThanOrEqual(2000);
  });

  it("subscribes to the bot events the adapter and onboarding use", () => {
    const events: BotEvents = ["app_home_opened", "app_mention", "member_joined_channel", "message.im"];
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual(events);
  });

  it("asks for the least bot scopes, no more", () => {
    const scopes: BotScopes = [
      "commands",
      "app_mentions:read",
      "chat:write",
      "im:history",
      "im:write",
      "channels:read",
      "users:read",
      "usergroups:read",
    ];
    expect(manifest.oauth_config?.scopes?.bot).toEqual(scopes);
    expect(manifest.oauth_config?.scopes?.user).toBeUndefined();
  });

  it("turns on interactivity, Socket Mode and the Home tab", () => {
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(manifest.features?.app_home?.home_tab_enabled).toBe(true);
    expect(manifest.features?.app_home?.messages_tab_enabled).toBe(true);
    expect(manifest.display_information.name).toBe("whodoes");
    expect((manifest.display_information.description ?? "").length).toBeLessThanOrEqual(140);
  });
});
