/** A mistake in a knowledge file: one clear sentence with the file and line, never a stack trace. */
export class KnowledgeError extends Error {
  constructor(
    readonly code: "KNOWLEDGE_NOT_FOUND" | "KNOWLEDGE_SYNTAX" | "KNOWLEDGE_INVALID" | "KNOWLEDGE_TOO_LARGE",
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${problem}`);
    this.name = "KnowledgeError";
  }
}
