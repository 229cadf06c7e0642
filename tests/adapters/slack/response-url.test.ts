/** Posting answers to a response_url: the body Slack expects, errors the work runner can log, kept-alive connections. */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createResponseUrlClient, ResponseUrlError } from "../../../src/adapters/slack/response-url.js";

interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe("createResponseUrlClient", () => {
  let server: http.Server;
  let base: string;
  const received: Received[] = [];
  let connections = 0;
  /** What the fake response_url answers next: status and text (Slack answers errors in plain text). */
  let answer: { status: number; text: string } | "never" = { status: 200, text: "ok" };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (c: string) => {
        body += c;
      });
      req.on("end", () => {
        received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
        if (answer === "never") return;
        res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.text);
      });
    });
    server.on("connection", () => connections++);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    connections = 0;
    answer = { status: 200, text: "ok" };
  });

  it("POSTs the message as JSON to the response_url, as Slack expects it", async () => {
    const client = createResponseUrlClient({ timeoutMs: 2_000 });
    const message = {
      response_type: "ephemeral" as const,
      text: "Database administrator: restores lost data",
      blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "*DBA* — ünïcode ✓" } }],
    };
    await client.respondTo(`${base}/commands/T1/123/abc`)(message);
    client.close();
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call?.method).toBe("POST");
    expect(call?.path).toBe("/commands/T1/123/abc");
    expect(call?.headers["content-type"]).toMatch(/^application\/json/);
    // No token: a response_url is pre-signed by Slack.
    expect(call?.headers.authorization).toBeUndefined();
    expect(JSON.parse(call?.body ?? "")).toEqual(message);
  });

  it("keeps the connection alive for the next answer", async () => {
    const client = createResponseUrlClient({ timeoutMs: 2_000 });
    for (let i = 0; i < 5; i++) await client.respondTo(`${base}/commands/T1/${i}/x`)({ text: `answer ${i}` });
    client.close();
    expect(received.map((r) => r.path)).toEqual([0, 1, 2, 3, 4].map((i) => `/commands/T1/${i}/x`));
    expect(connections).toBe(1);
  });

  it("rejects with Slack's status and error text, never the URL, when Slack refuses the answer", async () => {
    answer = { status: 404, text: "expired_url" };
    const client = createResponseUrlClient({ timeoutMs: 2_000 });
    const err = await client
      .respondTo(`${base}/commands/T1/9/secret-part`)({ text: "late" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    client.close();
    expect(err).toBeInstanceOf(ResponseUrlError);
    expect(err).toMatchObject({
      code: "SLACK_RESPONSE_URL_REJECTED",
      status: 404,
      message: "response_url answered HTTP 404: expired_url",
    });
    expect((err as Error).message).not.toContain("secret-part");
  });

  it("gives up on a response_url that does not answer", async () => {
    answer = "never";
    const client = createResponseUrlClient({ timeoutMs: 200 });
    await expect(client.respondTo(`${base}/commands/T1/1/x`)({ text: "hello?" })).rejects.toMatchObject({
      code: "SLACK_RESPONSE_URL_TIMEOUT",
    });
    client.close();
  });

  it("refuses a response_url that is not http(s), without sending anything", async () => {
    const client = createResponseUrlClient({ timeoutMs: 2_000 });
    for (const url of ["not a url", "file:///etc/passwd", "ftp://127.0.0.1/x"]) {
      await expect(client.respondTo(url)({ text: "x" })).rejects.toMatchObject({ code: "SLACK_RESPONSE_URL_INVALID" });
    }
    client.close();
    expect(received).toEqual([]);
  });
});
