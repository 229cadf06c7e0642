export const USAGE = `whodoes: who does what among the data roles

Usage:
  whodoes ask [--json] "QUESTION"   answer one question
  whodoes ask [--json]              answer one question per line of standard input
  whodoes roles [--json]            list the roles
  whodoes compare [ROLE...] [--json] [--png FILE] [--svg FILE]
                                    every role side by side (the roles named first): a text table
                                    that fits 80 columns, the table as data, or a picture
  whodoes onboard [ROLE]            a guided tour for a new hire in ROLE (asks which role if none)
  whodoes chat                      an interactive chat in the console, with follow-ups
                                    (in both, type a button's number or label: next, back, quiz, done)
  whodoes report [--since 7d] [--json] [--suggest]
                                    for maintainers of intents/: unanswered questions, answers with
                                    the most thumbs-down and what they should have been, the most
                                    asked intents and roles; --suggest prints proposed edits of
                                    intents/ as a diff to review and apply (git apply)
  whodoes --help | --version

Options:
  --json           one JSON object per answer: {"intent", "roles": [{"id", "score"}], "text", ...}
  --intents DIR    the knowledge directory (default: $INTENTS_DIR, else the shipped intents/)
  --since DURATION the report's window: 30m, 12h, 7d, 4w (default 7d)
  --data-dir DIR   where the usage is recorded (default: $DATA_DIR, else data/ in the project folder;
                   $REDIS_URL reads Redis instead)

Examples:
  whodoes ask "who restores a dropped table?"
  whodoes ask --json "dba vs data architect"
  whodoes compare --png roles.png
  printf 'who owns the etl\\nencryption\\n' | whodoes ask --json
  whodoes report --since 30d --json
  whodoes report --suggest > fixes.patch    (review it; when it holds a diff: git apply fixes.patch)
`;
