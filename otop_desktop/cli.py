"""The `otop-desktop` command: the GUI with no arguments, and the same services headless. Each group of commands
is a module of otop_desktop/commands/ that adds its parsers and returns its handlers; this puts them together."""

import argparse
import functools
import logging
import signal
import sys

from otop_desktop import __version__
from otop_desktop.commands.common import refuse_replacing
from otop_desktop.commands.thai_parser import ThaiArgumentParser, text_values_joined
from otop_desktop.core.errors import OtopError
from otop_desktop.paths import database_target


def _groups():
    """The command groups, in the order `--help` lists them."""
    from otop_desktop.commands import (
        backup,
        entry,
        evidence,
        exchange,
        forecast,
        forms,
        history,
        locks,
        quality,
        reports,
        screenshot,
        setup,
        targets,
        users,
        verify,
    )

    return (
        setup,
        users,
        screenshot,
        entry,
        quality,
        history,
        locks,
        forms,
        forecast,
        verify,
        evidence,
        targets,
        exchange,
        reports,
        backup,
    )


@functools.cache
def _parser_and_handlers() -> tuple[argparse.ArgumentParser, dict]:
    """The parser of every command, and each command's handler(args, database target) by name. Built when a
    command first runs, so starting the GUI imports none of the commands' services; kept for the process (a
    parser keeps nothing of what it parsed)."""
    parser = ThaiArgumentParser(prog="otop-desktop", description="รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP")
    parser.add_argument("--data-dir", help="โฟลเดอร์ข้อมูล (ค่าเริ่มต้น: $OTOP_DATA_DIR หรือโฟลเดอร์ข้อมูลของผู้ใช้)")
    parser.add_argument(
        "--database-url",
        help="ใช้ฐานข้อมูลบนเซิร์ฟเวอร์ PostgreSQL ของสำนักงานแทนไฟล์ในเครื่อง "
        "เช่น postgresql://otop@server/otop (ค่าเริ่มต้น: $OTOP_DATABASE_URL) "
        "รหัสผ่านอยู่ในไฟล์ .pgpass ของ PostgreSQL ห้ามใส่ไว้ใน URL",
    )
    parser.add_argument("--version", action="version", version=__version__, help="แสดงรุ่นของโปรแกรมแล้วจบ")
    commands = parser.add_subparsers(dest="command")
    handlers = {}
    for group in _groups():
        handlers.update(group.add(commands))
    return parser, handlers


def _parser() -> argparse.ArgumentParser:
    """The command line's parser (the tests read every command from it)."""
    return _parser_and_handlers()[0]


def _gui_only(argv: list[str]):
    """(data folder, database URL) when the command line asks for the GUI (no command), else False."""
    early = ThaiArgumentParser(prog="otop-desktop", add_help=False)
    early.add_argument("--data-dir")
    early.add_argument("--database-url")
    known, rest = early.parse_known_args(argv)
    return False if rest else (known.data_dir, known.database_url)


def _say(error: OtopError) -> None:
    """A refusal on one line of stderr, with any control or direction character it quotes shown as "?": the
    Thai message, then what the database driver said, if anything."""
    from otop_desktop.services.thai import shown_safely

    detail = f" (รายละเอียด: {error.detail})" if error.detail else ""
    print(f"ข้อผิดพลาด: {' '.join(shown_safely(error.message + detail).split())}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; no command starts the GUI."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `otop-desktop locks … | head` ends quietly
    argv = text_values_joined(sys.argv[1:] if argv is None else argv)
    gui = _gui_only(argv)
    if gui is not False:  # straight to the login dialog, without building the commands' parser
        from otop_desktop.ui.app import run_gui

        try:
            return run_gui(*gui)
        except OtopError as error:
            _say(error)
            return 2
    parser, handlers = _parser_and_handlers()
    args = parser.parse_args(argv)
    # The program's log is for its developers: what an officer reads is the Thai said on stdout and stderr,
    # not Python's last-resort "WARNING:otop_desktop…" lines.
    logging.getLogger("otop_desktop").addHandler(logging.NullHandler())
    try:
        path = database_target(args.data_dir, args.database_url)
    except OtopError as error:
        _say(error)
        return 2
    if args.command is None:
        from otop_desktop.ui.app import run_gui

        return run_gui(args.data_dir, args.database_url)
    try:
        refuse_replacing(args)
        return handlers[args.command](args, path)
    except OtopError as error:
        _say(error)
        return 2
    except Exception as error:  # the disk, not the program: said in Thai (a transaction that failed kept nothing)
        from otop_desktop.store.identity import disk_problem

        if not (problem := disk_problem(error)):
            raise
        _say(problem)
        return 2
