/**
 * A dependency that accepts a connection and never answers: it reads what it is sent and stays silent.
 * `answer` lets a test make some paths answer normally (e.g. Slack's auth.test at start-up) and the rest hang.
 * It counts the connections it was given, and how many of those holding a request it never answered are
 * still open: the client closing them is how it shows it gave up (an idle pooled connection does not count).
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface HungServer {
  url: string;
  /** Requests that got no answer, by path. */
  hung: string[];
  /** Connections ever accepted. */
  readonly connections: number;
  /** Connections holding an unanswered request that are still open (the client has not given up on them). */
  readonly open: number;
  /** Resolves when `count` requests have been left hanging. */
  waitForHung(count?: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Return true when the handler answered; false leaves the request hanging. */
export type Answer = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => boolean;

export async function startHungServer(answer: Answer = () => false): Promise<HungServer> {
  const hung: string[] = [];
  const sockets = new Set<Socket>();
  const waiting = new Set<Socket>();
  let connections = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      if (answer(req, res, body)) return;
      hung.push(req.url ?? "");
      if (!req.socket.destroyed) waiting.add(req.socket);
    });
  });
  server.on("connection", (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      waiting.delete(socket);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hung,
    get connections() {
      return connections;
    },
    get open() {
      return waiting.size;
    },
    async waitForHung(count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (hung.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${hung.length} of ${count} request(s) reached the silent server`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Answer JSON (for the paths a hung dependency should still serve), closing the connection: the sockets left
 * open are then only those of the requests left hanging.
 */
export function json(res: http.ServerResponse, body: unknown, status = 200): true {
  res.writeHead(status, { "content-type": "application/json", connection: "close" }).end(JSON.stringify(body));
  return true;
}
