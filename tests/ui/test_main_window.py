"""The main window: four tabs, the unbuilt ones saying so, and who, where and which file below."""

from PySide6.QtWidgets import QLabel

from tests.ui.conftest import open_window


def test_tabs_and_status_bar(qtbot, world):
    window = open_window(qtbot, world.database, world.warin)
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert names == ["บันทึกข้อมูล", "ล็อกข้อมูล", "ค่าเป้าหมาย", "รายงาน"]
    assert [type(window.tabs.widget(i)).__name__ for i in (1, 2)] == ["LocksTab", "TargetsTab"]
    for number in (3,):
        texts = " ".join(label.text() for label in window.tabs.widget(number).findChildren(QLabel))
        assert "ยังไม่พร้อมใช้งาน" in texts
    status = " | ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "warin" in status and "อำเภอวารินชำราบ จังหวัดอุบลราชธานี" in status and str(world.path) in status
