/**
 * "Ask the data team" on Teams: the question goes to the likely role's channel from directory.yaml, else
 * the triage channel (`triage.teams.channel`), as a proactive post mentioning the asker, with Claim and
 * Answered buttons that replace the card for everyone. The bot must be installed in that channel's team.
 * The asker, and anyone whose press changed nothing, is told privately (their chat with the bot).
 */
import type { TurnContext } from "botbuilder";
import type { ActionRef, HandOffNotice, Knowledge, PlatformPerson, TriagePlace } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import { teamsEntries, teamsTriage } from "../../render/teams-directory.js";
import { handOffNoticeToTeamsMessage, triagePostToTeamsMessage } from "../../render/teams-triage.js";
import type { Store } from "../../store/store.js";
import type { HandOffs } from "../hand-off.js";
import { isRecord } from "../is-record.js";
import { type Proactive, reachFor, reachOf, type TeamsReach } from "./proactive.js";

/** Where a question for these likely roles may go on Teams, first choice first. */
export function teamsTriagePlaces(knowledge: Knowledge, likely: readonly string[]): TriagePlace[] {
  const role = likely[0];
  const contacts = role ? knowledge.directory.get(role) : undefined;
  const places = [contacts ? teamsEntries(contacts).channels[0] : undefined, teamsTriage(knowledge.triage)?.channel];
  const out: TriagePlace[] = [];
  for (const p of places) if (p && !out.some((o) => o.id === p.id)) out.push({ id: p.id, name: p.name });
  return out;
}

/** How to reach the asker privately, kept with their question: their chat with the bot, if that is where they asked. */
export interface TeamsReply {
  reach: TeamsReach;
  conversationId?: string;
}

export function replyOf(context: TurnContext): TeamsReply | undefined {
  const reach = reachOf(context.activity);
  if (!reach) return undefined;
  const personal = context.activity.conversation?.conversationType === "personal";
  return { reach, ...(personal ? { conversationId: context.activity.conversation.id } : {}) };
}

const isReply = (v: unknown): v is TeamsReply =>
  isRecord(v) && isRecord(v.reach) && typeof v.reach.serviceUrl === "string" && isRecord(v.reach.bot);

export interface TeamsHandOffDeps {
  handOffs: HandOffs;
  knowledge: () => Knowledge;
  store: Store;
  proactive: Proactive;
  logger: Logger;
}

/** Tell the person who pressed a button, privately: a reply in their chat with the bot, else a one-to-one chat. */
async function tellClicker(deps: TeamsHandOffDeps, context: TurnContext, notice: HandOffNotice): Promise<void> {
  const message = handOffNoticeToTeamsMessage(notice);
  const reply = replyOf(context);
  if (!reply || reply.conversationId) {
    await context.sendActivity(message);
    return;
  }
  try {
    await deps.proactive.tell(reply.reach, { id: context.activity.from.id }, message);
  } catch (err) {
    // No one-to-one chat possible (the app is not installed for them): say it where they pressed.
    deps.logger.warn("teams: could not message a person privately; replying in the conversation", {
      error: (err as Error)?.message,
    });
    await context.sendActivity(message);
  }
}

/** A hand-off or triage button pressed in `context`. */
export async function pressTeamsHandOff(
  deps: TeamsHandOffDeps,
  context: TurnContext,
  ref: Extract<ActionRef, { do: "handoff" } | { do: "triage" }>,
): Promise<void> {
  const from = context.activity.from;
  const person: PlatformPerson = { id: from.id, ...(from.name ? { name: from.name } : {}) };
  const here = reachOf(context.activity);
  if (ref.do === "handoff") {
    const knowledge = deps.knowledge();
    const { notice } = await deps.handOffs.send(ref.q, person, {
      places: (likely) => teamsTriagePlaces(knowledge, likely),
      roleName: (id) => knowledge.roles.find((r) => r.id === id)?.name,
      async post(post, place) {
        const reach = await reachFor(deps.store, place.id, here);
        if (!reach) throw new Error("no Bot Connector address for that channel");
        return { channel: place.id, id: await deps.proactive.postToChannel(reach, place.id, triagePostToTeamsMessage(post)) };
      },
    });
    return tellClicker(deps, context, notice);
  }
  const { record, notice } = await deps.handOffs.step(ref.q, ref.step, person);
  const card = context.activity.replyToId;
  if (record && card) {
    try {
      // The post changes for everyone in the channel: who took it, who answered it.
      await context.updateActivity({ ...triagePostToTeamsMessage(record), id: card });
    } catch (err) {
      deps.logger.warn("teams: could not update the triage post", { error: (err as Error)?.message });
    }
  }
  if (record && notice?.kind === "claimed" && isReply(record.reply)) {
    const reply = record.reply;
    await deps.proactive.tell(
      reply.reach,
      { id: record.asker.id, ...(reply.conversationId ? { conversationId: reply.conversationId } : {}) },
      handOffNoticeToTeamsMessage(notice),
    );
  } else if (notice && notice.kind !== "claimed") await tellClicker(deps, context, notice);
}
