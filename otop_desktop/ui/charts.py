"""The program's charts, behind one small module: Qt marks QtCharts deprecated since 6.10 in favour of Qt
Graphs, so no other module imports either. Amounts arrive in satang and are drawn in millions of baht
(drawing only: every figure a user reads as text comes from the services' exact sums)."""

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from otop_desktop.core.files import write_bytes

MILLION_SATANG = 100_000_000  # one million baht
MARKED = "#EF6C00"  # the user's own area among the bars
COLOURS = ("#1565C0", "#EF6C00", "#2E7D32", "#6A1B9A", "#C62828", "#00838F")


def millions(satang: int | None) -> float | None:
    """Satang as millions of baht, for drawing."""
    return None if satang is None else satang / MILLION_SATANG


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSizeF(font.pointSizeF() * 1.1)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(160)  # two rows of charts, the cards and the backup reminder fit a 768-pixel screen
    return view


def _value_axis(title: str, top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setLabelFormat("%.0f" if top >= 10 else "%.1f" if top >= 1 else "%.2f")  # under a million: no row of 0s
    axis.setRange(0, top * 1.08 if top > 0 else 1)
    axis.applyNiceNumbers()
    axis.setTruncateLabels(False)  # "2000", not "…", where the chart is short of room
    return axis


def _small(axis, points: float = 8.0) -> None:
    font = QFont(axis.labelsFont())
    font.setPointSizeF(points)
    axis.setLabelsFont(font)
    axis.setTruncateLabels(False)


def bar_chart(
    title: str,
    labels: Sequence[str],
    satang: Sequence[int],
    *,
    on_click: Callable[[int], None] | None = None,
    horizontal: bool = False,
    series_name: str = "",
    tips: Sequence[str] = (),
    marked: int | None = None,
) -> QChartView:
    """Bars of amounts (in millions of baht), horizontal ones listed from the top;
    `tips[i]` shown when the pointer rests on bar i (the exact figure), bar `marked` in its own colour;
    `on_click(index)` when a bar is clicked, with the index in the order given."""
    count = len(satang)
    order = list(reversed(range(count))) if horizontal else list(range(count))  # Qt draws the first at the bottom
    labels, satang = [labels[i] for i in order], [satang[i] for i in order]
    chart = _chart(title)
    bars = QBarSet(series_name or title)
    bars.setColor(QColor(COLOURS[0]))
    bars.append([millions(v) or 0.0 for v in satang])
    if marked is not None and 0 <= marked < count:
        bars.setSelectedColor(QColor(MARKED))
        bars.selectBar(order.index(marked))
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    chart.legend().setVisible(False)
    categories = QBarCategoryAxis()
    categories.append([label.replace(" ", "\u00a0") for label in labels])  # one line each: Qt elides a wrapped label
    _small(categories, 7.5 if len(labels) > 20 else 7.0 if horizontal and len(labels) > 4 else 8.0)
    values = _value_axis("" if horizontal else "ล้านบาท", max((millions(v) or 0.0 for v in satang), default=0.0))
    category_side, value_side = (
        (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        if horizontal
        else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
    )
    chart.addAxis(categories, category_side)
    chart.addAxis(values, value_side)
    series.attachAxis(categories)
    series.attachAxis(values)
    if on_click is not None:
        series.clicked.connect(lambda index, _set: on_click(order[index]))
    view = _view(chart)
    if tips:
        series.hovered.connect(lambda over, index, _set: _show_tip(view, tips[order[index]] if over else ""))
    drawn = [millions(v) or 0.0 for v in satang]
    view.setProperty("bar_values", [drawn[order.index(i)] for i in range(count)])  # read by tests, in the order given
    return view


def _show_tip(view: QChartView, text: str) -> None:
    """The hovered bar's figure beside the pointer, or no tip once it leaves the bar."""
    if text:
        QToolTip.showText(QCursor.pos(), text, view)
    else:
        QToolTip.hideText()


def line_chart(
    title: str, labels: Sequence[str], lines: Sequence[tuple[str, Sequence[int | None]]], dashed: Sequence[bool] = ()
) -> QChartView:
    """Lines over the months (in millions of baht, which the title says); a None value leaves a gap (a month not
    entered yet)."""
    chart = _chart(title)
    categories = QBarCategoryAxis()
    categories.append(list(labels))
    _small(categories)
    top = max((millions(v) for _, values in lines for v in values if v is not None), default=0.0)
    values_axis = _value_axis("", top)  # the unit is in the title: a short chart cropped the axis's to "ล้า…"
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    for number, (name, values) in enumerate(lines):
        series = QLineSeries()
        series.setName(name)
        pen = QPen(QColor(COLOURS[number % len(COLOURS)]))
        pen.setWidthF(2.5)
        if number < len(dashed) and dashed[number]:
            pen.setStyle(Qt.PenStyle.DashLine)
        series.setPen(pen)
        series.setPointsVisible(True)
        for index, value in enumerate(values):
            if value is not None:
                series.append(index + 0.0, millions(value))
        chart.addSeries(series)
        series.attachAxis(categories)
        series.attachAxis(values_axis)
    return _view(chart)


def png_bytes(view: QWidget) -> bytes:
    """What a chart (or any widget) shows, as a PNG image in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    view.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def save_png(view: QChartView, path: Path | str) -> Path:
    """Save what the chart shows as a PNG file through the one writer; a Thai InvalidInput when it cannot."""
    return write_bytes(path, png_bytes(view))
