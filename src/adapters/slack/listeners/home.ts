/**
 * The App Home tab: published each time a person opens it. The view is the core's welcome (with real
 * example questions made from the knowledge) and the role directory, built per opening because the
 * knowledge can be reloaded while the bot runs.
 */
import type { App } from "@slack/bolt";
import { homeView } from "../../../render/slack.js";
import type { SlackDeps } from "../deps.js";
import { SLASH_COMMAND } from "../settings.js";
import { toBoltView } from "../to-bolt.js";

export function registerHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, context, client }) => {
    if (event.tab !== "home") return;
    await deps.work.run({ kind: "app_home_opened", team: context.teamId }, async () => {
      const { whodoes } = deps;
      const view = toBoltView(homeView({ welcome: whodoes.welcome({ command: SLASH_COMMAND }), roles: whodoes.knowledge.roles }));
      await client.views.publish({ user_id: event.user, view });
    });
  });
}
