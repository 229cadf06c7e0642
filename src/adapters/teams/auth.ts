/**
 * Authentication is botbuilder's own: we only translate our TeamsConfig into its configuration keys.
 * No app id means botbuilder disables authentication (local mode); the loopback guard then applies.
 * The authentication keeps the outbound clients botbuilder builds for each turn (connector-cache.ts).
 */
import {
  CallerIdConstants,
  type ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from "botbuilder";
import { OUTBOUND_TIMEOUT_MS } from "../adapter.js";
import type { TeamsConfig } from "./config.js";
import { CachingBotFrameworkAuthentication } from "./connector-cache.js";
import { boundOpenIdMetadata } from "./outbound.js";

/**
 * Where botbuilder fetches the keys that sign incoming tokens. Production leaves these unset (botbuilder's
 * public-cloud defaults); tests point them at a loopback fake so token checks never leave the machine.
 */
export interface BotFrameworkEndpoints {
  /** botbuilder key ToBotFromChannelOpenIdMetadataUrl. */
  channelOpenIdMetadataUrl?: string;
  /** botbuilder key ToBotFromEmulatorOpenIdMetadataUrl. */
  emulatorOpenIdMetadataUrl?: string;
}

/**
 * botbuilder's public-cloud settings (botframework-connector's AuthenticationConstants, which botbuilder does
 * not re-export). botbuilder uses them when no endpoint is configured; once any one is set it expects them
 * all, so overriding the metadata URLs means passing the rest explicitly. A test checks they still match.
 */
export const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromChannelOpenIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
  ToBotFromEmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
} as const;

export class TeamsAuthConfigError extends Error {
  readonly code = "TEAMS_AUTH_CONFIG";
}

export function isLocalMode(config: TeamsConfig): boolean {
  return !config.appId;
}

/** Where the keys that sign Teams' tokens are published (what readiness checks). */
export function channelMetadataUrl(endpoints: BotFrameworkEndpoints = {}): string {
  return endpoints.channelOpenIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl;
}

type ConnectorClientOptions = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4];

/** `timeoutMs` bounds each fetch of Bot Framework's signing keys and each Bot Connector call (outbound.ts). */
export function createBotFrameworkAuthentication(
  config: TeamsConfig,
  endpoints: BotFrameworkEndpoints = {},
  /** How the outbound connector clients behave (connector-retry.ts). */
  connectorOptions?: ConnectorClientOptions,
  timeoutMs: number = OUTBOUND_TIMEOUT_MS,
): ConfigurationBotFrameworkAuthentication {
  if (config.appId && config.appType === "UserAssignedMSI" && !config.tenantId) {
    // botbuilder asserts this deep inside its constructor; say it in one sentence instead.
    throw new TeamsAuthConfigError("MICROSOFT_APP_TENANT_ID is missing: MICROSOFT_APP_TYPE=UserAssignedMSI needs the tenant id.");
  }
  const credentials = {
    MicrosoftAppId: config.appId ?? "",
    MicrosoftAppPassword: config.appType === "UserAssignedMSI" ? "" : (config.appPassword ?? ""),
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? "",
  };
  const credentialsFactory = new ConfigurationServiceClientCredentialFactory(credentials);
  const overridden = endpoints.channelOpenIdMetadataUrl || endpoints.emulatorOpenIdMetadataUrl;
  boundOpenIdMetadata(timeoutMs);
  return new CachingBotFrameworkAuthentication(
    timeoutMs,
    {
      MicrosoftAppId: credentials.MicrosoftAppId,
      MicrosoftAppTenantId: credentials.MicrosoftAppTenantId,
      ...(overridden
        ? {
            ...PUBLIC_CLOUD,
            ValidateAuthority: true,
            CallerId: CallerIdConstants.PublicAzureChannel,
            ToBotFromChannelOpenIdMetadataUrl:
              endpoints.channelOpenIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl,
            ToBotFromEmulatorOpenIdMetadataUrl:
              endpoints.emulatorOpenIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromEmulatorOpenIdMetadataUrl,
          }
        : {}),
    },
    credentialsFactory,
    undefined,
    undefined,
    connectorOptions,
  );
}
