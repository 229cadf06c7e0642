/**
 * A deadline for each Redis command. node-redis drops a command's own timeout once the command is written,
 * so a Redis that keeps the connection and stops answering (a paused or overloaded host) would leave the
 * caller waiting for ever; every command races a timer instead, and the first one to lose marks Redis as
 * stalled.
 */
export class RedisStalledError extends Error {
  override readonly name = "RedisStalledError";
}

/** `command`, or a RedisStalledError after `ms`. The command itself stays queued in the client; its outcome is ignored. */
export function within<T>(ms: number, command: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisStalledError(`Redis did not answer ${what} within ${ms} ms`)), ms);
  });
  command.catch(() => {}); // lost the race: nobody waits for it any more
  return Promise.race([command, late]).finally(() => clearTimeout(timer));
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message || err.name : String(err));
