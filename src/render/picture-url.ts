/**
 * Where Slack and Teams fetch the comparison's picture: the server's GET /compare.png behind its public
 * address (PUBLIC_URL). The URL carries a digest of the table, so a changed knowledge gives a new URL and
 * neither platform shows a picture it cached from before.
 */
import { createHash } from "node:crypto";
import type { Answer } from "../core/index.js";

export const COMPARE_PNG_PATH = "/compare.png";
export const COMPARE_SVG_PATH = "/compare.svg";

/** The picture's address for an answer that holds the table; undefined without a public address or a table. */
export function pictureUrlFor(publicUrl: string | undefined, answer: Answer): string | undefined {
  const block = answer.blocks.find((b) => b.type === "table");
  if (!publicUrl || !block || block.type !== "table") return undefined;
  const version = createHash("sha256").update(JSON.stringify(block.table)).digest("hex").slice(0, 12);
  return `${publicUrl.replace(/\/+$/, "")}${COMPARE_PNG_PATH}?v=${version}`;
}
