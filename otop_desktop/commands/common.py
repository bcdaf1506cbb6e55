"""What the command groups share: the passwords' environment variables, logging in, opening the database,
and the options of a command acting as a user on a fiscal year or a month."""

import functools
import getpass
import os
import sys
from pathlib import Path

from otop_desktop.core.errors import InvalidInput, NotFound, OtopError
from otop_desktop.core.files import os_error_words

PASSWORD_ENV = "OTOP_PASSWORD"
NEW_PASSWORD_ENV = "OTOP_NEW_PASSWORD"
USER_HELP = "ผู้ใช้งาน (รหัสผ่านจาก $OTOP_PASSWORD)"
ENTREPRENEUR_HELP = (
    "ผู้ประกอบการ: เลขที่ของผู้ประกอบการ (เช่น 196 หรือ เลขที่ 196) หรือรหัส OTOP (เช่น 3401-00125) ตามที่ entry show แสดง"
)

REPLACE_HELP = "เขียนทับไฟล์ชื่อเดียวกันที่มีอยู่แล้ว (ไม่ใส่: ไฟล์ที่มีอยู่แล้วจะไม่ถูกเขียนทับ)"


def add_out(parser, help: str, required: bool = False, option: str = "--out"):
    """The option naming the file a command writes (`--out`), and `--replace`: a file already there is written
    over only when asked (the window's save dialog asks first; a command has nobody to ask). Returns the parser."""
    parser.add_argument(option, type=path, required=required, help=help)
    parser.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    parser.set_defaults(written=option.removeprefix("--"))
    return parser


def path(text: str) -> Path:
    """A file or folder as typed (argparse's type for every path option): an empty one is refused (Path("") is the
    current folder: `--out ''` exported into it, `evidence add ''` would take in every scan there)."""
    if not text.strip():
        raise ValueError(text)
    return Path(text)


def area_code(text: str) -> str:
    """An area code as typed (argparse's type for --district and --area): Thai digits read as digits, as a year
    and a month are, and spaces around it dropped."""
    from otop_desktop.services.thai import to_arabic_digits

    return to_arabic_digits(text).strip()


def refuse_replacing(args) -> None:
    """Refuse, before any work, a command whose output names a file already there, unless --replace."""
    option = getattr(args, "written", None)
    out = getattr(args, option, None) if option else None
    try:
        there = out is not None and Path(out).is_file()
    except OSError as error:  # a name too long for the disk: said before any work, as the writer would say it
        raise InvalidInput(f"บันทึกไฟล์ไม่ได้: {os_error_words(error)} กรุณาเลือกชื่อหรือที่บันทึกอื่น") from None
    if there and not args.replace:
        raise InvalidInput(
            f"บันทึกไฟล์ {Path(out).name} ไม่ได้: มีไฟล์ชื่อนี้อยู่แล้ว (ไม่ได้เขียนทับ) ถ้าต้องการแทนที่ไฟล์เดิมให้ใส่ --replace หรือเลือกชื่อไฟล์อื่น"
        )


def password_from(env: str, prompt: str) -> str:
    """The password in $`env`, or typed at the terminal (refused in Thai without one)."""
    if os.environ.get(env):
        password = os.environ[env]
        try:
            password.encode("utf-8")
        except UnicodeEncodeError:  # bytes no encoding reads (the shell's $'\xff'): never printed, only named
            raise OtopError(f"รหัสผ่านในตัวแปร {env} มีอักขระที่อ่านไม่ได้ กรุณาตั้งค่าใหม่เป็นตัวอักษรปกติ") from None
        return password
    if not sys.stdin.isatty():
        raise OtopError(f"ไม่พบรหัสผ่าน: ตั้งค่าตัวแปร {env} หรือรันคำสั่งจากหน้าจอที่พิมพ์ได้")
    return getpass.getpass(prompt)


def login(office, username: str):
    """The office with `username` logged in (the password from $OTOP_PASSWORD or typed)."""
    from otop_desktop.services.auth import authenticate

    password = password_from(PASSWORD_ENV, f"รหัสผ่านของ {username}: ")
    return office.as_user(office.query(authenticate, username=username, password=password))


def on_the_database(handler):
    """A handler run on the office's database, opened for it and closed after: handler(args, office), an Office
    with nobody logged in yet. The command line's handlers all take (args, database target)."""

    @functools.wraps(handler)
    def run(args, target) -> int:
        from otop_desktop.services.office import Office
        from otop_desktop.store.database import is_server_url, open_database

        if not is_server_url(target) and not Path(target).exists():
            # Every command logs in, and a new file has nobody to log in as: a mistyped --data-dir would make an
            # empty database there and answer that the password is wrong.
            raise NotFound(
                f"ไม่พบฐานข้อมูลของโปรแกรมในโฟลเดอร์ {Path(target).parent} (ไม่มีไฟล์ {Path(target).name})"
                " กรุณาตรวจสอบ --data-dir ฐานข้อมูลใหม่สร้างได้โดยเปิดโปรแกรมครั้งแรก หรือ otop-desktop demo"
            )
        database = open_database(target)
        try:
            return handler(args, Office(database))
        finally:
            database.close()

    return run


def as_user(handler):
    """A handler run as the user --user names: handler(args, office) with that user logged in."""

    @functools.wraps(handler)
    def run(args, office) -> int:
        return handler(args, login(office, args.user))

    return run


def user_and_year(command):
    """The options of a command acting as a user on a fiscal year."""
    command.add_argument("--user", required=True, help=USER_HELP)
    command.add_argument("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ.")
    return command


def user_and_period(command):
    """The options every command acting on a month takes: who, and which fiscal year and month."""
    user_and_year(command).add_argument(
        "--month", type=int, required=True, help="เดือนตามปฏิทิน 1-12 (1 = มกราคม, 10 = ตุลาคม ซึ่งเป็นเดือนแรกของปีงบประมาณ)"
    )
    return command


def entrepreneur_named(office, given: str) -> int:
    """The entrepreneur `given` names: the program's number ('196', 'เลขที่ 196', Thai digits too) or an OTOP code."""
    from otop_desktop.core.errors import InvalidInput, NotFound, PermissionDenied
    from otop_desktop.services import entrepreneurs
    from otop_desktop.services.thai import to_arabic_digits

    said_number = given.strip().startswith("เลขที่")
    number = to_arabic_digits(given.strip().removeprefix("เลขที่").strip())  # ๓๔๐๙๐๐๐๑ as 34090001, everywhere
    if not (number.isdecimal() and len(number) <= 18):  # a number no id reaches is looked for as a code
        return office.query(entrepreneurs.find_by_otop_code, otop_code=given)
    if said_number:
        return int(number)
    try:  # digits alone may be the program's number or an OTOP code of digits ('33010001'): whichever is here
        office.query(entrepreneurs.get_entrepreneur, entrepreneur_id=int(number))
        numbered = int(number)
    except (NotFound, PermissionDenied):
        numbered = None
    try:
        coded = office.query(entrepreneurs.find_by_otop_code, otop_code=number)
    except NotFound:
        coded = None
    if numbered is not None and coded is not None and coded != numbered:
        raise InvalidInput(
            f"“{number}” เป็นทั้งเลขที่ของผู้ประกอบการรายหนึ่งและรหัส OTOP ของอีกรายหนึ่ง "
            f"กรุณาเขียน “เลขที่ {number}” หรือใช้เลขที่ของผู้ประกอบการที่มีรหัส OTOP นี้ ({coded})"
        )
    return coded if numbered is None and coded is not None else int(number)
