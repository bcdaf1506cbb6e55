"""Where things live: the user's data folder (never beside the package) and the bundled resources."""

import os
from importlib import resources
from pathlib import Path

APP_NAME = "otop-desktop"
DATA_DIR_ENV = "OTOP_DATA_DIR"
DATABASE_FILE = "otop.db"


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


def resource_path(*parts: str) -> Path:
    """A bundled file under resources/ (fonts, master data), from a checkout or an installed wheel."""
    return Path(str(resources.files("otop_desktop.resources").joinpath(*parts)))
