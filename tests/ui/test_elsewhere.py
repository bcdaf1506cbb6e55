"""What another PC (or the command line, or another window) changes shows as a bar above the tabs, not what this
window did itself; at a click every tab reads afresh, the entry grid keeping the officer's unsaved edits."""

from PySide6.QtCore import Qt

from otop_desktop.services import locks
from otop_desktop.store.database import open_database
from otop_desktop.ui.sales_model import FIRST_AMOUNT
from tests.conftest import save
from tests.engines import target
from tests.ui.conftest import open_window, settle, type_into_cell


def another_pc(world):
    """The same database opened by another program, as a second PC on the office's server opens it."""
    return open_database(target(world.database))


def test_a_change_made_elsewhere_is_said_and_shown_at_a_click(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.province)
    bar = window.elsewhere
    bar.look()
    settle()
    assert not bar.isVisible()  # the first look only learns where the data stands
    window.tabs.setCurrentWidget(window.locks_tab)
    window.locks_tab.picker.set_period(2569, 8)
    settle()
    assert "0/25" in window.locks_tab.province_status.text()
    other = another_pc(world)
    try:
        with other.unit_of_work() as uow:
            locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    finally:
        other.close()
    bar.look()
    settle()
    assert bar.isVisible() and "เครื่องอื่นหรือหน้าต่างอื่น" in bar.text.text()
    assert "0/25" in window.locks_tab.province_status.text()  # the tab as it was read
    # Below the tabs: shown in the middle of work, it moves no tab or row under the officer's mouse (above them,
    # it pushed the tab bar down as the officer clicked a tab).
    assert bar.mapTo(window, bar.rect().topLeft()).y() > window.tabs.mapTo(window, window.tabs.tabBar().pos()).y()
    assert bar.geometry().top() >= window.tabs.geometry().bottom()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    settle()
    assert not bar.isVisible() and "1/25" in window.locks_tab.province_status.text()


def test_this_windows_own_save_is_not_news_and_unsaved_edits_stay(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang)
    bar, tab = window.elsewhere, window.entry_tab
    bar.look()
    settle()
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "5")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # this window's own change
    settle()
    bar.look()
    settle()
    assert not bar.isVisible()
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "7")  # typed, not saved
    save(world.database, world.province, 2569, 8, {world.ids["ข้าว"]: (123_400, None, None, None)})  # elsewhere
    bar.look()
    settle()
    assert bar.isVisible()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.model.is_dirty()  # the officer's edit is kept, as after any change


def test_a_database_that_does_not_answer_a_look_says_nothing_and_is_asked_again(qtbot, world, messages, monkeypatch):
    """A server down a moment: the look finds no answer (None), and no box comes up every half minute."""
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    from otop_desktop.services import audit

    window = open_window(qtbot, world.database, world.province)
    bar = window.elsewhere
    bar.look()
    settle()

    def down(*args, **kwargs):
        raise OperationalError("SELECT max(id)", {}, Exception("server closed the connection unexpectedly"))

    with monkeypatch.context() as server:
        server.setattr(Session, "scalar", down)
        with world.database.unit_of_work() as uow:
            assert audit.last_change(uow=uow) is None
        bar.look()
        settle()
    assert not bar.isVisible() and messages.shown == []
    save(world.database, world.province, 2569, 8, {world.ids["ข้าว"]: (1, None, None, None)})  # back, and changed
    bar.look()
    settle()
    assert bar.isVisible()


def test_a_watched_window_looks_again_when_a_tab_is_chosen(qtbot, world, messages):
    """A tab read before shows what it read: choosing it looks for changes at once, not half a minute later."""
    window = open_window(qtbot, world.database, world.province)
    bar = window.elsewhere
    bar.watch(window.tabs.currentChanged)
    settle()
    save(world.database, world.province, 2569, 8, {world.ids["ข้าว"]: (7, None, None, None)})  # elsewhere
    assert not bar.isVisible()
    window.tabs.setCurrentWidget(window.locks_tab)
    settle()
    assert bar.isVisible()
