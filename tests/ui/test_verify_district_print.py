"""The province's verify box names a จต.๒ printed at a district once the district's file has been imported:
who printed it and when, that its record came with the district's file, and whether its figures still hold."""

from PySide6.QtCore import Qt

from tests.exchange_helpers import export
from tests.integration.test_exchange import offices  # noqa: F401 - the fixture
from tests.integration.test_print_sync import district_print, take
from tests.ui.conftest import open_window, settle


def test_the_province_verifies_a_code_printed_at_the_district(qtbot, offices, tmp_path):
    world, district, folder = offices
    form = district_print(district, world.mueang, tmp_path / "district.pdf")
    take(world, export(district, world.mueang, folder / "3401.otop", months=[8]))
    window = open_window(qtbot, world.database, world.province, tab="reports_tab")
    window.resize(1366, 768)
    tab = window.reports_tab
    qtbot.keyClicks(tab.code_edit, form.code)
    qtbot.mouseClick(tab.verify_box.verify_button, Qt.MouseButton.LeftButton)
    shown = tab.verify_result.text()
    assert "แบบ จต.๒ อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี สิงหาคม 2569 พิมพ์โดย" in shown
    assert "พิมพ์ที่อำเภอ ได้รับบันทึกการพิมพ์มากับไฟล์ข้อมูลอำเภอ 3401.otop" in shown
    assert "ตรงกับข้อมูลในฐานข้อมูลทุกรายการ" in shown
    settle()
    label = tab.verify_result  # every line in view at a laptop's screen, not the first line and a half
    assert label.height() >= label.heightForWidth(label.width())
