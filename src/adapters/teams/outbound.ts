/**
 * Bounds on what botbuilder sends out, which it leaves unbounded: a dependency that accepts a connection and
 * never answers would hold a Teams request (and a socket) for as long as the TCP connection lives.
 *
 * - Bot Framework's OpenID metadata and signing keys: botbuilder fetches them with no timeout, and every
 *   request that finds the keys stale starts a fetch of its own. Its keys are kept per metadata URL in
 *   JwtTokenExtractor's cache; the entries made here fetch with a deadline and share one fetch between
 *   concurrent requests. botbuilder's own OpenIdMetadata still holds the keys, decides when they are stale and
 *   turns them into PEM; the token check itself (jsonwebtoken.verify, endorsements) is untouched.
 * - The Bot Connector: each reply client gets a first pipeline policy that gives every HTTP attempt a timeout
 *   and the whole call (its access token, retries and sends) a deadline, after which it is aborted.
 *
 * botframework-connector does not export JwtTokenExtractor or OpenIdMetadata, and types the parts used here as
 * private: they are reached by name, and tests/security/outbound-timeouts.test.ts fails if they move.
 */
import { JwtTokenExtractor } from "botframework-connector/lib/auth/jwtTokenExtractor.js";
import { OpenIdMetadata } from "botframework-connector/lib/auth/openIdMetadata.js";

/** An error botbuilder's callers read as "our side, not the caller's token" (see http.ts: 503). */
class KeysUnavailableError extends Error {
  readonly statusCode = 503;
  override readonly name = "KeysUnavailableError";
}

async function getJson(url: string, signal: AbortSignal, what: string): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    throw new KeysUnavailableError(timedOut ? `${what} did not answer in time` : `${what} could not be fetched (${String(err)})`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new KeysUnavailableError(`${what} answered HTTP ${res.status}`);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (typeof body !== "object" || body === null) throw new KeysUnavailableError(`${what} is not JSON`);
  return body as Record<string, unknown>;
}

/** The fields of botbuilder's OpenIdMetadata its refresh sets (typed private there). */
interface MetadataState {
  keys?: unknown;
  lastUpdated: number;
  refreshCache(): Promise<void>;
}

/** botbuilder's OpenIdMetadata for `url`, whose refresh has a deadline and is shared by concurrent callers. */
function boundedMetadata(url: string, timeoutMs: number): OpenIdMetadata {
  const metadata = new OpenIdMetadata(url);
  const state = metadata as unknown as MetadataState;
  let inflight: Promise<void> | undefined;
  const refresh = async () => {
    // One deadline for the metadata and the keys it points to.
    const signal = AbortSignal.timeout(timeoutMs);
    const config = await getJson(url, signal, "Bot Framework's OpenID metadata");
    if (typeof config.jwks_uri !== "string") throw new KeysUnavailableError("Bot Framework's OpenID metadata has no jwks_uri");
    const jwks = await getJson(config.jwks_uri, signal, "Bot Framework's signing keys");
    state.keys = jwks.keys;
    state.lastUpdated = Date.now();
  };
  state.refreshCache = () => {
    inflight ??= refresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
  return metadata;
}

/** JwtTokenExtractor's per-URL cache, answering every URL with a bounded entry. */
class BoundedMetadataCache extends Map<string, OpenIdMetadata> {
  constructor(public timeoutMs: number) {
    super();
  }
  override get(url: string): OpenIdMetadata {
    let metadata = super.get(url);
    if (!metadata) {
      metadata = boundedMetadata(url, this.timeoutMs);
      super.set(url, metadata);
    }
    return metadata;
  }
}

/** Make every OpenID metadata fetch botbuilder does (process-wide: its cache is static) bounded by `timeoutMs`. */
export function boundOpenIdMetadata(timeoutMs: number): void {
  const extractor = JwtTokenExtractor as unknown as { openIdMetadataCache: Map<string, OpenIdMetadata> };
  if (extractor.openIdMetadataCache instanceof BoundedMetadataCache) extractor.openIdMetadataCache.timeoutMs = timeoutMs;
  else extractor.openIdMetadataCache = new BoundedMetadataCache(timeoutMs);
}

/** The parts of @azure/core-rest-pipeline's request and pipeline used here (a transitive dependency). */
interface PipelineRequest {
  url: string;
  timeout: number;
  abortSignal?: AbortSignal;
}
interface Pipeline {
  addPolicy(
    policy: {
      name: string;
      sendRequest(request: PipelineRequest, next: (r: PipelineRequest) => Promise<unknown>): Promise<unknown>;
    },
    options?: { phase?: string },
  ): void;
}

export class ConnectorTimeoutError extends Error {
  readonly code = "TEAMS_CONNECTOR_TIMEOUT";
  override readonly name = "ConnectorTimeoutError";
}

/**
 * Bound every call `connector` (a ConnectorClient) makes: each HTTP attempt gets `timeoutMs` (the transport in
 * connector-retry.ts passes it on), the whole call, its retries included, twice that.
 */
export function boundConnector<T>(connector: T, timeoutMs: number): T {
  const pipeline = (connector as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline) throw new Error("teams: cannot bound Bot Connector calls: botbuilder's ConnectorClient has no pipeline");
  pipeline.addPolicy(
    {
      name: "whodoesBoundedCall",
      async sendRequest(request, next) {
        request.timeout = timeoutMs;
        const deadline = AbortSignal.timeout(2 * timeoutMs);
        request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, deadline]) : deadline;
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new ConnectorTimeoutError(`the Bot Connector did not answer within ${2 * timeoutMs} ms`)),
            2 * timeoutMs,
          );
        });
        try {
          // The race covers what the abort signal cannot reach (botbuilder's access token request).
          return await Promise.race([next(request), late]);
        } finally {
          clearTimeout(timer);
        }
      },
    },
    // First in the pipeline, so the deadline covers the token, the retries and every send.
    { phase: "Serialize" },
  );
  return connector;
}
