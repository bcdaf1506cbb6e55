"""The file-exchange dialog: a district exports, the province previews (conflicts, refusals) and imports
many files in the background with progress, chooses conflicts, undoes; keys and receipts."""

import base64
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from otop_desktop.services import locks
from otop_desktop.services.exchange import batch, fileformat, keys, merge
from otop_desktop.ui import file_dialogs
from otop_desktop.ui.bus import DataBus
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.exchange_dialog import ExchangeDialog
from tests.conftest import save
from tests.engines import connect
from tests.exchange_helpers import department_with_province_file, district_office, export, register
from tests.ui.conftest import TODAY, settle


@pytest.fixture
def offices(world, tmp_path):
    district = district_office(world, tmp_path / "d" / "otop.db")
    register(world.database, world.province, district, world.mueang, tmp_path)
    baseline = export(district, world.mueang, tmp_path / "baseline.otop")
    with world.database.unit_of_work() as uow:
        merge.apply(
            uow=uow,
            user=world.province,
            preview_=merge.preview(uow=uow, user=world.province, data=baseline, file_name="b"),
        )
    yield world, district, tmp_path
    district.close()


def dialog_for(qtbot, database, user):
    dialog = ExchangeDialog(AppContext(database, user, DataBus()), today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_a_province_exporting_months_it_has_not_confirmed_is_told_before_it_names_a_file(qtbot, offices, messages):
    """The province chose a file name, then heard the months were not confirmed: it hears it first, and no file
    dialog opens (the suite refuses one the test did not plan)."""
    world, _, _ = offices
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.send_page.year_box.setCurrentIndex(dialog.send_page.year_box.findData(2569))
    dialog.send_page.export_file()
    settle()
    assert any("ยังไม่ได้ยืนยัน (ล็อก) ทั้งจังหวัด" in shown[2] for shown in messages.shown)


def test_district_exports_its_file_from_the_dialog(qtbot, offices, messages, monkeypatch):
    world, district, folder = offices
    target, offered = folder / "from-dialog.otop", []
    monkeypatch.setattr(
        file_dialogs,
        "get_save_file_name",
        lambda _parent, _caption, start, _kinds: offered.append(start) or (str(target), ""),
    )
    dialog = dialog_for(qtbot, district, world.mueang)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["ส่งออกไฟล์", "กุญแจลงนาม"]
    ticked = [check.text() for check in dialog.send_page.month_checks if check.isChecked()]
    assert ticked[0] == "ตุลาคม" and ticked[-1] == "กรกฎาคม" and len(ticked) == 10  # on 20 August: August still runs
    dialog.send_page.year_box.setCurrentIndex(dialog.send_page.year_box.findData(2568))
    assert all(check.isChecked() for check in dialog.send_page.month_checks)  # a year gone by: all of it
    dialog.send_page.year_box.setCurrentIndex(dialog.send_page.year_box.findData(2569))
    for check in dialog.send_page.month_checks[1:]:
        check.setChecked(False)  # October only
    dialog.send_page.export_file()
    settle()  # exporting runs off the GUI thread
    opened = fileformat.open_file(target.read_bytes())
    assert opened.manifest.source_area == "3401" and opened.manifest.months == (10,)
    sent_rows = opened.manifest.row_counts["sales.json"]
    said = messages.shown[-1][2]
    assert (
        "บันทึกไฟล์แล้ว" in said and f"{sent_rows:,} แถว (ผู้ประกอบการแต่ละรายในแต่ละเดือน) ของเดือน ต.ค. ปีงบประมาณ 2569" in said
    )
    assert "ขั้นต่อไป: ส่งไฟล์นี้ให้จังหวัด" in said and "ใบตอบรับ" in said
    assert dialog.send_page.sent_model.rows[0][1:6] == ["from-dialog.otop", "2569", "ต.ค.", f"{sent_rows:,}", "mueang"]
    assert Path(offered[0]).name == "otop-3401-ปีงบ2569-10.otop"  # the fiscal year said as such, and the months


def test_province_previews_chooses_and_imports_with_progress(qtbot, offices, messages):
    world, district, folder = offices
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    save(world.database, world.province, 2569, 8, {silk: (111, 0, None, None)})  # a province correction
    save(district, world.mueang, 2569, 8, {silk: (222, 0, None, None), rice: (5, 5, 5, 5)})
    save(district, world.mueang, 2569, 7, {silk: (77, 0, None, None)})  # a change to a month the province locked
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=7)
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    junk = folder / "junk.otop"
    junk.write_bytes(b"not a file")
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.set_files([path, junk])
    settle()
    assert (
        dialog.files_model.rows[0][1] == "อำเภอเมืองอุบลราชธานี" and dialog.files_model.rows[0][6] == "1"
    )  # one conflict
    assert dialog.files_model.rows[1][8].startswith("ไม่รับ: ")
    kinds = [row[2] for row in dialog.rows_model.rows]
    assert "ขัดแย้ง" in kinds and "เปลี่ยน" in kinds and kinds.count("ไม่รับ") == 1  # July's changed figure
    dialog.take_box.click()  # take the district's figure for the conflict
    assert dialog.take_box.isChecked()
    dialog.import_all()
    qtbot.waitUntil(lambda: hasattr(dialog, "last_outcomes"), timeout=10000)
    settle()
    assert [o.status for o in dialog.last_outcomes] == ["applied", "refused"]
    with connect(world.database) as con:
        rows = dict(
            con.execute("SELECT entrepreneur_id, domestic_offline FROM monthly_sale WHERE fiscal_year=2569 AND month=8")
        )
    assert rows[silk] == 222 and rows[rice] == 5
    assert [row[3] for row in dialog.ledger_model.rows[:2]] == ["ไม่รับ", "นำเข้าแล้ว"]

    messages.answer = QMessageBox.StandardButton.Yes
    dialog.undo_last()
    settle()  # undo runs off the GUI thread
    with connect(world.database) as con:
        assert con.execute(
            "SELECT domestic_offline FROM monthly_sale WHERE entrepreneur_id=? AND fiscal_year=2569 AND month=8",
            (silk,),
        ).fetchone() == (111,)


def test_an_earlier_import_is_picked_in_the_history_and_undone_alone(qtbot, offices, messages):
    from otop_desktop.services.exchange import batch

    world, district, folder = offices
    silk = world.ids["ไหม"]
    save(district, world.mueang, 2569, 8, {silk: (888, 0, None, None)})
    export(district, world.mueang, folder / "first.otop")
    batch.import_files(world.database, world.province, [folder / "first.otop"])
    save(district, world.mueang, 2569, 9, {silk: (999, 0, None, None)})
    export(district, world.mueang, folder / "second.otop")
    batch.import_files(world.database, world.province, [folder / "second.otop"])
    dialog = dialog_for(qtbot, world.database, world.province)
    assert [row[1] for row in dialog.ledger_model.rows[:2]] == ["second.otop", "first.otop"]
    dialog.undo_chosen()  # nothing picked yet: it says so
    assert messages.shown[-1][2] == "กรุณาเลือกรายการนำเข้าในตารางก่อน"
    dialog.ledger_view.selectRow(1)
    messages.answer = QMessageBox.StandardButton.Yes
    dialog.undo_chosen()
    settle()  # undo runs off the GUI thread
    assert "ไฟล์ first.otop" in messages.shown[-2][2] and messages.shown[-1][2].startswith(
        "ยกเลิกการนำเข้าไฟล์ first.otop แล้ว"
    )
    with connect(world.database) as con:
        figures = dict(
            con.execute(
                "SELECT month, domestic_offline FROM monthly_sale WHERE entrepreneur_id=?"
                " AND fiscal_year=2569 AND month IN (8, 9)",
                (silk,),
            )
        )
    assert figures == {8: 1_000_000, 9: 999}  # the first file's August is back; the second file's September stands
    assert [row[3] for row in dialog.ledger_model.rows[:2]] == ["นำเข้าแล้ว", "ยกเลิกแล้ว"]


def test_conflicts_are_chosen_row_by_row(qtbot, offices, messages):
    world, district, folder = offices
    silk, rice = world.ids["ไหม"], world.ids["ข้าว"]
    save(world.database, world.province, 2569, 8, {silk: (111, 0, None, None), rice: (111, 0, None, None)})
    save(district, world.mueang, 2569, 8, {silk: (222, 0, None, None), rice: (333, 0, None, None)})
    path = folder / "3401.otop"
    export(district, world.mueang, path)
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.set_files([path])
    settle()
    model = dialog.rows_model
    conflicts = [r for r in range(model.rowCount()) if model.rows[r][2] == "ขัดแย้ง"]
    assert len(conflicts) == 2
    choice = model.index(conflicts[0], model.CHOICE_COLUMN)
    assert model.flags(choice) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(conflicts[0], 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(choice, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.take_box.checkState() == Qt.CheckState.PartiallyChecked
    taken = model.diffs[conflicts[0]].uid
    dialog.take_box.click()  # all of them
    assert dialog.take_box.checkState() == Qt.CheckState.Checked
    dialog.take_box.click()  # none
    assert dialog.take_box.checkState() == Qt.CheckState.Unchecked
    model.setData(choice, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.import_all()
    qtbot.waitUntil(lambda: hasattr(dialog, "last_outcomes"), timeout=10000)
    settle()
    with connect(world.database) as con:
        rows = dict(
            con.execute(
                "SELECT e.uid, s.domestic_offline FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id "
                "WHERE s.fiscal_year=2569 AND s.month=8 AND s.entrepreneur_id IN (?, ?)",
                (silk, rice),
            )
        )
    kept = next(uid for uid in rows if uid != taken)
    with connect(district) as con:  # what the district's file says for the ticked entrepreneur
        (in_file,) = con.execute(
            "SELECT s.domestic_offline FROM monthly_sale s JOIN entrepreneur e ON e.id = s.entrepreneur_id "
            "WHERE e.uid = ? AND s.fiscal_year=2569 AND s.month=8",
            (taken,),
        ).fetchone()
    assert rows[taken] == in_file and rows[kept] == 111  # the ticked row took the file's figure, the other kept ours


def test_keys_page_shows_the_fingerprint_and_lists_keys(qtbot, offices, messages):
    world, district, folder = offices
    dialog = dialog_for(qtbot, world.database, world.province)
    with world.database.unit_of_work() as uow:
        own = keys.own_fingerprint(uow=uow)
    assert keys.spoken(own) in dialog.keys_page.fingerprint_label.text()
    assert [row[0] for row in dialog.keys_page.keys_model.rows] == ["สำนักงานนี้", "อำเภอเมืองอุบลราชธานี"]


def test_the_department_imports_a_provinces_file_from_the_dialog(qtbot, offices, messages):
    world, district, folder = offices
    with department_with_province_file(world, folder) as (path, rows, department, dept):
        dialog = dialog_for(qtbot, department, dept)
        assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
            "นำเข้าไฟล์จังหวัด",
            "ประวัติการนำเข้า",
            "กุญแจลงนาม",
        ]  # nothing to send further up
        dialog.set_files([path])
        settle()
        assert dialog.files_model.rows[0][1:3] == ["จังหวัดอุบลราชธานี", str(rows)]
        dialog.import_all()
        qtbot.waitUntil(lambda: hasattr(dialog, "last_outcomes"), timeout=10000)
        settle()
        assert [o.status for o in dialog.last_outcomes] == ["applied"]
        assert dialog.ledger_model.rows[0][2:4] == ["จังหวัดอุบลราชธานี", "นำเข้าแล้ว"]
        with connect(department) as con:
            assert con.execute(
                "SELECT count(*) FROM monthly_sale WHERE fiscal_year = 2569 AND month = 8"
            ).fetchone() == (rows,)


def test_the_import_dialog_tells_the_truth_about_each_file(qtbot, offices, messages, tmp_path):
    """No false 'cancelled'; new figures listed before importing; refused rows with their figures and a
    tooltip; two files of the same name from two folders kept apart; the history in Thai."""
    world, district, folder = offices
    silk = world.ids["ไหม"]
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=7)
    save(district, world.mueang, 2569, 9, {silk: (909, 0, None, None)})  # September: new to the province
    # July changed at the district after the province locked it: every row of it is refused.
    save(
        district,
        world.mueang,
        2569,
        7,
        {world.ids[name]: (70 + i, 0, None, None) for i, name in enumerate(("ไหม", "ข้าว", "ปิด"))},
    )
    first, second = tmp_path / "a" / "amphoe.otop", tmp_path / "b" / "amphoe.otop"
    for path in (first, second):
        path.parent.mkdir()
    export(district, world.mueang, first, months=[7])
    export(district, world.mueang, second, months=[9])
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.add_files([first, second, first])
    settle()
    assert [row[0] for row in dialog.files_model.rows] == ["amphoe.otop", "amphoe.otop"]
    refused = dialog.rows_model
    assert [row[2] for row in refused.rows] == ["ไม่รับ"] * 3
    row = refused.rows[0]
    assert row[4] != "- / - / - / -" and "ถูกล็อก" in row[5]
    assert refused.data(refused.index(0, 5), Qt.ItemDataRole.ToolTipRole) == row[5]
    dialog.files_view.selectRow(1)
    assert [(r[2], r[4]) for r in dialog.rows_model.rows] == [("ใหม่", "9.09 / 0.00 / - / -")] + [
        ("ใหม่", r[4]) for r in dialog.rows_model.rows[1:]
    ]
    dialog.import_all()
    qtbot.waitUntil(lambda: hasattr(dialog, "last_outcomes"), timeout=10000)
    settle()
    assert not any("ยกเลิกระหว่างทาง" in text for _, _, text in messages.shown)
    assert [o.status for o in dialog.last_outcomes] == ["applied", "applied"]
    details = [row[5] for row in dialog.ledger_model.rows[:2]]
    assert all("{" not in text and "new" not in text for text in details) and "ใหม่" in details[0]


def test_registering_a_key_checks_the_listed_files_again(qtbot, offices, messages, tmp_path, monkeypatch):
    world, district, folder = offices
    from tests.exchange_helpers import copy_database

    warin = copy_database(world.database, tmp_path / "warin" / "otop.db")
    path = export(warin, world.warin, tmp_path / "3415.otop") and tmp_path / "3415.otop"
    with warin.unit_of_work() as uow:
        key_file = keys.write_key_file(uow=uow, user=world.warin, path=tmp_path / "3415.key")
    warin.close()
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.set_files([path])
    settle()
    assert "ไม่ได้ลงทะเบียน" in dialog.files_model.rows[0][8]
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(key_file), ""))
    fingerprint = keys.fingerprint_of(base64.b64decode(json.loads(key_file.read_text(encoding="utf-8"))["public_key"]))
    with world.database.unit_of_work() as uow:
        before = [k.fingerprint for k in keys.list_keys(uow=uow)]
    dialog.keys_page.register_key_file()  # asked to compare the fingerprint first: No, the default, keeps nothing
    settle()
    kind, _, text = messages.shown[-1]
    assert kind == "question" and "อำเภอวารินชำราบ" in text and keys.spoken(fingerprint) in text
    with world.database.unit_of_work() as uow:
        assert [k.fingerprint for k in keys.list_keys(uow=uow)] == before
    assert "ไม่ได้ลงทะเบียน" in dialog.files_model.rows[0][8]
    messages.answer = QMessageBox.StandardButton.Yes
    dialog.keys_page.register_key_file()
    settle()
    from otop_desktop.services.exchange.fileformat import digest

    # ready, with the fingerprint the district read out beside it (export.sent_words), to compare before importing
    assert dialog.files_model.rows[0][8] == f"พร้อมนำเข้า · ลายนิ้วมือไฟล์ {digest(path.read_bytes())[:16]}"


def test_keys_are_retired_and_replaced_from_the_dialog(qtbot, offices, messages, tmp_path, monkeypatch):
    world, district, folder = offices
    data = export(district, world.mueang, tmp_path / "3401.otop")
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.keys_page.keys_view.selectRow(1)  # the district's key
    messages.answer = QMessageBox.StandardButton.Yes
    dialog.keys_page.retire_selected_key()
    assert dialog.keys_page.keys_model.rows[1][3].startswith("ยกเลิกแล้วเมื่อ")
    with world.database.unit_of_work() as uow, pytest.raises(Exception, match="ยกเลิกไปแล้ว"):
        merge.preview(uow=uow, user=world.province, data=data, file_name="3401.otop")
    old_label = dialog.keys_page.fingerprint_label.text()
    dialog.keys_page.replace_own_key()
    assert dialog.keys_page.fingerprint_label.text() != old_label
    assert [row[0] for row in dialog.keys_page.keys_model.rows].count("สำนักงานนี้") == 2
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "34.key"), ""))
    dialog.keys_page.write_key()
    assert "บันทึกไฟล์กุญแจแล้ว" in messages.shown[-1][2]


def test_a_refused_files_whole_reason_is_the_status_cells_tooltip(qtbot, offices, messages, tmp_path):
    world, district, folder = offices
    from tests.exchange_helpers import copy_database

    warin = copy_database(world.database, tmp_path / "warin" / "otop.db")
    path = export(warin, world.warin, tmp_path / "3415.otop") and tmp_path / "3415.otop"
    warin.close()
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.set_files([path])
    settle()
    model = dialog.files_model
    status = model.rows[0][8]
    tip = model.data(model.index(0, 8), Qt.ItemDataRole.ToolTipRole)
    assert "ไม่ได้ลงทะเบียน" in status and "ลงทะเบียนกุญแจก่อน" in tip  # the end of the reason, past any column width
    assert tip == f"<p>{status}</p>"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).startswith(str(path))  # other cells as before


def test_registering_by_fingerprint_offers_the_provinces_districts(qtbot, offices, messages, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    world, district, folder = offices
    from tests.exchange_helpers import copy_database

    warin = copy_database(world.database, tmp_path / "warin" / "otop.db")
    with warin.unit_of_work() as uow:
        fingerprint = keys.own_fingerprint(uow=uow)
    warin.close()
    offered = []

    def pick(parent, title, label, items, current=0, editable=True, *args, **kwargs):
        offered.extend(items)
        return next(item for item in items if item.startswith("3415 ")), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (keys.spoken(fingerprint), True))
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.keys_page.register_fingerprint()
    assert len(offered) == 25 and "3401 เมืองอุบลราชธานี" in offered and "3415 วารินชำราบ" in offered
    assert all(item.startswith("34") for item in offered)
    assert "ลงทะเบียนกุญแจของอำเภอวารินชำราบ แล้ว" in messages.shown[-1][2]
    with world.database.unit_of_work() as uow:
        assert any(
            info.area_code == "3415" and fingerprint.startswith(info.fingerprint) for info in keys.list_keys(uow=uow)
        )


def test_a_district_registers_only_its_provinces_key(qtbot, offices, messages, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    world, district, folder = offices
    offered = []
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda parent, title, label, items, *a, **k: (offered.extend(items), ("", False))[1]
    )
    dialog = dialog_for(qtbot, district, world.mueang)
    dialog.keys_page.register_fingerprint()
    assert offered == ["34 จังหวัดอุบลราชธานี"]


def test_undo_is_offered_only_when_an_import_can_be_undone(qtbot, world, messages, tmp_path):
    dialog = dialog_for(qtbot, world.database, world.province)
    dialog.tabs.setCurrentIndex(1)  # ประวัติการนำเข้า: nothing imported yet
    assert not dialog.undo_last_button.isEnabled() and dialog.undo_last_button.toolTip() == "ไม่มีการนำเข้าที่ยกเลิกได้"
    junk = tmp_path / "junk.otop"
    junk.write_bytes(b"not a file")
    batch.import_files(world.database, world.province, [junk])  # refused: recorded, nothing changed
    dialog.refresh_ledger()
    assert dialog.ledger_model.rows[0][3] == "ไม่รับ"
    assert not dialog.undo_last_button.isEnabled()
    dialog.ledger_view.selectRow(0)
    assert not dialog.undo_chosen_button.isEnabled()


def test_the_last_import_is_undone_with_its_button(qtbot, offices, messages):
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (888, 0, None, None)})
    export(district, world.mueang, folder / "first.otop")
    batch.import_files(world.database, world.province, [folder / "first.otop"])
    dialog = dialog_for(qtbot, world.database, world.province)
    assert dialog.undo_last_button.isEnabled()
    dialog.ledger_view.selectRow(0)
    assert dialog.undo_chosen_button.isEnabled()
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.undo_last_button, Qt.MouseButton.LeftButton)
    settle()
    asked = messages.shown[-2][2]  # the question names what goes back
    assert asked.startswith("ยกเลิกการนำเข้าไฟล์ first.otop: ยอดจำหน่าย ") and "รายการที่นำเข้าจะกลับเป็น" in asked
    assert messages.shown[-1][2].startswith("ยกเลิกการนำเข้าไฟล์ first.otop แล้ว")
    assert dialog.ledger_model.rows[0][3] == "ยกเลิกแล้ว"


def test_an_undo_the_checks_refuse_is_said_before_any_question(qtbot, offices, messages):
    """The month the file brought was locked since: the undo is refused at once, the officer is not first asked
    whether to go ahead."""
    world, district, folder = offices
    save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (888, 0, None, None)})
    export(district, world.mueang, folder / "first.otop")
    batch.import_files(world.database, world.province, [folder / "first.otop"])
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    dialog = dialog_for(qtbot, world.database, world.province)
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.undo_last_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(messages.shown) == 1 and "ถูกล็อก" in messages.shown[0][2]  # the refusal alone
    assert dialog.ledger_model.rows[0][3] == "นำเข้าแล้ว"


def test_a_district_reads_its_receipts_again_after_the_message_is_closed(qtbot, offices, messages, monkeypatch):
    """What came back of the files sent (the outcome, the locks, whether the figures agree) stays listed on the
    send page: the message that said it is gone once closed."""
    from otop_desktop.services.exchange import receipts

    world, district, folder = offices
    with world.database.unit_of_work() as uow:  # the district knows the province's key, as an office does
        province_key = keys.write_key_file(uow=uow, user=world.province, path=folder / "34.key")
    with district.unit_of_work() as uow:
        keys.register_key_file(uow=uow, user=world.mueang, path=province_key)
    with world.database.unit_of_work() as uow:
        locks.lock_district(uow=uow, user=world.province, district_code="3401", fiscal_year=2569, month=8)
    with world.database.unit_of_work() as uow:
        path = receipts.write_receipt(
            uow=uow, user=world.province, district_code="3401", fiscal_year=2569, months=[7, 8], path=folder / "r.otop"
        )
    dialog = dialog_for(qtbot, district, world.mueang)
    assert dialog.send_page.receipts_model.rowCount() == 0
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(path), ""))
    dialog.send_page.read_receipt()
    said = messages.shown[-1][2]
    assert "เดือนที่ล็อกแล้ว 1 เดือน (ส.ค.)" in said
    (row,) = dialog.send_page.receipts_model.rows
    assert (row[1], row[3]) == ("r.otop", said) and row[2].endswith(" ปีงบประมาณ 2569")  # not read as 2569 itself
    again = dialog_for(qtbot, district, world.mueang)  # the next day, a new window
    assert again.send_page.receipts_model.rows[0][3] == said
    assert not hasattr(dialog_for(qtbot, world.database, world.province).send_page, "receipts_model")
