/**
 * A tiny request/reply protocol over a forked child's IPC channel, so the load test can ask the server
 * process for its memory and CPU without measuring through the HTTP port it is loading.
 */
import { type ChildProcess, fork } from "node:child_process";

type Handler = (arg: unknown) => unknown;

interface RpcRequest {
  id: number;
  cmd: string;
  arg?: unknown;
}
interface RpcReply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** In the child: answer the parent's calls; exit when the parent goes away (never outlive the run). */
export function serveRpc(handlers: Record<string, Handler>): void {
  process.on("disconnect", () => process.exit(0));
  process.on("message", async (message: RpcRequest) => {
    const handler = handlers[message.cmd];
    let reply: RpcReply;
    try {
      if (!handler) throw new Error(`unknown command ${message.cmd}`);
      reply = { id: message.id, ok: true, value: await handler(message.arg) };
    } catch (err) {
      reply = { id: message.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    process.send?.(reply);
  });
}

export interface ChildRpc {
  readonly child: ChildProcess;
  call<T>(cmd: string, arg?: unknown, timeoutMs?: number): Promise<T>;
  /** Resolves when the child has exited. */
  exited: Promise<number | null>;
}

/** Fork a compiled module with an RPC channel; its stderr goes to ours (it only logs problems). */
export function forkRpc(module: URL, execArgv: string[] = []): ChildRpc {
  const child = fork(module, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (reply: RpcReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(reply.error));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then(() => {
    for (const p of pending.values()) p.reject(new Error(`${module.pathname} exited`));
    pending.clear();
  });
  return {
    child,
    exited,
    call<T>(cmd: string, arg?: unknown, timeoutMs = 30_000) {
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${cmd}: no reply within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v as T);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        child.send({ id, cmd, arg } satisfies RpcRequest);
      });
    },
  };
}
