"""No input on any command ends in a traceback or English: a fiscal year, month or quarter out of range, and a
bad value for each option of every command, is one Thai line on stderr, exit 2, and nothing stored."""

import re
from pathlib import Path

import pytest

from otop_desktop.cli import _parser, main
from tests.conftest import PASSWORD
from tests.engines import contents, location

DATA = Path(__file__).resolve().parents[1] / "data"
THAI = re.compile("[\u0e00-\u0e7f]")
BAD_YEARS = ("0", "-7", "1999", "99999")
BAD_MONTHS = ("0", "13", "-1")
# A valid run of every command the parser knows (as the user before each), to spoil one option at a time.
COMMANDS = {
    "demo": ("", ["demo"]),
    "server-setup": ("", ["server-setup", "--admin-url", "postgresql://nobody@127.0.0.1:1/postgres", "--area", "34"]),
    "user add": ("admin", ["user", "add", "newcomer", "--role", "district", "--area", "3401", "--as", "admin"]),
    "user list": ("admin", ["user", "list", "--as", "admin"]),
    "user disable": ("admin", ["user", "disable", "warin", "--as", "admin"]),
    "user passwd": ("admin", ["user", "passwd", "warin", "--as", "admin"]),
    "user enable": ("admin", ["user", "enable", "warin", "--as", "admin"]),
    "user passwd-self": ("prov", ["user", "passwd-self", "--user", "prov"]),
    "screenshot": ("prov", ["screenshot", "--out", "{tmp}/shots", "--user", "prov", "--year", "2569", "--month", "8"]),
    "entry show": ("prov", ["entry", "show", "--user", "prov", "--year", "2569", "--month", "8"]),
    "entry sync": ("prov", ["entry", "sync", "--user", "prov", "--year", "2569", "--month", "8", "--district", "3401"]),
    "entry set": (
        "prov",
        ["entry", "set", "--user", "prov", "--year", "2569", "--month", "8", "{silk}", "1", "", "", ""],
    ),
    "lock": ("prov", ["lock", "--user", "prov", "--year", "2569", "--month", "8", "--district", "3401"]),
    "unlock": (
        "prov",
        ["unlock", "--user", "prov", "--year", "2569", "--month", "8", "--district", "3401", "--reason", "แก้"],
    ),
    "locks": ("prov", ["locks", "--user", "prov", "--year", "2569", "--month", "8"]),
    "quality": (
        "prov",
        ["quality", "--user", "prov", "--year", "2569", "--month", "8", "--district", "3401", "--out", "{tmp}/q.csv"],
    ),
    "quality review": (
        "prov",
        [
            "quality",
            "review",
            "--user",
            "prov",
            "--year",
            "2569",
            "--month",
            "8",
            "--key",
            "inactive/3401/e3/2569-08/10000",
            "--note",
            "เลิกกิจการเดือนหน้า",
        ],
    ),
    "history": (
        "mueang",
        ["history", "--user", "mueang", "--entrepreneur", "{silk}", "--year", "2569", "--month", "8"],
    ),
    "print jt2": (
        "prov",
        [
            "print",
            "jt2",
            "--user",
            "prov",
            "--year",
            "2569",
            "--month",
            "8",
            "--district",
            "3401",
            "--out",
            "{tmp}/jt2.pdf",
        ],
    ),
    "print jt2 quarter": (
        "prov",
        [
            "print",
            "jt2",
            "--user",
            "prov",
            "--year",
            "2569",
            "--quarter",
            "1",
            "--district",
            "3401",
            "--out",
            "{tmp}/q.pdf",
        ],
    ),
    "print jt1": (
        "prov",
        [
            "print",
            "jt1",
            "--user",
            "prov",
            "--year",
            "2569",
            "--month",
            "8",
            "--district",
            "3401",
            "--out",
            "{tmp}/jt1.pdf",
        ],
    ),
    "print forecast": ("prov", ["print", "forecast", "--user", "prov", "--year", "2569", "--out", "{tmp}/f.pdf"]),
    "signatories": ("prov", ["signatories", "set", "--user", "prov", "--duty", "signs", "--name", "นายสมชาย"]),
    "forecast show": ("prov", ["forecast", "show", "--user", "prov", "--year", "2569"]),
    "forecast set": (
        "prov",
        ["forecast", "set", "--user", "prov", "--year", "2569", "--month", "10", "1", "2", "3", "4"],
    ),
    "verify": ("prov", ["verify", "ABCDE-FGHIJ", "--user", "prov"]),
    "evidence add": ("prov", ["evidence", "add", "{tmp}/scan.png", "--user", "prov", "--code", "ABCDE-FGHIJ"]),
    "evidence list": ("prov", ["evidence", "list", "--user", "prov", "--year", "2569", "--district", "3401"]),
    "evidence export": ("prov", ["evidence", "export", "--user", "prov", "--year", "2569", "--out", "{tmp}"]),
    "evidence deadline": ("prov", ["evidence", "deadline", "--user", "prov", "--day", "20"]),
    "targets settings": ("prov", ["targets", "settings", "--user", "prov", "--year", "2569", "--base-year", "2568"]),
    "targets compute": ("prov", ["targets", "compute", "--user", "prov", "--year", "2570"]),
    "targets base": (
        "prov",
        ["targets", "base", "--user", "prov", "--year", "2569", "--district", "3401", "--amount", "1"],
    ),
    "targets import": (
        "prov",
        ["targets", "import", "{data}/round1.csv", "--user", "prov", "--year", "2569", "--round", "1", "--check"],
    ),
    "targets show": ("prov", ["targets", "show", "--user", "prov", "--year", "2569", "--round", "1"]),
    "export": ("prov", ["export", "so3", "--user", "prov", "--year", "2569", "--month", "8", "--out", "{tmp}/e.xlsx"]),
    "roadmap": ("prov", ["roadmap", "--user", "prov", "--year", "2569"]),
    "export-district": (
        "mueang",
        ["export-district", "--user", "mueang", "--year", "2569", "--months", "8", "--out", "{tmp}/d.otop"],
    ),
    "exports": ("prov", ["exports", "--user", "prov"]),
    "import": ("prov", ["import", "{tmp}/none.otop", "--user", "prov", "--dry-run"]),
    "imports": ("prov", ["imports", "--user", "prov"]),
    "receipt": (
        "prov",
        ["receipt", "--user", "prov", "--district", "3401", "--year", "2569", "--months", "8", "--out", "{tmp}/r.otop"],
    ),
    "keys show": ("prov", ["keys", "show", "--user", "prov"]),
    "keys register": ("prov", ["keys", "register", "--user", "prov", "--area", "3401", "--fingerprint", "0" * 20]),
    "keys list": ("prov", ["keys", "list", "--user", "prov"]),
    "keys retire": ("prov", ["keys", "retire", "--user", "prov", "--area", "3401", "--fingerprint", "12345678"]),
    "keys new": ("prov", ["keys", "new", "--user", "prov"]),
    "undo-import": ("prov", ["undo-import", "--user", "prov", "--id", "1"]),
    "backups": ("prov", ["backups", "--user", "prov", "--keep", "5"]),
    "backup": ("prov", ["backup", "--user", "prov", "--out", "{tmp}/b.otopbackup"]),
    "restore": ("prov", ["restore", "{tmp}/none.otopbackup", "--user", "prov"]),
}
# What each option is spoiled with, by what it takes; the period options have their own test below.
SPOILED = {"int": ("abc", "1.5", "", "99999999999999999999x"), "choice": ("nope",), "text": ("\x1b[31m", "\u202e")}
# Options this form of the command does not read (entry set writes one entrepreneur, --check saves nothing,
# a --take that names no conflicting row takes none): a value there is harmless, not refused.
UNREAD = {
    ("quality", "--key"),  # the findings are listed, not marked
    ("quality", "--note"),
    ("quality review", "--out"),  # marking writes no file
    ("quality review", "--district"),  # a key names its district
    ("screenshot", "--district"),
    ("entry set", "--district"),
    ("targets import", "--printed-for"),
    ("import", "--take"),
}
SKIPPED = {"--out", "--file", "--xlsx", "--read", "file", "files", "-h"}  # files: another part of issue 22


def everything(database) -> dict:
    """Every row of every table but the login records a run leaves, to show a refusal stored nothing."""
    return contents(database, {"audit_log": "action NOT IN ('login', 'login_failed')"})


# What the world holds before any command runs, read once per engine: every test's database is an exact copy of the
# run's world (tests/engines.py), so the first read stands for all of them (each read took about 0.02 s).
PRISTINE: dict[str, dict] = {}


@pytest.fixture
def refused(world, monkeypatch, capsys, tmp_path):
    """Run a command line; assert it was refused in one Thai line, exit 2, storing nothing; return the line."""
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    monkeypatch.setenv("OTOP_NEW_PASSWORD", "long-enough-1")
    engine = world.database.engine.dialect.name
    seen = []  # what the database holds, once a run that ran has changed it from the world's

    def run(args, unread: bool = False) -> str:
        if not seen:
            if engine not in PRISTINE:
                PRISTINE[engine] = everything(world.database)
            seen.append(PRISTINE[engine])
        before = seen[0]
        args = [a.format(tmp=tmp_path, silk=world.ids["ไหม"], data=DATA) for a in args]
        try:
            code = main([*location(world.database), *args])
        except SystemExit as stopped:
            code = stopped.code
        out = capsys.readouterr()
        said = f"{args}: {out.err!r}"
        assert code == 2 or unread and code == 0, said
        assert "Traceback" not in out.err and len(out.err.strip().splitlines()) <= 1, said
        assert code == 0 or THAI.search(out.err or out.out), said  # import says each file's outcome on stdout
        assert not re.search(r"\berror\b|\binvalid\b|\brequired\b|usage:", out.err), said
        assert not {"\x1b", "\u202e"} & set(out.err + out.out), said
        if code == 0:  # the command ran, the option unread: what it stored is the next run's before
            seen[:] = [everything(world.database)]
        else:
            assert everything(world.database) == before, said
        return out.err.strip()

    return run


def _spoil(args: list[str], option: str, value: str) -> list[str]:
    at = args.index(option)
    return [*args[: at + 1], value, *args[at + 2 :]]


PERIOD_VALUES = (
    ("--year", BAD_YEARS),
    ("--month", BAD_MONTHS),
    ("--months", BAD_MONTHS),
    ("--base-year", BAD_YEARS),
    ("--quarter", ("0", "5", "-1")),
)
WITH_PERIODS = [name for name, (_, args) in COMMANDS.items() if any(option in args for option, _ in PERIOD_VALUES)]


@pytest.mark.parametrize("name", WITH_PERIODS)
def test_a_period_out_of_range_is_refused_in_thai_and_stores_nothing(refused, name):
    """Each period option of the command, spoiled with each value out of range in turn, on one copy of the world."""
    args = COMMANDS[name][1]
    for option, values in PERIOD_VALUES:
        for value in values if option in args else ():
            said = refused(_spoil(args, option, value))
            assert re.search(r"2500 ถึง 2700|1 ถึง 12|เลือกจาก 1, 2, 3, 4|ปีฐาน", said), (option, value, said)


def _options(args: list[str]):
    """(option, what it takes) of the parser that runs these arguments."""
    parser = _parser()
    words = [a for a in args if not a.startswith("-")]
    while True:
        sub = next((a for a in parser._actions if a.choices and isinstance(a.choices, dict)), None)
        if sub is None or not words or words[0] not in sub.choices:
            break
        parser, words = sub.choices[words.pop(0)], words
    for action in parser._actions:
        name = action.option_strings[0] if action.option_strings else action.dest
        if name in SKIPPED or action.nargs == 0 or name in ("user", "actor"):
            continue
        yield name, "choice" if action.choices else "int" if action.type is int else "text"


@pytest.mark.parametrize("name", [name for name in COMMANDS if name != "server-setup"])  # a server: test_server_setup
def test_every_option_of_every_command_refuses_a_bad_value_in_thai(refused, name):
    user, args = COMMANDS[name]
    for option, takes in _options(args):
        for value in SPOILED[takes]:
            if option in args:
                refused(_spoil(args, option, value), (name, option) in UNREAD)
            elif not option.startswith("-") and takes != "text":
                continue  # a positional number (entrepreneur id): spoiled in its own test
            elif option.startswith("-"):
                refused([*args, option, value], (name, option) in UNREAD)


def test_every_command_is_covered():
    subcommands = {" ".join(words) for words in _all_commands(_parser(), [])}
    assert subcommands <= {name.removesuffix(" quarter") for name in COMMANDS}, subcommands - set(COMMANDS)


def _all_commands(parser, prefix):
    sub = next((a for a in parser._actions if a.choices and isinstance(a.choices, dict)), None)
    if sub is None:
        yield prefix
        return
    for word, child in sub.choices.items():
        yield from _all_commands(child, [*prefix, word])


def test_wrong_messages_now_say_what_was_refused(refused):
    district = ["--user", "mueang", "--year", "2569"]
    assert "ประมาณการ" in refused(["forecast", "set", *district, "--month", "10", "1", "2", "3", "4"])
    assert "ยกเลิก" in refused(["keys", "retire", "--user", "mueang", "--area", "35", "--fingerprint", "12345678"])
    assert "2500 ถึง 2700" in refused(["export", "so3", "--user", "prov", "--year", "0", "--out", "{tmp}/e.xlsx"])
    said = refused(["server-setup", "--admin-url", "postgresql://postgres:secret@localhost/postgres", "--area", "34"])
    assert "--admin-url" in said and "--database-url" not in said and "secret" not in said


def test_every_commands_help_is_thai(capsys):
    """`--help` of the program and of each command: Thai headings and -h, none of argparse's English."""
    for words in [[], *_all_commands(_parser(), [])]:
        with pytest.raises(SystemExit) as ended:
            main([*words, "--help"])
        shown = capsys.readouterr().out
        assert ended.value.code == 0 and shown.startswith("วิธีใช้: otop-desktop"), words
        assert not re.search(r"usage:|options:|positional arguments|show this help|program's version", shown), words


def test_every_option_and_argument_says_in_thai_what_it_takes():
    """`--help` names each option and argument with a Thai line, not only its English name (--user, files, …)."""
    silent = []

    def walk(parser, words):
        sub = next((a for a in parser._actions if a.choices and isinstance(a.choices, dict)), None)
        for action in parser._actions:
            if action is not sub and action.dest != "help" and not THAI.search(action.help or ""):
                silent.append(" ".join([*words, *(action.option_strings or [action.dest])]))
        for word, child in sub.choices.items() if sub else ():
            walk(child, [*words, word])

    walk(_parser(), [])
    assert silent == []


def test_an_output_name_too_long_for_the_disk_is_refused_in_thai_before_any_work(refused):
    """A 300-letter output name ended in Python's "File name too long" traceback where --replace was not given
    (the check for a file already there asked the disk first); it is said in Thai, as the writer says it."""
    long = "ก" * 100 + "a" * 200
    for args in (
        ["export", "so4", "--user", "prov", "--year", "2569", "--out", "{tmp}/" + long + ".xlsx"],
        ["print", "jt2", "--user", "mueang", "--year", "2569", "--month", "8", "--out", "{tmp}/" + long + ".pdf"],
    ):
        assert "ชื่อไฟล์ยาวเกินไป" in refused(args)


def test_an_empty_file_or_folder_name_is_refused_not_read_as_the_current_folder(refused):
    """Path("") is the current folder: `evidence export --out ''` exported into it and said so, `evidence add ''`
    would take in every scan there. Every option and argument naming a file or a folder refuses it."""
    for args in (
        ["evidence", "export", "--user", "prov", "--year", "2569", "--out", ""],
        ["evidence", "add", "", "--user", "prov"],
        ["screenshot", "--out", "", "--user", "prov"],
        ["restore", "", "--user", "prov"],
        ["import", "", "--user", "prov"],
        ["targets", "import", "", "--user", "prov", "--year", "2569", "--round", "1", "--check"],
        ["export", "so3", "--user", "prov", "--year", "2569", "--month", "8", "--out", " "],
        ["backup", "--user", "prov", "--out", ""],
    ):
        assert "ว่างอยู่ กรุณาระบุชื่อไฟล์หรือโฟลเดอร์" in refused(args), args
