"""Where things live: the user's data folder (never beside the package) and the bundled resources."""

import os
from importlib import resources
from pathlib import Path

APP_NAME = "otop-desktop"
DATA_DIR_ENV = "OTOP_DATA_DIR"
DATABASE_FILE = "otop.db"
DATABASE_URL_ENV = "OTOP_DATABASE_URL"
CONNECTION_FILE = "connection.json"  # this PC's choice of database (the login dialog's ฐานข้อมูล…); never a password


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The data folder: `--data-dir`, then $OTOP_DATA_DIR, then the platform's user data folder."""
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def database_path(override: str | os.PathLike | None = None) -> Path:
    """The SQLite file inside the data folder."""
    return data_dir(override) / DATABASE_FILE


def database_target(data_dir: str | os.PathLike | None = None, url: str | None = None) -> "Path | str":
    """The database to open: `--database-url`, then $OTOP_DATABASE_URL, then the server saved on this PC (an
    office's PostgreSQL server), else the SQLite file in the data folder. A URL that carries a password is
    refused: PostgreSQL's own ~/.pgpass (or service file) keeps it, never a command line or a file of ours."""
    url = url or os.environ.get(DATABASE_URL_ENV) or saved_database_url(data_dir)
    if url is None:
        return database_path(data_dir)
    return checked_url(url)


def checked_url(url: str, option: str = "--database-url") -> str:
    """A server's URL as this program takes it: PostgreSQL, with no password in it; refusals name `option`."""
    from otop_desktop.services.errors import InvalidInput

    if not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        raise InvalidInput(f"{option} ต้องขึ้นต้นด้วย postgresql:// เช่น postgresql://otop@server/otop")
    authority = url.split("://", 1)[1].split("/", 1)[0]
    if ":" in authority.rpartition("@")[0]:
        raise InvalidInput(f"อย่าใส่รหัสผ่านไว้ใน {option} (จะค้างอยู่ในประวัติคำสั่งและไฟล์) "
                           "ให้เก็บในไฟล์ .pgpass ของ PostgreSQL แทน (ดู README หัวข้อเซิร์ฟเวอร์ฐานข้อมูล)")
    return url


def server_url(host: str, port: int, database: str, role: str | None) -> str:
    """A server's URL from the connection dialog's fields."""
    from sqlalchemy.engine import URL

    return URL.create("postgresql", username=role or None, host=host, port=port, database=database).render_as_string()


def server_url_parts(url: str) -> tuple[str, int | None, str, str]:
    """(host, port, database, role) of a server's URL, for the connection dialog."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.host or "", parsed.port, parsed.database or "", parsed.username or ""


def saved_database_url(folder: str | os.PathLike | None = None) -> str | None:
    """The server this PC was set to use (the login dialog's ฐานข้อมูล…), or None for the local file."""
    import json

    try:
        saved = json.loads((data_dir(folder) / CONNECTION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = saved.get("database_url") if isinstance(saved, dict) else None
    return url if isinstance(url, str) and url else None


def save_database_url(url: str | None, folder: str | os.PathLike | None = None) -> None:
    """Remember on this PC which database to open: a server's URL (checked: no password), or None for the file."""
    import json

    place = data_dir(folder)
    place.mkdir(parents=True, exist_ok=True)
    part = place / (CONNECTION_FILE + ".part")
    part.write_text(json.dumps({"database_url": checked_url(url) if url else ""}), encoding="utf-8")
    part.replace(place / CONNECTION_FILE)


def resource_path(*parts: str) -> Path:
    """A bundled file under resources/ (fonts, master data), from a checkout or an installed wheel."""
    return Path(str(resources.files("otop_desktop.resources").joinpath(*parts)))
