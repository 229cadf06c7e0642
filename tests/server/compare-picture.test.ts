/**
 * GET /compare.png and /compare.svg over real HTTP on loopback: the picture, cached (ETag, 304), and drawn
 * again when the knowledge reloads after an edit.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logging/logger.js";
import { createComparePictureRouter } from "../../src/server/compare-picture-routes.js";
import { createHttpApp } from "../../src/server/http.js";
import { createLiveKnowledge, type LiveKnowledge } from "../../src/server/live-knowledge.js";
import { copyKnowledge } from "../helpers/knowledge-copy.js";

describe("the comparison's picture over HTTP", () => {
  let server: http.Server;
  let url: string;
  let live: LiveKnowledge;
  const copy = copyKnowledge();
  beforeAll(async () => {
    live = createLiveKnowledge(copy.dir, silentLogger, { watch: false });
    const app = createHttpApp(() => ({ version: "test", adapters: [], knowledge: { ok: true, roles: 4 } }));
    app.use(createComparePictureRouter(() => live.whodoes.knowledge, silentLogger));
    server = http.createServer(app).listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    live?.close();
    server?.close();
    copy.remove();
  });

  it("serves the PNG and the SVG with a cache validator", async () => {
    const png = await fetch(`${url}/compare.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("cache-control")).toBe("public, max-age=300");
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    const etag = png.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

    // node:http, not fetch: fetch adds "Cache-Control: no-cache" to a conditional request, as its spec says.
    const again = await new Promise<number | undefined>((resolve, reject) =>
      http
        .get(`${url}/compare.png`, { headers: { "if-none-match": etag ?? "" } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on("error", reject),
    );
    expect(again).toBe(304);

    const svg = await fetch(`${url}/compare.svg?v=anything`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(svg.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(svg.headers.get("etag")).toBe(etag);
    expect(await svg.text()).toContain(">The data roles side by side</text>");
  });

  it("draws the picture again after the knowledge reloads", async () => {
    const before = (await fetch(`${url}/compare.svg`)).headers.get("etag");
    copy.edit("comparison.yaml", (s) => s.replace("title: The data roles side by side", "title: Our data team at a glance"));
    expect(live.reload()).toBe(true);
    const after = await fetch(`${url}/compare.svg`);
    expect(after.headers.get("etag")).not.toBe(before);
    expect(await after.text()).toContain(">Our data team at a glance</text>");
    const png = await fetch(`${url}/compare.png`, { headers: { "if-none-match": before ?? "" } });
    expect(png.status).toBe(200);
    expect(png.headers.get("etag")).toBe(after.headers.get("etag"));
  });
});
