import type { LogFields, Logger } from "../../../src/logging/logger.js";

export interface CapturedLine {
  level: "debug" | "info" | "warn" | "error";
  msg: string;
  fields?: LogFields;
}

/** A logger that keeps what it is told, for asserting on warnings. */
export function captureLogger(): Logger & { lines: CapturedLine[]; at(level: CapturedLine["level"]): string[] } {
  const lines: CapturedLine[] = [];
  const log = (level: CapturedLine["level"]) => (msg: string, fields?: LogFields) => {
    lines.push({ level, msg, ...(fields ? { fields } : {}) });
  };
  return {
    lines,
    at: (level) => lines.filter((l) => l.level === level).map((l) => l.msg),
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
  };
}
