/**
 * The console chat and tour, run as the `whodoes` process a person runs: typed button labels and their
 * obvious words press buttons (numbers still do), and a follow-up leans on the last answer.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/whodoes.js", import.meta.url));
/** Each answer the console printed, in order (its first line is the answer's title). */
function chat(args: string[], lines: string[]): string[] {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: `${lines.join("\n")}\n`, encoding: "utf8", timeout: 20_000 });
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("");
  return r.stdout
    .split(/you> /)
    .map((part) => part.trim())
    .filter((part) => part !== "" && !part.startsWith("Ask who does"));
}
const title = (answer: string | undefined) => answer?.split("\n")[0];

describe("the console tour by typed labels", () => {
  it("walks with next, back, quiz, a role's name for the quiz's answer, and done", () => {
    const answers = chat(["onboard", "dba"], ["next", "Next", "back", "quiz", "dba", "next question", "done", "quit"]);
    expect(answers.map(title)).toEqual([
      "Database administrator: At a glance",
      "Database administrator: Key responsibilities",
      "Database administrator: Who you work with",
      "Database administrator: Key responsibilities",
      "Database administrator: quiz 1 of 3",
      "Correct",
      "Database administrator: quiz 2 of 3",
      "You're set, DBA",
    ]);
  });

  it("goes on with the tour after a question asked mid-tour", () => {
    const answers = chat(["onboard", "dba"], ["next", "who restores a dropped table?", "next", "quit"]);
    expect(answers.map(title)).toEqual([
      "Database administrator: At a glance",
      "Database administrator: Key responsibilities",
      "Database administrator (The operational gatekeeper)",
      "Database administrator: Who you work with",
    ]);
  });

  it("shows the rest of the key responsibilities for 'more', then goes on with the tour", () => {
    const answers = chat(["onboard", "dba"], ["next", "more", "next", "quit"]);
    expect(answers[2]).toMatch(/More of what the database administrator does \(13–24 of 28\)/);
    expect(title(answers[3])).toBe("Database administrator: Who you work with");
  });

  it("keeps a choice the bot asked for when the reply chooses nothing ('yes', 'hmm')", () => {
    const answers = chat(["chat"], ["who restores a dropped table?", "👎", "yes", "hmm", "4", "quit"]);
    expect(answers.map(title)).toEqual([
      "Database administrator (The operational gatekeeper)",
      "Sorry that didn't help",
      "Pick one of the choices above: type its number or its name, or ask a question.",
      "Pick one of the choices above: type its number or its name, or ask a question.",
      "Thanks, noted",
    ]);
    // A question of its own is still answered.
    const asked = chat(["chat"], ["who restores a dropped table?", "👎", "what does a data manager do?", "quit"]);
    expect(title(asked[2])).toMatch(/^Data manager/);
  });

  it("says how to type before the first prompt", () => {
    const [first] = chat(["onboard", "dba"], ["quit"]);
    expect(first).toMatch(
      /Type a button's number or label to press it \(next, back, quiz, done\), or ask a question; "quit" to leave\.$/,
    );
  });

  it("still takes numbers, and picks the role to start in by name", () => {
    const answers = chat(["onboard"], ["data architect", "1", "quit"]);
    expect(answers.map(title)).toEqual([
      "Welcome to the data team",
      "Data architect: At a glance",
      "Data architect: Key responsibilities",
    ]);
  });
});

describe("a typed button that is not there", () => {
  it("says so, and the conversation carries on where it was", () => {
    const answers = chat(["chat"], ["who restores a dropped table?", "next", "9", "what else do they do?", "quit"]);
    expect(answers.map(title)).toEqual([
      "Database administrator (The operational gatekeeper)",
      'There is no "next" to press here: type the number of a button above, or ask a question.',
      'There is no "9" to press here: type the number of a button above, or ask a question.',
      "Database administrator (The operational gatekeeper)",
    ]);
    expect(answers[3]).toMatch(/Responsibilities:/);
  });
});

describe("the console chat", () => {
  it("presses a button by its label, and follows up on the last answer", () => {
    const answers = chat(
      ["chat"],
      [
        "who restores a dropped table?",
        "what else do they do?",
        "compare with the architect",
        "how do they work together?",
        "quit",
      ],
    );
    expect(answers.map(title)).toEqual([
      "Database administrator (The operational gatekeeper)",
      "Database administrator (The operational gatekeeper)",
      "Database administrator vs Data architect",
      "How the DBA and the architect work together",
    ]);
    // The follow-up described the role: its responsibilities, not the task's evidence alone.
    expect(answers[1]).toMatch(/Responsibilities:/);
  });

  it("names a role mid-sentence as a common noun and keeps an acronym's capitals; a line that starts with it keeps its own", () => {
    const answers = chat(
      ["chat"],
      ["how do the data manager and the dba work together?", "who does the architect work with?", "dba vs architect", "quit"],
    );
    expect(answers.map(title)).toEqual([
      "How the data manager and the DBA work together",
      "Who the architect works with",
      "Database administrator vs Data architect",
    ]);
    expect(answers[0]).toContain("[1] Compare with the DBA\n[2] Who else does the data manager work with?");
    expect(answers[0]).toContain("- Data manager: Partners with DBAs");
    expect(answers[1]).toContain("[1] How do they work with the DWH engineer?");
    expect(answers[2]).toContain("[1] What does a DBA do?\n[2] What does an architect do?");
  });

  it("keeps the role the asker is starting in across a button pressed by its label", () => {
    const answers = chat(
      ["chat"],
      [
        "I'm a new DBA, what should I do first?",
        "what does a data manager do?",
        "Who do they work with?",
        "what should I learn first?",
        "quit",
      ],
    );
    expect(title(answers[3])).toMatch(/^Database administrator: /);
  });

  it("takes 'more' and 'go on' outside the tour as asking for more, not as a button that is not there", () => {
    const answers = chat(["chat"], ["what does a dba do?", "more", "go on", "quit"]);
    expect(answers[1]).toMatch(/More of what the database administrator does \(13–24 of 28\)/);
    expect(answers[2]).toMatch(/More of what the database administrator does \(25–28 of 28\)/);
  });

  it("promises no review of a correction, as the console records none", () => {
    const answers = chat(["chat"], ["who restores a dropped table?", "not helpful", "data manager", "quit"]);
    expect(answers[2]).toMatch(/^Thanks, noted\nNoted: this one is for the data manager\. It is not recorded here/);
    expect(answers[2]).not.toMatch(/will review/);
  });

  it("ends its last line when the input ends, so the shell's prompt does not follow 'you> '", () => {
    for (const args of [["chat"], ["onboard", "dba"]]) {
      for (const input of ["", "quit\n"]) {
        const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", timeout: 20_000 });
        expect(r.status).toBe(0);
        expect(r.stdout.endsWith("you> \n"), `${args.join(" ")} with ${JSON.stringify(input)}`).toBe(true);
      }
    }
  });

  it("reads a question that starts a new topic on its own", () => {
    const answers = chat(["chat"], ["what does a data manager do?", "who designs the partitioning?", "quit"]);
    expect(answers.map(title)).toEqual(["Data manager (The strategic overseer)", "Data architect (The system designer)"]);
  });
});
