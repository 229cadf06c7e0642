/** `npm start` and the load test must run the server with the same Node flags, or the figures are not npm start's. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "../../src/server/node-flags.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  scripts: Record<string, string>;
};

describe("the server's Node flags", () => {
  it("are the ones npm start and the container image pass", () => {
    // `exec`: node replaces the shell, so the signal npm forwards on stop reaches the server itself.
    expect(pkg.scripts.start).toBe(`npm run build --silent && exec node ${SERVER_NODE_FLAGS.join(" ")} dist/src/server/main.js`);
    const dockerfile = readFileSync(new URL("../../Dockerfile", import.meta.url), "utf8");
    expect(dockerfile).toContain(
      `CMD ${JSON.stringify(["node", ...SERVER_NODE_FLAGS, "dist/src/server/main.js"]).replaceAll(",", ", ")}`,
    );
  });

  it("are accepted by this Node and give the young generation its fixed size", () => {
    // Node refuses an unknown flag (exit 9), so this also fails if a Node upgrade drops one.
    const newSpace = execFileSync(
      process.execPath,
      [
        ...SERVER_NODE_FLAGS,
        "-e",
        "process.stdout.write(String(require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size))",
      ],
      { encoding: "utf8" },
    );
    expect(Number(newSpace)).toBe(32 * 1024 * 1024);
  });
});
