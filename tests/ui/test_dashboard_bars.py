"""The dashboard's bars read as an officer reads them: highest first, the exact baht when the pointer rests on a
bar, and the user's own area marked."""

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QToolTip

from tests.ui.conftest import open_window, settle


def open_dashboard(qtbot, world, user):
    window = open_window(qtbot, world.database, user)
    window.resize(1366, 740)
    tab = window.dashboard_tab
    tab.picker.set_period(2569, 8)
    settle()
    return window, tab


def hover(qtbot, view, drawn_index: int, value: float) -> str:
    """Rest the pointer on a horizontal bar (Qt counts them from the bottom) and read the tooltip."""
    chart = view.chart()
    series = chart.series()[0]
    point = view.mapFromScene(chart.mapToPosition(QPointF(value / 2, drawn_index), series))
    qtbot.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    return QToolTip.text()


def test_the_province_sees_its_districts_highest_first_with_their_figures(qtbot, world, messages):
    window, tab = open_dashboard(qtbot, world, world.province)
    view = tab.chart_views["districts"]
    values = view.property("bar_values")
    assert values == sorted(values, reverse=True) and values[0] > values[1] > 0  # Mueang, then Warin
    series = view.chart().series()[0]
    tip = hover(qtbot, view, len(values) - 2, values[1])  # Warin, second from the top
    assert tip == "อำเภอวารินชำราบ: 33,000.11 บาท"
    assert not any(series.barSets()[0].isBarSelected(i) for i in range(len(values)))  # a province has no bar of its own


def test_a_district_sees_its_own_bar_marked(qtbot, world, messages):
    window, tab = open_dashboard(qtbot, world, world.warin)
    view = tab.chart_views["districts"]
    bars = view.chart().series()[0].barSets()[0]
    assert bars.count() == 1 and bars.isBarSelected(0)
    assert hover(qtbot, view, 0, view.property("bar_values")[0]) == "อำเภอวารินชำราบ: 33,000.11 บาท (พื้นที่ของท่าน)"
