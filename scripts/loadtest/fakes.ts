/**
 * The platforms' side, as small as it can be: a fake Slack (Web API + response_url) and a fake Bot
 * Connector on 127.0.0.1, answering at once and only counting what the bot sent them. Run in their
 * own process (fakes-process.ts) so they take no CPU from the server or the load generator.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { BOT_ID, BOT_USER_ID, TEAM_ID } from "./traffic.js";

export interface FakeCounts {
  /** Posts to a response_url carrying Block Kit (an answer). */
  slackAnswers: number;
  /** Posts to a response_url without blocks (the apology when answering failed). */
  slackOther: number;
  /** Web API calls (auth.test at start-up, anything else the bot calls). */
  slackApiCalls: number;
  /** Activities sent to the connector carrying an Adaptive Card (an answer). */
  teamsAnswers: number;
  /** Activities without a card (an apology or a text reply). */
  teamsOther: number;
  /** Requests the fakes could not read or did not expect. */
  unexpected: number;
  /** TCP connections the server opened to each fake: few means it reuses them (keep-alive). */
  slackConnections: number;
  teamsConnections: number;
}

/** What Slack's auth.test answers for the bot's token: Bolt calls it at start-up to learn who the bot is. */
export function authTestReply(ids: { team: string; user: string; bot: string }): Record<string, unknown> {
  return {
    ok: true,
    url: "https://example.slack.com/",
    team: "Example",
    user: "whodoes",
    team_id: ids.team,
    user_id: ids.user,
    bot_id: ids.bot,
  };
}

export interface Fakes {
  slackApiUrl: string;
  /** Base for response_urls ("http://127.0.0.1:PORT"). */
  responseBase: string;
  /** The Bot Connector's serviceUrl, with its trailing slash. */
  serviceUrl: string;
  counts(): FakeCounts;
  reset(): void;
  close(): Promise<void>;
}

const zero = (): FakeCounts => ({
  slackAnswers: 0,
  slackOther: 0,
  slackApiCalls: 0,
  teamsAnswers: 0,
  teamsOther: 0,
  unexpected: 0,
  slackConnections: 0,
  teamsConnections: 0,
});

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function serve(
  handler: (req: http.IncomingMessage, body: string) => { status: number; body: unknown },
  onConnection: () => void,
) {
  const server = http.createServer(async (req, res) => {
    const reply = handler(req, await readBody(req));
    res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
  });
  // Longer than the clients' idle sockets live, so a pooled socket is never closed under a request.
  server.keepAliveTimeout = 65_000;
  server.on("connection", onConnection);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function startFakes(): Promise<Fakes> {
  let counts = zero();
  const slack = await serve(
    (req, raw) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (path.startsWith("/api/")) {
        counts.slackApiCalls++;
        const method = path.slice("/api/".length);
        if (method === "auth.test") {
          return { status: 200, body: authTestReply({ team: TEAM_ID, user: BOT_USER_ID, bot: BOT_ID }) };
        }
        return { status: 200, body: { ok: true } };
      }
      if (path.startsWith("/commands/")) {
        const body = parseJson(raw);
        if (body && Array.isArray(body.blocks) && body.blocks.length > 0) counts.slackAnswers++;
        else if (body) counts.slackOther++;
        else counts.unexpected++;
        return { status: 200, body: { ok: true } };
      }
      counts.unexpected++;
      return { status: 404, body: { ok: false, error: "unknown_method" } };
    },
    () => counts.slackConnections++,
  );

  let sent = 0;
  const connector = await serve(
    (req, raw) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const body = parseJson(raw);
      if (req.method !== "POST" || !/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path) || !body) {
        counts.unexpected++;
        return { status: 404, body: { error: { code: "NotFound" } } };
      }
      const attachments = Array.isArray(body.attachments) ? (body.attachments as { contentType?: unknown }[]) : [];
      if (attachments.some((a) => a.contentType === "application/vnd.microsoft.card.adaptive")) counts.teamsAnswers++;
      else counts.teamsOther++;
      return { status: 200, body: { id: `sent-${++sent}` } };
    },
    () => counts.teamsConnections++,
  );

  const close = (server: http.Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    slackApiUrl: `${slack.base}/api/`,
    responseBase: slack.base,
    serviceUrl: `${connector.base}/`,
    counts: () => ({ ...counts }),
    reset() {
      counts = zero();
    },
    async close() {
      await Promise.all([close(slack.server), close(connector.server)]);
    },
  };
}
