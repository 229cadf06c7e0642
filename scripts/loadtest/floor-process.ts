/**
 * Child process: a framework's floor, the smallest app each SDK needs to do what whodoes does, measured in the
 * same run so whodoes' figures read as a share of what the framework allows on this machine at this moment.
 *
 * - slack: a Bolt app with its own HTTP receiver answering /whodoes with one line in its ack: Bolt as it
 *   comes (its default in-memory conversation store included, which whodoes turns off), except that the bot's
 *   ids are given, so it never calls auth.test (a real app calls it once at start; here it would reach for
 *   slack.com).
 * - teams: a botbuilder CloudAdapter behind express.json() replying one text to every message, in local mode
 *   (no app id), sending to the same fake Bot Connector as whodoes.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import express from "express";
import { createCpuMeter } from "./cpu-meter.js";
import { serveRpc } from "./rpc.js";

export interface FloorArgs {
  platform: "slack" | "teams";
  signingSecret: string;
}

const cpu = createCpuMeter();
let server: Server | undefined;

async function slackFloor(signingSecret: string): Promise<Server> {
  // The bot's ids given outright: Bolt then never calls auth.test (it would reach for slack.com).
  const app = new App({
    token: "xoxb-floor-0000",
    botId: "B0FLOOR",
    botUserId: "U0FLOOR",
    signingSecret,
    logLevel: LogLevel.ERROR,
  });
  app.command("/whodoes", async ({ ack }) => {
    await ack("The database administrator restores a dropped table.");
  });
  return app.start({ port: 0, host: "127.0.0.1" });
}

async function teamsFloor(): Promise<Server> {
  // As the Bot Framework samples build it, from the configuration (here empty: no app id, no authentication).
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const app = express();
  app.post("/api/messages", express.json(), (req, res) => {
    void adapter.process(req, res, async (context) => {
      await context.sendActivity("The database administrator restores a dropped table.");
    });
  });
  return new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
}

serveRpc({
  async start(arg) {
    const { platform, signingSecret } = arg as FloorArgs;
    server = platform === "slack" ? await slackFloor(signingSecret) : await teamsFloor();
    // As whodoes' server (src/server/http.ts): clients keep connections alive.
    server.keepAliveTimeout = 5_000;
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  },
  stats: (arg) => ({ cpuPercent: cpu.percent(Boolean((arg as { reset?: boolean } | undefined)?.reset)) }),
  async stop() {
    server?.closeAllConnections();
    server?.close();
    setImmediate(() => process.exit(0));
  },
});
