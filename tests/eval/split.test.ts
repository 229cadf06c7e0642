/**
 * The real questions are split by source (tests/eval/real/README.md): every question of a site or a repository
 * is in one part, so the held-out part measures places the matcher was never tuned on.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readConversations } from "../../scripts/eval/conversations.js";
import { REAL_DIR, readQuestionDir } from "../../scripts/eval/evaluate.js";
import { fileKey, sourceKey, splitGroup } from "../../scripts/eval/source-key.js";
import { realSources } from "../../scripts/eval/sources.js";

const entriesOf = (part: "dev" | "heldout") => [...readQuestionDir(join(REAL_DIR, part)), ...readConversations(part)];
// A real question without a source fails the first test below; here it would only be a group of its own.
const sourcesOf = (part: "dev" | "heldout") =>
  new Set(entriesOf(part).map((e) => splitGroup(sourceKey(e.source ?? "(no source)"))));

describe("the real questions' split", () => {
  it("knows where every real question was asked", () => {
    const questions = ["dev", "heldout"].flatMap((part) => readQuestionDir(join(REAL_DIR, part)));
    expect(questions.filter((q) => !q.source).map((q) => q.q)).toEqual([]);
  });

  it("puts each source, single questions and conversations alike, in one part only", () => {
    const dev = sourcesOf("dev");
    const heldout = sourcesOf("heldout");
    expect(heldout.size).toBeGreaterThan(100);
    expect([...heldout].filter((s) => dev.has(s))).toEqual([]);
  });

  it("lists every address the questions came from once, held-out ones and conversations' included (`--sources`)", () => {
    const listed = realSources();
    expect(listed).toEqual([...new Set(listed)].sort());
    const held = [...readQuestionDir(join(REAL_DIR, "heldout")), ...readConversations("heldout")];
    const known = new Set(listed);
    const missing = held.map((e) => e.source).filter((s) => s === undefined || !known.has(s));
    expect(missing).toEqual([]);
    expect(listed).toContain(readConversations("dev")[0]?.source);
  });

  it("counts a site's subdomains, and its name written with a final dot, as the site; a repository apart from its forge", () => {
    expect(sourceKey("https://forums.example.co.uk/t/1")).toBe("example.co.uk");
    expect(sourceKey("https://ico.org.uk./for-organisations")).toBe("ico.org.uk");
    expect(sourceKey("https://github.com/owner/repo/issues/3")).toBe("github.com/owner/repo");
  });

  it("counts a Reddit thread as its own source, by its post id, whatever the subreddit is written as", () => {
    const thread = sourceKey("https://www.reddit.com/r/dataengineering/comments/1KQ2ZX9/some_title/");
    expect(thread).toBe("reddit.com/comments/1kq2zx9");
    expect(sourceKey("https://old.reddit.com/r/DataEngineering/comments/1kq2zx9/")).toBe(thread);
    expect(splitGroup(thread)).not.toBe(
      splitGroup(sourceKey("https://www.reddit.com/r/dataengineering/comments/1kq3aa0/other/")),
    );
    // ...but every thread's questions are kept in the site's one file.
    expect(fileKey(thread)).toBe("reddit.com");
    expect(fileKey("github.com/owner/repo")).toBe("github.com/owner/repo");
  });

  it("deals a site's country domains together, and each repository apart", () => {
    expect(splitGroup(sourceKey("https://www.glassdoor.co.uk/Interview/x"))).toBe(splitGroup("glassdoor.com"));
    expect(splitGroup("github.com/owner/repo")).not.toBe(splitGroup("github.com/owner/other"));
    // A repository that moved to another owner is one project under either name.
    expect(splitGroup(sourceKey("https://github.com/element-hq/synapse/issues/1"))).toBe(
      splitGroup(sourceKey("https://github.com/matrix-org/synapse/issues/2")),
    );
    // ...and so is a project's documentation repository.
    expect(splitGroup(sourceKey("https://github.com/ClickHouse/clickhouse-docs/issues/1"))).toBe(
      splitGroup(sourceKey("https://github.com/ClickHouse/ClickHouse/issues/2")),
    );
  });
});
