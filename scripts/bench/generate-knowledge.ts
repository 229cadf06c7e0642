/** A large synthetic knowledge base (N roles x M responsibilities) for the speed benchmark. */
import type { Knowledge, Role } from "../../src/core/index.js";
import { loadKnowledge } from "../../src/core/index.js";
import { commonEnglish } from "../../src/core/understanding/common-english.js";

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same knowledge. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roles made of real English words, and questions about some of their responsibilities. */
export function generateKnowledge(roleCount: number, perRole: number, seed = 42): { knowledge: Knowledge; questions: string[] } {
  const rnd = random(seed);
  const words = [...commonEnglish()].filter((w) => w.length >= 5 && w.length <= 10);
  const pick = () => words[Math.floor(rnd() * words.length)] ?? "data";
  const shipped = loadKnowledge();
  const roles: Role[] = [];
  const questions: string[] = [];
  for (let r = 0; r < roleCount; r++) {
    const responsibilities = Array.from({ length: perRole }, (_, i) => {
      const keywords = Array.from({ length: 6 }, () => (rnd() < 0.4 ? `${pick()} ${pick()}` : pick()));
      if (i % 7 === 0) questions.push(`who handles the ${keywords[0]} ${pick()} for ${keywords[1]}?`);
      return { id: `r${i}`, statement: `Handles ${pick()} ${pick()} and ${pick()} ${pick()}.`, keywords, concerns: [] };
    });
    roles.push({
      id: `role-${r}`,
      name: `${pick()} ${pick()} specialist`,
      short: `Role ${r}`,
      character: `The ${pick()}`,
      aliases: [`${pick()} lead ${r}`],
      summary: `Looks after ${pick()} and ${pick()}.`,
      responsibilities,
      example: `Does ${pick()} things.`,
      worksWith: [],
      firstWeek: ["Read the docs."],
      actions: [],
    });
  }
  return {
    knowledge: {
      dir: "(generated)",
      roles,
      intents: shipped.intents,
      thesaurus: shipped.thesaurus,
      comparison: shipped.comparison,
      neighbours: [],
      directory: new Map(),
    },
    questions,
  };
}
