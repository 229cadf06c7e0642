/** Report windows typed as 30m, 12h, 7d or 4w. */

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Milliseconds in a duration like "7d"; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d{1,6})\s*([mhdw])\s*$/i.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase() as keyof typeof UNIT_MS;
  return n > 0 ? n * UNIT_MS[unit] : undefined;
}
