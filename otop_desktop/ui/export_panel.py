"""ส่งออกข้อมูล in the รายงาน tab: pick one of the department's eight exports, its fiscal year (or one month)
and area, save it as an Excel workbook or a CSV file off the GUI thread (with progress and cancel), then
open the folder it went to."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services import areas, entry
from otop_desktop.services.reports import exports, writers
from otop_desktop.services.thai import FISCAL_MONTHS, THAI_MONTHS, calendar_year_be, fiscal_year_of, today_in_thailand
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.file_dialogs import FileKind, save_file_name
from otop_desktop.ui.operations import perform_in_background, read_in_background, read_once_drawn
from otop_desktop.ui.period_picker import fill_years


class ExportPanel(QWidget):
    """The eight exports, saved as .xlsx or .csv."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.context = context
        today = today or today_in_thailand()
        self.export_box = QComboBox()
        for export in exports.EXPORTS:
            self.export_box.addItem(export.title, export.name)
        self.year_box = QComboBox()
        fill_years(self.year_box, [fiscal_year_of(today)])  # the years there are come off the GUI thread
        read_in_background(
            self,
            entry.list_fiscal_years,
            on_done=lambda years: fill_years(self.year_box, years),
            today_fiscal_year=fiscal_year_of(today),
        )
        self.month_box = QComboBox()
        self.area_box = QComboBox()
        self.area_box.addItem(self.tr("ทั้งพื้นที่ของท่าน"), None)
        if context.permissions.wide:  # the districts come off the GUI thread
            read_once_drawn(
                self,
                areas.list_districts,
                on_done=lambda districts: [
                    self.area_box.addItem(self.tr("อำเภอ{name}").format(name=d.name), d.code) for d in districts
                ],
            )
        self.xlsx_button = QPushButton(self.tr("บันทึกเป็น Excel…"))
        self.csv_button = QPushButton(self.tr("บันทึกเป็น CSV…"))
        self.folder_button = QPushButton(self.tr("เปิดโฟลเดอร์"))
        self.folder_button.setEnabled(False)
        self.status = QLabel(
            self.tr(
                "รายงานทั้ง 8 แบบตามรายการของกรมฯ ตัวเลขเป็นบาท ทศนิยม 2 ตำแหน่ง ยอดรวมคำนวณจากแถวในไฟล์ "
                "CSV ใช้รหัส UTF-8 ที่ Excel อ่านภาษาไทยได้"
            )
        )
        self.status.setWordWrap(True)
        self.last_path: Path | None = None
        self._fill_months()
        self._layout()
        self.year_box.currentIndexChanged.connect(self._fill_months)
        self.xlsx_button.clicked.connect(lambda: self.save(".xlsx"))
        self.csv_button.clicked.connect(lambda: self.save(".csv"))
        self.folder_button.clicked.connect(self.open_folder)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("รายงาน"), self.export_box)
        period = QHBoxLayout()
        for widget in (
            self.year_box,
            QLabel(self.tr("ช่วงเวลา")),
            self.month_box,
            QLabel(self.tr("พื้นที่")),
            self.area_box,
        ):
            period.addWidget(widget)
        period.addStretch(1)
        form.addRow(self.tr("ปีงบประมาณ"), period)
        buttons = QHBoxLayout()
        for button in (self.xlsx_button, self.csv_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _fill_months(self) -> None:
        year = self.year_box.currentData()
        self.month_box.clear()
        self.month_box.addItem(self.tr("ทั้งปีงบประมาณ"), None)
        for month in FISCAL_MONTHS:
            self.month_box.addItem(f"{THAI_MONTHS[month - 1]} {calendar_year_be(year, month)}", month)

    def request(self) -> dict:
        """What the pickers say, as the service's arguments."""
        return {
            "name": self.export_box.currentData(),
            "fiscal_year": self.year_box.currentData(),
            "month": self.month_box.currentData(),
            "area_code": self.area_box.currentData(),
        }

    def save(self, suffix: str) -> None:
        """Ask where, then write the export off the GUI thread."""
        request = self.request()
        period = self.month_box.currentText().replace(" ", "-")
        suggested = f"{request['name']}-{request['fiscal_year']}-{period}{suffix}"
        kind = self.tr("สมุดงาน Excel (*.xlsx)") if suffix == ".xlsx" else self.tr("ไฟล์ CSV (*.csv)")
        path, _ = save_file_name(self, FileKind.WORKBOOK, self.tr("บันทึกรายงาน"), suggested, kind)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        self.status.setText(self.tr("กำลังส่งออก…"))

        def done(result) -> None:
            written = result.result
            self.last_path = written.path
            self.folder_button.setEnabled(True)
            sheets = self.tr(" ใน {n} แผ่นงาน").format(n=written.sheets) if written.sheets > 1 else ""
            self.status.setText(
                self.tr("บันทึก {path} แล้ว: {rows:,} แถว{sheets}").format(
                    path=written.path, rows=written.rows, sheets=sheets
                )
            )

        perform_in_background(
            self,
            writers.save_export,
            on_done=done,
            on_failed=lambda: self.status.setText(""),
            progress=self.tr("กำลังส่งออกรายงาน…"),
            path=Path(path),
            **request,
        )

    def open_folder(self) -> None:
        """Show the folder of the last file saved in the desktop's file manager."""
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path.parent)))
