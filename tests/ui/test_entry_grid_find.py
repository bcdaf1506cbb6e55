"""The entry grid at 1366×768 as an officer with hundreds of rows uses it: Ctrl+F and a search that ignores
spaces, a tambon picker, header clicks that sort in Thai order, the OTOP code beside namesakes; edits, undo,
paste, the totals row and the save all keep working on the rows as shown."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle

from otop_desktop.services import entrepreneurs
from otop_desktop.services.entrepreneurs import EntrepreneurInfo
from otop_desktop.services.thai import sort_key
from otop_desktop.ui.sales_model import CODE_COLUMN, FIRST_AMOUNT, TOTAL_COLUMN
from tests.engines import connect
from tests.ui.conftest import open_window, send_text, settle, type_into_cell

NAME, TAMBON = 1, 0


def add(world, name, tambon, code=None) -> int:
    with world.database.unit_of_work() as uow:
        info = entrepreneurs.save_entrepreneur(
            uow=uow,
            user=world.province,
            info=EntrepreneurInfo(None, name, tambon, 1, 1, "จักสาน", code, True),
            list_in=(2569, 8),
        )
    return info.id


def open_grid(qtbot, world):
    """Mueang's August: the world's three rows and four more, two of them namesakes in two tambons."""
    add(world, "กลุ่มจักสานบ้านนา", "340101", "3401-00011")
    add(world, "กลุ่มจักสานบ้านนา", "340104", "3401-00012")
    add(world, "ขนมไทยแม่ศรี", "340104")
    add(world, "เกษตรกรทำนา", "340101")
    window = open_window(qtbot, world.database, world.mueang)
    window.resize(1366, 768)
    show_entry_tab(qtbot, window)
    return window, window.entry_tab


def show_entry_tab(qtbot, window):
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.entry_tab)).center())
    settle()


def shown(tab, column):
    return [tab.model.index(row, column).data() for row in range(tab.model.rowCount())]


def row_of(tab, name):
    return shown(tab, NAME).index(name)


def click_header(qtbot, view, column):
    header = view.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)


def test_find_and_sort_keep_every_edit_and_the_undo_history(qtbot, world, messages):
    window, tab = open_grid(qtbot, world)
    assert tab.model.rowCount() == 7 and tab.footer_totals.model().text(NAME) == "7 ราย"
    type_into_cell(qtbot, tab.view, row_of(tab, "กลุ่มแม่บ้านข้าวหอมมะลิ"), FIRST_AMOUNT, "5000")

    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = QApplication.focusWidget()
    assert search is tab.filter_bar.search
    send_text(search, "จัก สาน")  # spaces ignored
    assert shown(tab, NAME) == ["กลุ่มจักสานบ้านนา"] * 2
    assert sorted(shown(tab, CODE_COLUMN)) == ["3401-00011", "3401-00012"], "namesakes told apart by their code"
    assert tab.footer_totals.model().text(NAME) == "2 จาก 7 ราย" and "2 จาก 7" in tab.filter_bar.count_label.text()
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "100")
    assert tab.footer_totals.model().text(TOTAL_COLUMN) == "100.00", "the totals row adds the rows shown"

    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert tab.model.rowCount() == 7 and tab.model.undo_stack.count() == 2
    assert tab.model.amount(row_of(tab, "กลุ่มแม่บ้านข้าวหอมมะลิ"), FIRST_AMOUNT) == 500_000

    click_header(qtbot, tab.view, NAME)
    names = shown(tab, NAME)
    assert names == sorted(names, key=sort_key)
    assert names.index("เกษตรกรทำนา") < names.index("ขนมไทยแม่ศรี"), "เ sorts under ก, as in a dictionary"
    click_header(qtbot, tab.view, TOTAL_COLUMN)
    totals = [tab.model.row_total(row) for row in range(tab.model.rowCount())]
    assert totals == sorted(totals)
    assert tab.model.headerData(0, Qt.Orientation.Vertical) == "1", "rows are numbered as shown"

    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.undo_stack.count() == 2 and tab.model.undo_stack.index() == 1
    assert sorted(tab.model.amount(row, FIRST_AMOUNT) or 0 for row in range(7))[-1] == 1_000_000  # 100 undone

    send_text(tab.filter_bar.search, "ไหม")  # the edited row hidden: the save still includes it
    assert tab.model.rowCount() == 1
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.banner.text().startswith("บันทึกข้อมูลเรียบร้อย")
    with connect(world.database) as con:
        saved = con.execute(
            "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id=? AND fiscal_year=2569 AND month=8",
            (world.ids["ข้าว"],),
        ).fetchone()
    assert saved == (500_000,)
    assert shown(tab, NAME) == ["กลุ่มทอผ้าไหมบ้านในเมือง"], "the search stays after the save"


def test_a_paste_fills_the_rows_as_they_are_shown(qtbot, world, messages):
    window, tab = open_grid(qtbot, world)
    month_order = shown(tab, NAME)
    click_header(qtbot, tab.view, NAME)
    click_header(qtbot, tab.view, NAME)  # again: descending
    names = shown(tab, NAME)
    assert names == sorted(names, key=sort_key, reverse=True)
    QApplication.clipboard().setText("1\n2\n")
    tab.view.setCurrentIndex(tab.model.index(0, FIRST_AMOUNT + 3))
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [tab.model.amount(row, FIRST_AMOUNT + 3) for row in range(3)] == [100, 200, None]
    assert tab.model.index(0, NAME).data() == names[0]
    tab.view.setCurrentIndex(tab.model.index(1, FIRST_AMOUNT + 3))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert [tab.model.amount(row, FIRST_AMOUNT + 3) for row in range(3)] == [100, None, None]
    tab.view.setCurrentIndex(tab.model.index(shown(tab, NAME).index("ขนมไทยแม่ศรี"), FIRST_AMOUNT))
    click_header(qtbot, tab.view, NAME)  # a third click: the month's own order (tambon, then name)
    assert shown(tab, NAME) == month_order
    assert tab.view.currentIndex().siblingAtColumn(NAME).data() == "ขนมไทยแม่ศรี", "the cursor stays on its row"


def test_a_district_officer_picks_one_tambon(qtbot, world, messages):
    window, tab = open_grid(qtbot, world)
    box = tab.filter_bar.tambon_box
    assert box.isVisible() and [box.itemText(i) for i in range(box.count())][0] == "ทุกตำบล"
    box.setFocus()
    box.setCurrentIndex(box.findText("ในเมือง"))
    assert set(shown(tab, TAMBON)) == {"ในเมือง"} and tab.model.rowCount() == 3
    assert tab.footer_totals.model().text(NAME) == "3 จาก 7 ราย"
    send_text(tab.filter_bar.search, "3401-00012")  # the namesake is in the other tambon
    assert tab.model.rowCount() == 0
    box.setCurrentIndex(0)
    assert shown(tab, CODE_COLUMN) == ["3401-00012"]


def test_province_staff_have_the_search_but_pick_tambons_above(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.province)
    tab = window.entry_tab
    show_entry_tab(qtbot, window)
    assert tab.filter_bar.search.isVisible() and not tab.filter_bar.tambon_box.isVisible()


def test_the_totals_row_reads_its_whole_label_with_few_rows(qtbot, world, messages):
    window, tab = open_grid(qtbot, world)
    send_text(tab.filter_bar.search, "ไหม")
    settle()
    header = tab.footer_totals.verticalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    assert header.width() >= QFontMetrics(header.font()).horizontalAdvance("รวม") + 2 * margin


def test_sync_while_searching_adds_no_row_twice(qtbot, world, messages):
    from datetime import date

    window = open_window(qtbot, world.database, world.mueang, today=date(2026, 9, 3))
    tab = window.entry_tab
    show_entry_tab(qtbot, window)
    tab.month_box.setCurrentIndex(tab.month_box.findData(9))
    settle()
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 2
    send_text(tab.filter_bar.search, "ไหม")  # the other row hidden, not gone
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    assert "ครบแล้ว (2 ราย)" in tab.banner.text() and tab.model.all_count() == 2
