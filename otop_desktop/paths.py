"""Where things live: the user's data folder (never beside the package) and the bundled resources."""

import os
from importlib import resources
from pathlib import Path

APP_NAME = "otop-desktop"
DATA_DIR_ENV = "OTOP_DATA_DIR"
DATABASE_FILE = "otop.db"
DATABASE_URL_ENV = "OTOP_DATABASE_URL"


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
    """The database to open: `--database-url`, then $OTOP_DATABASE_URL (an office's PostgreSQL server), else
    the SQLite file in the data folder. A URL that carries a password is refused: PostgreSQL's own ~/.pgpass
    (or service file) keeps it, never a command line or a file of ours."""
    url = url or os.environ.get(DATABASE_URL_ENV) or None
    if url is None:
        return database_path(data_dir)
    from otop_desktop.services.errors import InvalidInput

    if not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        raise InvalidInput("--database-url ต้องขึ้นต้นด้วย postgresql:// เช่น postgresql://otop@server/otop")
    authority = url.split("://", 1)[1].split("/", 1)[0]
    if ":" in authority.rpartition("@")[0]:
        raise InvalidInput("อย่าใส่รหัสผ่านไว้ใน --database-url (จะค้างอยู่ในประวัติคำสั่งและไฟล์) "
                           "ให้เก็บในไฟล์ .pgpass ของ PostgreSQL แทน (ดู README หัวข้อเซิร์ฟเวอร์ฐานข้อมูล)")
    return url


def resource_path(*parts: str) -> Path:
    """A bundled file under resources/ (fonts, master data), from a checkout or an installed wheel."""
    return Path(str(resources.files("otop_desktop.resources").joinpath(*parts)))
