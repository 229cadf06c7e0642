/** Readiness of the Teams adapter: an authenticated bot is ready only while Teams' signing keys can be fetched. */
import { describe, expect, it } from "vitest";
import { startFakeOpenId } from "./fake-openid.js";
import { startBot } from "./harness.js";

const APP = { appId: "5f1c0c7e-6c1e-4f6e-9a6f-0c6c2b7d1a11", appPassword: "test-secret", appType: "MultiTenant" as const };

describe("Teams readiness", () => {
  it("is ready in local mode, which fetches no keys", async () => {
    const bot = await startBot();
    try {
      expect(await bot.adapter.readiness?.()).toEqual({ ok: true, mode: "local" });
    } finally {
      await bot.close();
    }
  });

  it("checks that the signing keys can be fetched, and says so when they cannot", async () => {
    const openid = await startFakeOpenId();
    const endpoints = { channelOpenIdMetadataUrl: openid.metadataUrl };
    const reachable = await startBot({ config: APP, endpoints });
    try {
      expect(await reachable.adapter.readiness?.()).toEqual({ ok: true, mode: "authenticated", signingKeys: 1 });
    } finally {
      await reachable.close();
    }
    await openid.close();
    const unreachable = await startBot({ config: APP, endpoints });
    try {
      const check = await unreachable.adapter.readiness?.();
      expect(check).toMatchObject({ ok: false, mode: "authenticated", signingKeys: expect.stringMatching(/^unreachable: /) });
    } finally {
      await unreachable.close();
    }
  });
});
