"""On a generated database of several provinces, opening the dashboard and a whole province's month keeps
the event loop turning: a timer fires while the figures load (they load off the GUI thread). The same for
the other slow actions: logging in (scrypt), reading a printed target table; and the main window opens
without reading on the GUI thread, each tab reading when first shown."""

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from otop_desktop.core.users import UserInfo
from otop_desktop.services import auth
from otop_desktop.services.office import Office
from otop_desktop.store.database import open_database
from otop_desktop.ui import file_dialogs
from otop_desktop.ui.login import LoginDialog
from otop_desktop.ui.sales_model import FIRST_AMOUNT
from otop_desktop.ui.target_import_dialog import TargetImportDialog
from otop_desktop.ui.tasks import wait_for_background
from tests.conftest import PASSWORD, PRODUCTION_SCRYPT_N
from tests.engines import execute
from tests.ui.conftest import open_window, settle

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def country(tmp_path_factory, country_built):
    path = tmp_path_factory.mktemp("country") / "otop.db"
    shutil.copyfile(country_built, path)
    return path


def ticks_while(start, finished) -> int:
    """Start a load, then turn the event loop until it has finished; how often a 1 ms timer fired meanwhile."""
    ticks = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(finished()))
    timer.start()
    start()
    while not finished():
        QApplication.processEvents()
    timer.stop()
    wait_for_background()
    return sum(1 for done in ticks if not done)


def test_the_dashboard_loads_while_the_window_stays_alive(qtbot, country):
    database = open_database(country)
    try:
        window = open_window(qtbot, database, UserInfo("dept", "department", "00", "", ""))
        tab = window.dashboard_tab
        with database.unit_of_work() as uow:  # every month stale again: the next read rebuilds the summary
            uow.session.connection().exec_driver_sql(
                "INSERT OR IGNORE INTO summary_stale SELECT DISTINCT fiscal_year, month FROM monthly_sale"
            )
            uow.commit()
        tab.figures = None
        fired = ticks_while(lambda: tab.picker.set_period(2569, 9), lambda: tab.figures is not None)
        assert fired > 0, "the timer never fired while the dashboard loaded: the work ran on the GUI thread"
        assert tab.figures.bar_unit == "จังหวัด" and len(tab.figures.bars) == 77 and tab.figures.total.total > 0
    finally:
        database.close()


def open_largest_province(qtbot, database):
    """The province with the most entrepreneurs, and its staff's window on the entry tab."""
    with database.unit_of_work() as uow:
        province = (
            uow.session.connection()
            .exec_driver_sql(
                "SELECT substr(tambon_code, 1, 2) FROM entrepreneur GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
            )
            .scalar()
        )
    window = open_window(qtbot, database, UserInfo("p", "province", province, "", ""), tab="entry_tab")
    return province, window


def test_a_whole_province_month_loads_while_the_window_stays_alive(qtbot, country):
    database = open_database(country)
    try:
        _, window = open_largest_province(qtbot, database)
        tab = window.entry_tab
        shown = []
        fired = ticks_while(lambda: tab.reload(then=lambda: shown.append(tab.model.rowCount())), lambda: bool(shown))
        assert fired > 0, "the timer never fired while the month loaded: the work ran on the GUI thread"
        assert shown[0] > 100
    finally:
        database.close()


def test_saving_a_whole_province_month_keeps_the_window_alive(qtbot, country):
    database = open_database(country)
    try:
        province, window = open_largest_province(qtbot, database)
        tab = window.entry_tab
        shown = []
        ticks_while(lambda: tab.reload(then=lambda: shown.append(True)), lambda: bool(shown))
        tab.model.paste_block(0, FIRST_AMOUNT, "\n".join("7" for _ in range(tab.model.rowCount())))  # every row changed
        changed = len(tab.model.changes())
        assert changed > 100
        saved = []
        fired = ticks_while(lambda: saved.append(tab.save()), lambda: bool(saved))
        assert saved == [True], tab.banner.text()
        assert fired > 0, "the timer never fired while the month was saved: the work ran on the GUI thread"
        with database.unit_of_work() as uow:
            sevens = (
                uow.session.connection()
                .exec_driver_sql(
                    "SELECT count(*) FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id"
                    " WHERE s.fiscal_year = ? AND s.month = ? AND e.tambon_code LIKE ? AND s.domestic_offline = 700",
                    (*tab._period[:2], f"{province}%"),
                )
                .scalar()
            )
        assert sevens == changed
    finally:
        database.close()


@pytest.fixture
def services_run(monkeypatch):
    """Every service the program runs from here on, with whether it ran on the GUI thread."""
    calls = []
    run = Office.run

    def recorded(office, service, /, **kwargs):
        calls.append((service.__name__, threading.current_thread() is threading.main_thread()))
        return run(office, service, **kwargs)

    monkeypatch.setattr(Office, "run", recorded)
    return calls


def test_the_main_window_reads_no_figures_on_the_gui_thread_and_a_tab_only_once_shown(qtbot, world, services_run):
    window = open_window(qtbot, world.database, world.province)
    # Left on the GUI thread: small lookups a tab is built with (the month to confirm next, the districts of a
    # province, people's names); every read of figures runs off it.
    lookups = {"due_month", "list_districts", "list_names"}
    assert services_run and not {name for name, on_gui in services_run if on_gui} - lookups
    assert window.dashboard_tab.figures is not None  # the tab shown first has filled, off the GUI thread
    unseen = {"lock_overview", "target_table", "roadmap_board", "check_month"}
    assert not unseen & {name for name, _ in services_run}, "a tab nobody looked at read the database"
    for tab in (window.locks_tab, window.targets_tab, window.roadmap_tab, window.quality_tab):
        window.tabs.setCurrentWidget(tab)
        settle()
    assert unseen <= {name for name, _ in services_run}
    assert not unseen & {name for name, on_gui in services_run if on_gui}  # each tab's read: off the GUI thread


def test_logging_in_keeps_the_dialog_alive(qtbot, world, monkeypatch):
    """The password's check (scrypt, about 0.1 s at the program's cost) runs off the GUI thread."""
    monkeypatch.setattr(auth, "_SCRYPT_N", PRODUCTION_SCRYPT_N)  # the suite's cheap cost is over in microseconds
    execute(
        world.database, "UPDATE app_user SET password_hash = ? WHERE username = 'mueang'", auth.hash_password(PASSWORD)
    )
    dialog = LoginDialog(world.database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "mueang")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    fired = ticks_while(dialog.accept, lambda: dialog.user is not None)
    assert fired > 0, "the timer never fired while the password was checked: it ran on the GUI thread"
    assert dialog.user.username == "mueang"


def test_reading_a_printed_target_table_keeps_the_window_alive(qtbot, world, monkeypatch):
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(DATA / "round2.csv"), ""))
    shown = []
    monkeypatch.setattr(TargetImportDialog, "exec", lambda dialog: shown.append(dialog.rows.rowCount()) or 0)
    window = open_window(qtbot, world.database, world.province, tab="targets_tab")
    settle()
    fired = ticks_while(lambda: window.targets_tab.import_table(), lambda: bool(shown))
    assert fired > 0, "the timer never fired while the table was read and checked: it ran on the GUI thread"
    assert shown == [25]
