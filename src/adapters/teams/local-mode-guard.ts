/**
 * Local mode (no MICROSOFT_APP_ID) runs without authentication, for the Bot Framework Emulator and tests.
 * The bot sends its replies to the activity's `serviceUrl`, so an open endpoint would let anyone make it
 * POST to any address. In local mode we therefore only accept activities whose serviceUrl is on loopback.
 */

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** True when `serviceUrl` is an http(s) URL whose host is localhost, 127.0.0.1 or ::1. */
export function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== "string") return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  // Credentials in the URL are a classic way to smuggle a different host past a naive check; refuse them.
  if (url.username !== "" || url.password !== "") return false;
  return LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
}
