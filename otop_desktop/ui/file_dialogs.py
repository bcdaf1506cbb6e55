"""Every file dialog of the program: each kind of file (PDFs, workbooks, district files, …) opens in the folder
where the officer last saved or picked one of that kind, remembered on this PC across sessions (Qt's
settings for the user), and at first in Documents, never in the program's own folder."""

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

SETTINGS_ORGANISATION = SETTINGS_APPLICATION = "otop-desktop"
GROUP = "last_folders"


class FileKind(Enum):
    """The kinds of file an officer keeps in folders of their own."""

    PDF = "pdf"  # printed forms
    WORKBOOK = "workbook"  # Excel and CSV: reports, target tables
    DISTRICT_FILE = "district_file"  # .otop files and receipts exchanged with the province
    KEY = "key"  # offices' signing keys
    IMAGE = "image"  # charts saved as pictures
    BACKUP = "backup"  # backups (a USB stick)
    SCAN = "scan"  # scans of the signed จต.๒ the districts send back


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, SETTINGS_ORGANISATION, SETTINGS_APPLICATION)


def documents_folder() -> str:
    """The user's Documents folder (the home folder where there is none)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def start_folder(kind: FileKind) -> str:
    """Where a dialog for `kind` opens: the folder used last for it if it is still there, else Documents."""
    remembered = _settings().value(f"{GROUP}/{kind.value}", "", str)
    return remembered if remembered and Path(remembered).is_dir() else documents_folder()


def remember(kind: FileKind, path: str | Path) -> None:
    """Keep the folder of a file (or a folder itself) as where the next dialog for `kind` opens."""
    if not path:
        return
    place = Path(path)
    folder = place if place.is_dir() else place.parent
    settings = _settings()
    settings.setValue(f"{GROUP}/{kind.value}", str(folder))
    settings.sync()


def save_file_name(
    parent: QWidget | None, kind: FileKind, caption: str, suggested: str, filters: str
) -> tuple[str, str]:
    """Ask where to save; (path, the filter chosen), or ("", "") when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, caption, str(Path(start_folder(kind)) / suggested), filters)
    remember(kind, path)
    return path, chosen


def open_file_name(parent: QWidget | None, kind: FileKind, caption: str, filters: str) -> str:
    """Ask for one file to open; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, start_folder(kind), filters)
    remember(kind, path)
    return path


def open_file_names(parent: QWidget | None, kind: FileKind, caption: str, filters: str) -> list[str]:
    """Ask for files to open; [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, start_folder(kind), filters)
    if paths:
        remember(kind, paths[0])
    return list(paths)


def existing_folder(parent: QWidget | None, kind: FileKind, caption: str) -> str:
    """Ask for a folder; "" when cancelled."""
    folder = QFileDialog.getExistingDirectory(parent, caption, start_folder(kind))
    if folder:
        remember(kind, Path(folder))
    return folder
