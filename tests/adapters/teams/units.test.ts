/** The Teams adapter's pure pieces: text clean-up, the loopback guard, welcome planning, search parameters, auth settings. */
import { describe, expect, it } from "vitest";
import { PUBLIC_CLOUD } from "../../../src/adapters/teams/auth.js";
import { readActivity } from "../../../src/adapters/teams/http.js";
import { isLoopbackServiceUrl } from "../../../src/adapters/teams/local-mode-guard.js";
import { cardToReplace } from "../../../src/adapters/teams/message.js";
import { SEARCH_PARAMETER, searchPage, searchResponse, searchText } from "../../../src/adapters/teams/message-extension.js";
import { decodeEntities, decodeTeamsHtml, questionText, stripBotMentions } from "../../../src/adapters/teams/text.js";
import { claimWelcome, isBotId, planWelcome } from "../../../src/adapters/teams/welcome.js";
import { createWhodoes, loadKnowledge, MAX_QUESTION_CHARS } from "../../../src/core/index.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import { fixture } from "./harness.js";

const BOT = "28:9f1c7a52-3b1e-4c0e-9d0a-6f2b8e4d1a37";

describe("text", () => {
  const botMention = { type: "mention", text: "<at>whodoes</at>", mentioned: { id: BOT, name: "whodoes" } };
  const adele = { type: "mention", text: "<at>Adele Vance</at>", mentioned: { id: "29:adele", name: "Adele Vance" } };

  it("strips only the bot's mention, everywhere it occurs", () => {
    expect(stripBotMentions("<at>whodoes</at> hi <at>Adele Vance</at> <at>whodoes</at>", [botMention, adele], BOT)).toBe(
      "  hi <at>Adele Vance</at>  ",
    );
  });

  it("leaves text alone without a matching entity, or with malformed ones", () => {
    expect(stripBotMentions("<at>whodoes</at> hi", [adele], BOT)).toBe("<at>whodoes</at> hi");
    expect(
      stripBotMentions(
        "<at>whodoes</at> hi",
        [null, 1, "x", { type: "mention" }, { type: "mention", mentioned: { id: BOT } }],
        BOT,
      ),
    ).toBe("<at>whodoes</at> hi");
    expect(stripBotMentions("<at>whodoes</at> hi", "nope", BOT)).toBe("<at>whodoes</at> hi");
    expect(stripBotMentions("<at>whodoes</at> hi", [botMention], undefined)).toBe("<at>whodoes</at> hi");
  });

  it("matches the mention type case-insensitively, as botbuilder does", () => {
    expect(stripBotMentions("<at>whodoes</at> hi", [{ ...botMention, type: "Mention" }], BOT)).toBe("  hi");
  });

  it("decodes entities", () => {
    expect(
      decodeEntities("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;&#66; &nbsp;&hellip; &bogus; &#0; &#x110000;"),
    ).toBe(`a & b <c> "d" 'e' AB  … &bogus;  `);
  });

  it("decodes Teams' HTML: tags out, line breaks kept, escaped markup kept as text", () => {
    expect(decodeTeamsHtml("<div><p>who&nbsp;restores a <b>dropped</b> table?</p><p>thanks</p></div>")).toBe(
      "who restores a dropped table?\nthanks",
    );
    expect(decodeTeamsHtml("line one<br>line two<br/>three")).toBe("line one\nline two\nthree");
    expect(decodeTeamsHtml("is &lt;b&gt; a tag?")).toBe("is <b> a tag?");
    expect(decodeTeamsHtml("a < b and c > d")).toBe("a < b and c > d");
  });

  it("questionText: mention out, HTML decoded, other people's names kept", () => {
    expect(
      questionText("<at>whodoes</at>&nbsp;who restores a dropped table? cc <at>Adele Vance</at>", [botMention, adele], BOT),
    ).toBe("who restores a dropped table? cc Adele Vance");
    expect(questionText(undefined, [], BOT)).toBe("");
    expect(questionText("<at>whodoes</at>", [botMention], BOT)).toBe("");
  });

  it("handles pathological markup in linear time", () => {
    const nasty = `<a ${"x".repeat(20_000)}`;
    const started = performance.now();
    decodeTeamsHtml(nasty.repeat(5));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("isLoopbackServiceUrl", () => {
  it.each(["http://localhost:3978/", "http://127.0.0.1:1/x", "https://[::1]:443/", "http://LOCALHOST/", "http://127.1/"])(
    "accepts %s",
    (u) => {
      expect(isLoopbackServiceUrl(u)).toBe(true);
    },
  );
  it.each([
    "https://smba.trafficmanager.net/emea/",
    "http://127.0.0.2/",
    "http://localhost.example.com/",
    "http://127.0.0.1.nip.io/",
    "http://user@127.0.0.1/",
    "http://127.0.0.1@evil.example/",
    "file:///etc/passwd",
    "ftp://127.0.0.1/",
    "",
    "not a url",
    42,
    undefined,
  ])("refuses %s", (u) => {
    expect(isLoopbackServiceUrl(u)).toBe(false);
  });
});

describe("planWelcome", () => {
  it("welcomes the team once when the bot is added", () => {
    expect(planWelcome(fixture("bot-added-to-team") as never)).toEqual({
      claims: [{ key: "teams:welcome:team:19:5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b@thread.tacv2" }],
      botAdded: true,
      needsMention: true,
    });
  });

  it("welcomes a new member by name, keyed by team and member", () => {
    expect(planWelcome(fixture("member-added-to-team") as never)).toEqual({
      claims: [
        {
          key: "teams:welcome:team:19:5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b@thread.tacv2:member:29:1nT5vA2cE9kWq0ZbXy7s3LmPoR4uV8iJhG6fD1aSzX2cV3bN4mK5jH6gF7dS8aQ9wE0rT1yU2iO3pL4kJ5hG6fD",
          name: "Adele Vance",
        },
      ],
      botAdded: false,
      needsMention: true,
    });
  });

  it("gives a personal chat one key, whoever is added", () => {
    const install = planWelcome(fixture("personal-install") as never);
    const userOnly = planWelcome({ ...(fixture("personal-install") as object), membersAdded: [{ id: "29:user" }] } as never);
    expect(install?.claims).toEqual(userOnly?.claims);
    expect(install?.needsMention).toBe(false);
  });

  it("ignores updates without members, or with malformed ones", () => {
    expect(planWelcome({ ...(fixture("member-added-to-team") as object), membersAdded: undefined } as never)).toBeUndefined();
    expect(
      planWelcome({ ...(fixture("member-added-to-team") as object), membersAdded: [null, 3, { name: "x" }] } as never),
    ).toBeUndefined();
    expect(planWelcome({ membersAdded: [{ id: "x" }] })).toBeUndefined();
  });

  it("claims once: a second run of the same plan sends nothing", async () => {
    const store = createMemoryStore();
    const plan = planWelcome(fixture("member-added-to-team") as never);
    if (!plan) throw new Error("expected a plan");
    expect(await claimWelcome(plan, store)).toEqual({ names: ["Adele Vance"] });
    expect(await claimWelcome(plan, store)).toBeUndefined();
  });
});

describe("bots are never welcomed", () => {
  it("recognises bot ids", () => {
    expect(isBotId(BOT)).toBe(true);
    expect(isBotId("29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ")).toBe(false);
  });

  it("plans nothing for bots joining a team or a personal chat, and only the people of a mixed update", () => {
    const team = fixture("member-added-to-team") as object;
    expect(planWelcome({ ...team, membersAdded: [{ id: "28:other", name: "Polly" }] } as never)).toBeUndefined();
    const personal = fixture("personal-install") as object;
    expect(planWelcome({ ...personal, membersAdded: [{ id: "28:other" }] } as never)).toBeUndefined();
    const mixed = planWelcome({
      ...team,
      membersAdded: [
        { id: "28:other", name: "Polly" },
        { id: "29:ana", name: "Ana" },
      ],
    } as never);
    expect(mixed?.claims.map((c) => c.name)).toEqual(["Ana"]);
  });
});

describe("cardToReplace", () => {
  const tour = { whodoes: { do: "onboard", role: "data-manager", step: 2 }, replace: true };
  it("names the message holding the card when the button asks for it", () => {
    expect(cardToReplace({ value: tour, replyToId: "1764062051230" })).toBe("1764062051230");
  });
  it("replies otherwise: no flag, a forged action, no or an odd replyToId", () => {
    expect(cardToReplace({ value: { whodoes: tour.whodoes }, replyToId: "1" })).toBeUndefined();
    expect(cardToReplace({ value: { ...tour, replace: "yes" }, replyToId: "1" })).toBeUndefined();
    expect(cardToReplace({ value: { whodoes: { do: "nope" }, replace: true }, replyToId: "1" })).toBeUndefined();
    expect(cardToReplace({ value: tour })).toBeUndefined();
    expect(cardToReplace({ value: tour, replyToId: 42 })).toBeUndefined();
    expect(cardToReplace({ value: tour, replyToId: "x".repeat(201) })).toBeUndefined();
    expect(cardToReplace({ text: "onboard dba", replyToId: "1" })).toBeUndefined();
  });
});

describe("searchText", () => {
  it("reads the search parameter, trimmed", () => {
    expect(searchText({ commandId: "searchRoles", parameters: [{ name: SEARCH_PARAMETER, value: "  backup " }] })).toBe("backup");
  });
  it("is empty on the initial run and on junk", () => {
    expect(searchText({ parameters: [{ name: "initialRun", value: "true" }] })).toBe("");
    expect(searchText(undefined)).toBe("");
    expect(searchText({ parameters: "x" })).toBe("");
    expect(searchText({ parameters: [null, { name: SEARCH_PARAMETER, value: 5 }] })).toBe("");
  });
  it("caps a huge query", () => {
    expect(searchText({ parameters: [{ name: SEARCH_PARAMETER, value: "a".repeat(100_000) }] }).length).toBe(MAX_QUESTION_CHARS);
  });
});

describe("searchPage", () => {
  it("reads Teams' page, capped at our own, and takes junk for the first page", () => {
    expect(searchPage({ queryOptions: { skip: 25, count: 25 } }, 25)).toEqual({ skip: 25, count: 25 });
    expect(searchPage({ queryOptions: { skip: 0, count: 1000 } }, 10)).toEqual({ skip: 0, count: 10 });
    expect(searchPage({ queryOptions: { skip: -1, count: "x" } }, 25)).toEqual({ skip: 0, count: 25 });
    expect(searchPage(undefined, 25)).toEqual({ skip: 0, count: 25 });
  });
});

/** The shipped knowledge with `count` more roles, "Added role 0" onwards, as an organisation's larger knowledge. */
function withAddedRoles(count: number) {
  const shipped = loadKnowledge();
  const [first] = shipped.roles;
  if (!first) throw new Error("no roles");
  const added = Array.from({ length: count }, (_, i) => ({ ...first, id: `added-${i}`, name: `Added role ${i}`, aliases: [] }));
  return createWhodoes({ ...shipped, roles: [...shipped.roles, ...added] });
}

describe("searchResponse", () => {
  it("offers all of an organisation's twelve roles before anything is typed, not the first ten", () => {
    const whodoes = withAddedRoles(8);
    const initial = { commandId: "searchRoles", parameters: [{ name: "initialRun", value: "true" }] };
    const titles = searchResponse(whodoes, initial, silentLogger).composeExtension.attachments.map(
      (a) => a.preview.content.title,
    );
    expect(titles).toHaveLength(12);
    expect(titles).toContain("Added role 7");
  });

  it("pages an organisation's thirty roles as Teams scrolls, listing each role once", () => {
    const whodoes = withAddedRoles(26);
    const page = (skip: number, parameters: unknown[] = [{ name: "initialRun", value: "true" }]) =>
      searchResponse(
        whodoes,
        { commandId: "searchRoles", parameters, queryOptions: { skip, count: 25 } },
        silentLogger,
      ).composeExtension.attachments.map((a) => a.preview.content.title);
    const [one, two] = [page(0), page(25)];
    expect(one).toHaveLength(25);
    expect(two).toEqual(["Added role 21", "Added role 22", "Added role 23", "Added role 24", "Added role 25"]);
    expect(new Set([...one, ...two]).size).toBe(30);
    // A search's ten best are its whole answer: scrolling past them lists no role a second time.
    expect(page(10, [{ name: SEARCH_PARAMETER, value: "backup" }])).toEqual([]);
  });

  it("says a neighbouring title typed is not one of the roles, in the preview and the card sent", () => {
    const whodoes = createWhodoes(loadKnowledge());
    const query = { commandId: "searchRoles", parameters: [{ name: SEARCH_PARAMETER, value: "data scientist" }] };
    const [first] = searchResponse(whodoes, query, silentLogger).composeExtension.attachments;
    expect(first?.preview.content.title).toBe("Data warehouse engineer");
    expect(first?.preview.content.text).toContain("A data scientist is not one of the four data roles here");
    expect(JSON.stringify(first?.content)).toContain("A data scientist is not one of the four data roles here");
  });
});

describe("readActivity", () => {
  it("turns wire timestamps into Dates, as botbuilder's own validator does", () => {
    const a = readActivity(fixture("personal-message"));
    expect(typeof a).toBe("object");
    expect(typeof a === "object" && a.timestamp instanceof Date).toBe(true);
  });
});

describe("botbuilder settings", () => {
  it("our copy of the public-cloud endpoints matches botbuilder's", async () => {
    // botframework-connector is botbuilder's own dependency; read it only to check our copy.
    const { AuthenticationConstants } = (await import("botframework-connector")) as unknown as {
      AuthenticationConstants: Record<string, string>;
    };
    for (const [key, value] of Object.entries(PUBLIC_CLOUD)) expect(AuthenticationConstants[key], key).toBe(value);
  });
});
