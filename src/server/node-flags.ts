/**
 * The Node flags the server runs with: `npm start` passes them (package.json's start script, which a test
 * keeps in step with this list) and so does the load test's server process, so its figures are npm start's.
 *
 * A young generation of a fixed 32 MB per semi-space (Node 20 starts at 1 MB and grows to 16 MB). Every
 * request leaves a few hundred kB of garbage; with 50 requests in flight a 16 MB young generation fills
 * every few milliseconds, and each scavenge copies (and promotes) the state of the requests still open.
 * Under the load test, 32 MB halved the number of GCs, cut GC pause time by a fifth to a half and CPU per
 * request by about 8%. Fixing the minimum too keeps memory flat: V8 otherwise grows the young generation
 * under load and shrinks it when idle, which read as +30% RSS over a run without being a leak. The price
 * is about 30 MB more resident memory from the start (about 170 MB instead of 140 MB).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=32", "--min-semi-space-size=32"];
