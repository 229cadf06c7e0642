/**
 * The source a real question counts under, for the split by source: a site (its subdomains included), one
 * repository on a code forge (github.com/owner/repo), where unrelated people ask on one host, or one thread
 * on Reddit (reddit.com/comments/<post id>), where each title is a different person's own thread.
 */
const FORGES = new Set(["github.com", "gitlab.com"]);
const THREADED = new Set(["reddit.com"]);

/** "forums.example.co.uk" -> "example.co.uk": a site's subdomains are one source. */
function site(hostname: string): string {
  // "ico.org.uk." (a fully qualified name, as some addresses are written) is ico.org.uk.
  const labels = hostname.toLowerCase().replace(/\.$/, "").split(".");
  const secondLevel =
    labels.length > 2 && /^[a-z]{2}$/.test(labels.at(-1) ?? "") && /^(co|com|org|net|ac|gov|edu)$/.test(labels.at(-2) ?? "");
  return labels.slice(secondLevel ? -3 : -2).join(".");
}

/** The source an entry counts under: its site, site/owner/repo on a code forge, or a Reddit thread. */
export function sourceKey(url: string): string {
  const u = new URL(url);
  const host = site(u.hostname);
  if (THREADED.has(host)) {
    // /r/<subreddit>/comments/<post id>/<slug>: the post id names the thread whatever the subreddit is written as.
    const id = /\/comments\/([a-z0-9]+)/i.exec(u.pathname)?.[1];
    return id ? `${host}/comments/${id.toLowerCase()}` : host;
  }
  if (!FORGES.has(host)) return host;
  const [owner, repo] = u.pathname.split("/").filter(Boolean);
  return owner && repo ? `${host}/${owner}/${repo}` : host;
}

/** The file a source's questions are kept in, by name: a Reddit thread's go with the site's, not one file per thread. */
export function fileKey(key: string): string {
  return key.includes("/comments/") ? (key.split("/")[0] ?? key) : key;
}

/**
 * Repositories of one project under another name, by that name: moved to another owner, or the project's own
 * documentation. The same project's people answer in both, so its threads are dealt to one part.
 */
const ONE_PROJECT: Readonly<Record<string, string>> = {
  "github.com/element-hq/synapse": "github.com/matrix-org/synapse",
  "github.com/clickhouse/clickhouse-docs": "github.com/ClickHouse/ClickHouse",
};

/**
 * The group a source is split with: one site under its country domains is one site (glassdoor.com,
 * glassdoor.co.uk and glassdoor.es are Glassdoor's). Two sites of one name under different domains are then
 * dealt to one part, which only makes the split stricter. A repository is its own group, under its first
 * name if it moved, and a project's documentation with the project.
 */
export function splitGroup(key: string): string {
  return key.includes("/") ? (ONE_PROJECT[key.toLowerCase()] ?? key) : (key.split(".")[0] ?? key);
}
