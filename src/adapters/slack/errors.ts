/** Errors the Slack adapter raises, and the safe fields it logs for any error. */
import { isRecord } from "../is-record.js";

export class SlackAdapterError extends Error {
  constructor(
    readonly code: "SLACK_CONFIG_INVALID" | "SLACK_AUTH_FAILED" | "SLACK_CONNECT_FAILED" | "SLACK_UNREACHABLE",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SlackAdapterError";
  }
}

/**
 * What to log about an error: its message, code and Slack's error string. Web API and axios errors
 * carry no token in these fields; the request config (which has the Authorization header) is left out.
 */
export function errorFields(err: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (err instanceof Error) fields.error = err.message.slice(0, 300);
  else fields.error = typeof err === "string" ? err.slice(0, 300) : "unknown error";
  if (isRecord(err)) {
    if (typeof err.code === "string") fields.code = err.code;
    const data = err.data;
    if (isRecord(data) && typeof data.error === "string") fields.slackError = data.error;
  }
  return fields;
}

/**
 * Why Slack's Web API could not be asked at all, or undefined when Slack answered. A request error (DNS,
 * refused, reset, timed out, a proxy refusing the tunnel) or an HTTP error (a status with no Slack JSON: a
 * proxy's 502 or 407) never reached Slack; only a platform error (`ok: false`) is Slack's own answer.
 */
export function unreachableReason(err: unknown): string | undefined {
  if (!isRecord(err)) return undefined;
  if (err.code === "slack_webapi_http_error") return `HTTP ${typeof err.statusCode === "number" ? err.statusCode : "error"}`;
  if (err.code !== "slack_webapi_request_error") return undefined;
  const original = isRecord(err.original) ? err.original : {};
  if (typeof original.code === "string") return original.code;
  return typeof original.message === "string" && original.message ? original.message.slice(0, 120) : "no answer";
}

/** Slack's error string (e.g. "invalid_auth") from a Web API error, for one-line start-up messages. */
export function slackErrorCode(err: unknown): string {
  const f = errorFields(err);
  return f.slackError ?? f.code ?? f.error ?? "unknown error";
}
