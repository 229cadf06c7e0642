import type { Whodoes } from "../../core/index.js";

export function printRoles(whodoes: Whodoes, json: boolean): void {
  const roles = whodoes.knowledge.roles;
  if (json) {
    for (const r of roles)
      process.stdout.write(`${JSON.stringify({ id: r.id, name: r.name, character: r.character, aliases: r.aliases })}\n`);
    return;
  }
  const width = Math.max(...roles.map((r) => r.id.length));
  for (const r of roles) process.stdout.write(`${r.id.padEnd(width)}  ${r.name}: ${r.character}\n`);
}
