/**
 * How a message chooses a product: two names of one kind side by side ("PostgreSQL or MongoDB"), or one
 * name after words that choose it ("let's try", "why not", "migrate to", "should we use"). The analyzer
 * folds such a name into its kind's choice ("database engine choice"), the architect's platform decision.
 * A name can also be only an end of a data move ("ETL from Oracle to SQL Server"), neither chosen nor asked
 * about.
 */

/**
 * The words between two names that set them side by side ("PostgreSQL or MongoDB", "Snowflake instead of Redshift",
 * "MySQL and/or MariaDB").
 */
export const ALTERNATIVE: ReadonlySet<string> = new Set([
  "or",
  "and or",
  "vs",
  "versus",
  "instead of",
  "rather than",
  "better than",
  "faster than",
]);
/** Articles before a name say nothing of it: "a star schema or a snowflake schema". */
export const ARTICLES: ReadonlySet<string> = new Set(["a", "an", "the"]);
/**
 * Words right before a product's name that make it a choice of that kind too ("move the backend to
 * postgres", "let's try PostgreSQL", "why not MongoDB?", "an alternative to ClickHouse", "instead of AWS",
 * "ditch MongoDB?"): choosing a platform is asked this way as often as with an "or".
 */
const CHOOSING: readonly (readonly string[])[] = [
  ["let", "try"],
  ["lets", "try"],
  ["prefer"],
  ["why", "not"],
  ["go", "with"],
  ["alternative", "to"],
  ["alternatives", "to"],
  ["instead", "of"],
  ["rather", "than"],
  ["ditch"],
  ["ditching"],
  ["reason", "to", "use"],
  ["why", "use"],
];
/** "Should we use MongoDB?", "Should Qcumber use MongoDB?": using a product, asked as a "should", is choosing it. */
const SHOULD_USE_WITHIN = 3;
/**
 * "move (the backend) to", "migrate to", "swap (our Airflow) for", "replace (it) with": a move to a product
 * is a choice of it. By the word right before the product, the verbs within a few words before that.
 */
const SWAPPING: ReadonlySet<string> = new Set(["swap", "swapping", "replace", "replacing"]);
const MOVING: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["to", new Set(["move", "moving", "switch", "switching", "migrate", "migrating"])],
  ["for", SWAPPING],
  ["with", SWAPPING],
]);
/** "move data from Kafka to Oracle", "copy the logs to postgres": moving the data, not choosing where it lives. */
const MOVED_DATA: ReadonlySet<string> = new Set([
  "data",
  "rows",
  "records",
  "logs",
  "files",
  "events",
  "messages",
  "dataset",
  "datasets",
]);
/**
 * "between Airflow and Dagster" sets two names of one kind side by side as "or" does; moving data between two
 * systems ("copy the rows between postgres and mysql") does not.
 */
export function isBetween(ws: readonly string[], first: number, and: string): boolean {
  const at = ARTICLES.has(ws[first - 1] ?? "") ? first - 1 : first;
  return and === "and" && ws[at - 1] === "between" && !MOVED_DATA.has(ws[at - 2] ?? "");
}

/**
 * "how to migrate to Postgres?", "the easiest way to move SQLite to Postgres": a move asked about by its way is
 * the doing of it (moving the database), not a choice of where to go. Within a few words before the verb.
 */
const THE_WAY: ReadonlySet<string> = new Set(["how", "way", "ways", "method", "steps", "procedure"]);
const THE_WAY_WITHIN = 4;

export function isChoosing(ws: readonly string[], at: number): boolean {
  if (CHOOSING.some((p) => p.every((w, k) => ws[at - p.length + k] === w))) return true;
  if (ws[at - 1] === "use" && ws.slice(Math.max(0, at - 1 - SHOULD_USE_WITHIN), at - 1).includes("should")) return true;
  const verbs = MOVING.get(ws[at - 1] ?? "");
  if (!verbs) return false;
  const before = ws.slice(Math.max(0, at - 5), at - 1);
  const verb = before.findIndex((w) => verbs.has(w));
  if (verb < 0 || before.slice(verb + 1).some((w) => MOVED_DATA.has(w))) return false;
  const verbAt = at - 1 - before.length + verb;
  const from = Math.max(0, verbAt - THE_WAY_WITHIN);
  // "how about we switch to Snowflake?" proposes the choice.
  return !ws.slice(from, verbAt).some((w, k) => THE_WAY.has(w) && ws[from + k + 1] !== "about");
}

/**
 * Two names side by side, as two choices or as a pair: "DBA or sysadmin?", "data engineer vs analytics engineer",
 * "are DBAs and sysadmins the same?", a list ("data engineer, data scientist, or AI engineer", "data engineer ->
 * ML engineer"), or a move from one to the other ("from backend developer to data engineer"). Only an
 * alternative's words, "and", nothing, or a move's "to" (with articles) lie between them.
 */
export function sideBySide(ws: readonly string[], a: Span, b: Span): boolean {
  // "Head of data engineering": one title read two ways lies over itself, not beside another.
  if (a.start < b.end && b.start < a.end) return false;
  const between = afterTitleHead(wordsBetween(ws, a, b));
  return (
    between === "" ||
    between === "and" ||
    ALTERNATIVE.has(between) ||
    keepOrChange(between) ||
    movedBetween(ws, a, b, between) ||
    saidToBe(ws, a, b, between)
  );
}

/**
 * "DevOps engineering trying to move to DE", "QA engineer intern or DE intern": the first title's own field or
 * standing word, written after it, is part of it, not of what lies between.
 */
const TITLE_HEADS: ReadonlySet<string> = new Set(["engineering", "engineer", "development", "intern", "internship", "role"]);
function afterTitleHead(between: string): string {
  const [head, ...rest] = between.split(" ");
  return TITLE_HEADS.has(head ?? "") ? rest.join(" ") : between;
}

/** "pivot to DE or stick with SWE?", "Data Engg or explore Backend Engg": a career's two ways, kept or changed. */
const KEEP_OR_CHANGE: ReadonlySet<string> = new Set([
  "stick",
  "stay",
  "explore",
  "continue",
  "keep",
  "go",
  "move",
  "switch",
  "pursue",
  "with",
  "in",
  "into",
  "to",
  "as",
]);
function keepOrChange(between: string): boolean {
  const [or, ...rest] = between.split(" ");
  return or === "or" && rest.length > 0 && rest.length <= 3 && rest.every((w) => KEEP_OR_CHANGE.has(w));
}

/**
 * "from developer to data engineer", "from senior backend dev to DE": a move from one job to the other sets them
 * side by side. The first job may have a few words of its own before it ("senior", "C#", "SQL Server"). So does a
 * message that opens on the first job ("SWE to DE"), and a move said with its verb ("DevOps engineering, trying to
 * move to data engineering").
 */
const FROM_WITHIN = 3;
const OPENING_WITHIN = 2;
const MOVE_VERBS: ReadonlySet<string> = new Set([
  "move",
  "moving",
  "switch",
  "switching",
  "transition",
  "transitioning",
  "pivot",
  "pivoting",
  "expand",
  "expanding",
  "shift",
  "shifting",
  "return",
  "returning",
]);
const BEFORE_MOVE: ReadonlySet<string> = new Set([
  "trying",
  "want",
  "wanting",
  "looking",
  "planning",
  "hoping",
  "aiming",
  "thinking",
  "considering",
  "of",
  "about",
  "to",
]);
function movedBetween(ws: readonly string[], a: Span, b: Span, between: string): boolean {
  const first = a.start < b.start ? a : b;
  const words = between.split(" ");
  if (words.pop() !== "to") return false;
  const verb = words.findIndex((w) => MOVE_VERBS.has(w));
  // "trying to move to", "switching to": only a move's verb, and the words that lead up to it, before "to".
  if (words.length > 0) return verb === words.length - 1 && words.slice(0, verb).every((w) => BEFORE_MOVE.has(w));
  // "Biotech data analyst to DE": the opening job may have a word or two of its own before it.
  return first.start <= OPENING_WITHIN || ws.slice(Math.max(0, first.start - 1 - FROM_WITHIN), first.start).includes("from");
}

/** "is a Power BI developer a data engineer?", "is DE just SWE now?": a question whether one title is the other. */
const IS = new Set(["is", "are"]);
const JUST = new Set(["", "just", "really", "basically"]);
function saidToBe(ws: readonly string[], a: Span, b: Span, between: string): boolean {
  const first = a.start < b.start ? a : b;
  const before = ARTICLES.has(ws[first.start - 1] ?? "") ? first.start - 2 : first.start - 1;
  return IS.has(ws[before] ?? "") && JUST.has(between);
}

/** Two names offered as alternatives: "DBA or data engineer", not the pair "a DBA and a data engineer". */
export function asAlternatives(ws: readonly string[], a: Span, b: Span): boolean {
  return ALTERNATIVE.has(wordsBetween(ws, a, b));
}

type Span = { start: number; end: number };

function wordsBetween(ws: readonly string[], a: Span, b: Span): string {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return ws
    .slice(first.end, second.start)
    .filter((w) => !ARTICLES.has(w))
    .join(" ");
}

/**
 * "Data vault: worth it?", "is a data vault overkill for us?", "is ClickHouse viable?", "is Postgres recommended
 * for this?", "do we really need a separate ODS?": weighing one named approach is choosing it (or not), the same as
 * setting it beside another.
 */
const WEIGHED_AFTER = [
  ["worth"],
  ["overkill"],
  ["still", "relevant"],
  ["relevant"],
  ["outdated"],
  ["still", "a", "thing"],
  ["recommended"],
  ["viable"],
  ["good", "choice"],
  ["good", "fit"],
  ["good", "idea"],
  ["good", "enough"],
  ["bad", "idea"],
  ["any", "good"],
];
const WEIGHED_BEFORE = [
  ["really", "need"],
  ["do", "we", "need"],
  ["need", "a", "separate"],
  ["need", "a", "dedicated"],
  ["worth"],
  ["adopt"],
  ["adopting"],
  ["pros", "and", "cons", "of"],
];
const within = (words: readonly string[], phrases: readonly string[][]) =>
  phrases.some((p) => words.some((_, i) => p.every((w, k) => words[i + k] === w)));
export function isWeighed(ws: readonly string[], start: number, end: number): boolean {
  return within(ws.slice(end, end + 4), WEIGHED_AFTER) || within(ws.slice(Math.max(0, start - 4), start), WEIGHED_BEFORE);
}

/**
 * "our nightly ETL from Oracle to SQL Server", "load data from the old system into Postgres": the ends of a data move
 * say where the data goes, not whose work it is. Not a database's own move between engines ("migrate from MySQL
 * to Postgres", "replicate from the primary to ..."), which is not carrying data but moving the database.
 */
const CARRYING: ReadonlySet<string> = new Set([
  ...MOVED_DATA,
  "etl",
  "elt",
  "load",
  "loads",
  "loading",
  "ingest",
  "ingesting",
  "sync",
  "syncing",
  "copy",
  "copying",
  "transfer",
  "transferring",
  "pipeline",
  "pipelines",
]);
const CARRIED_WITHIN = 5;
/** How far apart "from" and "to" may be: "from the old Oracle box to ...". */
const FROM_TO_WITHIN = 4;
const INTO: ReadonlySet<string> = new Set(["to", "into"]);
/**
 * Where the move's "from" is when the name is one of its ends: right after "from" with a "to" soon after, or right
 * after a "to" with a "from" soon before; -1 when it is not.
 */
function moveFrom(ws: readonly string[], name: Span): number {
  const at = ARTICLES.has(ws[name.start - 1] ?? "") ? name.start - 2 : name.start - 1;
  if (ws[at] === "from") return ws.slice(name.end, name.end + FROM_TO_WITHIN).some((w) => INTO.has(w)) ? at : -1;
  if (!INTO.has(ws[at] ?? "")) return -1;
  const window = Math.max(0, at - FROM_TO_WITHIN);
  const k = ws.slice(window, at).lastIndexOf("from");
  return k < 0 ? -1 : window + k;
}
export function isCarriedEnd(ws: readonly string[], name: Span): boolean {
  const from = moveFrom(ws, name);
  return from >= 0 && ws.slice(Math.max(0, from - CARRIED_WITHIN), from).some((w) => CARRYING.has(w));
}
