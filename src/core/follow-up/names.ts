/**
 * Names a follow-up may use short: a product named alone ("what about for Snowflake?"), and a role's name cut
 * to its last word ("the manager", "the engineer"). From the knowledge's thesaurus and roles.
 */
import type { Knowledge, Role } from "../knowledge/types.js";

/** A text's words, lower-case, one space apart ("Azure Event Hubs?" -> "azure event hubs"). */
const words = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(" ");

/**
 * Words around a product's name in a follow-up about it ("what about for Snowflake?", "and if it's on Postgres?",
 * "can they do it in Snowflake too?").
 */
const AROUND_PRODUCT: ReadonlySet<string> = new Set(
  "for in on with using the a an if it its it s is we our use run runs running instead can could do does too also they that this there".split(
    " ",
  ),
);

export interface Names {
  /** Whether the text names one product and nothing else but the words around it ("for Snowflake?"). */
  isOnlyProduct(text: string): boolean;
  /**
   * The text with "the manager" put back as "the Data manager", and that role; undefined when it has none.
   * Roles the message already names are skipped ("the architect and the engineer": the engineer).
   */
  withWholeName(text: string, named?: readonly Role[]): { text: string; role: Role } | undefined;
}

export function createNames(knowledge: Knowledge): Names {
  const products = new Set(Object.values(knowledge.thesaurus.choices).flatMap((names) => names.map(words)));
  // "the manager", "the engineer": the last word of a role's name, when no other role's name ends with it.
  const heads = new Map<string, Role | undefined>();
  for (const role of knowledge.roles) {
    const head = words(role.name).split(" ").at(-1) ?? "";
    heads.set(head, heads.has(head) ? undefined : role);
  }
  return {
    isOnlyProduct(text) {
      const own = words(text)
        .split(" ")
        .filter((w) => w !== "" && !AROUND_PRODUCT.has(w))
        .join(" ");
      return products.has(own);
    },
    withWholeName(text, named = []) {
      for (const match of text.matchAll(/\bthe\s+([a-z]+)\b/gi)) {
        const role = heads.get(match[1]?.toLowerCase() ?? "");
        if (!role || named.includes(role)) continue;
        const at = match.index ?? 0;
        return { text: `${text.slice(0, at)}the ${role.name}${text.slice(at + match[0].length)}`, role };
      }
      return undefined;
    },
  };
}
