/**
 * A loopback stand-in for Bot Framework's OpenID metadata (login.botframework.com), so botbuilder's own
 * token validation runs for real without leaving the machine. It publishes one RSA key; tests sign tokens
 * with it (valid) or with a key of their own (forged).
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const CHANNEL_ISSUER = "https://api.botframework.com";

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

/** A compact JWS (RS256) over `payload`, with `kid` in the header. */
export function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string, alg = "RS256"): string {
  const head = b64url(JSON.stringify({ alg, typ: "JWT", kid }));
  const body = b64url(JSON.stringify(payload));
  const data = `${head}.${body}`;
  if (alg === "none") return `${data}.`;
  return `${data}.${b64url(sign("RSA-SHA256", Buffer.from(data), key))}`;
}

export function newRsaKey(): KeyObject {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return createPrivateKey(privateKey.export({ format: "pem", type: "pkcs8" }));
}

/** Claims Teams' channel tokens carry, valid for an hour. */
export function channelClaims(
  appId: string,
  serviceUrl: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
}

export async function startFakeOpenId() {
  const key = newRsaKey();
  const kid = "fake-bot-framework-key";
  const jwk = key.export({ format: "jwk" }) as { n: string; e: string };
  let url = "";
  const server = http.createServer((req, res) => {
    if (req.url === "/v1/.well-known/openidconfiguration") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${url}/v1/keys` }));
    } else if (req.url === "/v1/keys") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(
          JSON.stringify({ keys: [{ kty: "RSA", use: "sig", kid, n: jwk.n, e: jwk.e, endorsements: ["msteams", "emulator"] }] }),
        );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${url}/v1/.well-known/openidconfiguration`,
    key,
    kid,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
