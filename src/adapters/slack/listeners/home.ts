/**
 * The App Home tab: published each time a person opens it. The view depends only on the knowledge,
 * and is built per opening because the knowledge can be reloaded while the bot runs.
 */
import type { App } from "@slack/bolt";
import type { Knowledge } from "../../../core/index.js";
import { homeView } from "../../../render/slack.js";
import type { SlackDeps } from "../deps.js";
import { SLASH_COMMAND } from "../settings.js";
import { toBoltView } from "../to-bolt.js";

/** Which intents lend the Home tab its example questions, and how many each. */
const EXAMPLES_FROM: ReadonlyArray<readonly [string, number]> = [
  ["who_does", 2],
  ["describe_role", 1],
  ["compare_roles", 1],
];

/** Example questions taken from the knowledge base, so they never drift from what the bot knows. */
export function exampleQuestions(knowledge: Knowledge): string[] {
  return EXAMPLES_FROM.flatMap(([id, count]) => knowledge.intents.find((i) => i.id === id)?.examples.slice(0, count) ?? []);
}

export function registerHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, context, client }) => {
    if (event.tab !== "home") return;
    await deps.work.run({ kind: "app_home_opened", team: context.teamId }, async () => {
      const { knowledge } = deps.whodoes;
      const view = toBoltView(
        homeView({ roles: knowledge.roles, examples: exampleQuestions(knowledge), command: SLASH_COMMAND }),
      );
      await client.views.publish({ user_id: event.user, view });
    });
  });
}
