"""The command line's command groups, a module each: `add(commands)` adds the group's parsers and returns
its handlers by command name, each `handler(args, database target) -> exit code`; cli.py puts them together."""
