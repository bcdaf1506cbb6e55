"""Fiscal year (พ.ศ.) and month pickers, months in fiscal order (ตุลาคม … กันยายน) with their calendar year."""

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from otop_desktop.services.thai import FISCAL_MONTHS, THAI_MONTHS, calendar_year_be, fiscal_year_of


def fill_years(box: QComboBox, years: list[int], picked: int | None = None) -> None:
    """Put `years` in a year box in the order given, picking `picked` (else the year picked now), quietly."""
    picked = box.currentData() if picked is None else picked
    box.blockSignals(True)
    box.clear()
    for year in years:
        box.addItem(str(year), year)
    box.setCurrentIndex(max(0, box.findData(picked)))
    box.blockSignals(False)


class PeriodPicker(QWidget):
    """Two combo boxes; `changed` fires when the picked (fiscal year, month) changes. Until `set_years` gives
    the years there are (read off the GUI thread), the only year offered is today's."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.year_box, self.month_box = QComboBox(), QComboBox()
        fill_years(self.year_box, [fiscal_year_of(today)])
        self._fill_months(today.month)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("ปีงบประมาณ")))
        layout.addWidget(self.year_box)
        self.month_label = QLabel(self.tr("เดือน"))
        layout.addWidget(self.month_label)
        layout.addWidget(self.month_box)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self.month_box.currentIndexChanged.connect(lambda: self.changed.emit())

    def _year_changed(self, index: int) -> None:
        if index < 0:  # no year picked (the box emptied): nothing to show months of
            return
        self._fill_months(self.month)
        self.changed.emit()

    def _fill_months(self, month: int) -> None:
        self.month_box.blockSignals(True)
        self.month_box.clear()
        for number in FISCAL_MONTHS:
            self.month_box.addItem(f"{THAI_MONTHS[number - 1]} {calendar_year_be(self.year, number)}", number)
        self.month_box.setCurrentIndex(max(0, self.month_box.findData(month)))
        self.month_box.blockSignals(False)

    def show_month(self, shown: bool) -> None:
        """Show or hide the month picker and its label (a form of the whole year has no month)."""
        self.month_label.setVisible(shown)
        self.month_box.setVisible(shown)

    def set_years(self, years: list[int]) -> None:
        """The fiscal years to offer (newest first), the picked period kept and nothing emitted."""
        fill_years(self.year_box, years)

    @property
    def year(self) -> int:
        """The picked fiscal year."""
        return self.year_box.currentData()

    @property
    def month(self) -> int:
        """The picked calendar month, 1 to 12."""
        return self.month_box.currentData()

    def set_period(self, year: int, month: int, *, quiet: bool = False) -> None:
        """Pick a period; with `quiet`, without emitting `changed` (to put back a refused change)."""
        for box in (self.year_box, self.month_box):
            box.blockSignals(quiet)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(year)))
        self._fill_months(month)
        for box in (self.year_box, self.month_box):
            box.blockSignals(False)
        if not quiet:
            self.changed.emit()
