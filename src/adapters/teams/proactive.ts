/**
 * Messages the bot starts rather than replies with: a post in a channel (a question for the data team)
 * and a private word with one person (where their question went, who took it). Teams lets a bot post
 * where it is installed: in a team's channels once it is added to the team, to a person once they have
 * it. The channel's address (the Bot Connector's serviceUrl and the tenant) comes from the conversation
 * reference stored when the bot was installed in that team, or else from the activity in hand.
 */
import type { Activity, ConversationReference, TurnContext } from "botbuilder";
import type { Store } from "../../store/store.js";
import { isRecord } from "../is-record.js";
import type { WhodoesCloudAdapter } from "./cloud-adapter.js";

/** Where the bot reaches a tenant: its Bot Connector, the tenant, and the bot's own id. */
export interface TeamsReach {
  serviceUrl: string;
  tenantId?: string;
  bot: { id: string; name?: string };
}

/** Installation references are kept this long; any activity in the team renews them. */
export const REFERENCE_TTL_MS = 400 * 24 * 60 * 60 * 1000;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The reach of an incoming activity, if it says enough. */
export function reachOf(activity: Partial<Activity>): TeamsReach | undefined {
  const serviceUrl = str(activity.serviceUrl);
  const botId = str(activity.recipient?.id);
  if (!serviceUrl || !botId) return undefined;
  const channelData = isRecord(activity.channelData) ? activity.channelData : {};
  const tenantId =
    str(activity.conversation?.tenantId) ?? (isRecord(channelData.tenant) ? str(channelData.tenant.id) : undefined);
  const name = str(activity.recipient?.name);
  return { serviceUrl, ...(tenantId ? { tenantId } : {}), bot: { id: botId, ...(name ? { name } : {}) } };
}

/** The channels an activity comes from: its channel, and the team (whose id is its General channel's). */
function channelsOf(activity: Partial<Activity>): string[] {
  const data = isRecord(activity.channelData) ? activity.channelData : {};
  const settings = isRecord(data.settings) && isRecord(data.settings.selectedChannel) ? data.settings.selectedChannel : {};
  return [
    isRecord(data.channel) ? str(data.channel.id) : undefined,
    str(settings.id),
    isRecord(data.team) ? str(data.team.id) : undefined,
  ].filter((c): c is string => c !== undefined);
}

const referenceKey = (channel: string) => `teams:reach:${channel}`;

/**
 * Remember how to reach the channels an activity came from: called when the bot is installed in a team
 * (the install step docs/teams.md describes) and on every message in a channel.
 */
export async function rememberReach(store: Store, activity: Partial<Activity>): Promise<void> {
  const reach = reachOf(activity);
  if (!reach) return;
  await Promise.all(channelsOf(activity).map((c) => store.remember(referenceKey(c), JSON.stringify(reach), REFERENCE_TTL_MS)));
}

/** How to reach `channel`: as remembered from its team's install, else as `fallback` (the activity in hand). */
export async function reachFor(store: Store, channel: string, fallback: TeamsReach | undefined): Promise<TeamsReach | undefined> {
  const raw = await store.recall(referenceKey(channel)).catch(() => undefined);
  if (raw) {
    try {
      const r = JSON.parse(raw) as TeamsReach;
      if (typeof r.serviceUrl === "string" && typeof r.bot?.id === "string") return r;
    } catch {
      // A damaged value: use what the activity says.
    }
  }
  return fallback;
}

export interface Proactive {
  /** A new post in a channel; returns its message id. */
  postToChannel(reach: TeamsReach, channel: string, message: Partial<Activity>): Promise<string | undefined>;
  /** A private message to one person: in their chat with the bot when known, else a new one-to-one chat. */
  tell(reach: TeamsReach, person: { id: string; conversationId?: string }, message: Partial<Activity>): Promise<void>;
}

export function createProactive(adapter: WhodoesCloudAdapter, appId: string | undefined): Proactive {
  const botAppId = appId ?? "";
  const reference = (reach: TeamsReach, conversation: ConversationReference["conversation"]): Partial<ConversationReference> => ({
    channelId: "msteams",
    serviceUrl: reach.serviceUrl,
    bot: { id: reach.bot.id, name: reach.bot.name ?? "" },
    conversation,
  });
  return {
    async postToChannel(reach, channel, message) {
      let id: string | undefined;
      const conversation = { id: channel, isGroup: true, conversationType: "channel", tenantId: reach.tenantId ?? "", name: "" };
      await adapter.continueConversationAsync(botAppId, reference(reach, conversation), async (context: TurnContext) => {
        id = (await context.sendActivity(message))?.id;
      });
      return id;
    },
    async tell(reach, person, message) {
      if (person.conversationId) {
        const conversation = {
          id: person.conversationId,
          isGroup: false,
          conversationType: "personal",
          tenantId: reach.tenantId ?? "",
          name: "",
        };
        await adapter.continueConversationAsync(botAppId, reference(reach, conversation), async (context: TurnContext) => {
          await context.sendActivity(message);
        });
        return;
      }
      const parameters = {
        isGroup: false,
        bot: { id: reach.bot.id, name: reach.bot.name ?? "" },
        members: [{ id: person.id, name: "" }],
        channelData: reach.tenantId ? { tenant: { id: reach.tenantId } } : {},
        ...(reach.tenantId ? { tenantId: reach.tenantId } : {}),
      };
      // botbuilder types the audience as a string but reads undefined as this cloud's default Bot Connector
      // scope, which is what a message to Teams needs.
      const audience = undefined as unknown as string;
      await adapter.createConversationAsync(
        botAppId,
        "msteams",
        reach.serviceUrl,
        audience,
        parameters,
        async (context: TurnContext) => {
          await context.sendActivity(message);
        },
      );
    },
  };
}
