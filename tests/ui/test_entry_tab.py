"""The entry tab driven like an officer: pick a month, Sync, type, paste, undo, save, reopen, refusals."""

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from otop_desktop.services import auth
from otop_desktop.store.database import open_database
from otop_desktop.ui.sales_model import FIRST_AMOUNT, TOTAL_COLUMN, UNUSUAL
from tests.conftest import PASSWORD, save
from tests.engines import connect, target
from tests.ui.conftest import open_window, settle, type_into_cell

SEPTEMBER = date(2026, 9, 3)  # fiscal 2569's last month has begun


def pick_month(tab, month):
    tab.month_box.setCurrentIndex(tab.month_box.findData(month))
    settle()


def sales(path):
    with connect(path) as con:
        return con.execute("SELECT * FROM monthly_sale ORDER BY 1, 2, 3").fetchall()


def amounts_of(tab, row):
    return [tab.model.amount(row, c) for c in range(FIRST_AMOUNT, TOTAL_COLUMN)]


def test_the_tab_opens_on_the_month_being_reported(qtbot, world):
    """On 4 December an officer is finishing November (due the 5th), not December, which has barely begun."""
    window = open_window(qtbot, world.database, world.mueang, today=date(2026, 12, 4), tab="entry_tab")
    assert (window.entry_tab.picker.year, window.entry_tab.picker.month) == (2570, 11)
    assert (window.reports_tab.picker.year, window.reports_tab.picker.month) == (2570, 11)
    later = open_window(qtbot, world.database, world.mueang, today=date(2026, 12, 8), tab="entry_tab")
    assert (later.entry_tab.picker.year, later.entry_tab.picker.month) == (2570, 12)


def test_district_officer_enters_a_month_and_finds_it_after_a_restart(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, today=SEPTEMBER, tab="entry_tab")
    tab = window.entry_tab
    pick_month(tab, 9)
    assert tab.model.rowCount() == 0 and "Sync" in tab.banner.text()
    before = sales(world.database)
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 2 and "ยังไม่ได้บันทึก" in tab.banner.text()
    assert all(amounts_of(tab, row) == [None] * 4 for row in range(2))
    assert tab.model.index(0, TOTAL_COLUMN).data() == "", "nothing entered: blank, as its channels, not 0.00"
    assert sales(world.database) == before, "Sync fills the grid; only บันทึกข้อมูล writes"
    assert tab.footer_totals.model().text(1) == "2 ราย"

    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "12,500.50")
    assert tab.view.currentIndex().row() == 1, "Enter moves down"
    type_into_cell(qtbot, tab.view, 1, FIRST_AMOUNT, "๓๐๐", finish=Qt.Key.Key_Tab)
    QApplication.clipboard().setText("1,000\t2000.25\n300\t\n")
    tab.view.setCurrentIndex(tab.model.index(0, FIRST_AMOUNT + 1))
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert amounts_of(tab, 0) == [1_250_050, 100_000, 200_025, None]
    assert amounts_of(tab, 1) == [30_000, 30_000, None, None]
    assert tab.model.index(1, TOTAL_COLUMN).data() == "600.00"
    assert tab.footer_totals.model().text(TOTAL_COLUMN) == "16,100.75"

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    settle()  # the month reloads off the GUI thread
    assert tab.banner.text().startswith("บันทึกข้อมูลเรียบร้อย เมื่อ") and "น." in tab.banner.text()
    window.close()
    world.database.close()

    reopened = open_database(target(world.database))
    try:
        window = open_window(qtbot, reopened, world.mueang, tab="entry_tab")
        tab = window.entry_tab
        pick_month(tab, 9)
        assert amounts_of(tab, 0) == [1_250_050, 100_000, 200_025, None]
        assert amounts_of(tab, 1) == [30_000, 30_000, None, None]
        assert "mueang" in tab.footer.text()
    finally:
        reopened.close()


def test_a_refused_amount_changes_nothing(qtbot, world, messages):
    before = sales(world.database)
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    who = f"กลุ่มทอผ้าไหมบ้านในเมือง (เลขที่ {world.ids['ไหม']}, ต.ในเมือง)"  # the row by name, number and tambon
    for text, words in (("-5", "ติดลบ"), ("1.234", "ทศนิยม"), ("สิบบาท", "ตัวเลข")):
        type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, text)
        assert words in tab.banner.text() and who in tab.banner.text()
    assert amounts_of(tab, 0) == [1_000_000, 200_000, None, None]
    QApplication.clipboard().setText("5\t-1")
    tab.view.setCurrentIndex(tab.model.index(0, FIRST_AMOUNT))
    tab.view.paste()
    assert "ไม่มีข้อมูลใดถูกวาง" in tab.banner.text()
    assert amounts_of(tab, 0) == [1_000_000, 200_000, None, None]
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()  # the month reloads off the GUI thread
    assert tab.banner.text() == "ไม่มีข้อมูลที่เปลี่ยนแปลง"
    assert sales(world.database) == before


def test_a_district_user_cannot_reach_another_district(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    assert not tab.district_box.isVisibleTo(tab) and not tab.tambon_box.isVisibleTo(tab)
    shown = {tab.model.index(r, 1).data() for r in range(tab.model.rowCount())}
    assert shown == {"กลุ่มทอผ้าไหมบ้านในเมือง", "กลุ่มแม่บ้านข้าวหอมมะลิ", "กลุ่มที่เลิกกิจการแล้ว"}  # no Warin
    for button in (tab.add_button, tab.edit_button):
        assert not button.isEnabled() and "เจ้าหน้าที่ระดับจังหวัด" in button.toolTip()
    assert "ยืนยันข้อมูลของอำเภอแล้ว" in _line_under_the_grid(tab)  # the letter's words: the district confirms


def _line_under_the_grid(tab) -> str:
    return tab.layout().itemAt(tab.layout().count() - 1).widget().text()


def test_province_filters_by_district_and_tambon(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.province, tab="entry_tab")
    tab = window.entry_tab
    assert tab.model.rowCount() == 4
    hint = _line_under_the_grid(tab)  # the province confirms its corrections, not the district's figures
    assert "ข้อมูลที่แก้ไขแทนอำเภอ" in hint and "ยืนยันข้อมูลของอำเภอแล้ว" not in hint
    tab.district_box.setCurrentIndex(tab.district_box.findData("3415"))
    settle()
    assert tab.model.rowCount() == 1
    tab.district_box.setCurrentIndex(tab.district_box.findData("3401"))
    tab.tambon_box.setCurrentIndex(tab.tambon_box.findData("340104"))
    settle()
    assert tab.model.rowCount() == 2


def test_undo_and_the_question_before_leaving_unsaved_edits(qtbot, world, messages):
    before = sales(world.database)
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "99")
    assert tab.undo_button.isEnabled()
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    assert amounts_of(tab, 0)[0] == 1_000_000
    qtbot.keyClick(tab.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo as in Excel
    assert amounts_of(tab, 0)[0] == 9_900
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert amounts_of(tab, 0)[0] == 1_000_000
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "99")
    messages.answer = QMessageBox.StandardButton.Cancel
    pick_month(tab, 7)
    assert messages.shown[-1][0] == "question"
    assert tab.month_box.currentData() == 8 and amounts_of(tab, 0)[0] == 9_900
    messages.answer = QMessageBox.StandardButton.Discard
    pick_month(tab, 7)
    assert tab.month_box.currentData() == 7
    assert sales(world.database) == before


def test_an_amount_far_above_the_usual_month_is_flagged_and_saved_only_when_confirmed(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    settle()  # the usual months arrive from the background
    total = tab.model.index(0, TOTAL_COLUMN)
    assert total.data(Qt.ItemDataRole.BackgroundRole) != UNUSUAL
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "200000")
    assert total.data(Qt.ItemDataRole.BackgroundRole) == UNUSUAL
    assert "10 เท่า" in total.data(Qt.ItemDataRole.ToolTipRole)
    before = sales(world.database)
    messages.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()  # the month reloads off the GUI thread
    kind, title, asked = messages.shown[-1]
    assert (kind, title) == ("question", "ยอดจำหน่ายสูงผิดปกติ")
    who = f"กลุ่มทอผ้าไหมบ้านในเมือง (เลขที่ {world.ids['ไหม']}, ต.ในเมือง)"  # two namesakes differ by code and tambon
    assert f"• {who}: 202,000.00 บาท (ปกติเดือนละ 12,000.00 บาท)" in asked
    assert asked.startswith("ยอดของ 1 รายสูงผิดปกติ: ยอดรวมสูงกว่า 10 เท่าของเดือนปกติ (ค่ามัธยฐาน 12 เดือนก่อน):")
    assert sales(world.database) == before and tab.model.is_dirty() and "ยังไม่ได้บันทึก" in tab.banner.text()
    assert not tab.banner.isHidden()
    assert tab.model.undo_stack.canUndo(), tab.model.undo_stack.count()
    tab.model.undo_stack.undo()  # the figure taken back: the words about it go with it (they stayed)
    assert tab.banner.isHidden()
    tab.model.undo_stack.redo()
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()  # the month reloads off the GUI thread
    assert tab.banner.text().startswith("บันทึกข้อมูลเรียบร้อย")
    with connect(world.database) as con:
        confirmed = con.execute(
            "SELECT username, entity_key, old_value, new_value FROM audit_log WHERE action='confirm_unusual'"
        ).fetchall()
    assert confirmed == [("mueang", f"2569/08/{world.ids['ไหม']}", "12000.00", "202000.00")]


def test_one_channel_far_above_its_own_usual_month_is_marked_and_asked_about(qtbot, world, messages):
    """A digit typed once too often in one channel: the total (8.5×) looks usual, the cell (10× its channel) does
    not; the save asks about the channel."""
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    settle()  # the usual months arrive from the background
    cell = tab.model.index(0, FIRST_AMOUNT)
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "100000")
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == UNUSUAL and "5 เท่า" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tab.model.index(0, TOTAL_COLUMN).data(Qt.ItemDataRole.BackgroundRole) != UNUSUAL
    messages.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert "ช่องทางในประเทศ ออฟไลน์ 100,000.00 บาท (ปกติเดือนละ 10,000.00 บาท)" in messages.shown[-1][2]


def test_province_adds_an_entrepreneur_to_the_month(qtbot, world, messages, monkeypatch):
    from otop_desktop.ui import entry_tab as entry_tab_module

    window = open_window(qtbot, world.database, world.province, tab="entry_tab")
    tab = window.entry_tab
    tab.district_box.setCurrentIndex(tab.district_box.findData("3415"))
    settle()

    def fill_and_save(dialog_self):
        qtbot.addWidget(dialog_self)
        dialog_self.accept()  # empty name first: refused in the dialog
        assert "ชื่อ" in dialog_self.error_label.text()
        qtbot.keyClicks(dialog_self.name_edit, "Kanok Silk")
        dialog_self.code_edit.setText("3415-NEW")
        dialog_self.accept()
        return dialog_self.result()

    monkeypatch.setattr(entry_tab_module.EntrepreneurDialog, "exec", fill_and_save)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle()  # the grid reloads on the notice, off the GUI thread
    names = [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]
    assert "Kanok Silk" in names and len(names) == 2


def test_closing_with_unsaved_edits_asks_first(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    type_into_cell(qtbot, window.entry_tab.view, 0, FIRST_AMOUNT, "5")
    messages.answer = QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible() and messages.shown[-1][0] == "question"
    messages.answer = QMessageBox.StandardButton.Save
    window.close()
    assert not window.isVisible()
    with connect(world.database) as con:
        assert con.execute(
            "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id=? AND fiscal_year=2569 AND month=8",
            (world.ids["ไหม"],),
        ).fetchone() == (500,)


def test_escape_cancels_the_cell_being_typed(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "123", finish=Qt.Key.Key_Escape)
    assert amounts_of(tab, 0)[0] == 1_000_000 and not tab.model.is_dirty()


def test_synced_rows_are_unsaved_until_save_and_leaving_asks(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, today=SEPTEMBER, tab="entry_tab")
    tab = window.entry_tab
    pick_month(tab, 9)
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    footer_before = tab.footer.text()
    assert "ยังไม่ได้บันทึก" in tab.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "2 ราย (แถวสีฟ้า ไม่ดึงยอดเงิน)" in tab.banner.text()  # the month was empty: every row is new, not "at the end"
    messages.answer = QMessageBox.StandardButton.Cancel
    pick_month(tab, 8)
    assert messages.shown[-1][0] == "question" and tab.picker.month == 9 and tab.model.rowCount() == 2
    messages.answer = QMessageBox.StandardButton.Discard
    pick_month(tab, 8)
    pick_month(tab, 9)
    assert tab.model.rowCount() == 0 and sales_of_month(world.database, 9) == []
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # no amounts typed: the list itself is saved
    settle()  # the month reloads off the GUI thread
    assert tab.banner.text().startswith("บันทึกข้อมูลเรียบร้อย") and tab.footer.text() != footer_before
    assert sorted(sales_of_month(world.database, 9)) == sorted([(world.ids["ไหม"], None), (world.ids["ข้าว"], None)])
    assert not tab.model.is_dirty()


def test_a_month_that_has_not_begun_cannot_be_synced_or_saved(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")  # 20 August 2026
    tab = window.entry_tab
    pick_month(tab, 9)
    assert not tab.sync_button.isEnabled() and not tab.save_button.isEnabled()
    assert tab.banner.text() == "เดือนกันยายน 2569 ยังไม่เริ่ม บันทึกยอดจำหน่ายได้ตั้งแต่วันที่ 1 กันยายน 2569"
    pick_month(tab, 8)
    assert tab.sync_button.isEnabled() and tab.save_button.isEnabled()


def sales_of_month(path, month):
    with connect(path) as con:
        return con.execute(
            "SELECT entrepreneur_id, domestic_offline FROM monthly_sale WHERE fiscal_year=2569 AND month=?", (month,)
        ).fetchall()


def test_the_red_banner_goes_once_a_valid_amount_is_typed(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    window.resize(1366, 728)
    settle()
    grid_top = tab.view.mapTo(tab, QPoint(0, 0)).y()
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "-5")
    assert tab.banner.isVisible() and "ติดลบ" in tab.banner.text()
    settle()
    assert tab.view.mapTo(tab, QPoint(0, 0)).y() == grid_top  # the rows stay under the officer's mouse
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "5")
    assert not tab.banner.isVisible()
    settle()
    assert tab.view.mapTo(tab, QPoint(0, 0)).y() == grid_top


def test_names_and_product_types_cut_by_the_column_have_tooltips(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    for column in (0, 1, 3):
        index = tab.model.index(0, column)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def test_a_row_someone_saved_meanwhile_is_not_overwritten_and_the_newest_figures_are_offered(
    qtbot, world, messages, monkeypatch
):
    from tests.conftest import save

    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    settle()
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entrepreneur_id(r) == world.ids["ไหม"])
    type_into_cell(qtbot, tab.view, row, FIRST_AMOUNT, "99")
    year, month = tab._period[:2]
    save(world.database, world.province, year, month, {world.ids["ไหม"]: (4_200, 0, 0, 0)})  # another office PC
    before = sales(world.database)
    tab.show_banner("บันทึกข้อมูลเรียบร้อย (ครั้งก่อน)", "ok")  # the last save's line, still up
    shown_during = []
    messages.answer = QMessageBox.StandardButton.Yes
    real_question = QMessageBox.question
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: shown_during.append(not tab.banner.isHidden()) or real_question(*a, **k),
    )
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert shown_during == [False]  # the refusal is not asked under the last save's green line
    kind, title, text = messages.shown[-2]
    assert (kind, title) == ("question", "มีผู้บันทึกข้อมูลนี้ไปก่อนแล้ว")
    who = f"กลุ่มทอผ้าไหมบ้านในเมือง (เลขที่ {world.ids['ไหม']}, ต.ในเมือง)"
    assert f"{who} (โดย นางสมศรี ใจดี เมื่อ" in text and "โหลดข้อมูลล่าสุด" in text
    kind, title, text = messages.shown[-1]  # after the reload: what was typed, beside what is saved now
    assert (kind, title) == ("information", "ยอดที่มีผู้บันทึกไปก่อน")
    assert "กลุ่มทอผ้าไหมบ้านในเมือง" in text and "ในประเทศ ออฟไลน์ ท่านพิมพ์ 99.00 · บันทึกไว้ 42.00" in text
    assert sales(world.database) == before, "nothing of the stale save was written"
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entrepreneur_id(r) == world.ids["ไหม"])
    assert amounts_of(tab, row)[0] == 4_200 and not tab.model.is_dirty() and "โหลดข้อมูลล่าสุดแล้ว" in tab.banner.text()


def test_copied_cells_reach_a_spreadsheet_as_text_not_formulas(qtbot, world, messages):
    from tests.conftest import add_entrepreneur, save

    hostile = add_entrepreneur(world.database, world.province, "=1+1", "340101")
    save(world.database, world.province, 2569, 8, {hostile: (12_345, None, None, None)})
    window = open_window(qtbot, world.database, world.mueang, today=SEPTEMBER, tab="entry_tab")
    tab = window.entry_tab
    pick_month(tab, 8)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 1).data() == "=1+1")
    tab.view.selectionModel().clearSelection()
    for column in (1, FIRST_AMOUNT):
        tab.view.selectionModel().select(tab.model.index(row, column), tab.view.selectionModel().SelectionFlag.Select)
    tab.view.copy()
    assert QApplication.clipboard().text() == "'=1+1\t123.45"


def test_the_line_under_the_grid_counts_the_rows_sync_brought_as_the_totals_row_does(qtbot, world, messages):
    window = open_window(qtbot, world.database, world.mueang, today=SEPTEMBER, tab="entry_tab")
    window.resize(1366, 768)
    tab = window.entry_tab
    pick_month(tab, 9)
    assert tab.footer.text() == "ผู้ประกอบการในรายชื่อของเดือน 0 ราย"
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    assert tab.footer_totals.model().text(1) == "2 ราย"
    assert tab.footer.text() == "ผู้ประกอบการในรายชื่อของเดือน 2 ราย (ดึงมาด้วย Sync ยังไม่ได้บันทึก 2 ราย)"  # was "0 ราย"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.footer.text().startswith("ผู้ประกอบการในรายชื่อของเดือน 2 ราย · แก้ไขล่าสุดโดย mueang")


def test_the_line_under_the_grid_names_who_saved_last_as_people_read_it(qtbot, world):
    window = open_window(
        qtbot, world.database, world.mueang, tab="entry_tab"
    )  # the world's months were saved by 'prov'
    tab = window.entry_tab
    pick_month(tab, 8)
    assert "แก้ไขล่าสุดโดย นางสมศรี ใจดี เมื่อ" in tab.footer.text(), tab.footer.text()


def test_a_person_added_after_the_window_opened_is_named_too(qtbot, world):
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")  # the names are read as it opens
    with world.database.unit_of_work() as uow:
        newcomer = auth.create_user(
            uow=uow,
            user=world.admin,
            username="newcomer",
            password=PASSWORD,
            role="district",
            area_code="3401",
            display_name="นางใหม่ เพิ่งมา",
        )
        uow.commit()
    save(world.database, newcomer, 2569, 8, {world.ids["ไหม"]: (1, None, None, None)})
    tab = window.entry_tab
    pick_month(tab, 7)
    pick_month(tab, 8)  # the month again, with the newcomer's save
    settle()
    assert "แก้ไขล่าสุดโดย นางใหม่ เพิ่งมา เมื่อ" in tab.footer.text(), tab.footer.text()


def test_a_month_locked_while_it_was_edited_is_offered_as_it_now_stands(qtbot, world, messages):
    from otop_desktop.services import locks

    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")  # August 2569
    tab = window.entry_tab
    settle()
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entrepreneur_id(r) == world.ids["ไหม"])
    type_into_cell(qtbot, tab.view, row, FIRST_AMOUNT, "99")
    with world.database.unit_of_work() as uow:  # the province confirms the month meanwhile
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    before = sales(world.database)
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("question", "เดือนนี้ล็อกข้อมูลแล้ว") and "ถูกล็อก" in text and "โหลดข้อมูลล่าสุด" in text
    assert sales(world.database) == before
    assert not tab.model.is_dirty() and not tab.save_button.isEnabled() and "ล็อก" in tab.banner.text()


def test_a_save_from_the_grid_hands_what_it_showed_and_writes_without_reading_the_month(
    qtbot, world, messages, monkeypatch
):
    """The grid hands each edited row's figures and import with its revision (sales_model.changes), so the save
    writes without reading the month's rows again (saving._save_as_seen)."""
    from otop_desktop.services import saving
    from otop_desktop.services.reports import summary

    read = saving._area_month
    reads = []
    monkeypatch.setattr(saving, "_area_month", lambda *args: reads.append(args[1].username) or read(*args))
    # The usual months hold for a save once the monthly summary is rebuilt (entry.history_mark), which the
    # dashboard does off the GUI thread as the window opens: rebuilt first, as on any day after the first, so the
    # grid's read of them does not race the dashboard's (under load the grid read first, and its save read again).
    with world.database.unit_of_work() as uow:
        summary.refresh(uow)
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    settle()
    pick_month(tab, 8)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entrepreneur_id(r) == world.ids["ไหม"])
    type_into_cell(qtbot, tab.view, row, FIRST_AMOUNT, "10,000.01")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.banner.text().startswith("บันทึกข้อมูลเรียบร้อย เมื่อ"), messages.shown
    assert reads == []
    assert dict(sales_of_month(world.database, 8))[world.ids["ไหม"]] == 1_000_001


def test_after_a_refused_save_the_reloaded_month_keeps_the_edits_of_rows_nobody_saved(qtbot, world, messages):
    """Two rows edited, one of them saved meanwhile on another PC: reloading shows that row's new figure and types
    the officer's edit of the other again (unsaved, undoable), so only the row in conflict is lost."""
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    settle()
    pick_month(tab, 8)
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    row_of = {tab.model.entrepreneur_id(r): r for r in range(tab.model.rowCount())}
    type_into_cell(qtbot, tab.view, row_of[silk], FIRST_AMOUNT, "99")
    type_into_cell(qtbot, tab.view, row_of[rice], FIRST_AMOUNT, "77")
    save(world.database, world.province, 2569, 8, {silk: (4_200, 0, 0, 0)})  # another office PC
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    asked = messages.shown[-2][2]  # the question, then what was typed beside what is saved (the last box)
    assert "ยอดที่ท่านแก้ไขไว้จะยังอยู่" in asked and "ยกเว้นรายที่มีผู้บันทึกตัวเลขไปก่อน" in asked
    assert "ท่านพิมพ์ 99.00 · บันทึกไว้ 42.00" in messages.shown[-1][2]
    row_of = {tab.model.entrepreneur_id(r): r for r in range(tab.model.rowCount())}
    assert amounts_of(tab, row_of[silk])[0] == 4_200  # the figure saved meanwhile
    assert amounts_of(tab, row_of[rice])[0] == 7_700 and tab.model.is_dirty()  # typed again, not saved yet
    assert "ยอดที่ท่านแก้ไขไว้ของ 1 รายยังอยู่ (ยังไม่ได้บันทึก)" in tab.banner.text()
    assert dict(sales_of_month(world.database, 8))[rice] == 500_050
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    saved = dict(sales_of_month(world.database, 8))
    assert (saved[silk], saved[rice]) == (4_200, 7_700)


def test_rows_sync_brought_and_typed_come_back_after_a_refused_save(qtbot, world, messages):
    """A row Sync brought (not listed yet) and typed, beside a row saved elsewhere meanwhile: the reload puts the
    Sync row back with its amount (a reload alone lists only what is saved)."""
    from tests.conftest import add_entrepreneur

    newcomer = add_entrepreneur(world.database, world.province, "กลุ่มจักสานบ้านใหม่", "340101")
    save(world.database, world.province, 2569, 7, {newcomer: (10_000, None, None, None)})  # on July's list only
    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    settle()
    pick_month(tab, 8)
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    row_of = {tab.model.entrepreneur_id(r): r for r in range(tab.model.rowCount())}
    type_into_cell(qtbot, tab.view, row_of[newcomer], FIRST_AMOUNT, "55")
    type_into_cell(qtbot, tab.view, row_of[world.ids["ไหม"]], FIRST_AMOUNT, "99")
    save(world.database, world.province, 2569, 8, {world.ids["ไหม"]: (4_200, 0, 0, 0)})  # another office PC
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    row_of = {tab.model.entrepreneur_id(r): r for r in range(tab.model.rowCount())}
    assert newcomer in row_of and amounts_of(tab, row_of[newcomer])[0] == 5_500 and tab.model.is_dirty()
    assert amounts_of(tab, row_of[world.ids["ไหม"]])[0] == 4_200
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert dict(sales_of_month(world.database, 8))[newcomer] == 5_500


def test_rows_another_pc_listed_without_figures_keep_what_this_officer_typed(qtbot, world, messages):
    """Two PCs Sync the same empty month; the other saves first, the list with one figure typed. This officer's
    save is refused (every row was saved meanwhile); at the reload the row the other PC saved blank keeps this
    officer's figure (nothing of it was changed), and the row it gave a figure shows that figure."""
    window = open_window(qtbot, world.database, world.mueang, today=SEPTEMBER, tab="entry_tab")
    tab = window.entry_tab
    pick_month(tab, 9)
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    row_of = {tab.model.entrepreneur_id(r): r for r in range(tab.model.rowCount())}
    type_into_cell(qtbot, tab.view, row_of[silk], FIRST_AMOUNT, "55")
    type_into_cell(qtbot, tab.view, row_of[rice], FIRST_AMOUNT, "33")
    save(world.database, world.mueang, 2569, 9, {silk: (1_500_00, None, None, None), rice: (None,) * 4})  # the other PC
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    row_of = {tab.model.entrepreneur_id(r): r for r in range(tab.model.rowCount())}
    assert amounts_of(tab, row_of[rice])[0] == 3_300 and tab.model.is_dirty()  # kept: the other PC typed nothing
    assert amounts_of(tab, row_of[silk])[0] == 1_500_00  # the other PC's figure
    assert "1 รายมีผู้บันทึกตัวเลขไปก่อน" in tab.banner.text()


def test_sync_over_a_month_listed_elsewhere_since_shows_that_list_not_none(qtbot, world, messages):
    """The grid showed September with no list; another PC (or the command line) listed it since. Sync read the
    grid, not the month: "ครบแล้ว (0 ราย)" over an empty table. Now it reads the month again first."""
    window = open_window(qtbot, world.database, world.mueang, today=SEPTEMBER, tab="entry_tab")
    tab = window.entry_tab
    pick_month(tab, 9)
    assert tab.model.rowCount() == 0
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    save(world.database, world.mueang, 2569, 9, {silk: (None,) * 4, rice: (12_300, None, None, None)})  # elsewhere
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.model.rowCount() == 2 and not tab.model.is_dirty()
    assert "ครบแล้ว (2 ราย)" in tab.banner.text()


def test_a_full_disk_at_the_save_is_said_in_thai_as_on_the_command_line(qtbot, world, messages, monkeypatch):
    """SQLite's "database or disk is full" (or a read-only file) at the save came up as the box of an unexpected
    error with a traceback; the unit of work says it in Thai, and nothing is saved."""
    import sqlite3

    from otop_desktop.services import saving

    def full(**_):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    window = open_window(qtbot, world.database, world.mueang, tab="entry_tab")
    tab = window.entry_tab
    settle()
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entrepreneur_id(r) == world.ids["ไหม"])
    type_into_cell(qtbot, tab.view, row, FIRST_AMOUNT, "99")
    before = sales(world.database)
    monkeypatch.setattr(saving, "save_month", full)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    kind, title, text = messages.shown[-1]  # a Critical box fails the test (DialogRecorder): this is a warning
    assert kind == "warning" and "พื้นที่ในดิสก์เต็ม" in text and "ไม่ได้บันทึก" in text, messages.shown
    assert sales(world.database) == before and tab.model.is_dirty()
