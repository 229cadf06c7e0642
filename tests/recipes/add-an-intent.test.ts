/**
 * docs/architecture.md, "Add an intent", done in a copy of the project: a new intent id makes the compiler
 * point at the two places that must handle it; with those, a rule and a builder, and its cues in
 * intents.yaml, the bot answers it.
 */
import { afterAll, describe, expect, it } from "vitest";
import type * as Core from "../../src/core/index.js";
import { copyProject } from "../helpers/project-copy.js";

const CORE = ["src/core", "src/config"];

const BUILDER = `/** contact: how to reach the people who hold a role. */
import type { Answer } from "../answer.js";
import type { Role } from "../knowledge/types.js";
import { type AnswerContext, answer, peopleBlocks, roleCard } from "./context.js";
import { plain } from "./rich-text.js";

export function contact(ctx: AnswerContext, role: Role): Answer {
  const people = peopleBlocks(ctx, [role]);
  const nobody = \`The directory names nobody for the \${role.name.toLowerCase()} yet.\`;
  return answer({
    intent: "contact",
    title: \`Who to contact: \${role.name}\`,
    summary: people.length > 0 ? \`Who holds the \${role.name.toLowerCase()} role here.\` : nobody,
    blocks: people.length > 0 ? people : [{ type: "text", text: plain(nobody) }],
    roles: [roleCard(role, 1)],
  });
}
`;

describe("recipe: add an intent", () => {
  const copy = copyProject();
  afterAll(() => copy.remove());

  it("the compiler names every place a new intent id must be handled", () => {
    copy.edit("src/core/intents.ts", (t) => t.replace('  "out_of_scope",\n]', '  "out_of_scope",\n  "contact",\n]'));
    const errors = copy.typecheck(CORE);
    expect(errors.map((e) => e.split("(")[0])).toEqual(["src/core/understanding/classify.ts", "src/core/whodoes.ts"]);
    expect(errors[0]).toMatch(/Property 'contact' is missing/);
    expect(errors[1]).toMatch(/lacks ending return statement/);
  });

  it("with its tie rank, a rule, a builder and its cues, the bot answers it", async () => {
    copy.edit("src/core/understanding/classify.ts", (t) =>
      t.replace("  out_of_scope: 8,\n", "  out_of_scope: 8,\n  contact: 9,\n"),
    );
    copy.edit("src/core/understanding/intent-scores.ts", (t) =>
      t.replace(
        "const STEPS: readonly Step[] = [\n",
        'const contact: Step = (f, score) => {\n  if (f.named === 1 && f.cue("contact") > 0) set(score, "contact", 2 + 2 * f.cue("contact"));\n};\n\nconst STEPS: readonly Step[] = [\n  contact,\n',
      ),
    );
    copy.write("src/core/answers/contact.ts", BUILDER);
    copy.edit("src/core/whodoes.ts", (t) =>
      t
        .replace(
          "        return previous && asksNothing(m, text) ? help(ctx, false) : outOfScope(ctx, m.department, m.named);\n",
          '        return previous && asksNothing(m, text) ? help(ctx, false) : outOfScope(ctx, m.department, m.named);\n      case "contact":\n        return first ? contact(ctx, first) : outOfScope(ctx);\n',
        )
        .replace(
          'import { collaboration } from "./answers/collaboration.js";',
          'import { collaboration } from "./answers/collaboration.js";\nimport { contact } from "./answers/contact.js";',
        ),
    );
    copy.edit(
      "intents/intents.yaml",
      (t) =>
        `${t.trimEnd()}\n  - id: contact\n    description: How to reach the people in a role\n    cues: [get hold of, contact details]\n    examples:\n      - how do I get hold of the ROLE?\n`,
    );
    expect(copy.typecheck(CORE)).toEqual([]);

    const core = await copy.load<typeof Core>("src/core/index.ts");
    const whodoes = core.createWhodoes(core.loadKnowledge());
    const answer = whodoes.ask("how do I get hold of the DBA?");
    expect(answer.intent).toBe("contact");
    expect(answer.title).toBe("Who to contact: Database administrator");
    // The help text is made from intents.yaml, so the new example shows up there with a real role.
    expect(JSON.stringify(whodoes.ask("help").blocks)).toMatch(/how do I get hold of the [A-Z]/);
    // Everything else still works as before.
    expect(whodoes.ask("who restores a dropped table?").roles[0]?.id).toBe("database-administrator");
  });
});
