/**
 * PagerDuty's section of a role in intents/directory.yaml: the schedules whose on-call person answers name.
 * PagerDuty is no chat platform, only a live source; its ids are its own business, as a platform's are.
 */
import { z } from "zod";
import type { Contacts, DirectoryFormat } from "../../core/index.js";

/** PagerDuty object ids: a P and upper-case letters and digits (e.g. PI7DH85). */
export const PAGERDUTY_ID = /^P[A-Z0-9]{4,19}$/;
/** Schedules one role names: each is read when an answer names the role. */
const MAX_SCHEDULES = 3;

const schema = z.strictObject({
  schedules: z
    .array(
      z.strictObject({
        id: z.string().regex(PAGERDUTY_ID, "must be a PagerDuty schedule id (e.g. PI7DH85, the end of the schedule's URL)"),
        name: z.string().trim().min(1, "must not be empty").max(80, "must be 80 characters or fewer"),
      }),
    )
    .max(MAX_SCHEDULES, `list at most ${MAX_SCHEDULES}`)
    .default([]),
});

export type PagerDutyEntries = z.infer<typeof schema>;

export const pagerDutyDirectory: DirectoryFormat<PagerDutyEntries> = {
  platform: "pagerduty",
  label: "PagerDuty",
  schema,
  // Who is on call is read live and shown by name; a schedule's name alone says nothing to act on.
  names: () => [],
  isEmpty: (e) => e.schedules.length === 0,
};

/** A role's PagerDuty schedules (checked when the knowledge was loaded); none when it names none. */
export function pagerDutySchedules(contacts: Contacts): PagerDutyEntries["schedules"] {
  return (contacts.platforms.pagerduty?.entries as Partial<PagerDutyEntries> | undefined)?.schedules ?? [];
}
