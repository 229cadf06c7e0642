/**
 * What the load test sends: signed Slack slash commands and Teams message activities, each with a fresh
 * question, user and conversation, as the platforms would deliver them. Pure builders; no I/O.
 */
import { createHmac } from "node:crypto";

/** Questions of the kind a data department asks, varied so the core does real work on each request. */
export const QUESTIONS = [
  "who restores a dropped table?",
  "someone truncated the claims table by accident last night, who can get it back??",
  "whos on the hook if the nightly backup job fails",
  "the EHR db keeps timing out around 9am, who do i ping",
  "query on prescriptions takes like 40s now :snail: who looks at that",
  "who applies the postgres security patches",
  "need read access to the lab results db, who grants that",
  "<@U024BE7LH> who can create a database user for me",
  "who designs the data model for the new warehouse?",
  "who builds the ETL pipeline from the CRM into the warehouse",
  "the nightly load into the sales mart failed, who fixes it",
  "who decides how long we keep patient data",
  "who owns data quality rules for the customer master",
  "who should approve a new data sharing agreement?",
  "who chooses between a data lake and a warehouse",
  "who writes the dbt models for the finance reports",
  "what does a data architect do?",
  "what does the DBA do",
  "compare data architect and data warehouse engineer",
  "data manager vs database administrator",
  "how do the data architect and the DBA work together?",
  "list the roles",
  "help",
  "hi!",
  "onboard me as a data warehouse engineer",
  "who handles GDPR subject access requests",
  "who tunes slow queries on the reporting database",
  "who sets up replication to the DR site",
  "who defines the naming conventions for tables",
  "who documents the data lineage for regulatory reporting",
  "encryption",
  "audit logs",
  "DATABASE IS DOWN!!! who do i call",
  "who maintains the star schema for the marketing mart",
  "who can tell me what the 'active customer' KPI means",
  "what's the weather like tomorrow?",
  "who monitors disk space on the prod cluster",
  "who migrates the on-prem warehouse to the cloud",
  "who approves access to the HR data?",
  "who fixes duplicate records in the patient index",
] as const;

export const SLASH_COMMAND = "/whodoes";
export const TEAM_ID = "T0LOAD001";
export const BOT_USER_ID = "U0LOADBOT";
export const BOT_ID = "B0LOADBOT";

/** How many distinct people and conversations the traffic comes from (a department, not one user). */
const PEOPLE = 500;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** Slack's v0 request signature over `v0:timestamp:body` (HMAC-SHA256 with the signing secret). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** The n-th slash command's form body; its response_url points at the fake Slack (unique per command). */
export function slashCommandBody(n: number, responseBase: string): string {
  const person = n % PEOPLE;
  return new URLSearchParams({
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: TEAM_ID,
    team_domain: "example",
    enterprise_id: "",
    enterprise_name: "",
    channel_id: `C0LOAD${String(person % 40).padStart(3, "0")}`,
    channel_name: "data-team",
    user_id: `U0LOAD${String(person).padStart(4, "0")}`,
    user_name: `user${person}`,
    command: SLASH_COMMAND,
    text: pick(QUESTIONS, n),
    api_app_id: "A0LOAD001",
    is_enterprise_install: "false",
    response_url: `${responseBase}/commands/${TEAM_ID}/${n}/r${(n * 2654435761) % 1e9}`,
    trigger_id: `${n}.738474920.8088930838d88f008e0`,
  }).toString();
}

/** Headers Slack sends with a slash command, signed now. */
export function signedSlackHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(secret, timestamp, body),
  };
}

const BOT_ACCOUNT = { id: "28:9f1c7a52-3b1e-4c0e-9d0a-6f2b8e4d1a37", name: "whodoes" };
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/**
 * The n-th Teams message: mostly personal chats, every fifth one an @mention in a channel (which the
 * adapter strips). serviceUrl is the fake Bot Connector on loopback, as local mode requires.
 */
export function teamsActivity(n: number, serviceUrl: string, now = new Date()): Record<string, unknown> {
  const person = n % PEOPLE;
  const question = pick(QUESTIONS, n);
  const from = {
    id: `29:load-user-${person}`,
    name: `User ${person}`,
    aadObjectId: `00000000-0000-4000-8000-${String(person).padStart(12, "0")}`,
  };
  const base = {
    type: "message",
    textFormat: "plain",
    id: `${now.getTime()}${String(n % 1000).padStart(3, "0")}`,
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    channelId: "msteams",
    serviceUrl,
    from,
    recipient: BOT_ACCOUNT,
    locale: "en-US",
  };
  if (n % 5 !== 4) {
    return {
      ...base,
      text: question,
      conversation: { conversationType: "personal", tenantId: TENANT, id: `a:load-conversation-${person}` },
      channelData: { tenant: { id: TENANT } },
    };
  }
  const channel = `19:load-channel-${person % 20}@thread.tacv2`;
  return {
    ...base,
    text: `<at>whodoes</at> ${question}`,
    entities: [{ type: "mention", text: "<at>whodoes</at>", mentioned: BOT_ACCOUNT }],
    conversation: { isGroup: true, conversationType: "channel", tenantId: TENANT, id: `${channel};messageid=${base.id}` },
    channelData: { teamsChannelId: channel, channel: { id: channel }, tenant: { id: TENANT } },
  };
}
