/** PagerDuty's section of the environment: PAGERDUTY_TOKEN and PAGERDUTY_API_URL. */
import { z } from "zod";
import type { Env } from "../../config/env.js";
import { optionalVar, readSection } from "../../config/section.js";

/** PagerDuty's REST API. */
export const DEFAULT_PAGERDUTY_API_URL = "https://api.pagerduty.com";

export interface PagerDutyConfig {
  /** PAGERDUTY_TOKEN: a REST API key (read-only is enough). */
  token: string;
  /** PAGERDUTY_API_URL: the REST API's base URL; default DEFAULT_PAGERDUTY_API_URL (a test's fake, a proxy). */
  apiUrl: string;
}

const pagerDutyEnv = z.object({
  PAGERDUTY_TOKEN: optionalVar,
  PAGERDUTY_API_URL: optionalVar.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
});

/** PagerDuty's settings, or undefined when PAGERDUTY_TOKEN is not set (on-call people are not shown). */
export function readPagerDutyConfig(env: Env, problems: string[]): PagerDutyConfig | undefined {
  const e = readSection(pagerDutyEnv, env, problems);
  if (!e) return undefined;
  if (!e.PAGERDUTY_TOKEN) {
    if (e.PAGERDUTY_API_URL)
      problems.push("PAGERDUTY_TOKEN is missing: PAGERDUTY_API_URL is set, but PagerDuty needs an API key.");
    return undefined;
  }
  return { token: e.PAGERDUTY_TOKEN, apiUrl: e.PAGERDUTY_API_URL ?? DEFAULT_PAGERDUTY_API_URL };
}
