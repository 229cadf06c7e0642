/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the server's time went: self time by
 * package (a node_modules package, our src/ folder, or Node itself) and the hottest functions.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** Where a frame's code lives: "express", "@slack/bolt", "src/core", "node", "(gc)", "(idle)". */
export function owner(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const [scope = "", name = ""] = url.slice(nm + "/node_modules/".length).split("/");
    return scope.startsWith("@") ? `${scope}/${name}` : scope;
  }
  const src = /\/dist\/(src\/[^/]+|scripts)\//.exec(url);
  return src?.[1] ?? url;
}

export function summariseProfile(path: string, top = 15): string {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const totalHits = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0) || 1;
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const who = owner(url, functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + hits);
    const file = url.replace(/^.*\/(node_modules|dist)\//, "");
    const key = `${functionName || "(anonymous)"}  ${file}${url ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  }
  const share = (hits: number) => `${((hits / totalHits) * 100).toFixed(1).padStart(5)}%`;
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  return [
    `CPU profile ${path} (${seconds.toFixed(1)} s of the server process)`,
    "  self time by owner:",
    ...sorted(byOwner).map(([k, v]) => `    ${share(v)}  ${k}`),
    "  hottest functions (self time):",
    ...sorted(byFunction).map(([k, v]) => `    ${share(v)}  ${k}`),
  ].join("\n");
}
