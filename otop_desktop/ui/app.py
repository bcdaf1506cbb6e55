"""Starting the GUI: the Qt application with Sarabun and translations, login, then the main window.

The login dialog comes up before the database layer is imported: SQLAlchemy and the models (about half a
second) load and the database opens on a worker thread while the officer types."""

import atexit
import logging
import os
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from otop_desktop.paths import resource_path
from otop_desktop.ui.errors import install_excepthook, show_error
from otop_desktop.ui.login import FirstAdminDialog, LoginDialog, Opened, Opening
from otop_desktop.ui.tasks import after_drawing, wait_for_background, warm_up_later

FONT_FAMILY = "Sarabun"
FONT_POINTS = 11
STARTUP_PROBE_ENV = "OTOP_STARTUP_PROBE"
log = logging.getLogger("otop_desktop")


def load_fonts() -> str:
    """Register the bundled Sarabun faces; returns the family name Qt knows them by."""
    family = FONT_FAMILY
    for font_file in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with Sarabun as its font and the translation for the system's language."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    if app.platformName() == "offscreen":
        _quiet_offscreen_warnings()
    app.setApplicationName("otop-desktop")
    font = QFont(load_fonts(), FONT_POINTS)
    app.setFont(font)
    translations = str(resource_path("translations"))
    translator = QTranslator(app)
    if translator.load(QLocale(), "otop", "_", translations):
        app.installTranslator(translator)  # the program in another language: Qt's own texts stay as Qt has them
    elif not app.property("otop_qt_thai"):
        qt_thai = QTranslator(app)
        if qt_thai.load("qt_th", translations):  # compiled by ./dev.sh from resources/translations/qt_th.ts
            app.installTranslator(qt_thai)
            app.setProperty("otop_qt_thai", True)
        else:
            log.warning("qt_th.qm is missing: Qt's own buttons and file dialog will be in English (run ./dev.sh)")
    return app


def _drop_size_hint_warning(mode, context, message) -> None:
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform (screenshots, tests, benchmarks) warns on every window that it cannot
    propagate size hints: noise, dropped. Installed once; taken out again before the interpreter shuts
    down, so a message Qt logs while it is torn down never calls into a finalised Python."""
    if qInstallMessageHandler(_drop_size_hint_warning) is not _drop_size_hint_warning:
        atexit.register(qInstallMessageHandler, None)


def has_users(path: Path) -> bool:
    """Whether the database file already has users, read with plain sqlite3 (no SQLAlchemy yet); False when
    it cannot tell (a new file, an old schema): the caller then waits for the database and asks it."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            return con.execute("SELECT EXISTS (SELECT 1 FROM app_user)").fetchone()[0] == 1
    except sqlite3.Error:
        return False


def log_in(opening: Opening, users: bool, where=None) -> tuple["object | None", bool]:
    """Ask who is using the program: the login dialog while the database opens, or on a database with no
    users (once it has opened) the first admin's dialog. Returns the user (None when the user cancelled or
    it did not open) and whether the officer chose another database at the login dialog (`where`)."""
    if not users:
        database = opening.wait()
        if database is None:
            return None, False
        from otop_desktop.services import auth
        from otop_desktop.services.office import Office
        from otop_desktop.ui.operations import read

        users = read(None, auth.has_users, office=Office(database))
        if users is None:  # could not be asked (said): no one logs in
            return None, False
    dialog = LoginDialog(opening, where=where) if users else FirstAdminDialog(opening.wait(), where=where)
    opening.on_failure(dialog, dialog.reject)  # the error is shown once the dialog has closed
    if os.environ.get(STARTUP_PROBE_ENV):
        QTimer.singleShot(0, lambda: (print("login dialog shown", flush=True), dialog.reject()))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    user, changed = (dialog.user if accepted else None), getattr(dialog, "database_changed", False)
    restored = getattr(dialog, "restored", False)  # a new PC took the office's backup: its users log in
    _done_with(dialog)
    if restored:
        return log_in(opening, True, where)
    return user, changed


def _done_with(dialog: QDialog) -> None:
    """Delete a dialog now, on the GUI thread: one left to the garbage collector (its signals' lambdas make
    cycles) would be destroyed on whichever thread it next runs, such as the one opening the database,
    and Qt crashes on a widget destroyed off its thread."""
    shiboken6.delete(dialog)


def choose_instead(problem: str, data_dir) -> bool:
    """The login dialog saying why no database can be opened (`problem`), with ฐานข้อมูล… to choose another;
    whether the officer chose one."""
    from otop_desktop.paths import database_path

    dialog = LoginDialog(None, where=(database_path(data_dir), data_dir, False), problem=problem)
    dialog.exec()
    changed = dialog.database_changed
    _done_with(dialog)
    return changed


@dataclass
class Place:
    """Which database this start of the program works on: `target` when one was settled for now (a fallback,
    a password typed), else the saved choice; `worked` is the last one that opened."""

    data_dir: object
    url: str | None
    fixed: bool
    target: "Path | str | None" = None
    worked: "Path | str | None" = None
    password: str | None = None

    def choose_saved(self) -> None:
        """Take the choice saved on this PC again (another was chosen at the login)."""
        self.target, self.password = None, None


def _opening(place: Place) -> "Opening | int":
    """The database opening (on a worker thread), or the exit code when the officer gave up choosing one."""
    from otop_desktop.core.errors import OtopError
    from otop_desktop.paths import database_target

    while True:
        try:
            target = place.target if place.target is not None else database_target(place.data_dir, place.url)
        except OtopError as error:  # e.g. a saved choice edited by hand: said, and another can be chosen
            if place.fixed:
                show_error(None, error)
                return 2
            if not choose_instead(error.message, place.data_dir):
                return 2
            continue
        return Opening(target, place.password)


def _after_failure(place: Place, opening: Opening) -> int | None:
    """A database that did not open: a password asked for, or the reason said and the database dialog offered;
    cancelled, back to the database that worked (or this PC's file). The exit code when there is none to go to."""
    from otop_desktop.core.errors import PasswordNeeded
    from otop_desktop.paths import database_path
    from otop_desktop.ui.connection import ConnectionDialog, ask_password

    target, error = opening.target, opening.error
    if isinstance(error, PasswordNeeded):
        place.target, place.password = target, ask_password(None, target, error.message)
        if place.password is not None or place.fixed:
            return None if place.password is not None else 0
    else:
        show_error(None, error)
        if place.fixed or isinstance(target, Path):  # nothing else to offer: the officer set it, or this PC's own file
            return 1
        dialog = ConnectionDialog(target, place.data_dir)
        chosen = dialog.exec() == QDialog.DialogCode.Accepted
        _done_with(dialog)
        if chosen:
            place.choose_saved()
            return None
    place.password = None
    place.target = place.worked if place.worked not in (None, target) else database_path(place.data_dir)
    if place.target == database_path(place.data_dir) and not place.target.exists():
        # No file on this PC yet: an empty one would start the office beside its real data. Say so instead.
        if not choose_instead(
            QCoreApplication.translate(
                "app", "ยังไม่ได้เปิดฐานข้อมูลใด และเครื่องนี้ยังไม่มีไฟล์ข้อมูล กรุณาเลือกฐานข้อมูลที่ปุ่ม ฐานข้อมูล… หรือกดยกเลิกเพื่อปิดโปรแกรม"
            ),
            place.data_dir,
        ):
            return 1
        place.choose_saved()
    return None


SERVER_MOMENT_S = 1.5  # a server that has not opened by then is waited for behind the login dialog


def sign_in(place: Place, database=None) -> tuple["object | None", "object | None", int]:
    """Open the database (unless `database` is open already: a log out) and log in: (database, user, exit code);
    the user is None when the officer cancelled or no database opened."""
    while True:
        if database is None:
            opening = _opening(place)
            if isinstance(opening, int):
                return None, None, opening
        else:
            opening = Opened(database, place.worked)
        local = isinstance(opening.target, Path)
        # A server is asked whether it has users once it has opened; one still opening after a moment (frozen, or
        # far) has them (server-setup made its admin; open_server refuses an empty one): the login shows while it
        # opens, where no window came up at all for as long as a frozen server took to fail (11 s).
        users = database is not None or (
            has_users(opening.target) if local else not opening.over_within(SERVER_MOMENT_S)
        )
        user, changed = log_in(opening, users, where=(opening.target, place.data_dir, place.fixed))
        database = opening.wait()
        if changed:
            if database is not None:
                database.close()
            database = None
            place.choose_saved()
            continue
        if database is None:
            code = _after_failure(place, opening)
            if code is not None:
                return None, None, code
            continue
        place.worked = opening.target
        return database, user, 0


def show_main_window(app: QApplication, database, user) -> bool:
    """The main window until it closes; True when the user logged out (the login comes again)."""
    # After the login: the dialog comes up without the tabs' imports.
    from otop_desktop.ui.bus import DataBus
    from otop_desktop.ui.context import AppContext
    from otop_desktop.ui.main_window import MainWindow

    window = MainWindow(AppContext(database, user, DataBus()))
    window.show()
    warm_up_later(window, warm_up_printing)
    # What other PCs change, seen every half minute and whenever a tab is chosen.
    after_drawing(window, lambda: window.elsewhere.watch(window.tabs.currentChanged))
    app.exec()
    wait_for_background()  # no pool thread may still be running Python when the interpreter ends
    return window.logged_out


def warm_up_printing() -> None:
    """The first print of a session as quick as the next: the forms' modules, fonts and word-break dictionary
    built in the background while the officer works (a new process spends about a second on them)."""
    from otop_desktop.services.forms import jt2  # noqa: F401 - imported for its import's sake
    from otop_desktop.services.forms.thai_pdf import warm_up

    warm_up()


def run_gui(data_dir=None, url: str | None = None) -> int:
    """Open the database (`--database-url`, $OTOP_DATABASE_URL, the one saved on this PC, else the data
    folder's file), log in and show the main window until it closes; after a log out, the login again on the
    same database. A server that asks for a password ~/.pgpass does not hold gets it typed, for this start
    only; one that cannot be reached lets the officer choose another database, or go back to the one that
    worked."""
    from otop_desktop.paths import DATABASE_URL_ENV

    app = application()
    install_excepthook()
    logging.basicConfig(level=logging.WARNING)  # the program's warnings, not alembic's INFO line for each migration
    place = Place(data_dir, url, fixed=bool(url or os.environ.get(DATABASE_URL_ENV)))
    database = None
    while True:
        database, user, code = sign_in(place, database)
        if user is None:
            if database is not None:
                database.close()
            return code
        if not show_main_window(app, database, user):
            database.close()
            return 0
