/**
 * A network namespace of the test's own, joined to this machine by a veth pair with documentation-range
 * addresses (RFC 5737, 198.51.100.0/24 and 192.0.2.0/24), so a request can come from an address that is
 * not loopback without touching any network outside this machine. Needs root and iproute2's `ip`
 * (CI runs as root). Names are unique per run and everything is deleted in remove().
 */
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";

export interface Namespace {
  name: string;
  /** The host side's address: a server bound to it (or to 0.0.0.0) is reachable from the namespace. */
  hostAddress: string;
  /** The namespace side's address: what the host sees as the peer. */
  nsAddress: string;
  /** Run `node -e script` inside the namespace; resolves with its stdout. Async: the server under test may be in this process. */
  node(script: string, timeoutMs?: number): Promise<string>;
  remove(): void;
}

function ip(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync("ip", args, { encoding: "utf8" });
  return { ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

/** Why namespaces cannot be made here, or undefined when they can. */
export function namespacesUnavailable(): string | undefined {
  if (typeof process.getuid === "function" && process.getuid() !== 0) return "not running as root";
  if (spawnSync("ip", ["-V"], { encoding: "utf8" }).status !== 0) return "iproute2's `ip` is not installed";
  return undefined;
}

/** A /30 in the documentation ranges that no interface here uses yet (other test runs may hold some). */
function freeSubnet(): [string, string] {
  const used = ip(["-o", "addr", "show"]).out;
  for (let attempt = 0; attempt < 200; attempt++) {
    const prefix = attempt % 2 === 0 ? "198.51.100" : "192.0.2";
    const base = 4 * ((randomBytes(1)[0] ?? 0) % 64);
    const host = `${prefix}.${base + 1}`;
    const peer = `${prefix}.${base + 2}`;
    if (!used.includes(`${host}/`) && !used.includes(`${peer}/`)) return [host, peer];
  }
  throw new Error("no free documentation-range /30 for the test namespace");
}

export function createNamespace(tag: string): Namespace {
  const id = randomBytes(3).toString("hex");
  const name = `whodoes-${tag}-${id}`;
  // Interface names are at most 15 characters.
  const hostIf = `wd${tag.slice(0, 4)}${id}h`;
  const nsIf = `wd${tag.slice(0, 4)}${id}n`;
  const [hostAddress, nsAddress] = freeSubnet();
  const steps: string[][] = [
    ["netns", "add", name],
    ["link", "add", hostIf, "type", "veth", "peer", "name", nsIf],
    ["link", "set", nsIf, "netns", name],
    ["addr", "add", `${hostAddress}/30`, "dev", hostIf],
    ["link", "set", hostIf, "up"],
    ["netns", "exec", name, "ip", "addr", "add", `${nsAddress}/30`, "dev", nsIf],
    ["netns", "exec", name, "ip", "link", "set", nsIf, "up"],
    ["netns", "exec", name, "ip", "link", "set", "lo", "up"],
  ];
  const remove = () => {
    // Deleting one end of a veth pair deletes both; deleting the namespace removes what is left.
    ip(["link", "del", hostIf]);
    ip(["netns", "del", name]);
  };
  for (const step of steps) {
    const r = ip(step);
    if (!r.ok) {
      remove();
      throw new Error(`ip ${step.join(" ")} failed: ${r.out}`);
    }
  }
  return {
    name,
    hostAddress,
    nsAddress,
    node(script, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        execFile(
          "ip",
          ["netns", "exec", name, process.execPath, "-e", script],
          { encoding: "utf8", timeout: timeoutMs },
          (err, stdout, stderr) =>
            err ? reject(new Error(`node in ${name} failed: ${err.message}\n${stderr}`)) : resolve(stdout),
        );
      });
    },
    remove,
  };
}
