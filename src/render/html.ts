/**
 * Answer → an HTML fragment for the local web chat. Pure functions: every piece of text from the
 * Answer (which may echo what a user typed) is escaped here, and buttons carry their ActionRef as
 * escaped JSON in a data attribute that the page's script reads back with `JSON.parse`.
 * No inline styles or scripts, so the page can run under a strict Content-Security-Policy.
 */
import type { Action, Answer, Block, Contacts, LiveContact, RichText, RoleCard } from "../core/index.js";
import { escapeHtml } from "./html-escape.js";
import { tableToHtml } from "./html-table.js";
import { liveText, plainText } from "./text.js";

/** How many evidence lines a role card shows: enough to say why, short enough to read. */
export const HTML_EVIDENCE_SHOWN = 3;

/** The data attribute that holds a button's ActionRef JSON. */
export const ACTION_ATTRIBUTE = "data-action";

export { escapeHtml } from "./html-escape.js";

/** RichText → escaped HTML, with the words that matched the question in <strong>. */
export function richTextToHtml(spans: RichText): string {
  return spans.map((s) => (s.strong ? `<strong>${escapeHtml(s.text)}</strong>` : escapeHtml(s.text))).join("");
}

function buttonClass(action: Action): string {
  // Feedback is a quiet afterthought, not a next step: it gets its own, smaller style.
  if (action.action.do === "feedback") return "btn btn-feedback";
  return action.style ? `btn btn-${action.style}` : "btn";
}

/** One button; its ActionRef travels as JSON in the data attribute. */
export function buttonToHtml(action: Action): string {
  const ref = escapeHtml(JSON.stringify(action.action));
  return `<button type="button" class="${buttonClass(action)}" ${ACTION_ATTRIBUTE}="${ref}">${escapeHtml(action.label)}</button>`;
}

function roleToHtml(role: RoleCard, title: string): string {
  // A who-does answer is titled with the role's name already: don't say it twice.
  const name = role.name === title ? "" : `<h3 class="role-name">${escapeHtml(role.name)}</h3>`;
  const how = role.how && role.how.length > 0 ? `<p class="role-how">${richTextToHtml(role.how)}</p>` : "";
  const evidence = role.evidence
    .filter((e) => plainText(e.statement) !== plainText(role.how))
    .slice(0, HTML_EVIDENCE_SHOWN)
    .map((e) => `<li>${richTextToHtml(e.statement)}</li>`)
    .join("");
  return [
    `<section class="role" data-role="${escapeHtml(role.id)}">`,
    name,
    `<p class="role-character">${escapeHtml(role.character)}</p>`,
    how,
    evidence ? `<ul class="evidence">${evidence}</ul>` : "",
    "</section>",
  ].join("");
}

/**
 * Who holds the role here. Platform ids mean nothing in a browser, so it shows names and emails (as
 * mailto links), and only points to a platform when that is all there is.
 */
function peopleToHtml(roleName: string, c: Contacts, live: readonly LiveContact[] = []): string {
  const platforms = Object.values(c.platforms);
  const items = [
    ...platforms.flatMap((p) => p.names.map(escapeHtml)),
    ...c.emails.map((e) => `<a href="mailto:${escapeHtml(e)}">${escapeHtml(e)}</a>`),
    ...live.flatMap((l) => {
      const line = liveText(l);
      return line ? [escapeHtml(line)] : [];
    }),
  ];
  const elsewhere = platforms[0];
  if (items.length === 0 && elsewhere) items.push(`See ${escapeHtml(elsewhere.label)}`);
  if (items.length === 0 && !c.note) return "";
  return [
    `<section class="people" aria-label="${escapeHtml(`Who is the ${roleName} here`)}">`,
    '<h3 class="heading">In your organisation</h3>',
    items.length > 0 ? `<ul class="people-list">${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : "",
    c.note ? `<p class="people-note">${escapeHtml(c.note)}</p>` : "",
    "</section>",
  ].join("");
}

function blockToHtml(block: Block, title: string): string {
  switch (block.type) {
    case "text":
      return `<p>${richTextToHtml(block.text)}</p>`;
    case "heading":
      return `<h3 class="heading">${escapeHtml(block.text)}</h3>`;
    case "list": {
      if (block.items.length === 0) return "";
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag} class="list">${block.items.map((item) => `<li>${richTextToHtml(item)}</li>`).join("")}</${tag}>`;
    }
    case "fields": {
      const fields = block.fields.map(
        (f) => `<div class="field"><dt>${escapeHtml(f.label)}</dt><dd>${richTextToHtml(f.value)}</dd></div>`,
      );
      return fields.length === 0 ? "" : `<dl class="fields">${fields.join("")}</dl>`;
    }
    case "role":
      return roleToHtml(block.role, title);
    case "progress": {
      const label = `Step ${block.step} of ${block.total}`;
      return `<div class="progress"><span class="progress-label">${label}</span><progress max="${block.total}" value="${block.step}" aria-label="${label}"></progress></div>`;
    }
    case "choices": {
      const prompt = escapeHtml(block.prompt);
      const buttons = block.choices.map(buttonToHtml).join("");
      return `<div class="choices" role="group" aria-label="${prompt}"><p class="choices-prompt">${prompt}</p><div class="buttons">${buttons}</div></div>`;
    }
    case "people":
      return peopleToHtml(block.roleName, block.contacts, block.live);
    case "table":
      return tableToHtml(block.table);
  }
}

/** The answer as one card: title, blocks, then its next steps and feedback as buttons. */
export function answerToHtml(answer: Answer): string {
  const body = answer.blocks.map((b) => blockToHtml(b, answer.title)).join("");
  const next = answer.actions.filter((a) => a.action.do !== "feedback");
  const feedback = answer.actions.filter((a) => a.action.do === "feedback");
  const actions = next.length > 0 ? `<div class="buttons actions">${next.map(buttonToHtml).join("")}</div>` : "";
  const votes =
    feedback.length > 0
      ? `<div class="buttons feedback" role="group" aria-label="Was this helpful?">${feedback.map(buttonToHtml).join("")}</div>`
      : "";
  return [
    `<article class="card" data-intent="${escapeHtml(answer.intent)}">`,
    `<h2 class="card-title">${escapeHtml(answer.title)}</h2>`,
    body,
    actions,
    votes,
    "</article>",
  ].join("");
}
