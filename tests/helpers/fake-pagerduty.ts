/**
 * A fake PagerDuty REST API on 127.0.0.1: `GET /oncalls` answered as PagerDuty answers it (API v2, with
 * `include[]=users`), every request recorded. A test sets each schedule's on-call people, makes the next
 * answers fail, or holds them until it releases them (a PagerDuty that has gone quiet).
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface PagerDutyRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  accept: string | undefined;
}

export interface OnCallUser {
  id: string;
  name: string;
  email: string;
}

export interface FakePagerDuty {
  /** The REST API's base URL (PAGERDUTY_API_URL). */
  url: string;
  requests: PagerDutyRequest[];
  /** Who is on call now on a schedule. */
  setOnCall(schedule: string, users: OnCallUser[]): void;
  /** Answer every request with this HTTP status until `recover()`. */
  fail(status: number): void;
  recover(): void;
  /** Hold every answer until `release()`; `held` counts requests waiting. */
  hold(): void;
  release(): void;
  readonly held: number;
  close(): Promise<void>;
}

export async function startFakePagerDuty(): Promise<FakePagerDuty> {
  const requests: PagerDutyRequest[] = [];
  const onCall = new Map<string, OnCallUser[]>();
  let failing: number | undefined;
  let holding = false;
  const waiting: (() => void)[] = [];

  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    if (failing) {
      res
        .writeHead(failing, { "content-type": "application/json" })
        .end('{"error":{"message":"Internal Server Error","code":2001}}');
      return;
    }
    if (url.pathname !== "/oncalls") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"Not Found","code":2100}}');
      return;
    }
    const schedules = url.searchParams.getAll("schedule_ids[]");
    const withUsers = url.searchParams.getAll("include[]").includes("users");
    const oncalls = schedules.flatMap((id) =>
      (onCall.get(id) ?? []).flatMap((user) =>
        // PagerDuty lists a person once per escalation level they are on.
        [1, 2].map((level) => ({
          escalation_policy: { id: "PPOLICY1", type: "escalation_policy_reference", summary: "Data on-call" },
          escalation_level: level,
          schedule: { id, type: "schedule_reference", summary: id },
          user: withUsers
            ? { id: user.id, type: "user", name: user.name, email: user.email, summary: user.name }
            : { id: user.id, type: "user_reference", summary: user.name },
          start: "2025-11-24T09:00:00Z",
          end: "2025-12-01T09:00:00Z",
        })),
      ),
    );
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ oncalls, limit: 25, offset: 0, more: false, total: null }));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push({
      method: req.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      accept: req.headers.accept,
    });
    req.resume();
    if (holding) waiting.push(() => answer(req, res));
    else answer(req, res);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    setOnCall: (schedule, users) => onCall.set(schedule, users),
    fail: (status) => {
      failing = status;
    },
    recover: () => {
      failing = undefined;
    },
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const go of waiting.splice(0)) go();
    },
    get held() {
      return waiting.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const go of waiting.splice(0)) go();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
