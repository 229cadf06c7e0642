/** Waiting with a bound, for the steps of a shutdown that must not hang it. */

/** Resolves with "done" when `promise` settles or "late" after `ms`, whichever is first; never rejects. */
export function settledWithin(ms: number, promise: Promise<unknown>): Promise<"done" | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  const done = promise.then(
    () => "done" as const,
    () => "done" as const,
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}
