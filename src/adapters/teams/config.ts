/** The Teams adapter's section of the environment: MICROSOFT_APP_* and TEAMS_LOCAL_MODE. */
import { z } from "zod";
import type { Env } from "../../config/env.js";
import { optionalVar, readSection } from "../../config/section.js";

export interface TeamsConfig {
  /** Absent: local mode (Bot Framework Emulator, tests), unauthenticated, loopback serviceUrl only. */
  appId?: string;
  appPassword?: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId?: string;
  /**
   * TEAMS_LOCAL_MODE: without an app id, serve the unauthenticated local mode (on) or not (off). Unset: only
   * when no platform takes requests from other machines, the try-it-out case. Local mode answers loopback peers only.
   */
  localMode?: boolean;
}

const teamsEnv = z.object({
  MICROSOFT_APP_ID: optionalVar,
  MICROSOFT_APP_PASSWORD: optionalVar,
  MICROSOFT_APP_TYPE: optionalVar.pipe(z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).optional()),
  MICROSOFT_APP_TENANT_ID: optionalVar,
  TEAMS_LOCAL_MODE: optionalVar.pipe(z.enum(["on", "off", "true", "false", "1", "0"]).optional()),
});

/** Teams' settings; with no MICROSOFT_APP_ID, local mode. */
export function readTeamsConfig(env: Env, problems: string[]): TeamsConfig {
  const e = readSection(teamsEnv, env, problems) ?? {};
  // A tenant id with no app type means a single-tenant bot (docs/teams.md has you create one; new multi-tenant
  // bots cannot be created): starting it as MultiTenant would fail every token from that tenant's bot.
  const appType = e.MICROSOFT_APP_TYPE ?? (e.MICROSOFT_APP_TENANT_ID ? "SingleTenant" : "MultiTenant");
  if (!e.MICROSOFT_APP_ID && (e.MICROSOFT_APP_PASSWORD || e.MICROSOFT_APP_TENANT_ID))
    problems.push("MICROSOFT_APP_ID is missing: it is needed when MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set.");
  if (e.MICROSOFT_APP_ID && appType !== "UserAssignedMSI" && !e.MICROSOFT_APP_PASSWORD)
    problems.push("MICROSOFT_APP_PASSWORD is missing: Teams needs the client secret of the Azure bot's app registration.");
  if ((appType === "SingleTenant" || appType === "UserAssignedMSI") && !e.MICROSOFT_APP_TENANT_ID)
    problems.push(`MICROSOFT_APP_TENANT_ID is missing: MICROSOFT_APP_TYPE=${appType} needs the tenant id.`);
  return {
    appType,
    ...(e.MICROSOFT_APP_ID ? { appId: e.MICROSOFT_APP_ID } : {}),
    ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
    ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
    ...(e.TEAMS_LOCAL_MODE ? { localMode: ["on", "true", "1"].includes(e.TEAMS_LOCAL_MODE) } : {}),
  };
}
