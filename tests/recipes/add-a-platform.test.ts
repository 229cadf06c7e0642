/**
 * docs/architecture.md, "Add a platform", done in a copy of the project: a Mattermost outgoing webhook as
 * one new folder under src/adapters/ (its variables, its directory entries, its route) and one line in
 * src/adapters/platforms.ts. Nothing in the core, the renderers or the server changes; the server picks it
 * up from its variable, and directory.yaml takes its section.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type * as Platforms from "../../src/adapters/platforms.js";
import type * as Core from "../../src/core/index.js";
import { silentLogger } from "../../src/logging/logger.js";
import type * as ServerConfig from "../../src/server/config.js";
import type * as Start from "../../src/server/start.js";
import { copyProject } from "../helpers/project-copy.js";

const CONFIG = `/** Mattermost's section of the environment: MATTERMOST_TOKEN, the outgoing webhook's token. */
import { z } from "zod";
import type { Env } from "../../config/env.js";
import { optionalVar, readSection } from "../../config/section.js";

export interface MattermostConfig {
  token: string;
}

const mattermostEnv = z.object({ MATTERMOST_TOKEN: optionalVar });

export function readMattermostConfig(env: Env, problems: string[]): MattermostConfig | undefined {
  const e = readSection(mattermostEnv, env, problems);
  return e?.MATTERMOST_TOKEN ? { token: e.MATTERMOST_TOKEN } : undefined;
}
`;

const ADAPTER = `/** POST /api/mattermost: an outgoing webhook's question in, the plain-text answer out. */
import { timingSafeEqual } from "node:crypto";
import express from "express";
import type { Whodoes } from "../../core/index.js";
import { answerToText } from "../../render/text.js";
import type { PlatformAdapter } from "../adapter.js";
import type { MattermostConfig } from "./config.js";

export const MATTERMOST_PATH = "/api/mattermost";

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createMattermostAdapter(options: { whodoes: Whodoes; config: MattermostConfig; app: express.Express }): PlatformAdapter {
  const { whodoes, config, app } = options;
  app.post(MATTERMOST_PATH, express.json({ limit: "16kb" }), (req, res) => {
    const body: unknown = req.body;
    const field = (name: string) => (typeof body === "object" && body !== null && name in body ? String((body as Record<string, unknown>)[name]) : "");
    if (!same(field("token"), config.token)) {
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    res.json({ text: answerToText(whodoes.ask(field("text"))) });
  });
  return {
    name: "mattermost",
    describe: () => \`Mattermost (POST \${MATTERMOST_PATH})\`,
    async start() {},
    async stop() {},
  };
}
`;

const PLATFORM = `/** Mattermost as the server composes it: MATTERMOST_TOKEN, \\\`mattermost:\\\` entries in directory.yaml, the webhook route. */
import { z } from "zod";
import type { DirectoryFormat } from "../../core/index.js";
import type { Platform } from "../adapter.js";
import { type MattermostConfig, readMattermostConfig } from "./config.js";

const entries = z.strictObject({
  users: z.array(z.string().regex(/^@[a-z0-9._-]+$/, "must be a Mattermost username (e.g. @alice)")).default([]),
});

const directory: DirectoryFormat<z.infer<typeof entries>> = {
  platform: "mattermost",
  label: "Mattermost",
  schema: entries,
  // Usernames read anywhere: other surfaces list them as they are.
  names: (e) => e.users,
  isEmpty: (e) => e.users.length === 0,
};

export const mattermostPlatform: Platform<"mattermost", MattermostConfig | undefined> = {
  name: "mattermost",
  readConfig: readMattermostConfig,
  isPublic: (config) => config !== undefined,
  directory,
  async create(config, context) {
    if (!config) return undefined;
    const { createMattermostAdapter } = await import("./index.js");
    return createMattermostAdapter({ ...context, config });
  },
};
`;

describe("recipe: add a platform", () => {
  const copy = copyProject();
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
    copy.remove();
  });

  it("is one folder that compiles on its own, and one line in the list of platforms", () => {
    copy.write("src/adapters/mattermost/config.ts", CONFIG);
    copy.write("src/adapters/mattermost/index.ts", ADAPTER);
    copy.write("src/adapters/mattermost/platform.ts", PLATFORM);
    copy.edit("src/adapters/platforms.ts", (t) =>
      t
        .replace("webChatPlatform] as const;", "webChatPlatform, mattermostPlatform] as const;")
        .replace(
          "import { slackPlatform }",
          'import { mattermostPlatform } from "./mattermost/platform.js";\nimport { slackPlatform }',
        ),
    );
    expect(copy.typecheck(["src/adapters/mattermost"])).toEqual([]);
  });

  it("its directory section is checked by its own format", async () => {
    const core = await copy.load<typeof Core>("src/core/index.ts");
    const { DIRECTORY_FORMATS } = await copy.load<typeof Platforms>("src/adapters/platforms.ts");
    copy.write("intents/directory.yaml", "roles:\n  database-administrator:\n    mattermost:\n      users: [priya]\n");
    expect(() => core.loadKnowledge(undefined, { platforms: DIRECTORY_FORMATS })).toThrow(
      /mattermost\.users\.0: must be a Mattermost username/,
    );
  });

  it("the server starts it from its variable, and it answers with the people its section names", async () => {
    copy.write("intents/directory.yaml", "roles:\n  database-administrator:\n    mattermost:\n      users: ['@priya']\n");
    const { parseConfig } = await copy.load<typeof ServerConfig>("src/server/config.ts");
    const { startServer } = await copy.load<typeof Start>("src/server/start.ts");
    const config = parseConfig({ MATTERMOST_TOKEN: "s3cret", PORT: "0", HOST: "127.0.0.1", DATA_DIR: join(copy.dir, "data") });
    const running = await startServer(config, silentLogger);
    stop = () => running.stop();
    // Teams' unauthenticated local mode stays off beside a platform that takes requests from other machines.
    expect(running.adapters.map((a) => a.name)).toEqual(["mattermost"]);

    const ask = (token: string, text: string) =>
      fetch(`${running.url}/api/mattermost`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, text, user_name: "alice" }),
      });
    const answered = await ask("s3cret", "who restores a dropped table?");
    expect(answered.status).toBe(200);
    const { text } = (await answered.json()) as { text: string };
    expect(text).toMatch(/^Database administrator/);
    expect(text).toContain("In your organisation: @priya");
    expect((await ask("wrong", "who restores a dropped table?")).status).toBe(401);
  });
});
