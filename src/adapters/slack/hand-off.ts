/**
 * "Ask the data team" on Slack: the question goes to the likely role's channel from directory.yaml, else
 * the triage channel (`triage.slack.channel`), as a post mentioning the asker with Claim and Answered
 * buttons. The bot must be in that channel (the manifest has no chat:write.public): if the role's channel
 * refuses, the triage channel is tried. The asker is told privately where it went, and by DM who took it.
 */
import type { webApi } from "@slack/bolt";
import type { ActionRef, Knowledge, PlatformPerson, TriagePlace } from "../../core/index.js";
import { slackEntries, slackTriage } from "../../render/slack-directory.js";
import { handOffNoticeToBlockKit, triagePostToBlockKit } from "../../render/slack-triage.js";
import type { HandOffs } from "../hand-off.js";
import { isRecord } from "../is-record.js";
import { toBolt } from "./to-bolt.js";

/** Where a question for these likely roles may go on Slack, first choice first. */
export function slackTriagePlaces(knowledge: Knowledge, likely: readonly string[]): TriagePlace[] {
  const role = likely[0];
  const contacts = role ? knowledge.directory.get(role) : undefined;
  const roleChannel = contacts ? slackEntries(contacts).channels[0] : undefined;
  const triage = slackTriage(knowledge.triage)?.channel;
  return [...new Set([roleChannel, triage].filter((c): c is string => c !== undefined))].map((id) => ({ id }));
}

/** Where a Slack post is, for chat.update. */
interface SlackPost {
  channel: string;
  ts: string;
}
const isPost = (v: unknown): v is SlackPost => isRecord(v) && typeof v.channel === "string" && typeof v.ts === "string";

export interface SlackHandOffDeps {
  handOffs: HandOffs;
  knowledge: () => Knowledge;
  client: webApi.WebClient;
  /** Tell the person who pressed the button, privately (ephemeral, or the app's DM). */
  tellClicker: (text: ReturnType<typeof handOffNoticeToBlockKit>) => Promise<void>;
}

/** A hand-off or triage button pressed by `user`. */
export async function pressHandOff(
  deps: SlackHandOffDeps,
  ref: Extract<ActionRef, { do: "handoff" } | { do: "triage" }>,
  user: string,
): Promise<void> {
  const person: PlatformPerson = { id: user };
  if (ref.do === "handoff") {
    const knowledge = deps.knowledge();
    const { notice } = await deps.handOffs.send(ref.q, person, {
      places: (likely) => slackTriagePlaces(knowledge, likely),
      roleName: (id) => knowledge.roles.find((r) => r.id === id)?.name,
      async post(post, place) {
        const res = await deps.client.chat.postMessage({
          channel: place.id,
          ...toBolt(triagePostToBlockKit(post)),
          unfurl_links: false,
          unfurl_media: false,
        });
        return { channel: res.channel ?? place.id, ts: res.ts ?? "" } satisfies SlackPost;
      },
    });
    return deps.tellClicker(handOffNoticeToBlockKit(notice));
  }
  const { record, notice } = await deps.handOffs.step(ref.q, ref.step, person);
  if (record && isPost(record.post)) {
    // The post changes for everyone in the channel: who took it, who answered it.
    await deps.client.chat.update({ channel: record.post.channel, ts: record.post.ts, ...toBolt(triagePostToBlockKit(record)) });
  }
  if (record && notice?.kind === "claimed") {
    // The asker hears privately, in the app's DM with them, who took their question.
    await deps.client.chat.postMessage({ channel: record.asker.id, ...toBolt(handOffNoticeToBlockKit(notice)) });
  } else if (notice) await deps.tellClicker(handOffNoticeToBlockKit(notice));
}
