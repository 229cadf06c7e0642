/**
 * Slack's Web API rate limits, per method. Slack answers 429 with Retry-After when one method is called too
 * often (each method has its own tier). @slack/web-api's own handling pauses the client's whole request
 * queue for that time, so one busy method (say users.info during a wave of joins) would hold every answer
 * too. Instead the client is told to hand a 429 back (rejectRateLimitedCalls) and its HTTP layer (an axios
 * adapter, the client's documented hook) waits the Retry-After for that method only, with a little jitter,
 * and tries again a bounded number of times. Calls to other methods go on meanwhile.
 */
import axios, { type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from "axios";

export interface RateLimitOptions {
  /** Tries after the first 429; then the 429 goes back to the client, which throws a rate-limited error. */
  retries: number;
  /** A Retry-After longer than this is not waited for: an answer that late is worse than none. */
  maxWaitMs: number;
  /** Up to this much is added to each wait, so calls held together do not all return in the same instant. */
  jitterMs: number;
  /** Told of every 429, with the method and the wait Slack asked for. */
  onRateLimited?: (method: string, retryAfterS: number) => void;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const SLACK_RATE_LIMITS: RateLimitOptions = { retries: 3, maxWaitMs: 30_000, jitterMs: 500 };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** "https://slack.com/api/chat.postMessage" → "chat.postMessage". */
export function methodOf(url: string | undefined): string {
  const path = (url ?? "").split("?")[0] ?? "";
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Retry-After in seconds (Slack sends whole seconds); a missing or odd value counts as 1 s. */
function retryAfterSeconds(response: AxiosResponse): number {
  const value = Number.parseInt(String(response.headers["retry-after"] ?? ""), 10);
  return Number.isFinite(value) && value >= 0 ? value : 1;
}

export function createRateLimitAdapter(options: RateLimitOptions = SLACK_RATE_LIMITS): AxiosAdapter {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? sleepFor;
  // The default transport for this platform (node:http), as the client would use without this adapter.
  const send = axios.getAdapter(axios.defaults.adapter);
  /** Per method: no call before this time. */
  const heldUntil = new Map<string, number>();

  const waitFor = async (method: string) => {
    const until = heldUntil.get(method);
    if (until === undefined) return;
    const wait = until - now();
    if (wait > 0) await sleep(wait);
    else heldUntil.delete(method);
  };

  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    const method = methodOf(config.url);
    // A body that is a stream (a file upload) cannot be sent twice; everything this bot sends is a string.
    const repeatable = typeof config.data === "string" || config.data === undefined;
    for (let attempt = 0; ; attempt++) {
      await waitFor(method);
      const response = await send(config);
      if (response.status !== 429) return response;
      const retryAfterS = retryAfterSeconds(response);
      options.onRateLimited?.(method, retryAfterS);
      const waitMs = retryAfterS * 1000 + Math.round(random() * options.jitterMs);
      if (!repeatable || attempt >= options.retries || waitMs > options.maxWaitMs) return response;
      heldUntil.set(method, Math.max(heldUntil.get(method) ?? 0, now() + waitMs));
    }
  };
}
