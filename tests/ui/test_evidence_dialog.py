"""The register of signed จต.๒ as the province uses it: scans chosen in the dialog are read off the GUI thread with
progress and a cancel that keeps nothing; each page's outcome is listed; an unreadable page takes the code
typed from under its QR; the kept file opens in the system's viewer; the roadmap board shows the quarter."""

import threading

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QProgressDialog

from otop_desktop.services.evidence import scans
from otop_desktop.services.forms.jt2 import print_jt2
from otop_desktop.services.forms.verify import shown_code
from otop_desktop.services.office import Office
from otop_desktop.ui import file_dialogs
from otop_desktop.ui.evidence_dialog import EvidenceDialog
from tests.engines import connect
from tests.scans import page_image, scan_to_jpeg, scanned, without_qr
from tests.ui.conftest import open_window, settle


def _scans(world, tmp_path):
    form = Office(world.database, world.mueang).query(
        print_jt2, district_code="3401", fiscal_year=2569, month=8, path=tmp_path / "jt2.pdf"
    )
    photo = scan_to_jpeg(form.path, tmp_path / "photo.jpg")
    torn = tmp_path / "torn.jpg"
    scanned(without_qr(page_image(form.path))).save(torn, "JPEG")
    return form, photo, torn


def _open_register(qtbot, window) -> EvidenceDialog:
    window.tabs.setCurrentWidget(window.roadmap_tab)
    qtbot.mouseClick(window.roadmap_tab.evidence_button, Qt.MouseButton.LeftButton)
    dialog = window.roadmap_tab.findChild(EvidenceDialog)
    assert dialog is not None and dialog.isVisible()
    settle()
    return dialog


def test_scans_are_taken_in_off_the_gui_thread_and_an_unread_page_takes_the_typed_code(
    qtbot, world, tmp_path, monkeypatch, messages
):
    form, photo, torn = _scans(world, tmp_path)
    window = open_window(qtbot, world.database, world.province)
    dialog = _open_register(qtbot, window)
    threads = []
    reading = scans.decode
    monkeypatch.setattr(scans, "decode", lambda image: threads.append(threading.current_thread()) or reading(image))
    chosen = []
    monkeypatch.setattr(
        file_dialogs, "get_open_file_names", lambda *a, **k: chosen.append(1) or ([str(photo), str(torn)], "")
    )
    qtbot.mouseClick(dialog.files_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 2, timeout=20000)
    assert threads and threading.main_thread() not in threads
    assert [row[:3] for row in dialog.results.rows] == [
        ["photo.jpg หน้า 1/1", "บันทึกแล้ว", shown_code(form.code)],
        ["torn.jpg หน้า 1/1", "อ่านรหัสไม่ได้", ""],
    ]
    assert "อำเภอเมืองอุบลราชธานี" in dialog.results.rows[0][3] and dialog.results.rows[0][4] == "ตรง"
    assert not dialog.code_edit.isEnabled()  # a recorded page takes no code
    dialog.results_view.setCurrentIndex(dialog.results.index(1, 0))
    assert dialog.code_edit.isEnabled()
    mistyped = shown_code(form.code)[:-1] + ("A" if form.code[-1] != "A" else "B")
    qtbot.keyClicks(dialog.code_edit, mistyped)
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.results.rows[1][1] == "ไม่รับ", timeout=20000)
    assert "พิมพ์ผิด" in dialog.results.rows[1][5]
    settle()
    assert chosen == [1]  # Enter in the code box took the code; it did not open the file chooser again
    dialog.results_view.setCurrentIndex(dialog.results.index(0, 0))
    dialog.results_view.setCurrentIndex(dialog.results.index(1, 0))
    assert dialog.code_edit.isEnabled()  # a mistyped code is typed again
    qtbot.keyClicks(dialog.code_edit, f"{shown_code(form.code).lower()} 1/1")  # the code and page of the footer
    qtbot.mouseClick(dialog.code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results.rows[1][1] == "มีแล้ว เก็บคู่ฉบับเดิม", timeout=20000)
    assert [row[1] for row in dialog.results.rows] == ["บันทึกแล้ว", "มีแล้ว เก็บคู่ฉบับเดิม"]
    qtbot.waitUntil(lambda: dialog.register.rowCount() == 2, timeout=20000)
    assert dialog.register.rows[0][:3] == ["3401 เมืองอุบลราชธานี", "สิงหาคม 2569", shown_code(form.code)]

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog.register_view.setCurrentIndex(dialog.register.index(0, 0))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and open(opened[0], "rb").read() == photo.read_bytes()

    settle()  # the board heard of the new copies
    board = window.roadmap_tab.evidence_view.model()
    row = next(i for i, r in enumerate(board.board.rows) if r.code == "3401")
    assert board.data(board.index(row, 3)) == "รับ 1/3 เดือน"  # August of the fourth quarter's three months
    rates = len(board.board.rows)  # the quarters' rates: a quarter not yet due reads "–", as a month does
    assert [board.data(board.index(rates, q)) for q in range(4)] == ["0% (0/25)"] * 3 + ["–"]
    window.dashboard_tab.picker.set_period(2569, 8)
    settle()  # the card of August's quarter, of which only August is on file
    assert "ได้รับ จต.๒ ที่ลงนามแล้ว ไตรมาส 4: 0 จาก 25 อำเภอ" in window.dashboard_tab.cards[3].text()


def test_cancel_while_reading_keeps_nothing(qtbot, world, tmp_path, monkeypatch, messages):
    _, photo, _ = _scans(world, tmp_path)
    window = open_window(qtbot, world.database, world.province)
    dialog = _open_register(qtbot, window)
    release, reading = threading.Event(), scans.decode
    monkeypatch.setattr(scans, "decode", lambda image: release.wait(20) and reading(image))
    monkeypatch.setattr(file_dialogs, "get_existing_directory", lambda *a, **k: str(tmp_path))
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)

    def progress() -> QProgressDialog | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: progress() is not None, timeout=10000)
    qtbot.mouseClick(progress().findChild(type(dialog.open_button)), Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: any("ยกเลิกแล้ว" in text for _, _, text in messages.shown), timeout=20000)
    with connect(world.database) as con:
        assert con.execute("SELECT count(*) FROM evidence_page").fetchone()[0] == 0
    assert dialog.results.rowCount() == 0


def test_the_province_sets_the_day_signed_copies_are_due_and_a_district_cannot(qtbot, world, messages):
    from otop_desktop.services.evidence.due import quarter_due_day

    window = open_window(qtbot, world.database, world.province)
    dialog = _open_register(qtbot, window)
    assert dialog.due_day_box.value() == 5 and dialog.due_day_button.isEnabled()
    dialog.due_day_box.selectAll()
    qtbot.keyClicks(dialog.due_day_box, "15")
    qtbot.mouseClick(dialog.due_day_button, Qt.MouseButton.LeftButton)
    settle()
    assert Office(world.database, world.province).query(quarter_due_day) == 15
    window.roadmap_tab.reload()
    settle()
    assert "(กำหนด 15 " in window.roadmap_tab.summary.text()

    district = _open_register(qtbot, open_window(qtbot, world.database, world.mueang))
    assert not district.due_day_button.isEnabled() and not district.due_day_box.isEnabled()


def test_the_register_opens_on_the_roadmaps_year_and_turns_to_the_year_of_the_copies_taken(
    qtbot, world, tmp_path, monkeypatch, messages
):
    """In December the province takes in last year's fourth quarter: the register shows the year the roadmap
    shows, and after an intake the year of the copies just kept, so that they are listed."""
    from datetime import date

    _, photo, _ = _scans(world, tmp_path)  # a print of August 2569
    window = open_window(qtbot, world.database, world.province, today=date(2026, 12, 5), tab="roadmap_tab")
    settle()
    assert window.roadmap_tab.year_box.currentData() == 2570
    dialog = _open_register(qtbot, window)
    assert dialog.year_box.currentData() == 2570
    monkeypatch.setattr(file_dialogs, "get_open_file_names", lambda *a, **k: ([str(photo)], ""))
    qtbot.mouseClick(dialog.files_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.register.rowCount() == 1, timeout=20000)
    assert dialog.year_box.currentData() == 2569 and dialog.register.rows[0][1] == "สิงหาคม 2569"
    dialog.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone once closed
    window.roadmap_tab.year_box.setCurrentIndex(window.roadmap_tab.year_box.findData(2569))
    settle()
    again = _open_register(qtbot, window)
    assert again.year_box.currentData() == 2569 and again.register.rowCount() == 1
