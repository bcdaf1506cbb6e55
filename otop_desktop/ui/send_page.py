"""The exchange dialog's page for sending: this office's .otop file of a fiscal year's chosen months, the files
sent before (with each file's fingerprint), and the receipts: the province writes one for a district, a district
takes in the province's (its months' locks arrive without a network)."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from otop_desktop.core.errors import OtopError
from otop_desktop.services import areas, names
from otop_desktop.services.access import Action
from otop_desktop.services.exchange import export, receipts
from otop_desktop.services.exchange.fileformat import read_file_bytes
from otop_desktop.services.periods import months_ended
from otop_desktop.services.thai import (
    FISCAL_MONTHS,
    THAI_MONTHS,
    fiscal_year_of,
    format_thai_datetime,
    months_text,
    today_in_thailand,
)
from otop_desktop.ui.common import code_tips, read_only_view
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.errors import show_error
from otop_desktop.ui.file_dialogs import FileKind, open_file_name, save_file_name
from otop_desktop.ui.operations import perform, perform_in_background, read
from otop_desktop.ui.plain_table import PlainTableModel

FILES = "ไฟล์ข้อมูล OTOP (*.otop)"


class SendPage(QWidget):
    """This office's files sent, and the receipts."""

    def __init__(self, context: AppContext, names_shown: names.Names, today: date | None = None, parent=None):
        super().__init__(parent)
        self.context, self.user, self.names = context, context.user, names_shown
        self.today, self.permissions = today or today_in_thailand(), context.permissions
        self.year_box = QComboBox()
        current = fiscal_year_of(self.today)
        for year in range(current + 1, current - 4, -1):
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(self.year_box.findData(current))
        self.month_checks = [QCheckBox(THAI_MONTHS[m - 1]) for m in FISCAL_MONTHS]
        self._tick_begun()
        self.year_box.currentIndexChanged.connect(self._tick_begun)
        months = QHBoxLayout()
        for check in self.month_checks:
            months.addWidget(check)
        export_button = QPushButton(self.tr("ส่งออกไฟล์ .otop ของ{area}…").format(area=self.permissions.office_name))
        export_button.clicked.connect(self.export_file)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("ปีงบประมาณ")))
        top.addWidget(self.year_box)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(months)
        layout.addWidget(export_button, 0, Qt.AlignmentFlag.AlignLeft)
        if self.permissions.may(Action.WRITE_RECEIPT):
            self.receipt_district = QComboBox()
            for area in read(self, areas.list_districts) or []:
                self.receipt_district.addItem(f"{area.code} {area.name}", area.code)
            receipt = QPushButton(self.tr("ออกใบตอบรับให้อำเภอ…"))
            receipt.clicked.connect(self.write_receipt)
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("ใบตอบรับ (ผลการนำเข้าล่าสุดและสถานะการล็อก) สำหรับ")))
            row.addWidget(self.receipt_district)
            row.addWidget(receipt)
            row.addStretch(1)
            layout.addLayout(row)
        else:
            read_button = QPushButton(self.tr("นำเข้าใบตอบรับจากจังหวัด…"))
            read_button.clicked.connect(self.read_receipt)
            layout.addWidget(read_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.sent_model = PlainTableModel(
            [
                self.tr("เมื่อ"),
                self.tr("ไฟล์"),
                self.tr("ปีงบประมาณ"),
                self.tr("เดือน"),
                self.tr("รายการ"),
                self.tr("โดย"),
                self.tr("ลายนิ้วมือไฟล์"),
            ],
            self,
        )
        self.sent_model.right_aligned = {4}
        layout.addWidget(
            QLabel(self.tr("ไฟล์ที่ส่งออกแล้ว (ลายนิ้วมือไฟล์ใช้เทียบกับไฟล์ที่ปลายทางได้รับ ไม่ใช่รหัสตรวจสอบเอกสารบนแบบพิมพ์)"))
        )
        layout.addWidget(read_only_view(self.sent_model, (240, 200, 100, 200, 80, 110)), 1)
        self.refresh_sent()
        if self.permissions.may(Action.READ_RECEIPT):
            self._receipts_table(layout)

    def _receipts_table(self, layout: QVBoxLayout) -> None:
        """The receipts taken in, each with what it said (the files' outcome, the locks, whether the figures
        agree), to read again once its message is closed."""
        self.receipts_model = PlainTableModel(
            [self.tr("รับเมื่อ"), self.tr("ใบตอบรับ"), self.tr("เดือน"), self.tr("ข้อความในใบตอบรับ")], self
        )
        layout.addWidget(QLabel(self.tr("ใบตอบรับที่ได้รับจากจังหวัด (ผลการนำเข้าไฟล์ที่ส่งไป สถานะการล็อก และยอดที่ตรงกันหรือไม่)")))
        layout.addWidget(read_only_view(self.receipts_model, (210, 180, 140)), 1)
        self.refresh_receipts()

    def refresh_receipts(self) -> None:
        """List the receipts this district has taken in."""
        done = perform(self, receipts.list_receipts)
        lines = done.result if done else []
        self.receipts_model.set_rows(
            [
                [
                    format_thai_datetime(line.taken_at),
                    line.file_name,
                    _months_of_year(line.months, line.fiscal_year),
                    line.said,
                ]
                for line in lines
            ],
            tooltips=[line.said for line in lines],
        )

    def _tick_begun(self, *_) -> None:
        """The months of the year picked that have ended, ticked: a month still running is sent at its end (it can
        be ticked by hand), and a month to come has nothing to send yet."""
        ended = months_ended(self.year_box.currentData(), self.today)
        for month, check in zip(FISCAL_MONTHS, self.month_checks):
            check.setChecked(month in ended)

    def refresh_sent(self) -> None:
        """List the files this office has exported."""
        done = perform(self, export.list_exports)
        exports = done.result if done else []
        rows = [
            [
                format_thai_datetime(e.created_at),
                e.file_name,
                str(e.fiscal_year or ""),
                months_text(e.months),
                f"{e.rows:,}",
                self.names.person(e.created_by),
                e.file_digest[:16],
            ]
            for e in exports
        ]
        self.sent_model.set_rows(rows, cell_tips=code_tips(exports, {5: "created_by"}, self.tr("รหัส/ชื่อผู้ใช้: {code}")))

    def _months(self) -> list[int]:
        return [m for m, check in zip(FISCAL_MONTHS, self.month_checks) if check.isChecked()]

    def export_file(self) -> None:
        """Save this office's file for the chosen months and record what was sent."""
        year, months = self.year_box.currentData(), self._months()
        if perform(self, export.check_exportable, fiscal_year=year, months=months) is None:
            return  # refused before a file name is asked for (one query)
        suggested = f"otop-{self.user.area_code}-ปีงบ{year}-{_months_in_name(months)}.otop"
        path, _ = save_file_name(self, FileKind.DISTRICT_FILE, self.tr("ส่งออกไฟล์"), suggested, self.tr(FILES))
        if not path:
            return

        def done(result) -> None:
            saved, digest, rows = result.result
            self.refresh_sent()
            QMessageBox.information(
                self,
                self.tr("ส่งออกไฟล์"),
                self.tr("บันทึกไฟล์แล้ว: {path}\n{words}").format(
                    path=saved, words=export.sent_words(self.user, year, months, rows, digest)
                ),
            )

        perform_in_background(
            self,
            export.export_file,
            fiscal_year=year,
            months=months,
            path=Path(path).with_suffix(".otop"),
            progress=self.tr("กำลังส่งออกไฟล์…"),
            on_done=done,
        )

    def write_receipt(self) -> None:
        """Write the signed receipt for the chosen district."""
        code = self.receipt_district.currentData()
        path, _ = save_file_name(
            self, FileKind.DISTRICT_FILE, self.tr("ใบตอบรับ"), f"receipt-{code}.otop", self.tr(FILES)
        )
        if not path:
            return
        done = perform(
            self,
            receipts.write_receipt,
            district_code=code,
            fiscal_year=self.year_box.currentData(),
            months=self._months(),
            path=path,
        )
        if done:
            QMessageBox.information(
                self, self.tr("ใบตอบรับ"), self.tr("บันทึกใบตอบรับแล้ว: {path}").format(path=done.result)
            )

    def read_receipt(self) -> None:
        """A district takes in the province's receipt: its months' locks arrive without a network."""
        path = open_file_name(self, FileKind.DISTRICT_FILE, self.tr("เลือกใบตอบรับ"), self.tr(FILES))
        if not path:
            return
        try:
            data = read_file_bytes(path)
        except OtopError as error:
            show_error(self, error)
            return
        done = perform(self, receipts.read_receipt, data=data, file_name=Path(path).name)
        if done:
            self.refresh_receipts()
            QMessageBox.information(self, self.tr("ใบตอบรับ"), done.result)


def _months_in_name(months) -> str:
    """A file name's months, by number in fiscal order ("10-11"), or "ทั้งปี"."""
    return "ทั้งปี" if len(months) == 12 else "-".join(f"{month:02d}" for month in months)


def _months_of_year(months, fiscal_year: int | None) -> str:
    """'ต.ค. พ.ย. ปีงบประมาณ 2570': the months of a fiscal year said as such (bare, 2570 read as the calendar year)."""
    return f"{months_text(months)} ปีงบประมาณ {fiscal_year}" if fiscal_year else months_text(months)
