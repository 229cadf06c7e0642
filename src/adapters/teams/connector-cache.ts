/**
 * botbuilder's own authentication, keeping the outbound clients it builds instead of building them per turn.
 *
 * CloudAdapter asks the authentication, on every turn, for a ConnectorFactory (then a ConnectorClient for
 * the activity's serviceUrl) and a UserTokenClient. Each is an @azure/core-client ServiceClient with its
 * own request pipeline and credentials object: under load that was about a tenth of all the CPU a Teams
 * message cost, for clients that hold no per-turn state (an HTTP pipeline, the endpoint, the credentials,
 * whose tokens botbuilder caches globally anyway). So they are kept, keyed by everything botbuilder builds
 * them from: the bot's app id (from the request's validated claims, as botbuilder reads it), the
 * serviceUrl and the audience. Authentication itself is untouched: every request is still checked by
 * botbuilder's authenticateRequest, and only then is a client looked up.
 */
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { boundConnector } from "./outbound.js";

type Auth = ConfigurationBotFrameworkAuthentication;
export type ClaimsIdentity = Parameters<Auth["createConnectorFactory"]>[0];
export type ConnectorFactory = ReturnType<Auth["createConnectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;
type UserTokenClient = Awaited<ReturnType<Auth["createUserTokenClient"]>>;

/**
 * The claims botbuilder reads the bot's app id from (botframework-connector's AuthenticationConstants
 * AudienceClaim and AppIdClaim; botbuilder does not re-export them; a test checks they still match).
 */
export const APP_ID_CLAIMS = { audience: "aud", appId: "appid" } as const;

/**
 * Most clients kept. A bot talks to a handful of serviceUrls (one per Teams region); in local mode the
 * serviceUrl is any loopback URL, so the cache is bounded rather than trusted to stay small.
 */
export const MAX_CACHED_CLIENTS = 64;

/** The app id botbuilder's ConnectorFactory and UserTokenClient are built for (its getAppId). */
export function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(APP_ID_CLAIMS.audience) ?? identity.getClaimValue(APP_ID_CLAIMS.appId) ?? "";
}

/** A bounded map of promises: a failed creation is forgotten, so the next turn tries again. */
export class PromiseCache<T> {
  readonly #entries = new Map<string, Promise<T>>();

  constructor(readonly limit: number = MAX_CACHED_CLIENTS) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, create: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit) return hit;
    // Oldest first out: Map keeps insertion order.
    if (this.#entries.size >= this.limit) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    const created = create();
    this.#entries.set(key, created);
    created.catch(() => {
      if (this.#entries.get(key) === created) this.#entries.delete(key);
    });
    return created;
  }
}

/** An undefined audience means botbuilder's default scope; kept apart from any audience a caller names. */
const DEFAULT_AUDIENCE = "\u0000default";

export class CachingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly #connectors = new PromiseCache<ConnectorClient>();
  readonly #userTokens = new PromiseCache<UserTokenClient>();
  /** Each Bot Connector call's bound (see outbound.ts). */
  readonly #timeoutMs: number;

  constructor(timeoutMs: number, ...args: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>) {
    super(...args);
    this.#timeoutMs = timeoutMs;
  }

  override async authenticateRequest(...args: Parameters<Auth["authenticateRequest"]>): ReturnType<Auth["authenticateRequest"]> {
    const result = await super.authenticateRequest(...args);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.#cachedFactory(result.claimsIdentity, factory) } : result;
  }

  override createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory {
    return this.#cachedFactory(identity, super.createConnectorFactory(identity));
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#userTokens.get(JSON.stringify([appIdOf(identity)]), () => super.createUserTokenClient(identity));
  }

  /** botbuilder's factory, asked only when no client exists yet for this app id, serviceUrl and audience. */
  #cachedFactory(identity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(identity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.#connectors.get(JSON.stringify([appId, serviceUrl, audience ?? DEFAULT_AUDIENCE]), async () =>
          boundConnector(await factory.create(serviceUrl, audience), this.#timeoutMs),
        ),
    };
  }
}
