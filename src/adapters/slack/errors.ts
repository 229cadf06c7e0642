/** Errors the Slack adapter raises, and the safe fields it logs for any error. */
import { isRecord } from "../is-record.js";

export class SlackAdapterError extends Error {
  constructor(
    readonly code: "SLACK_CONFIG_INVALID" | "SLACK_AUTH_FAILED" | "SLACK_CONNECT_FAILED",
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

/** Slack's error string (e.g. "invalid_auth") from a Web API error, for one-line start-up messages. */
export function slackErrorCode(err: unknown): string {
  const f = errorFields(err);
  return f.slackError ?? f.code ?? f.error ?? "unknown error";
}
