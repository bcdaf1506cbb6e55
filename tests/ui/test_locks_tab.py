"""The ล็อกข้อมูล tab driven like provincial staff: the four buttons, the status line, the table, history;
and a locked month seen from the entry tab and refused with the CLI's own message."""

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from otop_desktop.cli import main
from otop_desktop.services import areas, locks
from otop_desktop.ui.list_question import ListQuestion
from otop_desktop.ui.locks_tab import LOCKED, NOTHING_ENTERED, PARTLY_ENTERED
from otop_desktop.ui.sales_model import FIRST_AMOUNT
from tests.conftest import LONG_AGO, PASSWORD, add_entrepreneur
from tests.engines import location, rows
from tests.ui.conftest import open_window, settle, type_into_cell

YEAR, MONTH = 2569, 8


@pytest.fixture
def reasons(monkeypatch):
    given = {"text": "แก้ยอดที่กรอกผิด", "ok": True, "asked": []}

    def get_text(parent, title, label, *args, **kwargs):
        given["asked"].append(label)
        return given["text"], given["ok"]

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return given


def lock_rows(database):
    return {
        (d, m): int(locked) for d, m, locked in rows(database, "SELECT district_code, month, locked FROM district_lock")
    }


def row_of(tab, code):
    return next(r for r, d in enumerate(tab.overview.districts) if d.district_code == code)


def cell(tab, code, column):
    return tab.table_model.rows[row_of(tab, code)][column]


LOCK_DAY = date(2026, 9, 3)  # August 2569 may be locked from its last day (periods.check_month_at_end)


def open_locks(qtbot, world, user, today=LOCK_DAY):
    """The tab on August 2569 (it opens on the month due, here October 2568: nothing in the fixture is confirmed),
    on `today`: by default 3 September 2569, August ended and not yet past its deadline (the 5th)."""
    window = open_window(qtbot, world.database, user, today=today, tab="locks_tab")
    window.locks_tab.picker.set_period(YEAR, MONTH)
    return window, window.locks_tab


def test_the_four_buttons(qtbot, world, messages, reasons):
    messages.answer = QMessageBox.StandardButton.Yes
    window, tab = open_locks(qtbot, world, world.province)
    assert tab.province_status.text() == "สถานะการล็อกข้อมูลระดับจังหวัด (อำเภอที่ล็อกข้อมูล: 0/25 อำเภอ)"

    tab.select_district("3415")
    qtbot.mouseClick(tab.lock_district_button, Qt.MouseButton.LeftButton)  # button 1
    assert messages.shown[-1][0] == "question" and "วารินชำราบ" in messages.shown[-1][2]
    assert cell(tab, "3415", 2) == "ล็อกแล้ว" and cell(tab, "3415", 3) == "นางสมศรี ใจดี"
    assert "(อำเภอที่ล็อกข้อมูล: 1/25 อำเภอ)" in tab.province_status.text()
    assert lock_rows(world.database) == {("3415", MONTH): 1}
    assert tab.selected_district() == "3415" and not tab.lock_district_button.isEnabled()

    qtbot.mouseClick(tab.unlock_district_button, Qt.MouseButton.LeftButton)  # button 2
    assert reasons["asked"] and cell(tab, "3415", 2) == "ยังไม่ล็อก" and cell(tab, "3415", 5) == "แก้ยอดที่กรอกผิด"
    assert lock_rows(world.database) == {("3415", MONTH): 0}
    assert [row[2] for row in tab.history_model.rows] == ["ปลดล็อก", "ล็อก"]

    qtbot.mouseClick(tab.lock_province_button, Qt.MouseButton.LeftButton)  # button 3
    assert tab.province_status.text().startswith("สถานะการล็อกข้อมูลระดับจังหวัด (อำเภอที่ล็อกข้อมูล: 25/25 อำเภอ)")
    assert all(row[2] == "ล็อกแล้ว" for row in tab.table_model.rows)
    assert not tab.unlock_district_button.isEnabled() and "ยืนยันทั้งจังหวัดแล้ว" in tab.deadline_label.text()
    assert set(lock_rows(world.database).values()) == {1} and len(lock_rows(world.database)) == 25

    qtbot.mouseClick(tab.unlock_province_button, Qt.MouseButton.LeftButton)  # button 4
    assert "(อำเภอที่ล็อกข้อมูล: 0/25 อำเภอ)" in tab.province_status.text()
    assert set(lock_rows(world.database).values()) == {0}


def test_unlocking_the_province_keeps_the_districts_confirmed_before_it(qtbot, world, messages, reasons):
    """Button 4 takes back button 3, not the confirmations given one district at a time before it (DHIS2 takes
    back an approval one level up the same way); the question says how many stay locked."""
    messages.answer = QMessageBox.StandardButton.Yes
    window, tab = open_locks(qtbot, world, world.province)
    tab.select_district("3415")
    qtbot.mouseClick(tab.lock_district_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.lock_province_button, Qt.MouseButton.LeftButton)
    assert "25/25" in tab.province_status.text()
    tab.select_district("3415")  # locked with the province: its own unlock waits, and the button says why
    assert not tab.unlock_district_button.isEnabled()
    assert "กรุณาปลดล็อกทั้งจังหวัดก่อน" in tab.unlock_district_button.toolTip()
    qtbot.mouseClick(tab.unlock_province_button, Qt.MouseButton.LeftButton)
    assert "1 อำเภอที่ยืนยันไว้ก่อนจะยังล็อกอยู่" in reasons["asked"][-1]
    assert "(อำเภอที่ล็อกข้อมูล: 1/25 อำเภอ)" in tab.province_status.text() and cell(tab, "3415", 2) == "ล็อกแล้ว"
    assert lock_rows(world.database)[("3415", MONTH)] == 1 and sum(lock_rows(world.database).values()) == 1


def test_no_means_no_and_an_empty_reason_unlocks_nothing(qtbot, world, messages, reasons):
    window, tab = open_locks(qtbot, world, world.province)
    messages.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(tab.lock_province_button, Qt.MouseButton.LeftButton)
    assert lock_rows(world.database) == {}
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.lock_district_button, Qt.MouseButton.LeftButton)
    reasons["text"] = "   "
    qtbot.mouseClick(tab.unlock_district_button, Qt.MouseButton.LeftButton)
    assert "เหตุผล" in messages.shown[-1][2] and lock_rows(world.database) == {("3401", MONTH): 1}


def four_buttons(tab) -> tuple:
    """The letter's four lock and unlock buttons."""
    return tab.lock_district_button, tab.unlock_district_button, tab.lock_province_button, tab.unlock_province_button


def test_district_user_sees_its_own_state_read_only(qtbot, world, messages):
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH)
    window, tab = open_locks(qtbot, world, world.mueang)
    assert [d.district_code for d in tab.overview.districts] == ["3401"]
    assert "1/25" in tab.province_status.text() and "(ล็อกแล้ว)" in tab.district_status.text()
    assert not any(button.isEnabled() for button in four_buttons(tab))


def test_the_department_is_told_it_does_not_lock_and_no_button_is_offered(qtbot, world, messages):
    """The department's lock tab read "อำเภอที่ล็อกข้อมูล: 0/0 อำเภอ" over an empty table with the whole province's
    two buttons live: a click asked to confirm "ทั้งจังหวัด" without naming one, and only then refused."""
    from otop_desktop.core.users import NATIONAL, UserInfo

    window, tab = open_locks(qtbot, world, UserInfo("dept", "department", NATIONAL, "", ""))
    assert tab.overview.districts == () or list(tab.overview.districts) == []
    assert tab.province_status.text().startswith("กรมฯ ไม่ล็อกข้อมูล: แต่ละจังหวัดยืนยัน (ล็อก) ข้อมูลของตนเอง")
    assert not any(button.isEnabled() for button in four_buttons(tab))
    assert tab.lock_province_button.toolTip().startswith("กรมฯ ไม่ล็อกข้อมูล")


def test_a_month_before_its_last_day_offers_no_lock_and_says_from_when(qtbot, world, messages):
    """On 20 August the lock asked "ยืนยันข้อมูลเดือนสิงหาคม 2569…?" and refused only after ใช่: a month is locked from
    its last day, and before it the lock buttons are off, the panel saying from which day."""
    window, tab = open_locks(qtbot, world, world.province, today=date(2026, 8, 20))
    assert tab.province_status.text().endswith(" · ล็อกได้ตั้งแต่ 31 สิงหาคม 2569 (วันสิ้นเดือน)")  # the whole on the buttons
    assert not tab.lock_province_button.isEnabled() and not tab.lock_district_button.isEnabled()
    assert "ยังไม่ถึงวันสิ้นเดือน" in tab.lock_province_button.toolTip()
    assert messages.shown == []


def answer_list_question(qtbot, monkeypatch, yes: bool, shot=None) -> dict:
    """The province lock's question about a list, shown and answered with a click; what it showed is returned."""
    asked = {}

    def answer(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        asked.update(
            intro=dialog.intro.text(),
            rows=[list(row) for row in dialog.model.rows],
            height=dialog.frameGeometry().height(),
            scrolls=dialog.table.verticalScrollBar().maximum() > 0,
            name_fits=dialog.table.columnWidth(0)
            >= max(dialog.table.fontMetrics().horizontalAdvance(row[0]) for row in dialog.model.rows),
        )
        if shot:
            dialog.grab().save(str(shot))
        qtbot.mouseClick(dialog.yes_button if yes else dialog.no_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ListQuestion, "exec", answer)
    return asked


def with_missing_reports(world):
    """District 3402 (ศรีเมืองใหม่) gets an entrepreneur but enters nothing; Warin lists a second one without figures."""
    add_entrepreneur(world.database, world.province, "กลุ่มจักสานนาคำ", "340201", added=LONG_AGO)
    add_entrepreneur(world.database, world.province, "กลุ่มผ้าทอวาริน", "341501", list_in=(YEAR, MONTH))


def test_districts_with_nothing_or_part_entered_are_marked_and_stay_marked_when_locked(
    qtbot, world, messages, monkeypatch
):
    with_missing_reports(world)
    window, tab = open_locks(qtbot, world, world.province)
    assert cell(tab, "3402", 6) == "ยังไม่กรอกเลย (0 จาก 1 ราย)" and cell(tab, "3402", 7) == "ยังไม่บันทึกข้อมูล"
    assert cell(tab, "3415", 6) == "กรอกแล้ว 1 จาก 2 ราย" and cell(tab, "3401", 6) == "ครบ 3 ราย"
    assert tab.table_model.tooltips[row_of(tab, "3401")] is None
    assert "ยังกรอกไม่ครบ 2 อำเภอ" in tab.province_status.text()

    asked = answer_list_question(qtbot, monkeypatch, yes=True)
    qtbot.mouseClick(tab.lock_province_button, Qt.MouseButton.LeftButton)
    assert "มี 2 อำเภอที่ยังกรอกยอดเดือนสิงหาคม 2569 ไม่ครบ" in asked["intro"]
    assert asked["rows"] == [["อำเภอศรีเมืองใหม่", "ยังไม่กรอกเลย (0 จาก 1 ราย)"], ["อำเภอวารินชำราบ", "กรอกแล้ว 1 จาก 2 ราย"]]
    assert tab.overview.province_locked
    for code, background in (("3402", NOTHING_ENTERED), ("3415", PARTLY_ENTERED), ("3401", LOCKED)):
        assert cell(tab, code, 2) == "ล็อกแล้ว"
        assert tab.table_model.index(row_of(tab, code), 0).data(Qt.ItemDataRole.BackgroundRole) == background
    assert "ยังกรอกไม่ครบ 2 อำเภอ" in tab.province_status.text()
    history = [tab.history_model.rows[r] for r in range(tab.history_model.rowCount())]
    assert any("ยืนยันทั้งที่ยังกรอกไม่ครบ 2 อำเภอ" in row[4] for row in history)


def test_entry_tab_of_a_locked_month_is_read_only(qtbot, world, messages):
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH)
    window = open_window(qtbot, world.database, world.mueang)
    tab = window.entry_tab
    assert tab.banner.text().startswith("เดือนนี้ล็อก (ยืนยันข้อมูล) แล้ว โดย นางสมศรี ใจดี")
    assert not tab.save_button.isEnabled() and not tab.sync_button.isEnabled()
    assert not tab.model.is_editable(0, FIRST_AMOUNT)
    tab.view.setCurrentIndex(tab.model.index(0, FIRST_AMOUNT))
    qtbot.keyClick(tab.view, "5")
    assert tab.view.indexWidget(tab.model.index(0, FIRST_AMOUNT)) is None


def test_a_month_locked_while_typing_is_refused_with_the_clis_message(qtbot, world, messages, monkeypatch, capsys):
    window = open_window(qtbot, world.database, world.mueang)
    tab = window.entry_tab
    type_into_cell(qtbot, tab.view, 0, FIRST_AMOUNT, "777")
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=YEAR, month=MONTH)
    before = rows(world.database, "SELECT * FROM monthly_sale ORDER BY 1, 2, 3")
    messages.answer = QMessageBox.StandardButton.No  # keep the typed figures on screen
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    kind, title, shown = messages.shown[-1]
    assert kind == "question" and title == "เดือนนี้ล็อกข้อมูลแล้ว"  # the month as it now stands is offered
    gui_message, offer = shown.split("\n\n")
    assert offer.startswith("โหลดข้อมูลล่าสุดตอนนี้หรือไม่?")
    assert tab.banner.text() == "ยังไม่ได้บันทึก: เดือนนี้ถูกล็อก (ยืนยันข้อมูล) แล้ว" and tab.model.is_dirty()

    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    code = main(
        [
            *location(world.database),
            "entry",
            "set",
            "--user",
            "mueang",
            "--year",
            str(YEAR),
            "--month",
            str(MONTH),
            str(world.ids["ไหม"]),
            "777",
            "",
            "",
            "",
        ]
    )
    assert code == 2
    assert capsys.readouterr().err.strip() == f"ข้อผิดพลาด: {gui_message}"
    assert rows(world.database, "SELECT * FROM monthly_sale ORDER BY 1, 2, 3") == before
    settle()


def test_the_tab_opens_on_the_month_due_first_orange_when_close(qtbot, world, messages):
    """4 December 2569, October confirmed: November is due tomorrow and comes before December (due in 32 days)."""
    with world.database.unit_of_work() as uow:
        locks.lock_province(uow=uow, user=world.province, fiscal_year=2570, month=10, incomplete_ok=True)
    window = open_window(qtbot, world.database, world.province, today=date(2026, 12, 4), tab="locks_tab")
    window.resize(1366, 768)
    tab = window.locks_tab
    assert (tab.picker.year, tab.picker.month) == (2570, 11)
    assert tab.picker.month_box.currentText() == "พฤศจิกายน 2569"
    assert tab.deadline_label.text() == "กำหนดยืนยันข้อมูล 5 ธันวาคม 2569 (อีก 1 วัน)"
    assert "#e65100" in tab.deadline_label.styleSheet()  # orange: three days or fewer

    tab.picker.month_box.setCurrentIndex(tab.picker.month_box.findData(10))  # October, confirmed: green
    assert "ยืนยันทั้งจังหวัดแล้ว" in tab.deadline_label.text() and "#1b5e20" in tab.deadline_label.styleSheet()
    late_window = open_window(qtbot, world.database, world.province, today=date(2026, 12, 7), tab="locks_tab")
    late = late_window.locks_tab
    assert (late.picker.month, late.deadline_label.text()) == (11, "กำหนดยืนยันข้อมูล 5 ธันวาคม 2569 (เลยกำหนด 2 วัน)")
    assert "#b71c1c" in late.deadline_label.styleSheet()  # red once late
    warin_window = open_window(qtbot, world.database, world.warin, today=date(2026, 12, 7), tab="locks_tab")
    warin = warin_window.locks_tab  # a district's officer cannot lock: told, not alarmed in red
    assert "เลยกำหนด" in warin.deadline_label.text() and "#b71c1c" not in warin.deadline_label.styleSheet()
    assert "#e65100" in warin.deadline_label.styleSheet()  # but orange, not the green of all being well


def test_the_province_lock_question_lists_every_incomplete_district_in_a_scrolling_list(
    qtbot, world, messages, monkeypatch
):
    with world.database.unit_of_work() as uow:
        districts = areas.list_districts(uow=uow, user=world.province)
        tambons = {d.code: areas.list_tambons(uow=uow, user=world.province, district_code=d.code)[0] for d in districts}
    for district in districts:  # every district lists one more entrepreneur than it entered
        add_entrepreneur(
            world.database, world.province, "กลุ่มที่ยังไม่ส่งยอด", tambons[district.code].code, list_in=(YEAR, MONTH)
        )
    window, tab = open_locks(qtbot, world, world.province)
    window.resize(1366, 740)
    asked = answer_list_question(
        qtbot,
        monkeypatch,
        yes=False,
        shot=os.environ.get("OTOP_TEST_SHOTS") and os.path.join(os.environ["OTOP_TEST_SHOTS"], "lock-question.png"),
    )
    qtbot.mouseClick(tab.lock_province_button, Qt.MouseButton.LeftButton)
    assert len(asked["rows"]) == 25 and "มี 25 อำเภอ" in asked["intro"]
    assert asked["height"] <= 600 and asked["scrolls"] and asked["name_fits"]
    assert not tab.overview.province_locked  # the officer said no


def test_on_a_1366_by_768_screen_the_districts_take_the_height_and_the_history_below_can_be_drawn_taller(
    qtbot, world, messages
):
    """A laptop's screen: the districts' table gets what the window has to spare, the chosen district's history
    a strip below it, and the line between them moves (the history had a fixed height and left 8 of the 25
    districts in view)."""
    window, tab = open_locks(qtbot, world, world.province)
    window.resize(1366, 728)
    settle()
    assert tab.table.height() > 3 * tab.history.height()
    table, lower = tab.splitter.sizes()
    tab.splitter.setSizes([table - 200, lower + 200])  # the officer drags the line up to read a long history
    settle()
    assert tab.history.height() > 250
