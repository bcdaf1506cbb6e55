"""The ตรวจสอบข้อมูล tab: the month's data-quality check of the user's area (or one district, at the department
one province), read off the GUI thread; a double-click opens the line's cell in the entry tab; selected lines
are marked ตรวจแล้ว with a note; the list prints as a PDF or saves as xlsx/CSV."""

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.core.changes import Kind
from otop_desktop.services import areas, deadlines, entry
from otop_desktop.services.access import Action
from otop_desktop.services.quality import check, reviews, sheet
from otop_desktop.services.quality.findings import Finding, QualityCheck
from otop_desktop.services.thai import fiscal_year_of, format_thai_datetime, today_in_thailand
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.common import read_only_view
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.file_dialogs import FileKind, save_file_name
from otop_desktop.ui.operations import perform, perform_in_background, read, read_in_background
from otop_desktop.ui.period_picker import PeriodPicker
from otop_desktop.ui.plain_table import PlainTableModel

CHECKED = QBrush(QColor("#e8f5e9"))
WATCHED = Kind.SALES | Kind.ENTREPRENEURS | Kind.LOCKS | Kind.REVIEWS


def unchecked_sentence(counts: dict[str, int], district_code: str | None = None) -> str:
    """For the lock question: 'มีรายการจากการตรวจสอบข้อมูลที่ยังไม่ได้ตรวจ 3 รายการ …' ('' when none)."""
    count = counts.get(district_code, 0) if district_code else sum(counts.values())
    if not count:
        return ""
    text = QCoreApplication.translate(
        "QualityTab", "มีรายการจากการตรวจสอบข้อมูลที่ยังไม่ได้ตรวจ {count} รายการ (ดูแท็บ “ตรวจสอบข้อมูล”)"
    )
    return text.format(count=f"{count:,}") + "\n\n"


class QualityTab(QWidget):
    """Findings of a month, with who marked each checked."""

    open_cell = Signal(str, int, int, int, int)  # district, fiscal year, month, entrepreneur (0: none), channel (-1)

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.context = context
        self._today = today or today_in_thailand()
        self.result: QualityCheck | None = None
        self.shown: list[Finding] = []
        self._loading = None
        self._stale = True
        due = read(self, deadlines.due_month, today=self._today)  # the month to check before its lock
        self.picker = PeriodPicker(due.check_start if due else self._today)
        read_in_background(
            self,
            entry.list_fiscal_years,
            on_done=lambda years: self.picker.set_years(sorted({*years, self.picker.year}, reverse=True)),
            today_fiscal_year=fiscal_year_of(self._today),
        )
        self.area_box = QComboBox()
        self.swing_box = QSpinBox()
        self.swing_box.setRange(1, 1000)
        self.swing_box.setValue(check.SWING_PERCENT)
        self.swing_box.setSuffix(" %")
        self.swing_box.setToolTip(self.tr("แจ้งเมื่อยอดรวมของอำเภอเปลี่ยนจากเดือนเดียวกันปีก่อนเกินร้อยละนี้"))
        self.show_checked = QCheckBox(self.tr("แสดงรายการที่ตรวจแล้ว"))
        self.check_button = QPushButton(self.tr("ตรวจสอบ"))
        self.mark_button = QPushButton(self.tr("ตรวจแล้ว…"))
        self.print_button = QPushButton(self.tr("พิมพ์ PDF…"))
        self.export_button = QPushButton(self.tr("ส่งออก xlsx/CSV…"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = PlainTableModel(
            [
                self.tr("ประเภท"),
                self.tr("อำเภอ"),
                self.tr("ตำบล"),
                self.tr("ผู้ประกอบการ"),
                self.tr("ช่องทาง"),
                self.tr("รายละเอียด"),
                self.tr("การตรวจ"),
            ],
            self,
        )
        self.view = read_only_view(self.model, (130, 120, 100, 220, 120, 520), self)
        self.view.setWordWrap(True)
        self._fill_areas()
        self._layout()
        self._connect()

    def _fill_areas(self) -> None:
        permissions = self.context.permissions
        if not permissions.wide:
            self.area_box.setVisible(False)
            return
        national = permissions.level == "country"
        self.area_box.addItem(self.tr("ทั้งประเทศ") if national else self.tr("ทุกอำเภอ"), None)
        listed = read(self, areas.list_provinces if national else areas.list_districts) or []
        for area in listed:
            self.area_box.addItem(area.name, area.code)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addWidget(self.area_box)
        top.addWidget(QLabel(self.tr("ยอดอำเภอเปลี่ยนเกิน")))
        top.addWidget(self.swing_box)
        top.addWidget(self.show_checked)
        top.addWidget(self.check_button)
        top.addStretch(1)
        for button in (self.mark_button, self.print_button, self.export_button):
            top.addWidget(button)
        hint = QLabel(
            self.tr("ดับเบิลคลิกรายการเพื่อเปิดช่องนั้นในแท็บบันทึกข้อมูล · รายการที่ตรวจแล้ว (พร้อมหมายเหตุ) จะไม่แจ้งซ้ำจนกว่าตัวเลขจะเปลี่ยน")
        )
        hint.setStyleSheet("color:#555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        may = self.context.permissions.may(Action.REVIEW_QUALITY)
        self.mark_button.setEnabled(may)
        self.mark_button.setToolTip(self.context.permissions.reason(Action.REVIEW_QUALITY))

    def _connect(self) -> None:
        self.picker.changed.connect(self.reload)
        self.area_box.currentIndexChanged.connect(self.reload)
        self.swing_box.editingFinished.connect(self.reload)
        self.check_button.clicked.connect(self.reload)
        self.show_checked.toggled.connect(self._show)
        self.view.doubleClicked.connect(lambda index: self.open_finding(index.row()))
        self.mark_button.clicked.connect(self.mark_selected)
        self.print_button.clicked.connect(lambda: self.save_as(self.tr("PDF (*.pdf)"), ".pdf"))
        self.export_button.clicked.connect(lambda: self.save_as(self.tr("Excel (*.xlsx);;CSV (*.csv)"), ".xlsx"))
        self.context.bus.changed.connect(self._on_change)

    # --- reading ---------------------------------------------------------------------------------
    def _options(self) -> dict:
        return {
            "fiscal_year": self.picker.year,
            "month": self.picker.month,
            "area_code": self.area_box.currentData(),
            "swing_percent": self.swing_box.value(),
        }

    def reload(self) -> None:
        """Run the check of the picked month off the GUI thread, then show it."""
        options = self._loading = self._options()
        self._stale = False
        self.summary.setText(self.tr("กำลังตรวจสอบข้อมูล…"))

        def done(result) -> None:
            if self._loading == options:
                self.show_result(result)

        read_in_background(self, check.check_month, on_done=done, **options)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_change(self, notice: Notice) -> None:
        if notice.changes.touches(WATCHED, self.picker.year):
            self._stale = True
            if self.isVisible():
                self.reload()

    # --- showing ---------------------------------------------------------------------------------
    def show_result(self, result: QualityCheck) -> None:
        """Show a check's findings (the checked ones only when asked) and its counts."""
        self.result = result
        self._show()

    def _show(self, *_) -> None:
        result = self.result
        if result is None:
            return
        self.shown = [f for f in result.findings if self.show_checked.isChecked() or not f.reviewed]
        rows = [
            [
                f.kind.title,
                f.district_name,
                f.tambon_name,
                f.entrepreneur_name,
                f.channel_name,
                f.text,
                self._review_text(f),
            ]
            for f in self.shown
        ]
        self.model.set_rows(rows, [CHECKED if f.reviewed else None for f in self.shown], [f.text for f in self.shown])
        self.view.resizeRowsToContents()
        text = self.tr("{area}: ตรวจ {rows} ราย · {counts}").format(
            area=result.area_name, rows=f"{result.rows:,}", counts=result.counts_text()
        )
        self.summary.setText(text if result.findings else text + self.tr(" — ไม่พบรายการที่ควรตรวจสอบ"))

    def _review_text(self, finding: Finding) -> str:
        review = finding.review
        if review is None:
            return self.tr("ยังไม่ตรวจ")
        return self.tr("ตรวจแล้ว: {note} ({who} {when})").format(
            note=review.note, who=review.shown_by, when=format_thai_datetime(review.reviewed_at)
        )

    def selected(self) -> list[Finding]:
        """The findings on the selected lines."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.shown[row] for row in rows if row < len(self.shown)]

    # --- actions ---------------------------------------------------------------------------------
    def open_finding(self, row: int) -> None:
        """Open the line's district month (and its entrepreneur's cell) in the entry tab."""
        if 0 <= row < len(self.shown) and self.result is not None:
            f = self.shown[row]
            channel = -1 if f.channel is None else f.channel
            self.open_cell.emit(
                f.district_code, self.result.fiscal_year, self.result.month, f.entrepreneur_id or 0, channel
            )

    def mark_selected(self) -> None:
        """Mark the selected lines checked, with a note the officer types."""
        chosen = [f for f in self.selected() if not f.reviewed] or self.selected()
        if not chosen or self.result is None:
            self.summary.setText(self.tr("กรุณาเลือกรายการที่ตรวจแล้วในตาราง"))
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("ตรวจแล้ว"),
            self.tr("หมายเหตุการตรวจ {count} รายการ (เช่น โทรสอบถามอำเภอแล้ว ยอดถูกต้อง):").format(count=len(chosen)),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok:
            return
        options = self._options()
        options.pop("area_code")
        if perform(self, reviews.mark_checked, keys=[f.key for f in chosen], note=note, **options):
            self.reload()

    def save_as(self, filters: str, suffix: str) -> None:
        """Ask where, then write the check as a PDF, or a workbook or CSV, off the GUI thread."""
        kind = FileKind.PDF if suffix == ".pdf" else FileKind.WORKBOOK
        path, picked = save_file_name(self, kind, self.tr("บันทึกผลการตรวจสอบข้อมูล"), "", filters)
        if not path:
            return
        if not path.lower().endswith((".pdf", ".xlsx", ".csv")):
            path += ".csv" if "csv" in (picked or "").lower() else suffix
        perform_in_background(
            self,
            sheet.save_check,
            on_done=lambda _: self.summary.setText(self.tr("บันทึกไฟล์ {path} แล้ว").format(path=path)),
            path=path,
            progress=self.tr("กำลังบันทึกผลการตรวจสอบ…"),
            **self._options(),
        )
