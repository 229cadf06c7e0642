/**
 * Local mode (no MICROSOFT_APP_ID) runs without authentication, for the Bot Framework Emulator and tests.
 * Two rules keep it a door into this machine only:
 * - the request must come from this machine: its peer address is loopback and no proxy forwarded it
 *   (whatever address the server listens on, HOST=0.0.0.0 included);
 * - the bot sends its replies to the activity's `serviceUrl`, so that must be on loopback too, or anyone
 *   could make it POST to any address.
 */
import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

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

/** Headers a proxy adds when it forwards a request: whoever sent it is not the proxy on this machine. */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"] as const;

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** True for 127.0.0.0/8 and ::1, also IPv4-mapped (::ffff:127.0.0.1, as dual-stack sockets report it). */
export function isLoopbackAddress(address: string | undefined): boolean {
  const family = address ? isIP(address) : 0;
  return family !== 0 && LOOPBACK.check(address as string, family === 4 ? "ipv4" : "ipv6");
}

/** Whether a request may use local mode: from this machine, and not relayed by a proxy. */
export function isLocalRequest(peer: string | undefined, headers: IncomingHttpHeaders): boolean {
  return isLoopbackAddress(peer) && FORWARDING_HEADERS.every((h) => headers[h] === undefined);
}
