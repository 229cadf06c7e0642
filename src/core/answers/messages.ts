/** Every fixed sentence the bot says, in one place. Role and task words come from the knowledge. */
export const MESSAGES = {
  describeButton: (short: string) => `What does ${article(short)} ${lowerName(short)} do?`,
  compareButton: (short: string) => `Compare with the ${lowerName(short)}`,
  collaborateButton: "Who do they work with?",
  collaborateWithButton: (short: string) => `How do they work with the ${lowerName(short)}?`,
  partnersButton: (short: string) => `Who does the ${lowerName(short)} work with?`,
  otherPartnersButton: (short: string) => `Who else does the ${lowerName(short)} work with?`,
  togetherButton: "How do they work together?",
  onboardButton: "Start onboarding",
  helpful: "👍 Helpful",
  notHelpful: "👎 Not helpful",
  rolesButton: "Show all roles",
  compareAllButton: "Compare all roles",
  helpButton: "How to ask",
  whoDoesSummary: (name: string, character: string, statement: string) => `${name} (${lowerName(character)}): ${statement}`,
  sharedIntro: "This is shared. Each role's part:",
  nobodyListed: "No one is listed for this role in your organisation yet; an admin can add people in directory.yaml.",
  didYouMean: "Too close to call. Did you mean:",
  unsure: "I'm not sure I understood: only one word of your message matched, so this is a guess.",
  guess: "That sounds like data work, but it matched no task I know, so this is only a guess at the closest role.",
  weak: "This is a weak match, so take it as a guess and check with the team.",
  unsureChoices: "Is this what you meant? See the role:",
  outOfScopeTitle: "Not one for the data team",
  outOfScopeText:
    "I couldn't match that to any data role, so I won't guess an owner. I can tell you who owns a data task, what a role does, how two roles differ, who works with whom, and how to get started in a role.",
  outOfScopeElsewhere: (department: string) =>
    `That sounds like one for ${department}, not the data team, so I won't guess an owner among the data roles. I can tell you who owns a data task, what a role does, how two roles differ, who works with whom, and how to get started in a role.`,
  outOfScopeAbout: (names: readonly string[]) =>
    `I can't answer that about ${listNames(names.map((n) => `the ${lowerName(n)}`))}, so I won't guess. I can tell you what ${names.length > 1 ? "each role does" : "the role does"}, who owns a data task, how two roles differ, who works with whom, and how to get started in a role.`,
  outOfScopeTry: "Try asking:",
  referringTitle: "What are you referring to?",
  referringTo: (examples: readonly string[]) =>
    `Name the role or the task${examples.length > 0 ? `, e.g. ${examples.map((e) => `"${e}"`).join(" or ")}` : ""}.`,
  rolesTitle: "The data roles",
  rolesSummary: (names: string[]) => `There are ${names.length} data roles: ${names.join(", ")}.`,
  helpTitle: "How to ask whodoes",
  helpIntro: "Ask in plain words, the way you'd ask a colleague. For example:",
  notFollowedTitle: "I didn't follow that",
  notFollowed: "Ask about a data task or a role in plain words, for example:",
  helpSummary: "Ask me who does a data task, what a role does, how roles differ or work together, or how to start in a role.",
  hello: (example?: string) => `Hi! Ask me who does a data task${example ? `, e.g. "${example}"` : ""}.`,
  thanks: "You're welcome! Ask again any time.",
  bye: "Bye for now!",
  acknowledged: "Anything else? Ask me who does a data task, what a role does, or how two roles differ.",
  welcomeTitle: "Hi! I tell you who does what in data.",
  welcomeMembers: (names: string) => `Welcome, ${names}!`,
  welcomeIntro: "Ask me which data role owns a task, what a role does, or how two roles differ.",
  welcomeMention: (mention: string) => `Mention me (${mention}) with your question.`,
  welcomeCommand: (command: string) => `Type ${command} and your question anywhere, or send me a message here.`,
  knownRoles: (names: string) => `I know these roles: ${names}.`,
  tryAsking: "Try asking",
  welcomeOnboarding: "New to the data team? Start onboarding for a short tour of your role.",
  tooLongTitle: "That message is too long for me",
  tooLong: (length: number, limit: number, example?: string) =>
    `That message is ${length.toLocaleString("en-US")} characters long; I read questions of up to ${limit.toLocaleString("en-US")}. Ask in a sentence or two${example ? `, for example "${example}"` : ""}.`,
  feedbackThanks: "Thanks for the feedback: it helps the people who maintain the knowledge.",
  feedbackNotKept: "Thanks for the feedback. It is not recorded here: tell the people who maintain the knowledge if it matters.",
  dislikedTitle: "Sorry that didn't help",
  whichRole: "Which role should it have been?",
  noneOfThese: "None of these",
  correctedTitle: "Thanks, noted",
  corrected: (name: string, kept: boolean) => `Noted: this one is for the ${lowerName(name)}. ${reviewed(kept)}`,
  correctedNone: (kept: boolean) => `Noted: none of the data roles. ${reviewed(kept)}`,
  askTeamButton: "Ask the data team",
  whomToAsk: "Whom to ask",
  handoffElsewhere: "Handing a question to the data team works in Slack and Teams. Whom to ask is under the answer.",
  sameRole: (names: readonly string[]) => `Here ${listNames(names.map((n) => `${article(n)} ${n}`))} are the same role:`,
  noPart: (name: string) => `The ${name} has no part in that task here. This is what the ${name} does:`,
  onlyNamed: (name: string) => `I'm not sure what you're asking about the ${name}. This is what the ${name} does:`,
  noteHeading: "Note",
  noteOn: (name: string) => `Note on the ${lowerName(name)}`,
  responsibilitiesHeading: "Responsibilities",
  // The example's own words say where it is set: an organisation that writes its own is no hospital network.
  exampleHeading: "In the example",
  worksWithHeading: "Works with",
  firstWeekHeading: "First week",
  meetsHeading: "Where their work meets",
  togetherHeading: "How they work together",
  compareSummary: (a: string, aCharacter: string, b: string, bCharacter: string) =>
    `${a} is ${lowerName(aCharacter)}; ${lowerName(b)} is ${lowerName(bCharacter)}.`,
  partnersTitle: (short: string) => `Who the ${lowerName(short)} works with`,
  partners: (name: string, partners: readonly string[]) =>
    `The ${lowerName(name)} works with ${partners.map(lowerName).join(", ") || "no other role listed"}.`,
  // Mid-sentence a short name is a common noun ("the architect"); a line that starts with it keeps its capital.
  pairTitle: (a: string, b: string) => `How the ${lowerName(a)} and the ${lowerName(b)} work together`,
  pairNotRecorded: (a: string, b: string) =>
    `No direct collaboration is recorded between the ${lowerName(a)} and the ${lowerName(b)}.`,
  pairNotSaid: (a: string, b: string) =>
    `The knowledge doesn't say how the ${lowerName(a)} and the ${lowerName(b)} work together directly.`,
  allTogetherTitle: "How the data roles work together",
  allTogether: "Each role is distinct, but they work closely: here is who works with whom.",
  chooseRoleTitle: "Welcome to the data team",
  chooseRole: "Which role are you starting in? Pick one to take a short tour.",
  startingIn: "Which role are you starting in?",
  backButton: "Back",
  nextButton: "Next",
  doneButton: "Done",
  nextQuestionButton: "Next question",
  tourAgainButton: "Take the tour again",
  tourStepTitle: (name: string, step: string) => `${name}: ${step}`,
  tourStep: (name: string, step: number, total: number, stepName: string) =>
    `Onboarding as ${lowerName(name)}, step ${step} of ${total}: ${stepName.toLowerCase()}.`,
  tourDoneTitle: (short: string) => `You're set, ${short}`,
  tourDoneSummary: (name: string) => `That's the tour for the ${lowerName(name)}. Ask me any time who does what.`,
  tourDone: "That's the tour. Ask me any time who does a task, or how two roles differ.",
  quizTitle: (name: string, q: number, total: number) => `${name}: quiz ${q} of ${total}`,
  quizRightTitle: "Correct",
  quizWrongTitle: "Not quite",
  quizRight: (owner: string) => `Right: it's the ${lowerName(owner)}.`,
  quizWrong: (owner: string, chosen?: string) =>
    `Not quite: it's the ${lowerName(owner)}, not the ${chosen ? lowerName(chosen) : "one you picked"}.`,
  notOurRole: (name: string, roleCount: number, closest: readonly string[]) =>
    `${capital(article(name))} ${lowerName(name)} is not one of the ${numberWord(roleCount)} data roles here; the closest ${closest.length > 1 ? "are" : "is"} ${listNames(closest.map((c) => `the ${lowerName(c)}`))}.`,
  neighbourPartnersTitle: (name: string) => `Who ${article(name)} ${lowerName(name)} works with`,
  neighbourPartners: (closest: number) =>
    `It works most with ${closest > 1 ? "those roles" : "that role"}; here is how their work differs.`,
  unknownTitleHeading: "Not a job I know",
  unknownTitle: (title: string, roleCount: number, closest?: string) =>
    `"${title}" is not a job I know: it is not one of the ${numberWord(roleCount)} data roles here, nor one I know of beside them.${closest ? ` By the words of the title, the closest role is the ${lowerName(closest)}, but that is only a guess.` : ""}`,
  unknownTitleCompared: (title: string, roleCount: number, role: string) =>
    `"${title}" is not a job I know: it is not one of the ${numberWord(roleCount)} data roles here, nor one I know of beside them, so I can't compare it with the ${lowerName(role)}. Here is what the ${lowerName(role)} is.`,
  theirWorkTitle: (name: string) => `Work for ${article(name)} ${lowerName(name)}`,
  theirWork: (name: string, roleCount: number) =>
    `That sounds like work for ${article(name)} ${lowerName(name)}, which is not one of the ${numberWord(roleCount)} data roles here, so I won't name an owner among them.`,
  closestIs: (name: string, closest: string, difference: string) =>
    `The closest role here to ${article(name)} ${lowerName(name)} is the ${lowerName(closest)}. ${difference}`,
  howTheyDiffer: "How they differ",
  moreOfRole: (role: string, first: number, last: number, total: number) =>
    `More of what the ${lowerName(role)} does (${first}–${last} of ${total})`,
  allOfRole: (role: string, total: number) =>
    `That's all ${total} things the ${lowerName(role)} does. Ask about any task to see whose it is.`,
  moreResponsibilities: (n: number) => `…and ${n} more. Ask about any task to see whose it is.`,
  severalTitle: (n: number) => `Your ${numberWord(n)} questions`,
  sameAnswer: (n: number) => `The same answer as question ${n}.`,
  notAnswered: (answered: number, left: number) =>
    `I answer up to ${numberWord(answered)} questions at a time. Ask ${left === 1 ? "this one" : `these ${numberWord(left)}`} again on ${left === 1 ? "its" : "their"} own:`,
  askQuestion: (n: number) => `Ask question ${n}`,
} as const;

/** After a correction: whether anyone will see it depends on whether votes are recorded where it was given. */
function reviewed(kept: boolean): string {
  return kept
    ? "The people who maintain the knowledge will review it."
    : "It is not recorded here: tell the people who maintain the knowledge if it should change.";
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** 4 -> "four": how many roles, in words while that reads better. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** Words a name written as a title leaves in lower case ("Head of Data and Analytics"). */
const TITLE_SMALL_WORDS = new Set(["and", "for", "the", "with"]);

/**
 * A name an organisation writes as a title, every word a capital ("Data Protection Officer"): lowering only its first
 * letter read "the data Protection Officer". Words of two letters, small words and ones that start with a symbol
 * do not count, and a sentence always has a lower-case word, so statements are never taken for titles.
 */
function isTitle(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => w.length > 2 && /^\p{L}/u.test(w) && !TITLE_SMALL_WORDS.has(w));
  return words.length >= 2 && !words.some((w) => /^\p{Ll}/u.test(w));
}

/**
 * "Data scientist" -> "data scientist" mid-sentence; "BI developer", "DevOps engineer", "SQL backups ..." and
 * "Data Protection Officer" keep their capitals. For names, characters ("The SQL guru") and statements alike.
 */
export function lowerName(name: string): string {
  const first = name.split(" ")[0] ?? "";
  return /[A-Z]/.test(first.slice(1)) || isTitle(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** Names shown in one sentence; more are counted ("and 3 others"). */
const NAMES_LISTED = 5;

/** "A", "A and B", "A, B and C", "A, B, C, D, E and 2 others". */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_LISTED);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} ${more === 1 ? "other" : "others"}`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

export function article(word: string): string {
  // "an" before a vowel sound; acronyms like DBA/DWH are read letter by letter ("a DBA").
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? "an" : "a";
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
