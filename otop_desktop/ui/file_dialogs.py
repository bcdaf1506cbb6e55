"""Every file dialog of the program: each kind of file (PDFs, workbooks, district files, …) opens in the folder
where the officer last saved or picked one of that kind, remembered on this PC across sessions (Qt's
settings for the user), and at first in Documents, never in the program's own folder.

A dialog never opens a file it lists. Qt's own guesses each file's type (and icon) by reading its first bytes,
and on Linux and macOS a process that opens and closes the database's file (or its -wal or -shm) loses every
lock SQLite holds on it (POSIX locks belong to the process and go with any descriptor's close): another
program (the command line) then believes the database unused, folds and deletes its write-ahead log, and what
this window saves after that lands in a deleted file, unseen by others and lost at a crash. So the dialogs name
types from the files' names alone (NamesOnly). On Windows, whose locks stay with their handle, the system's
own dialog is used."""

import re
import sys
from enum import Enum
from functools import cache
from pathlib import Path

from PySide6.QtCore import QDir, QFileInfo, QSettings, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

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
    """The user's Documents folder (the home folder where there is none: a dialog opened on a folder that is not
    there showed its parent with "Documents" typed as the file's name)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


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


class NamesOnly(QAbstractFileIconProvider):
    """Icons and types from a file's name alone: a folder or a file, its suffix; never its contents."""

    def __init__(self):
        super().__init__()
        style = QApplication.style()
        self._folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        self._file = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def icon(self, what):  # Qt's two overloads: a QFileInfo, or an IconType
        if isinstance(what, QFileInfo):
            return self._folder if what.isDir() else self._file
        return self._file if what == QAbstractFileIconProvider.IconType.File else self._folder

    def type(self, info: QFileInfo) -> str:
        return "โฟลเดอร์" if info.isDir() else f"ไฟล์ {info.suffix().upper()}".strip()


@cache
def _names_only() -> NamesOnly:
    """The one NamesOnly of the program (a dialog does not own its provider: it must outlive every dialog)."""
    return NamesOnly()


def _suffixes(name_filter: str) -> list[str]:
    """The suffixes a filter such as "Excel (*.xlsx)" lists ('.xlsx'), none for "*" or "All files (*)"."""
    return [f".{suffix.lower()}" for suffix in re.findall(r"\*\.([\w.]+)", name_filter)]


class _SaveDialog(QFileDialog):
    """A save dialog whose file carries the chosen filter's suffix before Qt asks about replacing one: "otop.db"
    typed for a workbook is asked about and written as otop.db.xlsx. Qt adds its default suffix only to a name
    with none, so it asked whether to replace the database otop.db, and the program then wrote another name."""

    def accept(self) -> None:
        files, wanted = self.selectedFiles(), _suffixes(self.selectedNameFilter())
        if wanted and files and not Path(files[0]).is_dir() and Path(files[0]).suffix.lower() not in wanted:
            self.selectFile(f"{files[0]}{wanted[0]}")
        super().accept()


def file_dialog(parent: QWidget | None, caption: str, start: str, filters: str, save: bool = False) -> QFileDialog:
    """A file dialog that reads no file it lists (NamesOnly): built on the root folder, which holds no database,
    given its icons, then turned to `start` (for a save, a folder and the file's suggested name)."""
    dialog = (_SaveDialog if save else QFileDialog)(parent, caption, QDir.rootPath(), filters)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # a desktop's own dialog reads files too
        dialog.resize(920, 560)  # Qt's 648×424 cut the sizes, types and dates of a folder's files short
    dialog.setIconProvider(_names_only())
    place, name = Path(start) if start else Path.home(), ""
    if save and not place.is_dir():
        place, name = place.parent, place.name
    while not place.is_dir() and place != place.parent:  # a folder since gone: the nearest that is there
        place = place.parent
    dialog.setDirectory(str(place))
    if name:
        dialog.selectFile(name)
    return dialog


def _answer(dialog: QFileDialog) -> tuple[list[str], str]:
    """The files the officer chose and the filter it was under, or ([], "") when cancelled; the dialog is done
    with (a child of its window, it would stay as long)."""
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        return dialog.selectedFiles(), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def get_save_file_name(parent: QWidget | None, caption: str, start: str, filters: str) -> tuple[str, str]:
    """Where to save (a path, the filter chosen), or ("", "") when cancelled, as QFileDialog.getSaveFileName."""
    dialog = file_dialog(parent, caption, start, filters, save=True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files, chosen = _answer(dialog)
    return (files[0], chosen) if files else ("", "")


def get_open_file_name(parent: QWidget | None, caption: str, start: str, filters: str) -> tuple[str, str]:
    """One existing file (a path, the filter), or ("", "") when cancelled, as QFileDialog.getOpenFileName."""
    dialog = file_dialog(parent, caption, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    files, chosen = _answer(dialog)
    return (files[0], chosen) if files else ("", "")


def get_open_file_names(parent: QWidget | None, caption: str, start: str, filters: str) -> tuple[list[str], str]:
    """Existing files (paths, the filter), or ([], "") when cancelled, as QFileDialog.getOpenFileNames."""
    dialog = file_dialog(parent, caption, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _answer(dialog)


def get_existing_directory(parent: QWidget | None, caption: str, start: str) -> str:
    """A folder, or "" when cancelled, as QFileDialog.getExistingDirectory."""
    dialog = file_dialog(parent, caption, start, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    files, _ = _answer(dialog)
    return files[0] if files else ""


def save_file_name(
    parent: QWidget | None, kind: FileKind, caption: str, suggested: str, filters: str
) -> tuple[str, str]:
    """Ask where to save; (path, the filter chosen), or ("", "") when cancelled."""
    path, chosen = get_save_file_name(parent, caption, str(Path(start_folder(kind)) / suggested), filters)
    remember(kind, path)
    return path, chosen


def open_file_name(parent: QWidget | None, kind: FileKind, caption: str, filters: str) -> str:
    """Ask for one file to open; "" when cancelled."""
    path, _ = get_open_file_name(parent, caption, start_folder(kind), filters)
    remember(kind, path)
    return path


def open_file_names(parent: QWidget | None, kind: FileKind, caption: str, filters: str) -> list[str]:
    """Ask for files to open; [] when cancelled."""
    paths, _ = get_open_file_names(parent, caption, start_folder(kind), filters)
    if paths:
        remember(kind, paths[0])
    return list(paths)


def existing_folder(parent: QWidget | None, kind: FileKind, caption: str) -> str:
    """Ask for a folder; "" when cancelled."""
    folder = get_existing_directory(parent, caption, start_folder(kind))
    if folder:
        remember(kind, Path(folder))
    return folder
