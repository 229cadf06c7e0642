/**
 * Who is on call now on a PagerDuty schedule, as a live source for the directory: `GET /oncalls` of the
 * REST API v2, filtered by the schedule, with the users' names and emails included. Read-only.
 */
import type { Contacts, LivePerson } from "../../core/index.js";
import { isRecord } from "../is-record.js";
import type { LiveSource } from "../live-directory.js";
import type { PagerDutyConfig } from "./config.js";
import { pagerDutySchedules } from "./directory.js";

/** On-call shifts change on the hour at most; a minute-old answer is current enough. */
export const ON_CALL_FRESH_MS = 60_000;

export class PagerDutyError extends Error {
  constructor(
    readonly code: "PAGERDUTY_REJECTED" | "PAGERDUTY_BAD_RESPONSE",
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "PagerDutyError";
  }
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** The people of a /oncalls answer, each once (a person on several levels or policies is one person). */
export function onCallPeople(body: unknown): LivePerson[] {
  if (!isRecord(body) || !Array.isArray(body.oncalls))
    throw new PagerDutyError("PAGERDUTY_BAD_RESPONSE", "no oncalls in the answer");
  const seen = new Set<string>();
  const people: LivePerson[] = [];
  for (const entry of body.oncalls) {
    const user = isRecord(entry) && isRecord(entry.user) ? entry.user : undefined;
    const id = str(user?.id);
    if (!user || !id || seen.has(id)) continue;
    seen.add(id);
    // With include[]=users the user is whole (name, email); without, a reference whose summary is the name.
    const name = str(user.name) ?? str(user.summary);
    const email = str(user.email);
    people.push({ ...(name ? { name } : {}), ...(email ? { email } : {}) });
  }
  return people;
}

export function createPagerDutySource(config: PagerDutyConfig): LiveSource {
  const base = config.apiUrl.replace(/\/+$/, "");
  return {
    name: "pagerduty",
    freshMs: ON_CALL_FRESH_MS,
    lookups: (contacts: Contacts) => pagerDutySchedules(contacts).map((s) => ({ key: s.id, label: `On call now (${s.name})` })),
    async read(scheduleId, signal) {
      const url = new URL(`${base}/oncalls`);
      url.searchParams.append("schedule_ids[]", scheduleId);
      url.searchParams.append("include[]", "users");
      // One entry per person and level, the current shift: "now" is PagerDuty's default window.
      url.searchParams.append("earliest", "true");
      const res = await fetch(url, {
        headers: {
          Accept: "application/vnd.pagerduty+json;version=2",
          Authorization: `Token token=${config.token}`,
        },
        signal,
      });
      if (!res.ok) {
        await res.body?.cancel();
        throw new PagerDutyError("PAGERDUTY_REJECTED", `PagerDuty answered HTTP ${res.status}`, res.status);
      }
      return onCallPeople(await res.json());
    },
  };
}
