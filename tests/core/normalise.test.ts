import { describe, expect, it } from "vitest";
import { normalise, sentences } from "../../src/core/understanding/normalise.js";

describe("normalise", () => {
  // Words are compared joined by spaces (no word has one), so each case stays on one line.
  it.each([
    [
      "drops Slack mention, channel and special tokens",
      "<@U024BE7LH> who owns <#C123|general> backups <!here> <!subteam^S1|@dbas>",
      "who owns backups",
    ],
    [
      "keeps a Slack link's label but not its URL, and drops bare URLs and emails",
      "see <https://wiki.example.com/x|the runbook> and https://x.io/a?b=1 or ann@example.com",
      "see the runbook and or",
    ],
    [
      "drops a forum or code-forge handle typed as plain text, but not an email or a word with an @ inside",
      "@ian-r-rose @fnapolitano73 can you confirm? cc ann@example.com, 3@4pm",
      "can you confirm cc 3 4pm",
    ],
    [
      "drops emoji shortcodes and emoji, folds case, accents and punctuation",
      ":fire: DATABASE is DOWN!!! 🔥🙏🏽 café… *bold* `code` _it_",
      "database is down cafe bold code it",
    ],
    [
      "folds contractions, including curly apostrophes",
      "who’s the DBA's boss? it isn't mine, I'm new",
      "who the dba boss it is not mine i new",
    ],
    ["keeps can't and won't whole", "I can’t log in and it won't start", "i can not log in and it will not start"],
    [
      "reads a negation typed without its apostrophe as typed with it",
      "the numbers dont match, it doesnt add up, cant restore, wont load",
      "the numbers do not match it does not add up can not restore will not load",
    ],
    [
      "drops pasted HTML tags but keeps the text between them, and a lone < or >",
      "<img src=x onerror=alert(1)><p>who restores</p> rows < 100 > 5",
      "who restores rows 100 5",
    ],
    [
      "reads any length of time as one word",
      "went from 2s to 40 seconds, now 1.5 hrs",
      "went from duration to duration now duration",
    ],
    [
      "joins a phrasal verb split around a pronoun, but not a pronoun after 'is' or 'can'",
      "who backs them up? who sets it up? is that up to the DBA? can it back up the database?",
      "who backs up them who sets up it is that up to the dba can it back up the database",
    ],
  ])("%s", (_name, input, words) => {
    expect(normalise(input).join(" ")).toBe(words);
  });
  it("cuts a message into sentences at . ! ? and line breaks, not inside names or URLs", () => {
    expect(sentences("ORDERS.ORDER_LINES is full. Who fixes it?\n> see https://x.example/a.b")).toEqual([
      "ORDERS.ORDER_LINES is full.",
      "Who fixes it?",
      "> see https://x.example/a.b",
    ]);
  });
  it("reads a hard-wrapped line as one sentence, and a line typed on its own as its own", () => {
    // A mail's wrap breaks where no sentence ends ("...make sure that") and goes on in lower case.
    expect(sentences("Who is checking to make sure that\nthe data we publish is valid?")).toEqual([
      "Who is checking to make sure that the data we publish is valid?",
    ]);
    expect(sentences("can we back up the data stored on the\nserver before the upgrade?")).toHaveLength(1);
    // Lines that end on a word of their own, or go on in capitals, are sentences as typed.
    expect(sentences("who restores a dropped table\nwho designs the partitioning")).toHaveLength(2);
    expect(sentences("We keep the backups on the\nWho checks them?")).toHaveLength(2);
  });
  it("bounds the work on huge input", () => {
    expect(normalise("backup ".repeat(100_000)).length).toBeLessThanOrEqual(200);
  });
  it("returns nothing for empty or symbol-only input", () => {
    expect(normalise("")).toEqual([]);
    expect(normalise("  ?!… \u0000\u202e ")).toEqual([]);
  });
});
