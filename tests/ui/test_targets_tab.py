"""The ค่าเป้าหมาย tab: the same figures as the service, colours by tier, the import dialog's choices,
and the exported workbook read back cell by cell."""

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from otop_desktop.services.money import format_baht
from otop_desktop.services.targets import rule
from otop_desktop.ui import file_dialogs, target_import_dialog, targets_tab
from tests.engines import connect
from tests.ui.conftest import open_window, settle

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def with_targets(world):
    with world.database.unit_of_work() as uow:
        rule.save_settings(
            uow=uow, user=world.province, fiscal_year=2569, base_year=2568, factor="0.926", percents=(2, 3, 4)
        )
    with world.database.unit_of_work() as uow:
        rule.save_base(uow=uow, user=world.province, fiscal_year=2569, district_code="3401", base_satang=2_000_000)
        rule.save_base(uow=uow, user=world.province, fiscal_year=2569, district_code="3415", base_satang=900_000_000)
        uow.commit()
    return world


def open_targets(qtbot, world, user):
    window = open_window(qtbot, world.database, user, tab="targets_tab")
    return window, window.targets_tab


def service_table(world, user, year=2569, round_no=1):
    with world.database.unit_of_work() as uow:
        return rule.target_table(uow=uow, user=user, fiscal_year=year, round_no=round_no)


def test_tab_shows_the_services_figures_coloured_by_tier(qtbot, with_targets, messages):
    window, tab = open_targets(qtbot, with_targets, with_targets.province)
    table = service_table(with_targets, with_targets.province)
    mueang = next(line for line in table.lines if line.district_code == "3401")
    row = next(r for r, cells in enumerate(tab.model.rows) if cells[1] == "เมืองอุบลราชธานี")
    shown = tab.model.rows[row]
    assert shown[2:8] == [
        format_baht(v) for v in (mueang.base, mueang.figures.adjusted, mueang.figures.round_base, *mueang.figures.tiers)
    ]
    assert shown[9] == mueang.achievement.tier_name == "ขั้นสูง"
    assert tab.model.backgrounds[row] is targets_tab.TIER_BRUSHES[3]
    warin = tab.model.rows[next(r for r, c in enumerate(tab.model.rows) if c[1] == "วารินชำราบ")]
    assert warin[9] == "ยังไม่ถึงขั้นต้น"
    assert tab.model.rows[-1][1] == "รวม 2 จาก 25 อำเภอที่มีเป้าหมาย" and tab.model.rows[-1][2] == format_baht(
        table.total.base
    )
    assert "ขั้นสูง +4%" in tab.rule_label.text()
    tab.round_box.setCurrentIndex(1)
    assert tab.model.rows[row][4] == format_baht(mueang.figures.adjusted)  # round 2 is judged on the whole year


def test_export_writes_the_letters_layout_with_the_same_figures(qtbot, with_targets, messages, monkeypatch, tmp_path):
    target = tmp_path / "rule.xlsx"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    window, tab = open_targets(qtbot, with_targets, with_targets.province)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    settle()  # the workbook is written off the GUI thread
    sheet = load_workbook(target).active
    assert sheet["A1"].value == "เป้าหมายตัวชี้วัดรายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP"
    assert sheet["A2"].value == "ประจำปีงบประมาณ พ.ศ. 2569 (เดือนตุลาคม 2568 - มีนาคม 2569) รอบการประเมินที่ 1"
    assert sheet["A3"].value == "จังหวัดอุบลราชธานี"
    assert sheet["H4"].value == "ค่าเป้าหมายขั้นสูง ปี 2569 (เพิ่มขึ้น 4%)"
    table = service_table(with_targets, with_targets.province)
    for excel_row, line in zip(sheet.iter_rows(min_row=5, values_only=True), [*table.lines, table.total]):
        assert excel_row[1] == line.district_name
        if line.figures:
            figures = [line.base, line.figures.adjusted, line.figures.round_base, *line.figures.tiers]
            assert [Decimal(str(v)) for v in excel_row[2:8]] == [Decimal(v) / 100 for v in figures]
    assert sheet["C5"].number_format == "#,##0.00"
    assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4


def test_import_dialog_saves_only_the_officers_choice(qtbot, world, messages, monkeypatch):
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(DATA / "round1.csv"), ""))
    window, tab = open_targets(qtbot, world, world.province)
    tab.year_box.setCurrentIndex(tab.year_box.findData(2569))

    def choose(dialog):
        qtbot.addWidget(dialog)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert not save.isEnabled()  # row 19 (บุญศรี → บุณฑริก) waits for confirmation
        assert dialog.disagreements.rowCount() > 0 and "ข้อสังเกต" in dialog.hints.text()
        for row in range(dialog.rows.rowCount()):
            dialog.rows.cellWidget(row, 4).setChecked(True)
        assert save.isEnabled()
        first = dialog.rows.cellWidget(0, 5)
        first.setCurrentIndex(first.findData(target_import_dialog.PRINTED))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(target_import_dialog.TargetImportDialog, "exec", choose)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    with connect(world.database) as con:
        assert con.execute("SELECT district_code FROM printed_target").fetchall() == [("3401",)]
        assert con.execute("SELECT count(*) FROM district_base WHERE source='imported'").fetchone()[0] == 25
    assert tab.model.rows[0][3] == "1,563,259,697.00" and tab.model.tooltips[0]


def test_cancelling_the_import_saves_nothing(qtbot, world, messages, monkeypatch):
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(DATA / "round2.csv"), ""))
    monkeypatch.setattr(target_import_dialog.TargetImportDialog, "exec", lambda dialog: dialog.reject() or 0)
    window, tab = open_targets(qtbot, world, world.province)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    with connect(world.database) as con:
        assert con.execute("SELECT count(*) FROM district_base").fetchone()[0] == 0


def test_a_district_user_sees_its_own_row_only_read_only(qtbot, with_targets, messages):
    window, tab = open_targets(qtbot, with_targets, with_targets.warin)
    assert [cells[1] for cells in tab.model.rows] == ["วารินชำราบ"]  # no province total: not a district's to see
    assert not tab.import_button.isEnabled() and not tab.settings_button.isEnabled() and tab.export_button.isEnabled()
    assert "ดับเบิลคลิก" not in tab.legend.text()


def test_a_district_user_without_targets_is_not_told_to_press_the_provinces_buttons(qtbot, world, messages):
    window, tab = open_targets(qtbot, world, world.warin)
    assert tab.empty_label.isVisibleTo(tab)
    assert "คำนวณยอดปีฐาน" not in tab.empty_label.text() and "จังหวัด" in tab.empty_label.text()
    warin = tab.model.rows[0]
    assert warin[1] == "วารินชำราบ" and warin[8] == format_baht(6 * 300_001)  # actual sales shown before targets exist
    assert warin[2] == "-"


def test_achievement_columns_fit_a_1366_pixel_screen(qtbot, with_targets, messages):
    window, tab = open_targets(qtbot, with_targets, with_targets.province)
    window.resize(1366, 740)
    settle()
    header = tab.view.horizontalHeader()
    tier_column = 9
    right = header.sectionViewportPosition(tier_column) + header.sectionSize(tier_column)
    assert not header.isSectionHidden(tier_column) and right <= tab.view.viewport().width()
    assert header.isSectionHidden(2) and header.isSectionHidden(3)  # base-year columns fold away
    tab.show_bases.setChecked(True)
    assert not header.isSectionHidden(2)


def test_double_click_types_a_districts_base(qtbot, with_targets, messages, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("๑,๐๐๐,๐๐๐", True))
    window, tab = open_targets(qtbot, with_targets, with_targets.province)
    row = next(r for r, cells in enumerate(tab.model.rows) if cells[1] == "วารินชำราบ")
    tab.enter_base(tab.model.index(row, 2))
    assert tab.model.rows[row][2] == "1,000,000.00"
    assert service_table(with_targets, with_targets.province).lines[row].base_source == "entered"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("-5", True))
    tab.enter_base(tab.model.index(row, 2))
    assert "ติดลบ" in messages.shown[-1][2] and tab.model.rows[row][2] == "1,000,000.00"


def test_a_stale_base_is_shown_with_the_way_to_recompute(qtbot, world, messages):
    from tests.conftest import save

    save(world.database, world.province, 2568, 5, {world.ids["ไหม"]: (1_000_000, None, None, None)})
    with world.database.unit_of_work() as uow:
        rule.bases_from_data(uow=uow, user=world.province, fiscal_year=2569)
    save(world.database, world.province, 2568, 6, {world.ids["ข้าว"]: (250_000, None, None, None)})
    window, tab = open_targets(qtbot, world, world.province)
    assert tab.stale_label.isVisibleTo(tab) and "เมืองอุบลราชธานี" in tab.stale_label.text()
    assert "คำนวณยอดปีฐานจากข้อมูล" in tab.stale_label.text()
    row = next(r for r, cells in enumerate(tab.model.rows) if cells[1] == "เมืองอุบลราชธานี")
    assert tab.model.tooltips[row] == "ยอดปีฐานคำนวณจากข้อมูลไว้ 10,000.00 บาท แต่ข้อมูลตอนนี้รวม 12,500.00 บาท"
    tab.compute_button.click()
    settle()  # computed off the GUI thread
    assert not tab.stale_label.isVisibleTo(tab) and "คำนวณยอดจำหน่ายปีฐาน 2568" in messages.shown[-1][2]


def test_computing_the_bases_asks_before_it_replaces_printed_figures(qtbot, with_targets, messages):
    """Figures taken in from the letter's table are the officer's choice: computing the bases from data asks first,
    and No keeps them."""
    from otop_desktop.services.targets import printed
    from tests.conftest import save
    from tests.integration.test_target_import import DATA, keep_printed

    table = printed.read_printed_table(DATA / "round1.csv")
    with with_targets.database.unit_of_work() as uow:
        matches = printed.match_districts(uow=uow, user=with_targets.province, table=table)
    keep_printed(with_targets, table, matches, 2569, {"3401"})
    save(
        with_targets.database, with_targets.province, 2568, 5, {with_targets.ids["ไหม"]: (1_000_000, None, None, None)}
    )
    window, tab = open_targets(qtbot, with_targets, with_targets.province)
    messages.answer = QMessageBox.StandardButton.No
    tab.compute_button.click()
    settle()
    assert messages.shown[-1][0] == "question" and "ตารางที่พิมพ์ไว้ 1 อำเภอ" in messages.shown[-1][2]
    assert service_table(with_targets, with_targets.province).lines[0].printed  # kept
    messages.answer = QMessageBox.StandardButton.Yes
    tab.compute_button.click()
    settle()
    assert "คำนวณยอดจำหน่ายปีฐาน 2568" in messages.shown[-1][2]
    assert not any(line.printed for line in service_table(with_targets, with_targets.province).lines)


def test_the_total_rows_share_follows_the_months_ended_not_an_early_save(qtbot, with_targets, messages):
    """20 December 2568: October and November have ended; Warin's December, saved early and a hundredfold,
    moves neither the share nor the province's tier."""
    from datetime import date

    window = open_window(
        qtbot, with_targets.database, with_targets.province, today=date(2025, 12, 20), tab="targets_tab"
    )
    window.resize(1366, 768)
    tab = window.targets_tab
    total = tab.model.rows[-1]
    assert total[9].endswith("(สัดส่วน 2/6 เดือน: ต.ค. พ.ย.)"), total[9]
    assert (
        "ระหว่างรอบ เทียบยอดของ 2/6 เดือนที่พ้นกำหนดยืนยันแล้ว (ต.ค. พ.ย.) กับค่าเป้าหมายตามสัดส่วน"
        " (ช่องยอดจำหน่ายจริงนับทุกเดือนที่กรอกแล้ว)" in tab.rule_label.text()
    )
    with connect(with_targets.database) as con:
        con.execute(
            "UPDATE monthly_sale SET domestic_offline = domestic_offline * 100"
            " WHERE month = 12 AND entrepreneur_id = ?",
            (with_targets.ids["วาริน"],),
        )
    tab.round_box.setCurrentIndex(1)  # round 2, then back: the table is read again
    tab.round_box.setCurrentIndex(0)
    assert tab.model.rows[-1][9] == total[9] and tab.model.backgrounds[-1] is not None
    assert tab.model.rows[-1][8] != total[8]  # the December sales still count in the round's actual


def test_computing_the_bases_asks_before_it_replaces_a_typed_one(qtbot, world, messages):
    """A base the officer typed is theirs too: the window asks, names the district, and No keeps it."""
    from tests.conftest import save

    save(world.database, world.province, 2568, 5, {world.ids["ไหม"]: (1_000_000, None, None, None)})
    with world.database.unit_of_work() as uow:
        rule.enter_base(uow=uow, user=world.province, fiscal_year=2569, district_code="3401", base_satang=77_700)
    window, tab = open_targets(qtbot, world, world.province)
    messages.answer = QMessageBox.StandardButton.No
    tab.compute_button.click()
    settle()
    assert messages.shown[-1][0] == "question" and "กรอกเองไว้ (เมืองอุบลราชธานี)" in messages.shown[-1][2]
    assert {line.district_code: line.base for line in service_table(world, world.province).lines}["3401"] == 77_700
    messages.answer = QMessageBox.StandardButton.Yes
    tab.compute_button.click()
    settle()
    assert "คำนวณยอดจำหน่ายปีฐาน 2568" in messages.shown[-1][2]
    assert {line.district_code: line.base for line in service_table(world, world.province).lines}["3401"] != 77_700
