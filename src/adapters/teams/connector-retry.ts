/**
 * Replies to the Bot Connector, retried when Teams asks for it. Teams answers 412, 429, 502, 503 and 504
 * under load, and Microsoft's guidance is to retry those with exponential backoff. botbuilder's connector
 * client retries some of them itself (a 429 or 503 that carries Retry-After, and 5xx), up to 64 s apart, and
 * none of the others (412, a bare 429). So whodoes gives the client its own HTTP transport (the `httpClient`
 * of its options, the client's documented hook; botbuilder replaces any request policy given to it) that
 * retries all five, waiting Retry-After when Teams sends one and otherwise a jittered exponential time,
 * bounded; and when it gives up it throws, so the client's own policy never starts a second round.
 * Every 429 is counted on the way.
 */
import { toCompatResponse, type WebResourceLike } from "@azure/core-http-compat";
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } from "@azure/core-rest-pipeline";
import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";

type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
type CompatHttpClient = NonNullable<ConnectorClientOptions["httpClient"]>;

/** How the retries go: at most `retries` more tries, each after Retry-After or a random time up to base × 2^n. */
export interface ConnectorRetryOptions {
  retries: number;
  baseDelayMs: number;
  /** No wait is longer than this, whatever Retry-After says: a reply much later than that reads as a failure. */
  maxDelayMs: number;
  /** Told of every 429 (for /metrics). */
  onRateLimited?: () => void;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Three more tries within about 10 s at most. */
export const CONNECTOR_RETRY: ConnectorRetryOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 4_000 };

/** The statuses Teams documents as "retry with exponential backoff". */
export const RETRIED_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

/** The connector kept answering a retried status; carries it as botbuilder's errors do (`statusCode`). */
export class ConnectorRefused extends Error {
  readonly code = "TEAMS_CONNECTOR_REFUSED";
  constructor(readonly statusCode: number) {
    super(`the Bot Connector answered HTTP ${statusCode} to every try`);
    this.name = "ConnectorRefused";
  }
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function ipv6Literal(url: string): { requestOverrides?: Record<string, unknown> } {
  const host = new URL(url).hostname;
  return host.startsWith("[") ? { requestOverrides: { hostname: host.slice(1, -1) } } : {};
}

export function connectorRetryOptions(options: ConnectorRetryOptions = CONNECTOR_RETRY): ConnectorClientOptions {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? sleepFor;
  const transport = createDefaultHttpClient();

  const httpClient = {
    async sendRequest(request: WebResourceLike) {
      for (let attempt = 0; ; attempt++) {
        const response = await transport.sendRequest(
          createPipelineRequest({
            url: request.url,
            method: request.method,
            headers: createHttpHeaders(request.headers.rawHeaders()),
            body: request.body,
            timeout: request.timeout,
            // As botbuilder's client decides it: plain http only when the serviceUrl itself is http (local mode,
            // which accepts loopback serviceUrls only).
            allowInsecureConnection: request.url.startsWith("http:"),
            // An IPv6 literal (local mode's http://[::1]:PORT/) as the address it is: the client would pass the
            // URL's bracketed hostname to the DNS resolver and fail with ENOTFOUND.
            ...ipv6Literal(request.url),
            ...(request.abortSignal ? { abortSignal: request.abortSignal } : {}),
          }),
        );
        if (response.status === 429) options.onRateLimited?.();
        // With the request botbuilder sent, not the copy made here: its deserialisation reads the operation from it.
        if (!RETRIED_STATUSES.has(response.status)) return { ...toCompatResponse(response), request };
        if (attempt >= options.retries) throw new ConnectorRefused(response.status);
        const retryAfterS = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
        // Teams' own wait when it gives one; otherwise "full jitter", so many replies do not retry in step.
        const wait = Number.isFinite(retryAfterS)
          ? retryAfterS * 1000
          : random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
        await sleep(Math.round(Math.min(wait, options.maxDelayMs)));
      }
    },
  };
  const typed: CompatHttpClient = httpClient;
  return { httpClient: typed };
}
