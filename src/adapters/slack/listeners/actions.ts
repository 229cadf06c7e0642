/**
 * Buttons: the value is an ActionRef, checked with the core's parseActionRef (it is untrusted input)
 * and handed to act(). "Share in channel" re-creates the answer from its ref and posts it publicly.
 * Feedback votes are logged (vote, intent, role: no user ids, no text) and thanked privately; a 👎
 * asks privately which role it should have been. "Ask the data team", Claim and Answered go to
 * hand-off.ts.
 * The onboarding tour steps in place: an ephemeral card is replaced through its response_url, a card
 * in the DM is edited with chat.update, so a tour is one card, not a dozen messages.
 */
import type { App, BlockAction, webApi } from "@slack/bolt";
import { type ActionRef, parseActionRef } from "../../../core/index.js";
import { ACTION_ID_PREFIX, SHARE_ACTION_ID, type SlackMessage, TOUR_BLOCK_ID_PREFIX } from "../../../render/slack.js";
import { placeConversation } from "../conversation-key.js";
import type { SlackDeps } from "../deps.js";
import { pressHandOff } from "../hand-off.js";
import { type Place, placeOf } from "../place.js";
import type { Respond } from "../response-url.js";
import { APOLOGY } from "../settings.js";
import { toBolt } from "../to-bolt.js";

const OUR_ACTIONS = new RegExp(`^(${ACTION_ID_PREFIX}\\d+|${SHARE_ACTION_ID})$`);

interface Reply {
  place: Place;
  /** Posts to the click's response_url; absent when Slack sent none (the Home tab). */
  respond: Respond | undefined;
  client: webApi.WebClient;
  user: string;
  /** The block_id of the clicked button's row: tells a tour card's buttons apart (TOUR_BLOCK_ID_PREFIX). */
  blockId: string | undefined;
  team: string | undefined;
}

/** A Back / Next / Done / quiz click on a tour card: the next step replaces that card. */
const continuesTour = (r: Reply, ref: ActionRef) =>
  (ref.do === "onboard" || ref.do === "quiz") && r.blockId?.startsWith(TOUR_BLOCK_ID_PREFIX) === true;

/** Send a follow-up that only the clicker sees (or, from the Home tab, into the app's DM). */
async function replyPrivately(r: Reply, message: SlackMessage): Promise<void> {
  const thread = (r.place.kind === "dm" || r.place.kind === "channel") && r.place.threadTs ? { thread_ts: r.place.threadTs } : {};
  if (r.respond) {
    // In a thread, the follow-up stays in that thread.
    await r.respond({ response_type: "ephemeral", replace_original: false, ...thread, ...toBolt(message) });
  } else if (r.place.kind === "home") {
    await r.client.chat.postMessage({ channel: r.place.user, ...toBolt(message) });
  } else if (r.place.kind === "dm" || r.place.kind === "channel") {
    await r.client.chat.postEphemeral({ channel: r.place.channel, user: r.user, ...thread, ...toBolt(message) });
  }
}

/** The answer to a button, ready to send; in a DM or a thread it becomes the last turn a follow-up leans on. */
const answerTo = async (deps: SlackDeps, r: Reply, ref: ActionRef) =>
  deps.extras.acted(ref, await deps.conversations.act(placeConversation(r.team, r.place, r.user), ref), r.user);

/**
 * The Home tab keeps no conversation: its answers land in the app's DM, where a follow-up to them is typed
 * ("who do they work with?"), so they are answered as the DM's (conversations.open names it; im:write). A
 * follow-up is a nicety: when the DM cannot be named, the answer still goes to the person.
 */
async function homeAsDm(r: Reply): Promise<Reply> {
  if (r.place.kind !== "home") return r;
  const opened = await r.client.conversations.open({ users: r.place.user }).catch(() => undefined);
  const channel = opened?.channel?.id;
  return channel ? { ...r, place: { kind: "dm", channel } } : r;
}

/** The answer to a button, where the button lives. */
async function replyInPlace(deps: SlackDeps, clicked: Reply, ref: ActionRef): Promise<void> {
  const r = await homeAsDm(clicked);
  const answer = await answerTo(deps, r, ref);
  const { place } = r;
  if (place.kind === "ephemeral" && r.respond) {
    await r.respond({ replace_original: true, ...toBolt(deps.blockKit(answer, { shareRef: ref })) });
  } else if (place.kind === "dm" && place.messageTs && continuesTour(r, ref)) {
    await r.client.chat.update({ channel: place.channel, ts: place.messageTs, ...toBolt(deps.blockKit(answer)) });
  } else if (place.kind === "dm") {
    const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
    await r.client.chat.postMessage({ channel: place.channel, ...thread, ...toBolt(deps.blockKit(answer)) });
  } else if (place.kind === "home") {
    await r.client.chat.postMessage({ channel: place.user, ...toBolt(deps.blockKit(answer)) });
  } else {
    await replyPrivately(r, deps.blockKit(answer, { shareRef: ref }));
  }
}

/** Post the shared answer for the channel, then remove the private copy it came from. */
async function share(deps: SlackDeps, r: Reply, ref: ActionRef): Promise<void> {
  if (!r.respond) return;
  // Whoever shares a private answer is the one who asked it: the public copy's buttons are theirs too.
  const answer =
    ref.do === "ask" ? await deps.extras.asked(ref.text, deps.whodoes.act(ref), { id: r.user }) : await answerTo(deps, r, ref);
  await r.respond({
    response_type: "in_channel",
    replace_original: false,
    ...toBolt(deps.blockKit(answer, { sharedBy: r.user })),
  });
  await r.respond({ delete_original: true });
}

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: "block_actions", action_id: OUR_ACTIONS }, async ({ ack, body, action, client, context }) => {
    await ack();
    const place = placeOf(body);
    // A button, or one side of Slack's own 👍/👎 (feedback_buttons): both carry an ActionRef as their value.
    const ref = parseActionRef(action.type === "button" || action.type === "feedback_buttons" ? action.value : undefined);
    const logContext = { kind: "action", team: context.teamId, actionId: action.action_id, place: place?.kind };
    if (!place) {
      deps.logger.warn("slack: ignored a button whose place could not be read", logContext);
      return;
    }
    // Bolt types response_url as always present, but a click in the Home tab comes without one.
    const respond = body.response_url ? deps.responseUrls.respondTo(body.response_url) : undefined;
    const r: Reply = { place, respond, client, user: body.user.id, blockId: action.block_id, team: context.teamId };
    const apologise = () => replyPrivately(r, { text: APOLOGY, blocks: [] });
    if (!ref) {
      // A stale or forged button: say privately how to carry on rather than leave the click unanswered.
      deps.logger.warn("slack: a button's value could not be read; answered with the help", logContext);
      await deps.work.run(logContext, () => replyPrivately(r, deps.blockKit(deps.whodoes.act({ do: "help" }))), apologise);
      return;
    }
    await deps.work.run(
      { ...logContext, do: ref.do },
      async () => {
        if (action.action_id === SHARE_ACTION_ID) return share(deps, r, ref);
        if (ref.do === "handoff" || ref.do === "triage") {
          const tellClicker = (message: SlackMessage) => replyPrivately(r, message);
          return pressHandOff(
            { handOffs: deps.handOffs, knowledge: () => deps.whodoes.knowledge, client, tellClicker },
            ref,
            r.user,
          );
        }
        if (ref.do === "feedback") {
          deps.logger.info("slack: feedback", { team: context.teamId, vote: ref.vote, intent: ref.intent, role: ref.role });
          return replyPrivately(r, deps.blockKit(await deps.extras.acted(ref, deps.whodoes.act(ref), r.user)));
        }
        return replyInPlace(deps, r, ref);
      },
      apologise,
    );
  });
}
