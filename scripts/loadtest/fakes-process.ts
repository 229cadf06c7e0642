/** Child process: the fake Slack and fake Bot Connector, controlled by the load test over IPC. */
import { type Fakes, startFakes } from "./fakes.js";
import { serveRpc } from "./rpc.js";

let fakes: Fakes | undefined;

serveRpc({
  async start() {
    fakes = await startFakes();
    return { slackApiUrl: fakes.slackApiUrl, responseBase: fakes.responseBase, serviceUrl: fakes.serviceUrl };
  },
  counts: () => fakes?.counts(),
  reset: () => fakes?.reset(),
  async stop() {
    await fakes?.close();
    setImmediate(() => process.exit(0));
  },
});
