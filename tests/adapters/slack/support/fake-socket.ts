/**
 * A fake Slack Socket Mode server on 127.0.0.1, speaking the envelope protocol: it greets each
 * connection with `hello`, sends envelopes, and records the acks ({ envelope_id, payload }).
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { fixture } from "./fixtures.js";

export interface FakeSocketServer {
  url: string;
  acks: { envelope_id: string; payload?: unknown }[];
  /** Resolves once a client has connected and been sent `hello`. */
  connected(): Promise<WebSocket>;
  send(envelope: unknown): Promise<void>;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<{ envelope_id: string; payload?: unknown }>;
  close(): Promise<void>;
}

export async function startFakeSocketServer(): Promise<FakeSocketServer> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(wss, "listening");
  const acks: FakeSocketServer["acks"] = [];
  let client: WebSocket | undefined;
  const connection = new Promise<WebSocket>((resolve) => {
    wss.on("connection", (ws) => {
      client = ws;
      ws.on("message", (data) => acks.push(JSON.parse(data.toString()) as FakeSocketServer["acks"][number]));
      ws.send(JSON.stringify(fixture("socket-hello")));
      resolve(ws);
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket&app_id=A0001`,
    acks,
    connected: () => connection,
    async send(envelope) {
      const ws = client ?? (await connection);
      await new Promise<void>((resolve, reject) => ws.send(JSON.stringify(envelope), (e) => (e ? reject(e) : resolve())));
    },
    async waitForAck(envelopeId, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ack = acks.find((a) => a.envelope_id === envelopeId);
        if (ack) return ack;
        if (Date.now() > deadline) throw new Error(`no ack for envelope ${envelopeId}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}
