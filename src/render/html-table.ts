/**
 * The comparison table as HTML for the web chat: a table for wide screens, and the same roles as one
 * card each, which the stylesheet shows instead on a phone (so nothing scrolls sideways). Pure; every
 * piece of text is escaped.
 */
import type { RoleTable } from "../core/index.js";
import { escapeHtml } from "./html-escape.js";
import { EMPTY_CELL } from "./text-table.js";

function cellHtml(items: readonly string[]): string {
  if (items.length === 0) return `<span class="compare-empty">${EMPTY_CELL}</span>`;
  if (items.length === 1) return escapeHtml(items[0] ?? "");
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
}

function tableHtml(t: RoleTable): string {
  const head = [t.corner, ...t.columns.map((c) => c.name)].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = t.rows
    .map(
      (r) =>
        `<tr data-aspect="${escapeHtml(r.aspect)}"><th scope="row">${escapeHtml(r.label)}</th>${r.cells
          .map((c) => `<td>${cellHtml(c)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  // The region scrolls on its own when an organisation has more roles than fit: never the page.
  return [
    `<div class="compare-scroll" role="region" aria-label="${escapeHtml(t.title)}" tabindex="0">`,
    `<table class="compare-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`,
    "</div>",
  ].join("");
}

function cardsHtml(t: RoleTable): string {
  const cards = t.columns.map((c, k) => {
    const facts = t.rows.map((r) => `<dt>${escapeHtml(r.label)}</dt><dd>${cellHtml(r.cells[k] ?? [])}</dd>`).join("");
    return `<section class="compare-card" data-role="${escapeHtml(c.id)}"><h3 class="role-name">${escapeHtml(c.name)}</h3><dl>${facts}</dl></section>`;
  });
  return `<div class="compare-cards">${cards.join("")}</div>`;
}

export function tableToHtml(t: RoleTable): string {
  return `<div class="compare">${tableHtml(t)}${cardsHtml(t)}</div>`;
}
