"""Every tab's actions go through the operations helper: a refusal shows its Thai message, a bug reaches
the excepthook, a success announces exactly what the service reported changing, and after a failure no
view refreshes. Slow work keeps the window responsive: the event loop turns while 25 district files are
previewed and imported, and while the import is undone."""

import sys
from datetime import datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput
from otop_desktop.services import locks, saving
from otop_desktop.services.targets import rule
from otop_desktop.ui.sales_model import FIRST_AMOUNT
from tests.ui.conftest import open_window, settle

REPORTED = touched(Kind.SALES | Kind.LOCKS, fiscal_year=2569, month=8, districts={"3401"})


def press_save(window):
    window.entry_tab.model.setData(window.entry_tab.model.index(0, FIRST_AMOUNT), "123")
    window.entry_tab.save()


def press_lock(window):
    window.tabs.setCurrentWidget(window.locks_tab)
    window.locks_tab.select_district("3401")
    window.locks_tab.lock_district()


def press_compute(window):
    window.tabs.setCurrentWidget(window.targets_tab)
    window.targets_tab.compute_bases()


ACTIONS = {  # the tab action, the service it runs, what a success returns
    "entry save": (press_save, saving, "save_month", lambda: saving.SaveResult(datetime(2026, 8, 20), 1, 1)),
    "lock a district": (press_lock, locks, "lock_district", lambda: None),
    "bases from data": (press_compute, rule, "bases_from_data", lambda: {}),
}


@pytest.mark.parametrize("outcome", ["refused", "bug", "success"])
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_each_tab_action_runs_through_the_operations_helper(qtbot, world, messages, monkeypatch, action, outcome):
    press, module, name, result = ACTIONS[action]
    messages.answer = QMessageBox.StandardButton.Yes
    window = open_window(qtbot, world.database, world.province)
    notices, hooked, reloads = [], [], {}
    window.context.bus.changed.connect(notices.append)
    for tab in (window.locks_tab, window.targets_tab, window.entry_tab):  # each read once shown; then it follows
        window.tabs.setCurrentWidget(tab)
        settle()
    for tab in (window.entry_tab, window.locks_tab, window.targets_tab):
        original = tab.reload
        monkeypatch.setattr(
            tab,
            "reload",
            lambda *args, original=original, tab=tab, **kwargs: (
                reloads.__setitem__(type(tab).__name__, reloads.get(type(tab).__name__, 0) + 1),
                original(*args, **kwargs),
            ),
        )

    def service(*, uow, **kwargs):
        if outcome == "refused":
            raise InvalidInput("ทดสอบการปฏิเสธ")
        if outcome == "bug":
            raise RuntimeError("a bug")
        uow.note(REPORTED)
        uow.commit()
        return result()

    monkeypatch.setattr(module, name, service)
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: hooked.append(error))
    press(window)
    settle()
    if outcome == "refused":
        assert messages.shown[-1][0] == "warning" and messages.shown[-1][2] == "ทดสอบการปฏิเสธ"
        assert notices == [] and hooked == [] and reloads == {}
    elif outcome == "bug":
        assert [str(e) for e in hooked] == ["a bug"] and notices == [] and reloads == {}
    else:
        assert hooked == [] and [n.changes for n in notices] == [REPORTED]
        acting = {"entry save": "EntryTab", "lock a district": "LocksTab", "bases from data": "TargetsTab"}[action]
        assert reloads.get(acting) == 1  # the acting tab shows its own result; the others follow the notice
        others = {"EntryTab", "LocksTab", "TargetsTab"} - {acting}
        assert all(reloads.get(tab) == 1 for tab in others), reloads


def test_the_window_stays_responsive_while_25_files_are_previewed_imported_and_undone(qtbot, world, messages, tmp_path):
    from otop_desktop.ui.bus import DataBus
    from otop_desktop.ui.context import AppContext
    from otop_desktop.ui.exchange_dialog import ExchangeDialog
    from tests.conftest import save
    from tests.exchange_helpers import copy_database, export, register

    district = copy_database(world.database, tmp_path / "d" / "otop.db")
    register(world.database, world.province, district, world.mueang, tmp_path)
    files = []
    for number in range(25):  # 25 files, each a later correction of the district's August
        save(district, world.mueang, 2569, 8, {world.ids["ไหม"]: (1_000_000 + number, 0, None, None)})
        files.append(tmp_path / f"3401-{number:02d}.otop")
        export(district, world.mueang, files[-1])
    district.close()
    dialog = ExchangeDialog(AppContext(world.database, world.province, DataBus()))
    qtbot.addWidget(dialog)
    ticks = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)

    dialog.set_files(files)  # previewing: a dry run of all 25 files on a scratch copy
    assert dialog.files_model.rows[0][-1] == "กำลังตรวจสอบ…", "the preview must not block the GUI thread"
    before = len(ticks)
    qtbot.waitUntil(lambda: bool(dialog.previews), timeout=60000)
    assert len(ticks) > before and len(dialog.previews) == 25

    dialog.import_all()
    assert not hasattr(dialog, "last_outcomes"), "importing must not block the GUI thread"
    before = len(ticks)
    qtbot.waitUntil(lambda: hasattr(dialog, "last_outcomes"), timeout=60000)
    assert len(ticks) > before and [o.status for o in dialog.last_outcomes] == ["applied"] * 25

    messages.answer = QMessageBox.StandardButton.Yes
    shown = len(messages.shown)
    dialog.undo_last()
    assert len(messages.shown) == shown, "the undo's checks (each file's rows read) must not block the GUI thread"
    before = len(ticks)
    qtbot.waitUntil(lambda: len(messages.shown) > shown, timeout=60000)
    assert messages.shown[shown][0] == "question" and "25 ไฟล์ที่นำเข้าพร้อมกัน" in messages.shown[shown][2]
    assert len(ticks) > before
    qtbot.waitUntil(
        lambda: messages.shown[-1][1] == "ยกเลิกการนำเข้า" and messages.shown[-1][0] == "information", timeout=60000
    )
    assert len(ticks) > before and "ยกเลิกการนำเข้า 25 ไฟล์แล้ว" in messages.shown[-1][2]
    settle()
