/**
 * A real redis-server for the tests and the load test: started on a free loopback port with no
 * persistence, killed after. CI installs the Debian package (.ci/run).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { connect, createServer } from "node:net";
import { setTimeout as delay } from "node:timers/promises";

export const REDIS_SERVER = ["redis-server", "/usr/bin/redis-server", "/usr/sbin/redis-server"].find(
  (p) => spawnSync(p, ["--version"], { encoding: "utf8" }).status === 0,
);

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

export interface RedisServer {
  port: number;
  url: string;
  /** SIGKILL: Redis vanishes as in a crash. */
  kill(): Promise<void>;
  /** SIGSTOP: Redis keeps its connections open and stops answering, as a hung host does. */
  pause(): void;
  /** SIGCONT: it answers again (and works through what it was sent meanwhile). */
  resume(): void;
  /** Start again on the same port (empty: nothing is saved). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Start redis-server on `port` (default: a free one). */
export async function startRedis(port?: number): Promise<RedisServer> {
  if (!REDIS_SERVER) throw new Error("redis-server is not installed");
  port ??= await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const c = spawn(REDIS_SERVER, ["--save", "", "--appendonly", "no", "--port", String(port), "--bind", "127.0.0.1"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    child = c;
    for (let i = 0; i < 100; i++) {
      if (c.exitCode !== null) throw new Error(`redis-server exited with ${c.exitCode}`);
      if (await accepts(port)) return;
      await delay(50);
    }
    throw new Error(`redis-server did not listen on ${port}`);
  };
  const kill = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((resolve) => c.once("exit", resolve));
    c.kill("SIGKILL");
    await exited;
  };

  const signal = (name: NodeJS.Signals) => () => {
    if (child && child.exitCode === null) child.kill(name);
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    pause: signal("SIGSTOP"),
    resume: signal("SIGCONT"),
    restart: start,
    // A stopped process is killed all the same (SIGKILL needs no CONT).
    stop: kill,
  };
}
