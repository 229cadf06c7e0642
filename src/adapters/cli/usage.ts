export const USAGE = `whodoes: who does what among the data roles

Usage:
  whodoes ask [--json] "QUESTION"   answer one question
  whodoes ask [--json]              answer one question per line of standard input
  whodoes roles [--json]            list the roles
  whodoes onboard [ROLE]            a guided tour for a new hire in ROLE (asks which role if none)
  whodoes chat                      an interactive chat in the console
  whodoes --help | --version

Options:
  --json           one JSON object per answer: {"intent", "roles": [{"id", "score"}], "text", ...}
  --intents DIR    the knowledge directory (default: $INTENTS_DIR, else the shipped intents/)

Examples:
  whodoes ask "who restores a dropped table?"
  whodoes ask --json "dba vs data architect"
  printf 'who owns the etl\\nencryption\\n' | whodoes ask --json
`;
