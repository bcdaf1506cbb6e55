"""หน้าหลัก: the year's total and split as the database holds them, a bar per district (a click opens the
district's month in the entry tab), the monthly line with the forecast and the tiers, PNG images; the
roadmap board's cells and colours; the export panel writing a workbook off the GUI thread."""

from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.services import locks
from otop_desktop.services.forms import forecast
from otop_desktop.services.office import Office
from otop_desktop.services.thai import THAI_MONTHS_SHORT
from otop_desktop.ui.roadmap_tab import LATE, ON_TIME, OVERDUE, cell_state
from tests.engines import connect
from tests.ui.conftest import open_window, settle

# The fixture's eleven months of fiscal 2569, per month: Mueang silk 1,200,000, rice 600,050, the closed
# group 10,000; Warin 300,001 satang.
MONTHLY = 1_200_000 + 600_050 + 10_000 + 300_001


def test_cards_and_bars_show_the_years_figures(qtbot, world):
    window = open_window(qtbot, world.database, world.province)
    tab = window.dashboard_tab
    assert window.tabs.currentWidget() is tab  # the first tab
    tab.picker.set_period(2569, 8)
    settle()
    assert tab.figures.total.total == 11 * MONTHLY
    assert "232,105.61 บาท" in tab.cards[0].text()  # 11 × 2,110,051 satang, as the card shows it
    assert "เดือนสิงหาคม 2569" in tab.cards[3].text() and "กรอกครบ 2" in tab.cards[3].text()
    bars = tab.chart_views["districts"].property("bar_values")
    names = [b.name for b in tab.figures.bars]
    assert len(bars) == 25 and bars[names.index("เมืองอุบลราชธานี")] == 11 * 1_810_050 / 100_000_000
    months = tab.figures.months
    assert months[0].label == "ต.ค." and months[0].actual == MONTHLY and months[-1].actual is None


def test_a_bar_opens_the_districts_month_in_the_entry_tab(qtbot, world):
    window = open_window(qtbot, world.database, world.province)
    tab = window.dashboard_tab
    tab.picker.set_period(2569, 8)
    settle()
    warin = [b.code for b in tab.figures.bars].index("3415")
    tab._bar_clicked(warin)  # what a click on Warin's bar calls (QtCharts gives the bar's index)
    settle()
    assert window.tabs.currentWidget() is window.entry_tab
    assert window.entry_tab.picked_period() == (2569, 8, "3415", None)
    assert window.entry_tab.model.rowCount() == 1


def test_the_charts_click_maps_the_bar_drawn_at_the_bottom_to_the_last_district(qtbot, world):
    window = open_window(qtbot, world.database, world.province)
    tab = window.dashboard_tab
    settle()
    series = tab.chart_views["districts"].chart().series()[0]
    series.clicked.emit(0, series.barSets()[0])  # Qt draws the first category at the bottom
    settle()
    assert window.entry_tab.picked_period()[2] == tab.figures.bars[-1].code == "3433"


def test_forecast_and_tiers_join_the_monthly_line_and_refresh(qtbot, world):
    window = open_window(qtbot, world.database, world.province)
    tab = window.dashboard_tab
    tab.picker.set_period(2569, 8)
    settle()
    assert len(tab.chart_views["months"].chart().series()) == 1
    Office(world.database, world.province).run(
        forecast.save_forecast, fiscal_year=2569, months={10: ((100_000, 0, 0, 0), "")}
    )
    tab.reload()
    settle()
    names = [s.name() for s in tab.chart_views["months"].chart().series()]
    assert names == ["ยอดจำหน่ายสะสม", "ประมาณการสะสม"]
    assert tab.figures.months[0].forecast == 100_000


def test_each_chart_saves_as_png(qtbot, world, tmp_path, monkeypatch):
    window = open_window(qtbot, world.database, world.province)
    tab = window.dashboard_tab
    target = tmp_path / "districts"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), ""))
    tab.save_chart(tab.chart_views["districts"])
    image = QImage(str(target) + ".png")
    assert not image.isNull() and image.width() > 200


def test_the_department_sees_provinces_and_only_confirmed_months(qtbot, world):

    department = UserInfo("dept", "department", NATIONAL, "", "")
    window = open_window(qtbot, world.database, department)
    tab = window.dashboard_tab
    tab.picker.set_period(2569, 8)
    settle()
    assert tab.figures.bar_unit == "จังหวัด" and tab.figures.total.total == 0
    assert "เฉพาะเดือนที่จังหวัดยืนยันแล้ว" in tab.cards[0].text()
    Office(world.database, world.province).run(locks.lock_province, fiscal_year=2569, month=8, incomplete_ok=True)
    tab.reload()
    settle()
    assert tab.figures.total.total == MONTHLY


def test_the_roadmap_board_colours_late_and_overdue_cells(qtbot, world):
    with connect(world.database) as con:  # August saved on the 30th (UTC+7 morning): on time
        con.execute("UPDATE monthly_sale SET updated_at = '2026-08-30 03:00:00' WHERE month = 8")
    Office(world.database, world.province).run(locks.lock_district, district_code="3401", fiscal_year=2569, month=8)
    window = open_window(qtbot, world.database, world.province, today=date(2026, 9, 20))  # August is due
    tab = window.roadmap_tab
    window.tabs.setCurrentWidget(tab)  # a tab reads when first shown
    tab.year_box.setCurrentIndex(tab.year_box.findData(2569))
    settle()
    model = tab.model
    rows = [r.code for r in model.board.rows]
    mueang, warin, august = rows.index("3401"), rows.index("3415"), 10
    locked_on = model.cell(mueang, august).locked_at
    assert model.data(model.index(mueang, august)).splitlines() == [
        "3/3",
        f"ล็อก {locked_on.day} {THAI_MONTHS_SHORT[locked_on.month - 1]}",
    ]
    assert cell_state(model.cell(mueang, august)) == LATE  # locked, but after 5 September
    assert cell_state(model.cell(warin, august)) == OVERDUE  # never locked
    assert model.rowCount() == 25 + 3
    assert model.data(model.index(25, august)) == "8% (2/25)"  # reporting rate: two districts complete
    assert model.headerData(25, Qt.Orientation.Vertical) == "อัตราการรายงาน"
    with connect(world.database) as con:
        con.execute("UPDATE district_lock SET changed_at = '2026-09-02 03:00:00'")
    tab.reload()
    settle()
    assert cell_state(tab.model.cell(mueang, august)) == ON_TIME


def test_export_panel_writes_the_workbook_off_the_gui_thread(qtbot, world, tmp_path, monkeypatch):
    window = open_window(qtbot, world.database, world.province)
    panel = window.reports_tab.export_panel
    panel.export_box.setCurrentIndex(panel.export_box.findData("so4"))
    panel.year_box.setCurrentIndex(panel.year_box.findData(2569))
    panel.month_box.setCurrentIndex(panel.month_box.findData(8))
    target = tmp_path / "so4-august"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), ""))
    panel.save(".xlsx")
    qtbot.waitUntil(lambda: panel.last_path is not None, timeout=10000)
    assert panel.last_path.name == "so4-august.xlsx" and "25 แถว" in panel.status.text()
    assert panel.folder_button.isEnabled()
    sheet = load_workbook(panel.last_path).worksheets[0]
    total = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "รวม")
    assert round(total[8] * 100) == MONTHLY
    opened = []
    monkeypatch.setattr(
        "otop_desktop.ui.export_panel.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile())
    )
    panel.open_folder()
    assert opened == [str(tmp_path)]


def test_a_district_user_exports_only_its_district(qtbot, world):
    window = open_window(qtbot, world.database, world.warin)
    panel = window.reports_tab.export_panel
    assert panel.area_box.count() == 1 and panel.area_box.currentData() is None
    window.tabs.setCurrentWidget(window.roadmap_tab)  # a tab reads when first shown
    settle()
    assert [r.code for r in window.roadmap_tab.model.board.rows] == ["3415"]


def test_a_chart_saved_where_no_file_can_go_is_refused_in_thai(qtbot, world, tmp_path, monkeypatch):
    from otop_desktop.ui import dashboard_tab

    window = open_window(qtbot, world.database, world.province)
    shown = []
    monkeypatch.setattr(dashboard_tab, "show_error", lambda parent, error: shown.append(error.message))
    folder = tmp_path / "out"
    (folder / "a-folder.png").mkdir(parents=True)
    for target in (folder / "no-such-folder" / "chart.png", folder / "a-folder.png"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), ""))
        window.dashboard_tab.save_chart(window.dashboard_tab.chart_views["districts"])
    assert len(shown) == 2 and all(m.startswith("บันทึกไฟล์") for m in shown), shown
    assert [p.name for p in folder.iterdir()] == ["a-folder.png"]
