/**
 * The search message extension: Teams sends a `composeExtension/query` invoke as the user types and shows
 * our result list; the answer goes back in the invoke's HTTP response, so it must be quick (Teams gives
 * up after 5 s). The search is the core's and in memory, so this is a few milliseconds.
 */
import { MAX_QUESTION_CHARS, type RoleCard, type Whodoes } from "../../core/index.js";
import type { Logger } from "../../logging/logger.js";
import { type MessagingExtensionResultAttachment, roleToSearchResult } from "../../render/teams.js";
import { isRecord } from "../is-record.js";

/** Must match `composeExtensions[].commands[].id` and its parameter name in manifests/teams/manifest.json. */
export const SEARCH_COMMAND_ID = "searchRoles";
export const SEARCH_PARAMETER = "searchQuery";
/** Teams shows about ten results before scrolling; more only slows the list. */
export const MAX_SEARCH_RESULTS = 10;
/**
 * The list offered before anything is typed: every role, a page of up to 25 at a time (Teams' queryOptions count).
 * Cut to the ten of a search, an organisation's eleventh and later roles could never be picked.
 */
export const MAX_INITIAL_RESULTS = 25;

export interface SearchResponse {
  composeExtension: {
    type: "result";
    attachmentLayout: "list";
    attachments: MessagingExtensionResultAttachment[];
  };
}

/** The typed text of a query invoke; empty on the initial run (the box opened with nothing typed). */
export function searchText(query: unknown): string {
  if (!isRecord(query) || !Array.isArray(query.parameters)) return "";
  for (const p of query.parameters) {
    if (!isRecord(p) || typeof p.value !== "string") continue;
    if (p.name === "initialRun") return "";
    if (p.name === SEARCH_PARAMETER) return p.value.trim().slice(0, MAX_QUESTION_CHARS);
  }
  return "";
}

/**
 * The page Teams asks for (`queryOptions`): as the list is scrolled past its end Teams asks again from `skip`, so
 * an organisation's 26th role is on the second page, and no role is listed twice.
 */
export function searchPage(query: unknown, max: number): { skip: number; count: number } {
  const options = isRecord(query) && isRecord(query.queryOptions) ? query.queryOptions : {};
  const whole = (n: unknown, fallback: number) => (typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : fallback);
  return { skip: whole(options.skip, 0), count: Math.min(whole(options.count, max), max) };
}

function allRoles(whodoes: Whodoes): RoleCard[] {
  return whodoes.knowledge.roles.map((r) => ({ id: r.id, name: r.name, character: r.character, score: 1, evidence: [] }));
}

export function searchResponse(whodoes: Whodoes, query: unknown, logger: Logger): SearchResponse {
  const text = searchText(query);
  const { skip, count } = searchPage(query, text === "" ? MAX_INITIAL_RESULTS : MAX_SEARCH_RESULTS);
  let roles: RoleCard[];
  try {
    // Nothing typed yet: offer every role, so the list is never empty on open.
    roles = text === "" ? allRoles(whodoes) : whodoes.search(text, MAX_SEARCH_RESULTS);
  } catch (err) {
    logger.error("teams: message extension search failed", { error: err instanceof Error ? err.message : String(err) });
    roles = [];
  }
  return {
    composeExtension: {
      type: "result",
      attachmentLayout: "list",
      attachments: roles.slice(skip, skip + count).map(roleToSearchResult),
    },
  };
}
