/**
 * Readiness for an authenticated Teams bot: can the keys that sign Teams' tokens be fetched? Without them
 * botbuilder refuses every request (503), so an instance that cannot reach them should take no traffic.
 * The check reads the OpenID metadata, then the key set it names, as botbuilder does; the outcome is kept
 * for a while so frequent probes cost nothing, and concurrent probes share one fetch.
 */
export type SigningKeysCheck = () => Promise<{ ok: boolean } & Record<string, unknown>>;

export interface SigningKeysCheckOptions {
  /** Give up on a fetch after this long; default 5 s. */
  timeoutMs?: number;
  /** Reuse a good outcome this long (default 5 min) and a failure this long (default 15 s). */
  okForMs?: number;
  failedForMs?: number;
  now?: () => number;
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`${new URL(url).host} answered HTTP ${res.status}`);
  return res.json();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function createSigningKeysCheck(metadataUrl: string, options: SigningKeysCheckOptions = {}): SigningKeysCheck {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const now = options.now ?? Date.now;
  let last: { at: number; result: { ok: boolean } & Record<string, unknown> } | undefined;
  let pending: Promise<{ ok: boolean } & Record<string, unknown>> | undefined;

  async function probe(): Promise<{ ok: boolean } & Record<string, unknown>> {
    try {
      const metadata = await getJson(metadataUrl, timeoutMs);
      const jwksUri = isRecord(metadata) && typeof metadata.jwks_uri === "string" ? metadata.jwks_uri : undefined;
      if (!jwksUri) return { ok: false, signingKeys: "the OpenID metadata names no key set" };
      const keys = await getJson(jwksUri, timeoutMs);
      const count = isRecord(keys) && Array.isArray(keys.keys) ? keys.keys.length : 0;
      return count > 0 ? { ok: true, signingKeys: count } : { ok: false, signingKeys: "the key set is empty" };
    } catch (err) {
      return { ok: false, signingKeys: `unreachable: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  return () => {
    if (last && now() - last.at < (last.result.ok ? (options.okForMs ?? 300_000) : (options.failedForMs ?? 15_000)))
      return Promise.resolve(last.result);
    pending ??= probe().then((result) => {
      last = { at: now(), result };
      pending = undefined;
      return result;
    });
    return pending;
  };
}
