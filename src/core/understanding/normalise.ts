/**
 * Turn a chat message into lower-case words: drop Slack's mention/channel/link tokens, emoji,
 * URLs and formatting, fold accents and contractions. Pure and platform-neutral: Teams' HTML is
 * decoded by its adapter before it gets here, but Slack's angle-bracket tokens are common enough
 * in pasted text that the core strips them everywhere.
 */
import { SETTINGS } from "./settings.js";

const SLACK_LINK = /<((?:https?|mailto):[^|>\s]*)\|([^>]*)>/g; // <http://x|label> keeps the label
const SLACK_MENTION = /<[@#!][^>]*>/g; // <@U1>, <#C1|general>, <!here>
const SLACK_TOKEN = new RegExp(`${SLACK_MENTION.source}|<(?:https?|mailto):[^>]*>`, "g"); // ...and <http://x>
// A link as the asker saw it: its label, or its address when it has none.
const SLACK_LINK_SHOWN = /<((?:https?|mailto):[^|>\s]*)(?:\|([^>]*))?>/g;
// Markup pasted from a web page or an issue ("<img src=x onerror=...>", "</div>"): its names are not the asker's words.
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL = /\b\S+@\S+\.\w+\b/g;
// "@dan-mckean can you confirm ...": a forum or code-forge handle names a person, not a word of the question.
const HANDLE = /(?<![\w@])@[\w-]+/g;
const EMOJI_CODE = /:[a-z0-9_+'-]+:/gi;
// Pictographs, skin tones, and the joiners and selectors that glue emoji sequences together.
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3/gu;
const DIACRITICS = /[\u0300-\u036f]/g;
const APOSTROPHE = /[\u2018\u2019\u02bc`´]/g;
const CONTRACTION = /(\w)'(s|re|m|ll|ve|d)\b/g;
// "what's the salary for a DBA?" asks "what is": the frame a question about another matter opens with.
const WHAT_IS = /\bwhat's\b/g;
const NEGATION = /(\w)n't\b/g;
// "can't" and "won't" are not "ca" + "n't" and "wo" + "n't".
const IRREGULAR_NEGATION = /\b(can|won)'t\b/g;
const IRREGULAR_BASE: Record<string, string> = { can: "can", won: "will" };
// "dont", "doesnt", "cant": chat drops the apostrophe; given it back, "the numbers dont match" reads as "the
// numbers don't match" does.
const BARE_NEGATION = /\b(do|does|did|is|are|was|were|has|have|had|should|could|would|ca|wo)nt\b/g;
const WORD = /[a-z0-9]+/g;
const PLAIN = /^[a-z ]*$/;
// "40s", "2 min", "6 hours": how long something took, whatever the number, is one word the
// thesaurus can use ("went from duration to duration" is slow).
const DURATION = /\b\d+(?:\.\d+)?\s*(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\b/g;

/** Whether the text has an emoji or an emoji shortcode (":wave:", "👍"): a reaction when it has no words. */
export function hasEmoji(text: string): boolean {
  return text.search(EMOJI_CODE) >= 0 || text.search(EMOJI) >= 0;
}

// A sentence ends at . ! or ? (and any closing quote or bracket) before a space or the end (not inside
// "orders.order_lines" or a URL), or at a line break (Slack's "> quoted" lines, pasted logs).
const SENTENCE_END = /(?<=[.!?]["'\u201d\u2019)\]]*)\s+|\n+/;
/**
 * "Who is checking to make sure that\nthe data being scraped is valid?": a mail's or a terminal's hard wrap
 * breaks a line where no sentence can end (after "the", "that", "of", "and", "we"...) and goes on in lower case.
 * That break is a space, not a sentence's end; a line typed on its own ("who restores a dropped table\nwho
 * designs it") ends on a word of its own and stays a sentence.
 */
const HARD_WRAP =
  /(?<=\b(?:[Tt]he|an?|and|or|but|of|to|in|for|with|on|at|by|from|that|which|is|are|was|were|be|if|when|as|than|into|about|our|their|its|this|these|those|we|I|you|it))[ \t]*\n(?=[ \t]*[a-z])/g;
// "who restores a dropped table and who designs the partitioning?", "the DBA restored it, who fixes the
// load?", "which role does backups and which role does ETL?", "1) who sets up the ETL, and 2) who backs it up?":
// a second "who" (or "which role") question joined on by "and" (or "&", "+", "n", "/") or a comma, or by a list's
// marker alone ("1) who ... 2) who ..."), starts a sentence of its own. So does the first of a list of "who"
// questions after a colon ("Two things are unclear: who ..., and who ...?"): what comes before only introduces them.
// Not "which" ("DBA vs data manager: which one is ...?" asks the part before the colon). "who does data modelling
// vs who does governance?" sets two "who" questions side by side: each is asked.
const SECOND_WHO =
  /(?::\s*(?=(?:who|whose|whos)(?:['\u2019]s)?\s[^?:]*?(?:[,;]|\band\b)\s*(?:and\s+)?(?:who|whose|whos)\b)|[,;]\s*(?:and\s+|also\s+)?|\s+(?:and|also|&|\+|n|\/|vs\.?|versus)\s+|\s+(?=\(?(?:\d|[a-c])\)\s*(?:who|whose|whos|which)\b))(?=(?:\(?(?:\d|[a-c])[).]\s*)?(?:who|whose|whos|which (?:role|team|person|one))(?:['\u2019]s)?\s)/i;

// "who does backups, and what does a data manager do?": after a "who" question, ", and what ..." or ", and how ..."
// asks another thing. A further question about the first ("..., and how do they test them?") is read with it
// again by questionsOf, as any further question is.
const STARTS_WHO = /^\W*(?:who|whose|whos)(?:['\u2019]s)?\s/i;
const ASKED_AFTER_WHO = /[,;]\s*and\s+(?=(?:what|how)\s)/i;

/** A few words set side by side with "vs" and nothing else: the subject of the question that follows. */
const VERSUS_SUBJECT = /^\W*(?:\S+\s+){0,3}(?:vs\.?|versus)(?:\s+\S+){1,3}\W*$/i;
/**
 * "1) how do ETL devs work with architects 2) how do DBAs work with data managers", "#1 who ... #2 who ...": a list
 * typed on one line starts each question with its marker; cut there, once the line starts with the first one.
 */
const INLINE_LIST = /^\W*(?:\(?(?:1|a)[)/]|#1|q1:?)\s/i;
const NEXT_IN_LIST =
  /\s+(?=(?:\(?(?:\d|[b-c])[)/]|#\d|q\d:?)\s*(?:who|whose|whos|which|what|how|where|when|why|is|are|do|does|can|should)\b)/i;

/** The message cut into sentences, at most SETTINGS.maxInputChars of it. */
export function sentences(text: string): string[] {
  const clipped = text.length > SETTINGS.maxInputChars ? text.slice(0, SETTINGS.maxInputChars) : text;
  // "<@U0BOT> who restores a dropped table and who designs the partitioning?": a mention of the bot or a person
  // (or a channel) is no word of a question, and would hide that a sentence starts by asking. A link reads as
  // its label, so a question echoed back shows no Slack markup.
  return clipped
    .replace(SLACK_MENTION, " ")
    .replace(SLACK_LINK_SHOWN, (_, url: string, label: string | undefined) => label ?? url)
    .replace(HARD_WRAP, " ")
    .split(SENTENCE_END)
    .flatMap((s) => (INLINE_LIST.test(s) ? s.split(NEXT_IN_LIST) : [s]))
    .flatMap((s) => {
      // "Data steward vs data manager, who reports to whom?": a bare "X vs Y" before the comma is what the
      // question is about, not a question of its own.
      const parts = s.split(SECOND_WHO);
      return parts.length > 1 && VERSUS_SUBJECT.test(parts[0] ?? "") ? [s] : parts;
    })
    .flatMap((s) => (STARTS_WHO.test(s) ? s.split(ASKED_AFTER_WHO) : [s]))
    .filter((s) => s.trim() !== "");
}

/**
 * "nurses" -> "nurse", "scientists" -> "scientist": for words matched as written, never by stem ("data modeller"
 * is not "data model"); "glass", "news" and "cars" stay (list both forms of short words).
 */
export function foldPlural(word: string): string {
  return word.length > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** The message's words, in order, lower-case, at most SETTINGS.maxWords of them. */
export function normalise(text: string): string[] {
  const clipped = text.length > SETTINGS.maxInputChars ? text.slice(0, SETTINGS.maxInputChars) : text;
  // Lower-case letters and spaces only (the knowledge's thousands of keywords, read at every start): no
  // replacement below can change them but a bare negation's, so skip the passes.
  const cleaned =
    PLAIN.test(clipped) && clipped.search(BARE_NEGATION) < 0
      ? clipped
      : clipped
          .replace(SLACK_LINK, " $2 ")
          .replace(SLACK_TOKEN, " ")
          .replace(HTML_TAG, " ")
          .replace(URL, " ")
          .replace(EMAIL, " ")
          .replace(HANDLE, " ")
          .replace(EMOJI_CODE, " ")
          .replace(EMOJI, " ")
          .normalize("NFKD")
          .replace(DIACRITICS, "")
          .toLowerCase()
          .replace(APOSTROPHE, "'")
          .replace(BARE_NEGATION, "$1n't")
          .replace(IRREGULAR_NEGATION, (_, base: string) => `${IRREGULAR_BASE[base] ?? base} not`)
          .replace(NEGATION, "$1 not")
          .replace(WHAT_IS, "what is")
          .replace(CONTRACTION, "$1")
          .replace(DURATION, " duration ");
  const words = joinParticles(cleaned.match(WORD) ?? []);
  return words.length > SETTINGS.maxWords ? words.slice(0, SETTINGS.maxWords) : words;
}

const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(["it", "them", "this", "that", "these", "those"]);
const PARTICLES: ReadonlySet<string> = new Set(["up", "down", "back", "off", "out", "over"]);
/** Verbs before a pronoun that are not the phrasal verb ("is that up to the DBA?"). */
const NOT_PHRASAL: ReadonlySet<string> = new Set(
  "is are was were be been do does did has have had can could will would should shall may might must and or of to".split(" "),
);

/**
 * "who backs them up?", "who sets it up?": English splits a phrasal verb around a pronoun object; joined
 * again ("backs up them"), it reads as the knowledge writes it ("back up", "set up").
 */
function joinParticles(words: string[]): string[] {
  for (let i = 1; i + 1 < words.length; i++) {
    const [verb, object, particle] = [words[i - 1] ?? "", words[i] ?? "", words[i + 1] ?? ""];
    if (OBJECT_PRONOUNS.has(object) && PARTICLES.has(particle) && !NOT_PHRASAL.has(verb)) {
      words[i] = particle;
      words[i + 1] = object;
      i++;
    }
  }
  return words;
}
