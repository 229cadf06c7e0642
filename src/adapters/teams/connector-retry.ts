/**
 * Replies to the Bot Connector, retried when Teams asks for it. botbuilder's connector client already
 * retries (its Azure pipeline's default policy, three times with exponential backoff and jitter) a 429 that
 * carries Retry-After, and 502, 503 and 504. Teams also answers 412 (Precondition Failed) and a bare 429
 * under load, which Microsoft's guidance says to retry with exponential backoff too; the default policy
 * gives up on those at once. This adds that, as a request policy (the client's documented extension point)
 * outside the default one, so the two never retry the same answer twice over.
 */
import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";

type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
type PolicyFactories = Extract<NonNullable<ConnectorClientOptions["requestPolicyFactories"]>, unknown[]>;
type RequestPolicy = ReturnType<PolicyFactories[number]["create"]>;

/** How the extra retries go: at most `retries`, waiting a random time up to base × 2^n, capped. */
export interface ConnectorRetryOptions {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Told of every 429 seen here (for /metrics). */
  onRateLimited?: () => void;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Three more tries within about 7 s at most: a reply much later than that reads as a bot that failed. */
export const CONNECTOR_RETRY: ConnectorRetryOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 4_000 };

/** The statuses Teams documents as "retry with exponential backoff". */
export const RETRIED_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The statuses the default policy leaves alone and this one retries. */
function needsRetry(status: number, retryAfter: string | undefined): boolean {
  return status === 412 || (status === 429 && !retryAfter);
}

export function connectorRetryOptions(options: ConnectorRetryOptions = CONNECTOR_RETRY): ConnectorClientOptions {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? sleepFor;
  const factory: PolicyFactories[number] = {
    create(next): RequestPolicy {
      return {
        async sendRequest(request) {
          for (let attempt = 0; ; attempt++) {
            const response = await next.sendRequest(attempt === 0 ? request : request.clone());
            if (response.status === 429) options.onRateLimited?.();
            if (attempt >= options.retries || !needsRetry(response.status, response.headers.get("retry-after"))) return response;
            // "Full jitter": a random wait below the exponential ceiling, so many replies do not retry in step.
            await sleep(Math.round(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt)));
          }
        },
      };
    },
  };
  return { requestPolicyFactories: [factory] };
}
