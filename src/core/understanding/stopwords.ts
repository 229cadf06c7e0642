/**
 * English function words, chat filler and the bot's own name: they carry no task meaning. Intent cues
 * (who, what, difference, ...) are matched separately, so they may be listed here too.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any anyone anybody are as at be because been before being below
  between both but by can cannot could did do does doing done down during each few for from further had has have having
  he her here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not
  now of off on once only or other our ours ourselves out over own same she should so some someone somebody something such
  than that the their theirs them themselves then there these they this those through to too under until up very was we
  were what when where which while who whom why will with would you your yours yourself yourselves
  pls please plz hey hi hello thanks thank thx ok okay yes yeah yep nope u ur im ive id aint whats
  whos hows wheres theres thats lets gonna wanna gotta got get gets getting go going want wants need needs know like
  anyone anybody everyone guys team folks question quick really actually basically also still even maybe probably
  usually normally typically generally currently right now today tomorrow yesterday again already etc eg ie via per
  would could should might must shall may one ones thing things stuff kind sort lot lots bit us since until till though
  although whether whoever person persons people correct guy guys gal anything everything nothing somewhere
  many much teh hte wat wht abt bc cuz r ya ppl
  two three four five six seven eight nine ten
  whodoes`
    .split(/\s+/)
    .filter(Boolean),
);
