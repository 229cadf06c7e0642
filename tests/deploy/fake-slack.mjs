// A fake Slack Web API for the container test, run in its own container on the compose network: every
// method answers ok (auth.test as a bot), calls are recorded, and GET /calls lists them for the test.
import http from "node:http";

const calls = [];
http
  .createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method === "GET" && path === "/calls") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(calls));
        return;
      }
      const method = path.replace(/^\/api\//, "");
      const body = Object.fromEntries(new URLSearchParams(raw));
      calls.push({ method, channel: body.channel, thread_ts: body.thread_ts, text: body.text });
      const reply =
        method === "auth.test"
          ? { ok: true, team_id: "T0DEPLOY", user_id: "U0DEPLOYBOT", bot_id: "B0DEPLOYBOT", team: "Deploy", user: "whodoes" }
          : { ok: true, ts: `${Date.now() / 1000}`, channel: body.channel };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    });
  })
  .listen(8080, "0.0.0.0");
