"""The department's sales by zone on หน้าหลัก: a bar per geographic region (ภาค); a click on a region's bar, or
picking it in the list, drills down to that region's provinces (the eight highest drawn). The table below lists
the exact sums of every one."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from otop_desktop.services.money import format_baht
from otop_desktop.ui import charts
from otop_desktop.ui.plain_table import PlainTableModel

MAX_PROVINCE_BARS = 8  # bars a region's chart draws, highest first, readable in a third of a 1366-pixel screen


def _share(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "-"


class ZoneView(QWidget):
    """Sales by region, then the provinces of the region picked (a bar clicked or chosen in the list)."""

    def __init__(self, regions, parent: QWidget | None = None):
        super().__init__(parent)
        self.regions = tuple(regions)
        self.region_box = QComboBox()
        self.region_box.addItem(self.tr("ทุกภาค"), None)
        for region in self.regions:
            self.region_box.addItem(region.name, region.code)
        self.region_box.setToolTip(self.tr("เลือกภาคเพื่อดูยอดจำหน่ายรายจังหวัดในภาคนั้น"))
        self.model = PlainTableModel([self.tr("ภาค"), self.tr("ยอดจำหน่าย (บาท)"), self.tr("สัดส่วน")], self)
        self.model.right_aligned = {1, 2}
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setMinimumHeight(130)  # five rows; the chart keeps room for its labels on a 768-pixel screen
        self.table.setMaximumHeight(160)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart_view = None
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("ยอดจำหน่ายแยกตามภาค")))
        picker.addStretch(1)
        picker.addWidget(self.region_box)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(picker)
        self._layout.addWidget(self.table, 1)
        self.region_box.currentIndexChanged.connect(self.show_level)
        self.show_level()

    @property
    def region(self):
        """The region drilled into, None at the top (every region)."""
        code = self.region_box.currentData()
        return next((region for region in self.regions if region.code == code), None)

    def show_level(self, *_) -> None:
        """Draw the regions, or the provinces of the region picked, and list their exact sums."""
        region = self.region
        if region is None:
            rows = [(r.name, r.total) for r in self.regions]
            title = self.tr("ยอดจำหน่ายรายภาค (ล้านบาท) · คลิกแท่งเพื่อดูรายจังหวัด")
            heading = self.tr("ภาค")
        else:
            rows = [(p.name, p.total) for p in region.provinces]  # highest first
            title = self.tr("{region}: ยอดจำหน่ายรายจังหวัด (ล้านบาท)").format(region=region.name)
            if len(rows) > MAX_PROVINCE_BARS:
                title = self.tr("{region}: {count} จังหวัดยอดสูงสุด (ล้านบาท)").format(
                    region=region.name, count=MAX_PROVINCE_BARS
                )
            heading = self.tr("จังหวัด")
        drawn = rows if region is None else rows[:MAX_PROVINCE_BARS]
        view = charts.bar_chart(
            title,
            [name for name, _ in drawn],
            [total for _, total in drawn],
            horizontal=True,
            on_click=self._region_clicked if region is None else None,
        )
        if self.chart_view is not None:
            self._layout.replaceWidget(self.chart_view, view)
            self.chart_view.hide()  # at once: deleted only when the event loop next turns
            self.chart_view.deleteLater()
        else:
            self._layout.insertWidget(1, view, 2)
        self.chart_view = view
        self._fill_table(heading, rows)

    def _fill_table(self, heading: str, rows) -> None:
        whole = sum(total for _, total in rows)
        self.model.headers[0] = heading
        self.model.set_rows(
            [[name, format_baht(total), _share(total, whole)] for name, total in rows]
            + [[self.tr("รวม"), format_baht(whole), _share(whole, whole)]],
            bold_rows={len(rows)},
        )
        self.table.resizeColumnToContents(1)

    def _region_clicked(self, index: int) -> None:
        if 0 <= index < len(self.regions):
            self.region_box.setCurrentIndex(index + 1)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace) and self.region is not None:
            self.region_box.setCurrentIndex(0)  # back up to every region
            return
        super().keyPressEvent(event)
