/** PUBLIC_URL: optional, and when set, an http(s) address (the one Slack and Teams fetch the picture from). */
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/server/config.js";

describe("PUBLIC_URL", () => {
  it("is optional, and read when set", () => {
    expect(parseConfig({}).publicUrl).toBeUndefined();
    expect(parseConfig({ PUBLIC_URL: "" }).publicUrl).toBeUndefined();
    expect(parseConfig({ PUBLIC_URL: "https://whodoes.example.com" }).publicUrl).toBe("https://whodoes.example.com");
  });

  it("must be an http(s) address, and says so", () => {
    for (const bad of ["whodoes.example.com", "ftp://example.com", "javascript:alert(1)"]) {
      expect(() => parseConfig({ PUBLIC_URL: bad })).toThrow(ConfigError);
      try {
        parseConfig({ PUBLIC_URL: bad });
      } catch (err) {
        expect((err as ConfigError).problems).toEqual([
          "PUBLIC_URL: must be the server's public address, e.g. https://whodoes.example.com",
        ]);
      }
    }
  });
});
