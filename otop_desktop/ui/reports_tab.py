"""The รายงาน tab, in two parts. Printed forms: pick a form, a month and a district; the form appears in the
tab as it will print (rendered off the GUI thread); save it as PDF or print it, each print recorded with
its verification code; and the verify box, which says whether a printed form's figures are still those in
the database. Exports: the department's eight reports as Excel or CSV (ui/export_panel.py)."""

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services import areas, deadlines, entry
from otop_desktop.services.access import Action
from otop_desktop.services.forms import forecast, jt1, jt2, verify
from otop_desktop.services.forms.completeness import IncompleteForm
from otop_desktop.services.thai import calendar_year_be, fiscal_year_of, today_in_thailand
from otop_desktop.ui.common import agrees
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.errors import show_error
from otop_desktop.ui.export_panel import ExportPanel
from otop_desktop.ui.file_dialogs import FileKind, save_file_name
from otop_desktop.ui.forms_dialogs import ForecastDialog, SignatoriesDialog
from otop_desktop.ui.operations import perform, perform_in_background, read_in_background, read_once_drawn
from otop_desktop.ui.pdf_preview import PdfPreview
from otop_desktop.ui.period_picker import PeriodPicker
from otop_desktop.ui.verify_box import VerifyBox

ALL = "*"  # the district box's "every district" choice
LIST_LIMIT = 12  # months listed in the question before an incomplete print


class ReportsTab(QWidget):
    """แบบ จต.๒ of a district's month: preview, save, print; and verifying a printed code."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.context, self.user = context, context.user
        today = today or today_in_thailand()
        self._folder = tempfile.TemporaryDirectory(prefix="otop-preview-")
        self._previews = 0
        self.form_box = QComboBox()
        self.form_box.addItem(self.tr("แบบ จต.๒ รายงานยอดจำหน่ายประจำเดือน"), "jt2")
        self.form_box.addItem(self.tr("แบบ จต.๑ แบบจัดเก็บข้อมูล (รายชื่อ ช่องว่างให้กรอก)"), "jt1")
        self.may_forecast = context.permissions.may(Action.SET_FORECAST)
        if self.may_forecast:
            self.form_box.addItem(self.tr("แบบประมาณการรายได้ของจังหวัด (ทั้งปีงบประมาณ)"), "forecast")
        self.picker = PeriodPicker(deadlines.printing_month_start(today))  # the latest month a form certifies
        read_in_background(
            self, entry.list_fiscal_years, on_done=self.picker.set_years, today_fiscal_year=fiscal_year_of(today)
        )
        self.scope_box = QComboBox()
        self.scope_box.addItem(self.tr("ประจำเดือน"), None)
        for quarter, months in enumerate(("ต.ค.-ธ.ค.", "ม.ค.-มี.ค.", "เม.ย.-มิ.ย.", "ก.ค.-ก.ย."), 1):
            self.scope_box.addItem(self.tr("ไตรมาสที่ {n} ({months})").format(n=quarter, months=months), quarter)
        self.district_box = QComboBox()
        # Its districts come after it is first shown: sized then, a district's own box was cut to "เมืองอุบ".
        self.district_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.district_label = QLabel(self.tr("อำเภอ"))
        if context.permissions.wide:
            self.district_box.addItem(self.tr("ทุกอำเภอ (หนึ่งแบบต่ออำเภอ)"), ALL)
        read_once_drawn(self, areas.list_districts, on_done=self._show_districts)
        self.arabic_box = QCheckBox(self.tr("เลขอารบิก"))
        self.preview_button = QPushButton(self.tr("แสดงตัวอย่าง"))
        self.save_button = QPushButton(self.tr("บันทึก PDF…"))
        self.print_button = QPushButton(self.tr("พิมพ์…"))
        self.forecast_button = QPushButton(self.tr("ประมาณการรายได้…"))
        self.forecast_button.setVisible(self.may_forecast)
        self.signatories_button = QPushButton(self.tr("ผู้ลงนาม…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview_pane = PdfPreview(self)
        self.document, self.view = self.preview_pane.document, self.preview_pane.view
        self._shown: tuple | None = None  # (form, request) of the pages in the preview
        self.verify_box = VerifyBox(context, self)
        self.code_edit, self.verify_result = self.verify_box.code_edit, self.verify_box.result
        self.export_panel = ExportPanel(context, today=today)
        self._layout()
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_form)
        self.forecast_button.clicked.connect(self.edit_forecast)
        self.signatories_button.clicked.connect(self.edit_signatories)
        for box in (self.form_box, self.scope_box, self.district_box):
            box.currentIndexChanged.connect(self._pickers_changed)
        self.picker.changed.connect(self._pickers_changed)
        self.arabic_box.toggled.connect(self._pickers_changed)
        self._pickers_changed()

    def _show_districts(self, districts) -> None:
        """The districts, read off the GUI thread; the province's view opens on its first district."""
        for district in districts:
            self.district_box.addItem(district.name, district.code)
        if self.context.permissions.wide:
            self.district_box.setCurrentIndex(1)

    def _layout(self) -> None:
        top = QHBoxLayout()
        for widget in (
            QLabel(self.tr("แบบ")),
            self.form_box,
            self.picker,
            self.scope_box,
            self.district_label,
            self.district_box,
            self.arabic_box,
        ):
            top.addWidget(widget)
        top.addStretch(1)
        actions = QHBoxLayout()  # a row of its own: the whole tab fits a 1366-pixel screen
        for button in (
            self.preview_button,
            self.save_button,
            self.print_button,
            self.forecast_button,
            self.signatories_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.preview_pane.toolbar)
        forms = QWidget()
        layout = QVBoxLayout(forms)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.preview_pane, 1)
        layout.addWidget(self.verify_box)
        self.sections = QTabWidget()
        self.sections.addTab(forms, self.tr("แบบพิมพ์ (จต.๒ จต.๑ ประมาณการ)"))
        self.sections.addTab(self.export_panel, self.tr("ส่งออกข้อมูล (Excel/CSV)"))
        QVBoxLayout(self).addWidget(self.sections)

    def _request(self) -> dict:
        quarter = self.scope_box.currentData()
        request = {
            "fiscal_year": self.picker.year,
            "thai_digits": not self.arabic_box.isChecked(),
            "month": None if quarter else self.picker.month,
            "quarter": quarter,
        }
        if self.district_box.currentData() != ALL:
            request["district_code"] = self.district_box.currentData()
        if self.form_box.currentData() == "forecast":  # the province's, for the fiscal year
            return {"fiscal_year": self.picker.year, "thai_digits": not self.arabic_box.isChecked()}
        if self.form_box.currentData() == "jt1":  # a collection sheet is one district's, for a month
            request = {key: value for key, value in request.items() if key != "quarter"}
            request["month"] = self.picker.month
            request.setdefault("district_code", None)
        return request

    def _pickers_changed(self, *_) -> None:
        """Offer only the pickers the chosen form uses, and grey a preview that no longer matches them."""
        form = self.form_box.currentData()
        self.picker.month_box.setEnabled(form == "jt1" or (form == "jt2" and self.scope_box.currentData() is None))
        self.picker.show_month(form != "forecast")
        self.scope_box.setVisible(form == "jt2")
        for widget in (self.district_label, self.district_box):
            widget.setVisible(form != "forecast")
        if self._shown is None:
            return
        self.preview_pane.set_stale(
            ""
            if self._shown == self._current()
            else self.tr("ตัวอย่างนี้เป็นของตัวเลือกก่อนหน้า ไม่ตรงกับที่เลือกอยู่ กด “แสดงตัวอย่าง” เพื่อดูแบบที่เลือก")
        )

    def _current(self) -> tuple:
        return (self.form_box.currentData(), sorted(self._request().items()))

    def _show_pdf(self, path, request: dict) -> None:
        self.preview_pane.load(str(path))
        self._shown = (self.form_box.currentData(), sorted(request.items()))
        self._pickers_changed()

    def _services(self):
        """(preview, print) for one district, or for every district of the province in one PDF."""
        if self.form_box.currentData() == "forecast":
            return forecast.preview_forecast, forecast.print_forecast
        if self.form_box.currentData() == "jt1":
            return jt1.preview_jt1, jt1.print_jt1
        if self.district_box.currentData() == ALL:
            return jt2.preview_province_jt2, jt2.print_province_jt2
        return jt2.preview_jt2, jt2.print_jt2

    def preview(self) -> None:
        """Render the form off the GUI thread and show it in the tab."""
        self._previews += 1
        path = Path(self._folder.name) / f"preview-{self._previews}.pdf"
        self.status.setText(self.tr("กำลังจัดทำตัวอย่าง…"))
        request = self._request()

        def done(result) -> None:
            self._show_pdf(result.result, request)
            self.view.setFocus()  # PgDn, Ctrl+End and Ctrl +/- read the preview at once
            self.status.setText(
                self.tr("ตัวอย่าง {pages} หน้า (รหัสตรวจสอบเอกสารจะพิมพ์บนแบบเมื่อบันทึกหรือพิมพ์)").format(
                    pages=self.document.pageCount()
                )
            )

        perform_in_background(
            self,
            self._services()[0],
            path=path,
            on_done=done,
            on_failed=lambda: self.status.setText(self.tr("ยังไม่ได้จัดทำตัวอย่าง")),  # refused: said in its box
            progress=self.tr("กำลังจัดทำตัวอย่าง…"),
            **request,
        )

    def save_pdf(self) -> None:
        """Save the form as PDF; the print is recorded with its verification code."""
        request = self._request()
        year = request["fiscal_year"]
        period = (  # a month by its calendar year (พฤศจิกายน 2569: 2569-11), a quarter or a year by the fiscal one
            f"{calendar_year_be(year, request['month'])}-{request['month']:02d}"
            if request.get("month")
            else f"ปีงบ{year}-ไตรมาส{request['quarter']}"
            if request.get("quarter")
            else f"ปีงบ{year}"
        )
        form = {"jt1": "จต1", "forecast": "ประมาณการ"}.get(self.form_box.currentData(), "จต2")
        suggested = f"{form}-{request.get('district_code') or self.user.province_code}-{period}.pdf"
        kinds = self.tr("PDF (*.pdf);;Excel (*.xlsx)") if form == "ประมาณการ" else self.tr("PDF (*.pdf)")
        if not self._ready(request):
            return
        path, chosen = save_file_name(self, FileKind.PDF, self.tr("บันทึกไฟล์"), suggested, kinds)
        if not path:
            return
        suffix = ".xlsx" if "xlsx" in (chosen or "") or path.lower().endswith(".xlsx") else ".pdf"

        def done(result) -> None:
            printed = result.result
            written = printed.path
            if Path(written).suffix == ".pdf":
                self._show_pdf(written, request)
            self.status.setText(
                self.tr("บันทึกแล้ว: {path} · {codes}").format(path=written, codes=self.codes_text(printed))
            )

        self._print(Path(path).with_suffix(suffix), done, request)

    def print_form(self) -> None:
        """Print through the system's print dialog: each page drawn at the printer's resolution."""
        if not self._ready(self._request()):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        path = Path(self._folder.name) / "print.pdf"

        def done(result) -> None:
            document = QPdfDocument(self)
            document.load(str(result.result.path))
            send_to_printer(document, printer)
            self.status.setText(
                self.tr("ส่งไปที่เครื่องพิมพ์แล้ว {pages} หน้า · {codes}").format(
                    pages=document.pageCount(), codes=self.codes_text(result.result)
                )
            )

        self._print(path, done, self._request())

    def _ready(self, request: dict) -> bool:
        """Whether a district's จต.๒ has anything to print, said before the officer is asked where to save it or
        on which printer (one district's list: a blink's read); other forms say so as they print."""
        if self.form_box.currentData() != "jt2" or request.get("district_code") is None:
            return True
        return perform(self, jt2.ready_jt2, **request) is not None

    def _print(self, path: Path, done, request: dict) -> None:
        """Run the print; a month not completely entered prints only after the officer says yes to it."""
        service = self._services()[1]

        def refused(error) -> None:
            if not isinstance(error, IncompleteForm):
                show_error(self, error)
            elif self._confirm_incomplete(error):
                perform_in_background(
                    self,
                    service,
                    path=path,
                    on_done=done,
                    progress=self.tr("กำลังจัดทำแบบ…"),
                    incomplete_ok=True,
                    **request,
                )

        perform_in_background(
            self, service, path=path, on_done=done, progress=self.tr("กำลังจัดทำแบบ…"), refused=refused, **request
        )

    def _confirm_incomplete(self, error: IncompleteForm) -> bool:
        """Ask whether to print although entrepreneurs have no figures yet, listing each month's n of N."""
        lines = [self.tr("• {line}").format(line=entry.line()) for entry in error.entries[:LIST_LIMIT]]
        if len(error.entries) > LIST_LIMIT:
            lines.append(self.tr("และอีก {count} รายการ").format(count=len(error.entries) - LIST_LIMIT))
        text = self.tr(
            "ข้อมูลยังกรอกไม่ครบ:\n{lines}\n\nพิมพ์ทั้งที่ยังไม่ครบหรือไม่? แบบที่พิมพ์จะระบุจำนวนที่กรอกแล้ว"
            "ตามรายการข้างต้นไว้ข้างคำรับรอง ผู้ลงนามจะเห็นว่ายังไม่ครบ"
        ).format(lines="\n".join(lines))
        return agrees(self, self.tr("ข้อมูลยังกรอกไม่ครบ"), text)

    def edit_forecast(self) -> None:
        """The province's forecast of the picked fiscal year, month by month beside the actual sales."""
        ForecastDialog(self.context, self.picker.year, self).exec()

    def edit_signatories(self) -> None:
        """Who prepares, certifies and signs the forms of the picked district (or of the province)."""
        code = self.district_box.currentData()
        code = self.user.province_code if code in (None, ALL) else code
        name = self.district_box.currentText() if code != self.user.province_code else self.tr("จังหวัด")
        SignatoriesDialog(self.context, code, name, self).exec()

    def verify_code(self) -> None:
        """Say what the database knows of the print whose code is typed in the verify box."""
        self.verify_box.verify_code()

    def codes_text(self, printed) -> str:
        """'รหัสตรวจสอบเอกสาร ABCD-EFGH-JKLM', or for a province's forms each district's code, the districts left
        out (no list for the period) and those printed before they were complete."""
        if not hasattr(printed, "codes"):
            return self.tr("รหัสตรวจสอบเอกสาร {code}").format(code=verify.shown_code(printed.code))
        text = self.tr("รหัสตรวจสอบเอกสาร {codes}").format(
            codes=", ".join(f"{district} {verify.shown_code(code)}" for district, code in sorted(printed.codes.items()))
        )
        if printed.skipped:
            text += self.tr(" · ไม่มีแบบของ {n} อำเภอ (ยังไม่มีรายชื่อผู้ประกอบการของช่วงเวลานี้): {names}").format(
                n=len(printed.skipped), names=" ".join(printed.skipped)
            )
        if printed.incomplete:
            text += self.tr(" · พิมพ์ทั้งที่ยังไม่ครบ: {lines}").format(lines="; ".join(e.line() for e in printed.incomplete))
        return text


def send_to_printer(document: QPdfDocument, printer: QPrinter) -> None:
    """Draw each page of the PDF on the printer at its resolution."""
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(None, QMessageBox.tr("พิมพ์"), QMessageBox.tr("เปิดเครื่องพิมพ์ไม่ได้"))
        return
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport().size()
            image = document.render(page, target)
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
