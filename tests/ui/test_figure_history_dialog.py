"""ประวัติของยอดนี้: a right-click on an amount of the entry grid opens the figure's history, read off the GUI
thread, listing each step with who, when and old → new."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from otop_desktop.ui.history_dialog import FigureHistoryDialog
from otop_desktop.ui.sales_model import ENTREPRENEUR_ID_ROLE, FIRST_AMOUNT
from tests.conftest import save
from tests.ui.conftest import open_window, settle

SEPTEMBER = date(2026, 9, 3)


def right_click(view, index) -> None:
    """A right-click on a cell, as the platform reports it: a context-menu event at the cell."""
    position = view.visualRect(index).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, view.viewport().mapToGlobal(position))
    QApplication.sendEvent(view.viewport(), event)


def history_dialogs():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, FigureHistoryDialog) and w.isVisible()]


def test_right_click_on_an_amount_shows_who_changed_it_and_when(qtbot, world, messages):
    silk = world.ids["ไหม"]
    save(world.database, world.mueang, 2569, 8, {silk: (1_000_000, 250_000, None, None)})
    window = open_window(qtbot, world.database, world.province, today=SEPTEMBER)
    tab = window.entry_tab
    tab.month_box.setCurrentIndex(tab.month_box.findData(8))
    settle()
    model = tab.view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ENTREPRENEUR_ID_ROLE) == silk)
    right_click(tab.view, model.index(row, FIRST_AMOUNT + 1))
    menu = QApplication.activePopupWidget()
    assert [action.text() for action in menu.actions()] == ["ประวัติของยอดนี้"]
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(history_dialogs()) == 1)
    dialog = history_dialogs()[0]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert "กลุ่มทอผ้าไหมบ้านในเมือง (อำเภอเมืองอุบลราชธานี) เดือนสิงหาคม 2569" in dialog.heading.text()
    first, second = ([dialog.model.index(r, c).data() for c in range(6)] for r in range(2))
    assert first[1] == "นางสมศรี ใจดี (prov)" and first[2] == "บันทึกยอด"
    assert second[1] == "mueang" and "2569 เวลา" in second[0]
    assert second[3] == "ในประเทศ ออนไลน์ 2,000.00 → 2,500.00" and second[5] == "ยังไม่ล็อก"
    assert not messages.shown
    dialog.close()
