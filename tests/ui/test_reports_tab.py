"""The รายงาน tab driven like an officer: pick the month, preview จต.๒ in the tab (the right page count),
save it as PDF (a recorded print with its code), print through the print dialog, and verify a code."""

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QMessageBox

from otop_desktop.ui import file_dialogs
from otop_desktop.ui import reports_tab as reports_module
from tests.conftest import LONG_AGO, add_entrepreneur, save
from tests.ui.conftest import open_window, settle


def open_reports(qtbot, world, user, month=8):
    """The reports tab on 20 August 2569 (conftest.TODAY), turned to `month`: it opens on July, the latest month a
    form can certify then (periods.check_month_at_end; the prints themselves run on the real date)."""
    window = open_window(qtbot, world.database, user, tab="reports_tab")
    assert (window.reports_tab.picker.year, window.reports_tab.picker.month) == (2569, 7)
    window.reports_tab.picker.set_period(2569, month)
    return window, window.reports_tab


def test_printing_an_incomplete_month_asks_with_the_months_figures_not_a_placeholder(
    qtbot, world, messages, monkeypatch, tmp_path
):
    """The question read 'แบบที่พิมพ์จะระบุ “กรอกแล้ว n จาก N ราย”': the n and N are the figures listed above it."""
    add_entrepreneur(world.database, world.province, "กลุ่มที่ยังไม่ได้กรอก", "340101", added=LONG_AGO)
    window, tab = open_reports(qtbot, world, world.mueang)
    messages.answer = QMessageBox.StandardButton.No
    target = tmp_path / "จต2.pdf"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *_args: (str(target), ""))
    tab.save_pdf()
    settle()
    assert not target.exists()  # answered no: nothing printed
    asked = [text for kind, _title, text in messages.shown if kind == "question"]
    assert len(asked) == 1 and "กรอกแล้ว 3 จาก 4 ราย" in asked[0], asked  # the closed group counts: it has figures
    assert "n จาก N" not in asked[0] and "ตามรายการข้างต้น" in asked[0]


def test_a_district_previews_saves_and_verifies_its_form(qtbot, world, messages, monkeypatch, tmp_path):
    window, tab = open_reports(qtbot, world, world.mueang)
    assert [tab.district_box.itemData(i) for i in range(tab.district_box.count())] == ["3401"]  # only its own
    tab.preview()
    qtbot.waitUntil(lambda: tab.document.pageCount() > 0, timeout=30000)
    assert tab.document.pageCount() == 1 and "ตัวอย่าง 1 หน้า" in tab.status.text()
    target, offered = tmp_path / "จต2.pdf", []
    monkeypatch.setattr(
        file_dialogs,
        "get_save_file_name",
        lambda _parent, _caption, start, _kinds: offered.append(start) or (str(target), ""),
    )
    tab.save_pdf()
    settle()
    assert target.exists() and "รหัสตรวจสอบ" in tab.status.text()
    code = tab.status.text().rsplit(" ", 1)[-1]

    tab.code_edit.setText(code)
    tab.verify_code()
    assert "ตรงกับข้อมูลในฐานข้อมูลทุกรายการ" in tab.verify_result.text()
    save(world.database, world.mueang, 2569, 8, {world.ids["ไหม"]: (1_000_001, 200_000, None, None)})
    tab.verify_code()
    shown = tab.verify_result.text()
    assert (
        "เปลี่ยนไปหลังพิมพ์ 1 รายการ (ยอด ในประเทศ ออฟไลน์ / ในประเทศ ออนไลน์" in shown
        and "พิมพ์ 10,000.00 / 2,000.00 / - / - ตอนนี้ 10,000.01" in shown
    )
    tab.code_edit.setText("ZZZZZ-ZZZZZ")
    tab.verify_code()
    assert "ไม่พบรหัสตรวจสอบเอกสาร" in tab.verify_result.text()
    tab.picker.set_period(2569, 10)  # October of fiscal 2569: named by its calendar year, 2568
    settle()
    tab.save_pdf()
    settle()
    assert [Path(o).name for o in offered] == ["จต2-3401-2569-08.pdf", "จต2-3401-2568-10.pdf"]


def test_printing_goes_through_the_print_dialog(qtbot, world, messages, monkeypatch):
    window, tab = open_reports(qtbot, world, world.province)
    tab.district_box.setCurrentIndex(tab.district_box.findData("3415"))
    sent = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QPrintDialog.DialogCode.Accepted)
    monkeypatch.setattr(reports_module, "send_to_printer", lambda document, printer: sent.append(document.pageCount()))
    tab.print_form()
    settle()
    assert sent == [1] and "ส่งไปที่เครื่องพิมพ์แล้ว 1 หน้า" in tab.status.text()
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QPrintDialog.DialogCode.Rejected)
    tab.print_form()
    settle()
    assert sent == [1]  # cancelled in the dialog: nothing printed, nothing recorded


def test_a_refused_preview_says_why(qtbot, world, messages, monkeypatch):
    window, tab = open_reports(qtbot, world, world.province)
    tab.district_box.setCurrentIndex(-1)  # no district picked
    tab.preview()
    settle()
    assert messages.shown[-1][0] == "warning" and "รหัสอำเภอ 4 หลัก" in messages.shown[-1][2]


def test_a_month_with_no_list_is_refused_by_the_preview_and_before_asking_where_to_save(qtbot, world, messages):
    """A district's month with no entrepreneur listed: the preview says so as the print does (it drew an empty
    form, "ศูนย์บาทถ้วน"), and saving or printing says so before asking for a file or a printer (the file
    dialogs and the print dialog are not answered here: asking would fail the test)."""
    window, tab = open_reports(qtbot, world, world.mueang)
    tab.picker.set_period(2570, 11)  # November 2569: nothing listed yet
    tab.preview()
    settle()
    assert messages.shown[-1][0] == "warning" and "ยังไม่มีรายชื่อผู้ประกอบการของช่วงเวลานี้" in messages.shown[-1][2]
    assert tab.document.pageCount() == 0
    for press in (tab.save_pdf, tab.print_form):
        shown = len(messages.shown)
        press()
        settle()
        assert len(messages.shown) == shown + 1 and "จึงไม่มีแบบ จต.๒ ให้พิมพ์" in messages.shown[-1][2]


def test_the_province_prints_a_quarter_of_every_district_in_one_pdf(qtbot, world, messages, monkeypatch, tmp_path):
    window, tab = open_reports(qtbot, world, world.province)
    tab.district_box.setCurrentIndex(tab.district_box.findData(reports_module.ALL))
    tab.scope_box.setCurrentIndex(tab.scope_box.findData(4))
    assert not tab.picker.month_box.isEnabled()
    tab.preview()
    qtbot.waitUntil(lambda: tab.document.pageCount() > 0, timeout=30000)
    assert tab.document.pageCount() == 4  # Mueang's and Warin's, a page each, and the sum of all 25 districts on two
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "all.pdf"), ""))
    tab.save_pdf()  # September has no figures yet: the officer is asked, and says no
    settle()
    question = [text for kind, _, text in messages.shown if kind == "question"]
    assert len(question) == 1 and "อำเภอเมืองอุบลราชธานี กันยายน 2569: กรอกแล้ว 0 จาก 2 ราย" in question[0]
    assert "อำเภอวารินชำราบ กันยายน 2569: กรอกแล้ว 0 จาก 1 ราย" in question[0] and not (tmp_path / "all.pdf").exists()
    messages.answer = QMessageBox.StandardButton.Yes
    tab.save_pdf()
    settle()  # refused, asked, yes: printed again with the officer's confirmation
    settle()
    assert (tmp_path / "all.pdf").exists() and "3401" in tab.status.text() and "3415" in tab.status.text()
    assert "ไม่มีแบบของ 23 อำเภอ" in tab.status.text() and "ม่วงสามสิบ" in tab.status.text()
    assert "พิมพ์ทั้งที่ยังไม่ครบ" in tab.status.text()


def test_the_verify_box_names_the_print_and_tells_a_mistyped_code(qtbot, world, messages, monkeypatch, tmp_path):
    window, tab = open_reports(qtbot, world, world.mueang)
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "a.pdf"), ""))
    tab.save_pdf()
    settle()
    first = tab.status.text().rsplit(" ", 1)[-1]
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "b.pdf"), ""))
    tab.save_pdf()
    settle()
    second = tab.status.text().rsplit(" ", 1)[-1]
    assert first != second  # the same figures printed twice: two papers, two codes
    tab.code_edit.setText(first)
    tab.verify_code()
    shown = tab.verify_result.text()
    assert "แบบ จต.๒ อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี สิงหาคม 2569 พิมพ์โดย mueang เมื่อ" in shown
    assert "ตัวเลขชุดเดียวกันนี้พิมพ์อีก 1 ครั้ง" in shown and second in shown
    tab.code_edit.setText(first[:-1] + ("A" if first[-1] != "A" else "B"))
    tab.verify_code()
    assert "พิมพ์ผิด" in tab.verify_result.text() and "ไม่พบ" not in tab.verify_result.text()


def test_the_collection_sheet_from_the_tab(qtbot, world, messages, monkeypatch, tmp_path):
    window, tab = open_reports(qtbot, world, world.mueang)
    tab.form_box.setCurrentIndex(tab.form_box.findData("jt1"))
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "jt1.pdf"), ""))
    tab.save_pdf()
    settle()
    assert (tmp_path / "jt1.pdf").exists() and "รหัสตรวจสอบ" in tab.status.text()
    assert tab.document.pageCount() == 1


def test_the_province_enters_its_forecast_and_exports_it(qtbot, world, messages, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    from otop_desktop.ui.forms_dialogs import ForecastDialog

    window, tab = open_reports(qtbot, world, world.province)
    assert tab.forecast_button.isVisibleTo(tab) and tab.form_box.findData("forecast") >= 0
    dialog = ForecastDialog(window.context, 2569, tab)
    qtbot.addWidget(dialog)
    dialog.table.item(0, 1).setText("1,000")
    dialog.table.item(0, 2).setText("๕๐.๒๕")
    assert dialog.table.item(0, 5).text() == "1,050.25" and dialog.table.item(12, 5).text() == "1,050.25"
    assert dialog.table.item(10, 6).text() == "21,100.51"  # August's actual sales, shown beside the forecast
    dialog.table.item(1, 1).setText("สิบบาท")
    assert "ตัวเลข" in dialog.error_label.text()
    dialog.accept()
    assert dialog.result() == 0  # refused: nothing saved
    dialog.table.item(1, 1).setText("")
    dialog.table.item(0, 7).setText("ช่วงเทศกาล")
    dialog.accept()
    assert dialog.result() == 1
    tab.form_box.setCurrentIndex(tab.form_box.findData("forecast"))
    monkeypatch.setattr(
        file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "f.xlsx"), "Excel (*.xlsx)")
    )
    tab.save_pdf()
    settle()
    book = load_workbook(tmp_path / "f.xlsx").active
    assert book.cell(8, 1).value == "ตุลาคม 2568" and book.cell(8, 7).value == "ช่วงเทศกาล"
    window_d, tab_d = open_reports(qtbot, world, world.mueang)
    assert not tab_d.forecast_button.isVisibleTo(tab_d) and tab_d.form_box.findData("forecast") < 0


def test_signatories_are_set_from_the_tab(qtbot, world, messages):
    from otop_desktop.services.forms.signatories import get_signatories
    from otop_desktop.ui.forms_dialogs import SignatoriesDialog

    window, tab = open_reports(qtbot, world, world.mueang)
    dialog = SignatoriesDialog(window.context, "3401", "เมืองอุบลราชธานี", tab)
    qtbot.addWidget(dialog)
    name, position, _ = dialog.edits["signs"]
    name.setText("นายสมชาย รักดี")
    position.setText("พัฒนาการอำเภอเมืองอุบลราชธานี")
    dialog.accept()
    with world.database.unit_of_work() as uow:
        found = get_signatories(uow=uow, user=world.mueang, area_code="3401")
    assert found["signs"].name == "นายสมชาย รักดี" and "prepares" not in found


def test_the_tab_fits_a_1366_pixel_screen(qtbot, world, messages):
    window, tab = open_reports(qtbot, world, world.province)
    assert window.minimumSizeHint().width() <= 1366 and tab.minimumSizeHint().width() <= 1340


def test_a_refused_preview_does_not_stay_in_the_making(qtbot, world, messages):
    """After the preview of a month not yet ended was refused, the status still read "กำลังจัดทำตัวอย่าง…"."""
    window, tab = open_reports(qtbot, world, world.mueang)
    tab.picker.set_period(2570, 3)  # March 2570: not begun on the real date the print runs on
    tab.preview()
    qtbot.waitUntil(lambda: any("ยังไม่เริ่ม" in shown[2] for shown in messages.shown), timeout=30000)
    settle()
    assert tab.status.text() == "ยังไม่ได้จัดทำตัวอย่าง"


def test_a_districts_own_name_is_shown_whole_in_its_box(qtbot, world, messages):
    """A district's box gets its one district after the tab is first shown; sized before, it showed "เมืองอุบ"."""
    window = open_window(qtbot, world.database, world.mueang, tab="reports_tab")
    box = window.reports_tab.district_box
    assert box.currentText() == "เมืองอุบลราชธานี"
    assert box.width() > box.fontMetrics().horizontalAdvance(box.currentText()), box.width()
