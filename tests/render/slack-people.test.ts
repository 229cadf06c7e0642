import { describe, expect, it } from "vitest";
import type { Answer, Block } from "../../src/core/index.js";
import { answerToBlockKit } from "../../src/render/slack.js";
import { SLACK_LIMITS } from "../../src/render/slack-limits.js";
import { PEOPLE_SHOWN_PER_KIND, peopleToMrkdwn } from "../../src/render/slack-people.js";
import { contacts, type DirectoryEntry } from "../helpers/contacts.js";

const people = (entry: DirectoryEntry, roleName = "Database administrator"): Extract<Block, { type: "people" }> => ({
  type: "people",
  roleId: "database-administrator",
  roleName,
  contacts: contacts(entry),
});

describe("peopleToMrkdwn", () => {
  it("names users, user groups and channels as live mentions, then emails as mailto links, then the note", () => {
    expect(
      peopleToMrkdwn(
        people({
          slack: { users: ["U04DWH0001", "W0ABC1234"], groups: ["S04DBA0001"], channels: ["C04DBA0001", "G0PRIV0001"] },
          emails: ["dba@hospital.example"],
          note: "On-call rota in PagerDuty.",
        }),
      ),
    ).toBe(
      "*In your organisation* (Database administrator): <@U04DWH0001>, <@W0ABC1234>, <!subteam^S04DBA0001>, <#C04DBA0001>, <#G0PRIV0001>, " +
        "<mailto:dba@hospital.example|dba@hospital.example>\nOn-call rota in PagerDuty.",
    );
  });

  it("emits a live token only for an id of the right shape, and escapes everything else", () => {
    const text = peopleToMrkdwn(
      people(
        {
          slack: {
            users: ["U0OK00001", "U1> <!channel", "C0NOTAUSER", "u0lower001"],
            groups: ["S0OK00001", "S1|@here"],
            channels: ["C0OK00001", "D0DIRECT01", "C0> <!everyone"],
          },
          emails: ["odd<address>@x.example"],
          note: "Ask <!here> & <@U0NOBODY1>",
        },
        "DBA <team>",
      ),
    );
    expect(text).toBe(
      "*In your organisation* (DBA &lt;team&gt;): <@U0OK00001>, <!subteam^S0OK00001>, <#C0OK00001>, odd&lt;address&gt;@x.example\n" +
        "Ask &lt;!here&gt; &amp; &lt;@U0NOBODY1&gt;",
    );
    expect(text?.match(/<[@!#][^>]*>/g)).toEqual(["<@U0OK00001>", "<!subteam^S0OK00001>", "<#C0OK00001>"]);
  });

  it("shows Teams-only contacts by name, a note alone, and nothing when there is nothing to say", () => {
    expect(
      peopleToMrkdwn(
        people({
          teams: {
            users: [{ id: "29:1abc", name: "Priya <Nair>" }],
            channels: [{ id: "19:x@thread.tacv2", name: "DBA on-call" }],
          },
        }),
      ),
    ).toBe("*In your organisation* (Database administrator): Priya &lt;Nair&gt;, DBA on-call (on Microsoft Teams)");
    expect(peopleToMrkdwn(people({ note: "Ask the service desk." }))).toBe(
      "*In your organisation* (Database administrator): Ask the service desk.",
    );
    expect(peopleToMrkdwn(people({}))).toBeUndefined();
  });

  it("caps each kind, and never cuts a mention in half to fit the section", () => {
    const many = Array.from({ length: 40 }, (_, i) => `U0${String(i).padStart(8, "0")}`);
    const emails = Array.from({ length: 40 }, (_, i) => `${"x".repeat(200)}${i}@hospital.example`);
    const text =
      peopleToMrkdwn(people({ slack: { users: many, groups: [], channels: [] }, emails, note: "n".repeat(5000) })) ?? "";
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(text.match(/<@U0\d{8}>/g)).toHaveLength(PEOPLE_SHOWN_PER_KIND);
    // Every token that starts also ends: "<" and ">" pair up.
    expect((text.match(/</g) ?? []).length).toBe((text.match(/>/g) ?? []).length);
    expect(text).toContain(", …\n");
  });

  it("says there are more when a directory names more of a kind than it shows", () => {
    const thirty = Array.from({ length: 30 }, (_, i) => `U0${String(i).padStart(8, "0")}`);
    const text = peopleToMrkdwn(people({ slack: { users: thirty, groups: [], channels: [] } })) ?? "";
    expect(text.match(/<@U0\d{8}>/g)).toHaveLength(PEOPLE_SHOWN_PER_KIND);
    expect(text).toMatch(/<@U000000009>, …$/);
  });
});

describe("answerToBlockKit with a people block", () => {
  it("renders it as its own section, and leaves it out when empty", () => {
    const answer: Answer = {
      intent: "who_does",
      title: "Database administrator",
      summary: "Database administrator",
      blocks: [people({ slack: { users: ["U04DWH0001"], groups: [], channels: [] } }), people({})],
      roles: [],
      actions: [],
    };
    expect(answerToBlockKit(answer).blocks.slice(1)).toEqual([
      {
        type: "section",
        text: { type: "mrkdwn", text: "*In your organisation* (Database administrator): <@U04DWH0001>", verbatim: true },
      },
    ]);
  });
});
