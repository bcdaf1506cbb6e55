"""Where things live: the user's data folder (never beside the package) and the bundled resources."""

import os
import re
from importlib import resources
from pathlib import Path

APP_NAME = "otop-desktop"
DATA_DIR_ENV = "OTOP_DATA_DIR"
DATABASE_FILE = "otop.db"
DATABASE_URL_ENV = "OTOP_DATABASE_URL"
BACKUP_SUFFIX = ".otopbackup"  # a backup file of the office's database (services/backup.py writes it)
BACKUPS_FOLDER = "backups"  # beside the database file: the copies before imports and restores
CONNECTION_FILE = "connection.json"  # this PC's choice of database (the login dialog's ฐานข้อมูล…); never a password


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The data folder: `--data-dir`, then $OTOP_DATA_DIR, then the platform's user data folder."""
    if override:
        return _folder(override, "--data-dir")
    if os.environ.get(DATA_DIR_ENV):
        return _folder(os.environ[DATA_DIR_ENV], f"${DATA_DIR_ENV}")
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _folder(given: str | os.PathLike, named: str) -> Path:
    """The folder given, whole: a link that leads back to itself, or a ~user with no home, said in Thai."""
    from otop_desktop.core.errors import InvalidInput

    try:
        folder = Path(given).expanduser().resolve()
        why = "เป็นไฟล์ ไม่ใช่โฟลเดอร์" if folder.exists() and not folder.is_dir() else None
    except (RuntimeError, OSError) as error:  # "Symlink loop from …", "Could not determine home directory."
        why = "ลิงก์ของโฟลเดอร์วนกลับมาที่ตัวเอง" if "loop" in str(error).lower() else "ไม่พบโฟลเดอร์นี้"
    if why is not None:
        raise InvalidInput(f"{named} “{os.fspath(given)}” ใช้ไม่ได้: {why} กรุณาระบุโฟลเดอร์ข้อมูลอื่น")
    return folder


def database_path(override: str | os.PathLike | None = None) -> Path:
    """The SQLite file inside the data folder."""
    return data_dir(override) / DATABASE_FILE


def database_target(data_dir: str | os.PathLike | None = None, url: str | None = None) -> "Path | str":
    """The database to open: `--database-url`, then $OTOP_DATABASE_URL, then the server saved on this PC (an
    office's PostgreSQL server), else the SQLite file in the data folder. A URL that carries a password is
    refused: PostgreSQL's own ~/.pgpass (or service file) keeps it, never a command line or a file of ours."""
    if url is not None:  # an empty --database-url is a URL refused below, not "none given"
        return checked_url(url)
    if os.environ.get(DATABASE_URL_ENV, "").strip():  # refusals name where the URL came from
        return checked_url(os.environ[DATABASE_URL_ENV].strip(), f"${DATABASE_URL_ENV}")
    url = saved_database_url(data_dir)
    return database_path(data_dir) if url is None else url


PASSWORD_REFUSED = (
    "อย่าใส่รหัสผ่านไว้ใน {option} (จะค้างอยู่ในประวัติคำสั่งและไฟล์) "
    "ให้เก็บในไฟล์ .pgpass ของ PostgreSQL แทน (ดู README หัวข้อ “รหัสผ่านฐานข้อมูล”)"
)


def checked_url(url: str, option: str = "--database-url") -> str:
    """A server's URL as this program takes it: PostgreSQL, with no password in it; refusals name `option`."""
    from otop_desktop.core.errors import InvalidInput

    if not url.isprintable():
        # A byte that is not UTF-8 (a file name's or a terminal's old code page) reached the driver as a lone
        # surrogate and ended in UnicodeEncodeError; a control character in a URL is never meant.
        raise InvalidInput(
            f"{option} มีอักขระที่อ่านไม่ได้หรืออักขระควบคุม (ไม่ใช่ข้อความ UTF-8) กรุณาพิมพ์ URL ใหม่"
            " ตัวอย่างที่ถูกต้อง: postgresql://otop@server:5432/otop"
        )
    if not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        raise InvalidInput(f"{option} ต้องขึ้นต้นด้วย postgresql:// เช่น postgresql://otop@server/otop")
    authority = url.split("://", 1)[1].split("/", 1)[0]
    if ":" in authority.rpartition("@")[0]:
        raise InvalidInput(PASSWORD_REFUSED.format(option=option))
    _check_url_parts(url)
    return url


# Connection parameters that carry a secret itself (a password, a key's passphrase); paths such as passfile,
# sslkey or service name where PostgreSQL keeps one, and are allowed.
SECRET_PARAMETERS = ("password", "sslpassword")


def is_secret_parameter(name: str) -> bool:
    """Whether a URL's query parameter carries a secret (never taken, never shown): any name that spells a password
    among other characters too ('password=', written %3D in the URL, reached libpq as the password)."""
    letters = "".join(character for character in name.lower() if character.isalpha())
    return any(secret in letters for secret in SECRET_PARAMETERS)


def _check_url_parts(url: str) -> None:
    """Refuse, in Thai, a server URL that cannot be parsed or that carries a secret in its query string."""
    from sqlalchemy.engine import make_url

    from otop_desktop.core.errors import InvalidInput

    try:
        parsed = make_url(url)
    except ValueError as error:  # SQLAlchemy's own ArgumentError is a ValueError too
        raise InvalidInput(
            "URL ของฐานข้อมูลไม่ถูกต้อง (เช่น พอร์ตไม่ใช่ตัวเลข หรือวงเล็บ [ ] ไม่ครบ) "
            "ตัวอย่างที่ถูกต้อง: postgresql://otop@server:5432/otop"
        ) from error
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise InvalidInput("พอร์ตใน URL ของฐานข้อมูลต้องอยู่ระหว่าง 1 ถึง 65535")
    if parsed.password is not None:  # however the URL hid it (a whole URL pasted inside another one)
        raise InvalidInput(PASSWORD_REFUSED.format(option="URL ของฐานข้อมูล"))
    if (parsed.host and not _HOST.fullmatch(parsed.host)) or (parsed.username and not _NAME.fullmatch(parsed.username)):
        raise InvalidInput(HOST_REFUSED)  # a whole URL pasted as the server's name, say
    names = [parsed.database or "", *_values(parsed.query.get("dbname"))]
    if any("=" in name or "://" in name for name in names):
        # libpq reads a database name holding "=" (or a URL) as settings of its own: a password among them.
        raise InvalidInput(
            "ชื่อฐานข้อมูลใน URL ต้องเป็นชื่อเท่านั้น (ไม่มีเครื่องหมาย = หรือ URL อื่นซ้อนอยู่) "
            "ตัวอย่างที่ถูกต้อง: postgresql://otop@server:5432/otop"
        )
    if any(
        is_secret_parameter(name) or any(map(is_secret_parameter, _values(value)))
        for name, value in parsed.query.items()
    ):  # a value too: ?options=-c password=… was echoed in the refusal that followed
        raise InvalidInput(
            "อย่าใส่รหัสผ่านไว้ใน URL ของฐานข้อมูล (รวมถึง ?password= หรือ ?sslpassword=) "
            "ให้เก็บในไฟล์ .pgpass ของ PostgreSQL แทน (ดู README หัวข้อ “รหัสผ่านฐานข้อมูล”)"
        )


def _values(value) -> list[str]:
    """A query parameter's values: none, one, or the several of a parameter given more than once."""
    return [] if value is None else [value] if isinstance(value, str) else list(value)


# A server's name or address: letters, digits, dots and hyphens, or an IPv6 address (colons, inside [ ] in a URL).
_HOST = re.compile(r"[A-Za-z0-9._-]+|\[?[0-9A-Fa-f:.]+\]?")
HOST_REFUSED = (
    "เครื่องเซิร์ฟเวอร์: ใส่เฉพาะชื่อหรือที่อยู่ IP ของเครื่อง เช่น 192.168.1.10 หรือ server-otop"
    " (ไม่ใส่ postgresql:// ชื่อผู้ใช้ รหัสผ่าน หรือชื่อฐานข้อมูล ซึ่งมีช่องของตัวเอง)"
)
_NAME = re.compile(r"[^\s/@:?#\[\]]+")  # a database's or a role's name: nothing a URL would read as its parts


def server_url(host: str, port: int, database: str, role: str | None) -> str:
    """A server's URL from the connection dialog's fields; a field that holds more than its part (a whole URL
    pasted as the server's name, with its password) is refused in Thai, before it is saved or shown anywhere."""
    from sqlalchemy.engine import URL

    from otop_desktop.core.errors import InvalidInput

    if not _HOST.fullmatch(host):
        raise InvalidInput(HOST_REFUSED)
    for name, what in ((database, "ชื่อฐานข้อมูล"), (role, "ชื่อผู้ใช้ของโปรแกรม")):
        if name and not _NAME.fullmatch(name):
            raise InvalidInput(f"{what}: ใส่เฉพาะชื่อ ไม่มีเว้นวรรคหรือเครื่องหมาย / @ : ? #")
    return URL.create("postgresql", username=role or None, host=host, port=port, database=database).render_as_string()


def server_url_parts(url: str) -> tuple[str, int | None, str, str]:
    """(host, port, database, role) of a server's URL, for the connection dialog."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.host or "", parsed.port, parsed.database or "", parsed.username or ""


def saved_database_url(folder: str | os.PathLike | None = None) -> str | None:
    """The server this PC was set to use (the login dialog's ฐานข้อมูล…), or None for the local file (also when
    nothing was saved). A saved choice that cannot be read is refused: opening the local file instead would
    start an office on an empty database beside its real one."""
    from otop_desktop.core.errors import OtopError, SavedChoiceUnreadable

    place = data_dir(folder) / CONNECTION_FILE
    saved = _read_saved_choice(place)
    if saved is None:
        return None
    url = saved.get("database_url") if isinstance(saved, dict) else None
    if not isinstance(url, str):
        raise SavedChoiceUnreadable(place, "ไม่ใช่รูปแบบที่โปรแกรมบันทึกไว้")
    if not url:
        return None
    try:
        return checked_url(url, "ไฟล์การตั้งค่านี้")
    except OtopError as refused:
        raise SavedChoiceUnreadable(place, refused.message) from refused


def _read_saved_choice(place: Path):
    """The JSON in connection.json, or None when there is none; anything else that is not JSON is refused."""
    import json

    from otop_desktop.core.errors import SavedChoiceUnreadable

    try:
        with open(place, "rb") as file:
            raw = file.read(_SAVED_CHOICE_LIMIT + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        from otop_desktop.core.files import os_error_words

        raise SavedChoiceUnreadable(place, f"เปิดไฟล์ไม่ได้: {os_error_words(error)}") from error
    try:
        if len(raw) > _SAVED_CHOICE_LIMIT:
            raise ValueError("too long")
        return json.loads(raw.decode("utf-8-sig"))  # Notepad may add a BOM
    except (ValueError, RecursionError) as error:  # not UTF-8, not JSON, or nested past what json reads
        raise SavedChoiceUnreadable(place, "ไฟล์เสียหายหรือถูกแก้ไข") from error


_SAVED_CHOICE_LIMIT = 64 * 1024  # the program writes a line; anything this big is not its file


def save_database_url(url: str | None, folder: str | os.PathLike | None = None) -> None:
    """Remember on this PC which database to open: a server's URL (checked: no password), or None for the file."""
    import json

    place = data_dir(folder)
    place.mkdir(parents=True, exist_ok=True)
    from otop_desktop.core.files import write_bytes

    write_bytes(place / CONNECTION_FILE, json.dumps({"database_url": checked_url(url) if url else ""}).encode("utf-8"))


def resource_path(*parts: str) -> Path:
    """A bundled file under resources/ (fonts, master data), from a checkout or an installed wheel."""
    return Path(str(resources.files("otop_desktop.resources").joinpath(*parts)))
