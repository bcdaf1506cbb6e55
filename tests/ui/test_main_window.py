"""The main window: its tabs, and who, where and which file below."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.services.reports.dashboard import dashboard
from otop_desktop.ui import dashboard_tab
from otop_desktop.ui.bus import DataBus
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.locks_tab import LocksTab
from otop_desktop.ui.main_window import MainWindow
from tests.ui.conftest import open_window, settle


def test_tabs_and_status_bar(qtbot, world):
    window = open_window(qtbot, world.database, world.warin)
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert names == ["หน้าหลัก", "บันทึกข้อมูล", "ตรวจสอบข้อมูล", "ล็อกข้อมูล", "ค่าเป้าหมาย", "รายงาน", "ติดตามงาน"]
    assert [type(window.tabs.widget(i)).__name__ for i in range(7)] == [
        "DashboardTab",
        "EntryTab",
        "QualityTab",
        "LocksTab",
        "TargetsTab",
        "ReportsTab",
        "RoadmapTab",
    ]
    status = " | ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "warin" in status and "อำเภอวารินชำราบ จังหวัดอุบลราชธานี" in status and world.database.place in status


def test_a_tab_is_built_when_first_turned_to_and_shown_at_once(qtbot, world):
    """The window opens with the dashboard and the entry tab built (other tabs open months in it), each other tab
    built on its first click, shown with that click and read."""
    window = open_window(qtbot, world.database, world.province)

    def built() -> list[int]:
        return [index for index in range(window.tabs.count()) if window.tabs.built(index) is not None]

    assert built() == [0, 1]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    locks = window.tabs.built(3)
    assert isinstance(locks, LocksTab) and locks.isVisible() and window.tabs.currentWidget() is locks
    assert window.tabs.indexOf(locks) == 3 and window.locks_tab is locks
    settle()
    assert locks.table_model.rowCount() == 25
    assert built() == [0, 1, 3]


def test_a_dashboard_left_as_the_window_opens_reads_nothing_until_looked_at(qtbot, world, monkeypatch):
    """An officer who turns to another tab as the window opens (a department's dashboard reads the country) does not
    wait for the dashboard's read; it reads when shown."""
    read = []
    monkeypatch.setattr(dashboard_tab.dashboard, "dashboard", lambda **kw: read.append(kw) or dashboard(**kw))
    window = MainWindow(AppContext(world.database, world.province, DataBus()), today=date(2026, 8, 20))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.entry_tab)
    qtbot.waitExposed(window)
    settle()
    assert read == [] and window.dashboard_tab.figures is None and window.dashboard_tab.first_show.pending
    window.tabs.setCurrentWidget(window.dashboard_tab)
    settle()
    assert len(read) == 1 and window.dashboard_tab.figures is not None


def test_a_department_user_sees_every_district_read_only(qtbot, world, messages):

    dept = UserInfo("dept", "department", NATIONAL, "", "")  # a department database's user (see test_exchange)
    window = open_window(qtbot, world.database, dept)
    tab = window.entry_tab
    window.tabs.setCurrentWidget(tab)
    settle()
    assert tab.district_box.count() == 931  # a prompt, ทุกอำเภอ and every district of the country
    assert tab.model.rowCount() == 0 and "เลือกอำเภอ" in tab.banner.text()  # the country's month: not read unasked
    tab.district_box.setCurrentIndex(tab.district_box.findData(""))  # ทุกอำเภอ (ทั้งประเทศ)
    settle()
    assert tab.model.rowCount() == 4 and not tab.model.is_editable(0, 3)
    assert not tab.save_button.isEnabled() and not tab.add_button.isEnabled()
    assert "ดูข้อมูลได้อย่างเดียว" in tab.banner.text()
    status = " | ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "กรมการพัฒนาชุมชน (ทั้งประเทศ)" in status


def test_the_window_fits_a_1366_by_768_screen_with_the_backup_reminder(qtbot, world):
    """The usual office laptop: the dashboard's charts loaded and the backup reminder shown, the window's
    minimum still leaves room for a title bar and the taskbar (768 - 30 - 40 pixels)."""
    window = open_window(qtbot, world.database, world.province)
    qtbot.waitUntil(lambda: len(window.dashboard_tab.chart_views) == 4, timeout=10000)
    assert window.backup_banner.isVisible() != world.database.on_server  # a file never backed up (a server: pg_dump)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= 1366 and minimum.height() <= 698, minimum


def test_every_tab_loaded_the_window_still_fits_1366_pixels(qtbot, world):
    """A label that does not wrap (the targets' rule with the round's months, the roadmap's legend) widened the
    window's minimum past the screen once its tab had loaded."""
    window = open_window(qtbot, world.database, world.province, today=date(2026, 12, 4))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle()
    assert window.minimumSizeHint().width() <= 1366, window.minimumSizeHint()


def test_on_a_server_backup_and_restore_say_so_before_asking_for_a_folder_or_a_file(qtbot, world, messages):
    """The menu's backup and restore on a server: the server's way is said at once, titled as such (it asked for a
    folder, then refused as 'ข้อมูลไม่ถูกต้อง'); no file dialog is answered here, so asking would fail the test."""
    if not world.database.on_server:
        pytest.skip("about an office's server; the file's backups have their own tests (test_backup_dialog.py)")
    window = open_window(qtbot, world.database, world.admin)
    for action in (window.backup_action, window.restore_action):
        action.trigger()
        kind, title, text = messages.shown[-1]
        assert (kind, title) == ("warning", "ฐานข้อมูลอยู่บนเซิร์ฟเวอร์") and "pg_dump" in text
