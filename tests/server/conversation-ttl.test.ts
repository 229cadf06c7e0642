/**
 * CONVERSATION_TTL_MINUTES: checked with the other variables, and handed by the real server to its
 * platforms (here the web chat): 0 turns follow-ups off, the default keeps them on.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ChatResponse } from "../../src/adapters/web/index.js";
import { silentLogger } from "../../src/logging/logger.js";
import { ConfigError, parseConfig } from "../../src/server/config.js";
import { startServer } from "../../src/server/start.js";

const dataDir = mkdtempSync(join(tmpdir(), "whodoes-ttl-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("CONVERSATION_TTL_MINUTES", () => {
  it("is minutes from 0 to a day; empty is the default", () => {
    expect(parseConfig({ CONVERSATION_TTL_MINUTES: "45" }).conversationTtlMs).toBe(45 * 60_000);
    expect(parseConfig({ CONVERSATION_TTL_MINUTES: "0" }).conversationTtlMs).toBe(0);
    expect(parseConfig({ CONVERSATION_TTL_MINUTES: "" }).conversationTtlMs).toBeUndefined();
    for (const bad of ["-5", "ten", "1.5", "1441"])
      expect(() => parseConfig({ CONVERSATION_TTL_MINUTES: bad }), bad).toThrow(/CONVERSATION_TTL_MINUTES/);
    expect(() => parseConfig({ CONVERSATION_TTL_MINUTES: "x" })).toThrow(ConfigError);
  });

  it.each([
    ["", "describe_role"],
    ["0", "out_of_scope"],
  ])("reaches the platforms through the server (%s: the follow-up is %s)", async (ttl, intent) => {
    const running = await startServer(
      parseConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, CONVERSATION_TTL_MINUTES: ttl }),
      silentLogger,
    );
    try {
      const chat = async (text: string) => {
        const res = await fetch(`${running.url}/api/chat`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ text, session: "0123456789abcdef0123456789abcdef" }),
        });
        return ((await res.json()) as ChatResponse).answer;
      };
      await chat("who restores a dropped table?");
      expect((await chat("what else do they do?")).intent).toBe(intent);
    } finally {
      await running.stop();
    }
  });
});
