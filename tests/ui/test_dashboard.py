"""หน้าหลัก: the year's total and split as the database holds them, a bar per district (a click opens the
district's month in the entry tab), the monthly line with the forecast and the tiers, PNG images; the
roadmap board's cells and colours; the export panel writing a workbook off the GUI thread."""

from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.services import locks
from otop_desktop.services.forms import forecast
from otop_desktop.services.office import Office
from otop_desktop.services.thai import THAI_MONTHS_SHORT
from otop_desktop.ui import file_dialogs
from otop_desktop.ui.roadmap_tab import LATE, ON_TIME, OVERDUE, cell_state
from tests.conftest import save
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
    series = tab.chart_views["districts"].chart().series()[0]
    series.clicked.emit(len(tab.figures.bars) - 2, series.barSets()[0])  # Warin: second highest, second from the top
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


def test_another_month_shows_its_own_charts_only(qtbot, world):
    """Each month draws its charts anew: the last month's go at once, not when Qt next deletes what it was told
    to (until then they stood over the cards, as the screenshots showed)."""
    window = open_window(qtbot, world.database, world.province)
    tab = window.dashboard_tab
    tab.picker.set_period(2569, 8)
    settle()
    tab.picker.set_period(2569, 7)
    settle()
    kind = type(tab.chart_views["channels"])
    shown = {id(view) for view in tab.findChildren(kind) if view.isVisibleTo(tab)}
    assert shown == {id(view) for view in tab.chart_views.values() if isinstance(view, kind)}


def test_each_chart_saves_as_png(qtbot, world, tmp_path, monkeypatch):
    window = open_window(qtbot, world.database, world.province)
    tab = window.dashboard_tab
    target = tmp_path / "districts"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, target=target, **k: (str(target), ""))
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
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, target=target, **k: (str(target), ""))
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
        monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, target=target, **k: (str(target), ""))
        window.dashboard_tab.save_chart(window.dashboard_tab.chart_views["districts"])
    assert len(shown) == 2 and all(m.startswith("บันทึกไฟล์") for m in shown), shown
    assert [p.name for p in folder.iterdir()] == ["a-folder.png"]


def pick_month(tab, year, month):
    """Pick a fiscal year and a month in the tab's boxes, as a user does."""
    tab.picker.year_box.setCurrentIndex(tab.picker.year_box.findData(year))
    tab.picker.month_box.setCurrentIndex(tab.picker.month_box.findData(month))
    settle()


def test_entered_counts_against_the_areas_own_list_and_says_when_there_is_none(qtbot, world):
    """October 2569 (fiscal 2570): Mueang has saved one entrepreneur; the province has three active ones."""
    window = open_window(qtbot, world.database, world.province, today=date(2026, 11, 20))
    window.resize(1366, 768)
    tab = window.dashboard_tab
    pick_month(tab, 2570, 10)
    assert "เดือนตุลาคม 2569 ยังไม่มีรายชื่อของเดือน (ยังไม่ได้ Sync ข้อมูล) · ผู้ประกอบการที่ยังดำเนินกิจการ 3 ราย" in (
        tab.cards[2].text()
    )
    save(world.database, world.mueang, 2570, 10, {world.ids["ไหม"]: (100, None, None, None)})
    tab.reload()
    settle()
    # not "1 จาก 1": one district's list; the entry tab counts the list, and the card says so
    assert "เดือนตุลาคม 2569 กรอกยอดแล้ว 1 จาก 3 ราย (อยู่ในรายชื่อของเดือนแล้ว 1 ราย)" in tab.cards[2].text()
    assert "กรอกครบ 0 · กรอกบางส่วน 1" in tab.cards[3].text()  # Mueang still misses its rice group

    warin = open_window(qtbot, world.database, world.warin, today=date(2026, 11, 20)).dashboard_tab
    pick_month(warin, 2570, 10)
    assert "ยังไม่มีรายชื่อของเดือน (ยังไม่ได้ Sync ข้อมูล) · ผู้ประกอบการที่ยังดำเนินกิจการ 1 ราย" in warin.cards[2].text()
    assert "0 จาก 0" not in warin.cards[2].text()


def test_the_dashboard_opens_on_and_marks_the_month_due(qtbot, world):
    Office(world.database, world.province).run(locks.lock_province, fiscal_year=2570, month=10, incomplete_ok=True)
    window = open_window(qtbot, world.database, world.province, today=date(2026, 12, 4))
    tab = window.dashboard_tab
    assert (tab.picker.year, tab.picker.month) == (2570, 11) and "เดือนพฤศจิกายน 2569" in tab.cards[3].text()
    assert tab.due_label.text() == "▶ ต้องยืนยันเดือนพฤศจิกายน 2569 ภายใน 5 ธันวาคม 2569 (อีก 1 วัน)"
    assert "#e65100" in tab.due_label.styleSheet()


def test_a_districts_officer_is_told_the_month_the_province_confirms_not_alarmed_by_it(qtbot, world):
    """Only the province locks: the district's dashboard says which month waits for it, calm until its date and
    orange after it (an overdue month read green to a district late with its own figures), never the red of a
    month the officer must confirm."""
    window = open_window(qtbot, world.database, world.warin, today=date(2026, 12, 10))
    label = window.dashboard_tab.due_label
    assert label.text() == "เดือนที่รอจังหวัดยืนยัน: ตุลาคม 2569 · กำหนด 5 พฤศจิกายน 2569 (เลยกำหนด 35 วัน)"  # no ( ( ) )
    assert "#b71c1c" not in label.styleSheet() and "ต้องยืนยัน" not in label.text()
    assert "#e65100" in label.styleSheet()  # past its date: orange, not the green of all being well
    window = open_window(qtbot, world.database, world.warin, today=date(2026, 11, 1))
    label = window.dashboard_tab.due_label
    assert "(อีก 4 วัน)" in label.text() and "#1b5e20" in label.styleSheet()


def test_the_roadmap_marks_the_month_due_and_shows_no_rate_before_a_months_date(qtbot, world):
    Office(world.database, world.province).run(locks.lock_province, fiscal_year=2570, month=10, incomplete_ok=True)
    window = open_window(qtbot, world.database, world.province, today=date(2026, 12, 4), tab="roadmap_tab")
    window.resize(1366, 768)
    tab = window.roadmap_tab
    settle()
    assert tab.year_box.currentData() == 2570
    model, header = tab.model, Qt.Orientation.Horizontal
    assert [model.headerData(c, header) for c in range(3)] == ["ต.ค.", "▶ พ.ย.", "ธ.ค."]
    assert "5 ธันวาคม 2569 (อีก 1 วัน)" in model.headerData(1, header, Qt.ItemDataRole.ToolTipRole)
    assert tab.due_label.text() == "▶ ต้องยืนยันเดือนพฤศจิกายน 2569 ภายใน 5 ธันวาคม 2569 (อีก 1 วัน)"
    assert "#e65100" in tab.due_label.styleSheet() and "เดือนพฤศจิกายน 2569" in tab.summary.text()
    rates = len(model.board.rows)  # the three rate rows follow the districts
    reported, locked = (model.index(rates, c).data() for c in (1, 1)), model.index(rates + 2, 1).data()
    assert next(reported) == "0% (0/25)" and locked == "–"  # November: its end has come, its 5th not yet
    assert {model.index(rates + r, 2).data() for r in range(3)} == {"–"}  # December: nothing due yet
    assert model.index(rates + 2, 0).data() == "100% (25/25)"  # October, confirmed


def test_every_line_of_the_roadmap_boards_cells_fits_its_column_at_1366_by_768(qtbot, world):
    from PySide6.QtGui import QFont, QFontMetrics

    Office(world.database, world.province).run(locks.lock_district, district_code="3401", fiscal_year=2569, month=8)
    window = open_window(qtbot, world.database, world.province, today=date(2026, 12, 4), tab="roadmap_tab")
    window.resize(1366, 768)
    tab = window.roadmap_tab
    tab.year_box.setCurrentIndex(tab.year_box.findData(2569))
    settle()
    model, cut = tab.model, []
    for row in range(len(model.board.rows)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            metrics = QFontMetrics(model.data(index, Qt.ItemDataRole.FontRole) or QFont())
            room = tab.view.columnWidth(column) - 6  # the cell's margins
            cut += [line for line in (model.data(index) or "").splitlines() if metrics.horizontalAdvance(line) > room]
    assert cut == []  # "ไม่มีรายชื่อ" and "ล็อก 30 พ.ย." wrapped or elided at the board's full size


def test_a_provinces_25_district_bars_each_have_room_for_their_name(qtbot, world):
    """At 1366×768 Qt named every other one of 25 bars (the largest unnamed): the chart is as tall as its bars
    need and scrolls in its place."""
    from otop_desktop.ui.dashboard_tab import BAR_ROOM

    window = open_window(qtbot, world.database, world.province)
    window.resize(1366, 768)
    settle()
    view = window.dashboard_tab.chart_views["districts"]
    assert len(view.property("bar_values")) == 25
    assert view.height() >= 25 * BAR_ROOM and view.chart().plotArea().height() >= 25 * (BAR_ROOM - 4)


def test_the_charts_value_axes_show_their_numbers_whole(qtbot, world):
    """A district's cumulative chart read "…" beside its lines where the axis was short of room."""
    from PySide6.QtCharts import QValueAxis

    window = open_window(qtbot, world.database, world.warin)
    window.resize(1366, 768)
    settle()
    axes = [
        axis
        for view in window.dashboard_tab.chart_views.values()
        for axis in view.chart().axes()
        if isinstance(axis, QValueAxis)
    ]
    assert len(axes) == 4 and not any(axis.truncateLabels() for axis in axes)


def test_the_months_cumulative_lines_get_the_more_height(qtbot, world):
    """At 1366×768 the cumulative chart's plot was some 90 pixels under its legend, its tier lines on top of one
    another: it takes the larger share of the height, over the channels' four bars and the types' five."""
    window = open_window(qtbot, world.database, world.province)
    window.resize(1366, 768)
    window.show()
    tab = window.dashboard_tab
    tab.picker.set_period(2569, 8)
    settle()
    views = tab.chart_views
    assert views["months"].height() >= 1.35 * views["channels"].height()
