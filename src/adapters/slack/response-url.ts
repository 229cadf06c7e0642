/**
 * Answers to a response_url (slash commands, buttons), posted over kept-alive connections.
 *
 * Bolt's respond() is `axios.post(response_url, message)`: no retries, no signing (the URL is
 * pre-signed by Slack, so it needs no token). Under the load test it was a fifth of the CPU a slash
 * command cost. Not for want of keep-alive (Node 20's global agent already reused the connections):
 * axios' own request machinery costs about 0.33 ms of CPU per post on this machine, node:http on a
 * keep-alive agent 0.1 ms, and Node's global fetch 0.4 ms. So this does the same POST with node:http:
 * same JSON body, and, as with axios, any answer other than 2xx is an error, so the caller's
 * log-and-apologise path (work.ts) is unchanged.
 */
import http from "node:http";
import https from "node:https";
import type { RespondArguments } from "@slack/bolt";

export type ResponseMessage = RespondArguments;

/** Posts one message to one response_url: what a listener is handed instead of Bolt's respond(). */
export type Respond = (message: ResponseMessage) => Promise<void>;

export interface ResponseUrlClient {
  /** The poster for one command's or click's response_url. */
  respondTo(responseUrl: string): Respond;
  /** Close idle connections (on stop). */
  close(): void;
}

export class ResponseUrlError extends Error {
  constructor(
    readonly code: "SLACK_RESPONSE_URL_INVALID" | "SLACK_RESPONSE_URL_REJECTED" | "SLACK_RESPONSE_URL_TIMEOUT",
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ResponseUrlError";
  }
}

export interface ResponseUrlClientOptions {
  /** Give up on a post (and close its socket) when its answer has not fully arrived this long after it began. */
  timeoutMs: number;
  /** How long an idle connection is kept for the next answer; default 5 s (Node's global agent's figure). */
  idleMs?: number;
}

/** Slack's error text ("expired_url", "invalid_blocks") is short; more than this is not worth logging. */
const MAX_ERROR_BODY = 200;
const USER_AGENT = "whodoes (node:http)";

export function createResponseUrlClient(options: ResponseUrlClientOptions): ResponseUrlClient {
  const idleMs = options.idleMs ?? 5_000;
  // One pool per scheme; `timeout` here only closes sockets idle in the pool (see post() for requests).
  const agents = {
    "http:": new http.Agent({ keepAlive: true, timeout: idleMs }),
    "https:": new https.Agent({ keepAlive: true, timeout: idleMs }),
  };

  function post(url: URL, message: ResponseMessage): Promise<void> {
    const body = JSON.stringify(message);
    const send = url.protocol === "https:" ? https.request : http.request;
    return new Promise<void>((resolve, reject) => {
      const finish = (err?: unknown) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
      const req = send(
        url,
        {
          method: "POST",
          agent: agents[url.protocol as keyof typeof agents],
          headers: {
            "content-type": "application/json; charset=utf-8",
            "content-length": Buffer.byteLength(body),
            "user-agent": USER_AGENT,
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            // Drain the body so the connection goes back to the pool.
            res.resume();
            res.once("end", () => finish());
            res.once("error", finish);
            return;
          }
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            if (text.length < MAX_ERROR_BODY) text += chunk;
          });
          res.once("end", () => {
            const said = text.trim().slice(0, MAX_ERROR_BODY);
            // The URL is a capability (anyone holding it can post); it never goes into a message.
            finish(
              new ResponseUrlError(
                "SLACK_RESPONSE_URL_REJECTED",
                `response_url answered HTTP ${status}${said ? `: ${said}` : ""}`,
                status,
              ),
            );
          });
          res.once("error", finish);
        },
      );
      // One deadline for the whole post, not an idle timer: a server that trickles its answer is cut off too.
      const timer = setTimeout(
        () =>
          req.destroy(
            new ResponseUrlError("SLACK_RESPONSE_URL_TIMEOUT", `response_url did not answer within ${options.timeoutMs} ms`),
          ),
        options.timeoutMs,
      );
      req.once("error", finish);
      req.end(body);
    });
  }

  return {
    respondTo(responseUrl) {
      let url: URL | undefined;
      try {
        url = new URL(responseUrl);
      } catch {
        url = undefined;
      }
      const valid = url !== undefined && (url.protocol === "https:" || url.protocol === "http:");
      return (message) =>
        valid && url
          ? post(url, message)
          : Promise.reject(new ResponseUrlError("SLACK_RESPONSE_URL_INVALID", "the response_url is not an http(s) URL"));
    },
    close() {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}
