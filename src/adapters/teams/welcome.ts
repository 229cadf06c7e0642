/**
 * Who gets a welcome when Teams reports members added, and the once-only claim that stops repeats:
 * Teams re-sends conversationUpdate on reinstall and retries, and both bot and user can appear in one update.
 */
import type { Store } from "../../store/store.js";
import { isRecord } from "../is-record.js";

export interface MemberAddedUpdate {
  conversation?: { id?: string; conversationType?: string } | undefined;
  recipient?: { id?: string; name?: string } | undefined;
  membersAdded?: unknown;
  channelData?: unknown;
}

export interface WelcomePlan {
  /** Store keys to claim; the welcome goes out for the members whose claim succeeds. */
  claims: { key: string; name?: string }[];
  /** True when the bot itself was added: one welcome for the whole conversation, no names. */
  botAdded: boolean;
  needsMention: boolean;
}

function teamId(channelData: unknown): string | undefined {
  if (!isRecord(channelData) || !isRecord(channelData.team)) return undefined;
  return typeof channelData.team.id === "string" ? channelData.team.id : undefined;
}

/** Teams gives bots ids that start with "28:" (people have "29:…"); bots are never welcomed. */
export function isBotId(id: string): boolean {
  return id.startsWith("28:");
}

/** Decide whom to welcome; undefined when nobody should be. */
export function planWelcome(update: MemberAddedUpdate): WelcomePlan | undefined {
  const conversationId = update.conversation?.id;
  const botId = update.recipient?.id;
  if (!conversationId || !Array.isArray(update.membersAdded)) return undefined;
  const members = update.membersAdded.filter((m): m is { id: string; name?: unknown } => isRecord(m) && typeof m.id === "string");
  const team = teamId(update.channelData);
  const personal = update.conversation?.conversationType === "personal";
  const needsMention = !personal;
  // Keyed by team when there is one: a team's updates can arrive in any of its channels.
  const place = team ? `team:${team}` : `conversation:${conversationId}`;

  if (botId && members.some((m) => m.id === botId)) {
    // The bot was installed or added: welcome the place once, whoever else came with it.
    return { claims: [{ key: `teams:welcome:${place}` }], botAdded: true, needsMention };
  }
  // Other bots joining (a connector, another app) are nobody to welcome.
  const people = members.filter((m) => m.id !== botId && !isBotId(m.id));
  if (personal) {
    if (people.length === 0) return undefined;
    // A personal chat is one person and the bot: the same key as the install, so they get one welcome in all.
    return { claims: [{ key: `teams:welcome:${place}` }], botAdded: true, needsMention };
  }
  // People joining: only in a team (a group chat gaining a member is not worth a bot message).
  if (!team || people.length === 0) return undefined;
  return {
    claims: people.map((m) => ({
      key: `teams:welcome:${place}:member:${m.id}`,
      ...(typeof m.name === "string" && m.name ? { name: m.name } : {}),
    })),
    botAdded: false,
    needsMention,
  };
}

/** Claim each key; returns the names of the newly welcomed people, or undefined when nothing is left to send. */
export async function claimWelcome(plan: WelcomePlan, store: Store): Promise<{ names: string[] } | undefined> {
  const names: string[] = [];
  let any = false;
  for (const claim of plan.claims) {
    if (await store.claimOnce(claim.key)) {
      any = true;
      if (claim.name) names.push(claim.name);
    }
  }
  return any ? { names: plan.botAdded ? [] : names } : undefined;
}
