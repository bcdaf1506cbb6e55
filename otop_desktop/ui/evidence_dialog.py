"""ทะเบียน จต.๒ ที่ลงนามแล้ว: the province drops the scans that came back (files or a folder) or chooses them; each
page is read off the GUI thread, with progress and cancel, and shown with the print it names and what became
of it; a page with no readable code takes the code and page typed from its footer; below, the year's register,
whose files open in the system's viewer and export to a folder per quarter and district."""

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services import areas, entry, names
from otop_desktop.services.access import Action
from otop_desktop.services.evidence.due import LAST_DAY, quarter_due_day, set_quarter_due_day
from otop_desktop.services.evidence.intake import Outcome, PageResult, take_in_scans
from otop_desktop.services.evidence.register import Copy, export_evidence, list_evidence, open_copy
from otop_desktop.services.forms.verify import EXAMPLE, shown_code
from otop_desktop.services.thai import BE_OFFSET, THAI_MONTHS_SHORT, fiscal_year_of, to_local, today_in_thailand
from otop_desktop.ui.common import fit_to_screen, read_only_view
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.file_dialogs import FileKind, existing_folder, open_file_names
from otop_desktop.ui.operations import perform, perform_in_background, read, read_in_background
from otop_desktop.ui.period_picker import fill_years
from otop_desktop.ui.plain_table import PlainTableModel

SCANS = "ไฟล์สแกน (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.JPEG *.PNG)"
COLOURS = {
    Outcome.RECORDED: "#C8E6C9",
    Outcome.BESIDE: "#E3F2FD",
    Outcome.SAME_SCAN: "#EEEEEE",
    Outcome.REFUSED: "#FFCDD2",
    Outcome.NO_CODE: "#FFE0B2",
}
CHANGED = "#FFCDD2"
UNSIGNED = "#FFF9C4"  # kept, waiting for its print's page with the signatures


def short_time(stored) -> str:
    """A stored UTC time as '5 ธ.ค. 2569 10:45' in Thailand's time, for a table's narrow column."""
    local = to_local(stored)
    return f"{local.day} {THAI_MONTHS_SHORT[local.month - 1]} {local.year + BE_OFFSET} {local:%H:%M}"


def _takes_a_code(page: PageResult | None) -> bool:
    """A page whose code was not read, or was typed and refused (mistyped): the officer may type it (again)."""
    return page is not None and (page.outcome is Outcome.NO_CODE or (page.outcome is Outcome.REFUSED and page.typed))


class EvidenceDialog(QDialog):
    """Take in scanned signed จต.๒ and keep the register of them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today=None, fiscal_year: int | None = None):
        super().__init__(parent)
        self.context = context
        self.names = read(self, names.list_names) or names.Names()  # logins as people read them
        self.setWindowTitle(self.tr("ทะเบียน จต.๒ ที่ลงนามแล้ว"))
        self.pages: list[PageResult] = []
        self.copies: list[Copy] = []
        self._choosers(fiscal_year_of(today or today_in_thailand()), fiscal_year)
        self._tables()
        self._layout()
        self._connect()
        fit_to_screen(self, 1300, 700)
        self.reload()

    def _choosers(self, this_year: int, shown_year: int | None) -> None:
        """The year first shown is the one the roadmap shows (copies of last year's last quarter come home in
        the new year's first months), else this year."""
        self.year_box, self.district_box = QComboBox(), QComboBox()
        fill_years(self.year_box, sorted({this_year, shown_year or this_year}, reverse=True), shown_year or this_year)
        read_in_background(
            self,
            entry.list_fiscal_years,
            on_done=lambda years: fill_years(self.year_box, years),
            today_fiscal_year=this_year,
        )
        self.district_box.addItem(self.tr("ทุกอำเภอ"), None)
        for district in read(self, areas.list_districts) or []:
            self.district_box.addItem(f"{district.code} {district.name}", district.code)
        self.files_button = QPushButton(self.tr("รับไฟล์สแกน…"))
        self.folder_button = QPushButton(self.tr("รับทั้งโฟลเดอร์…"))
        self.due_day_box = QSpinBox()
        self.due_day_box.setRange(1, LAST_DAY)
        self.due_day_box.setValue(read(self, quarter_due_day) or 5)
        self.due_day_box.setToolTip(self.tr("วันที่ของเดือนถัดจากสิ้นไตรมาส ที่อำเภอต้องส่งสำเนา จต.๒ ที่ลงนามแล้วถึงจังหวัด"))
        self.due_day_button = QPushButton(self.tr("ตั้งกำหนดส่ง"))

    def _tables(self) -> None:
        headings = (self.tr("ไฟล์ / หน้า"), self.tr("ผล"), self.tr("รหัส"), self.tr("แบบที่พิมพ์"), self.tr("ตัวเลข"))
        self.results = PlainTableModel([*headings, self.tr("หมายเหตุ")], self)
        self.results_view = read_only_view(self.results, (190, 200, 130, 430, 170))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(
            self.tr("รหัสและเลขหน้าที่พิมพ์ท้ายแบบ (มุมขวาล่าง) เช่น {example} 3/3").format(example=EXAMPLE)
        )
        self.code_button = QPushButton(self.tr("ตรวจและบันทึกหน้านี้"))
        headings = (self.tr("อำเภอ"), self.tr("งวด"), self.tr("รหัส"), self.tr("พิมพ์โดย"), self.tr("รับเมื่อ"))
        self.register = PlainTableModel([*headings, self.tr("ไฟล์ / หน้า"), self.tr("ตัวเลข")], self)
        self.register_view = read_only_view(self.register, (190, 200, 130, 190, 190, 200))
        self.open_button = QPushButton(self.tr("เปิดไฟล์สแกน"))
        self.export_button = QPushButton(self.tr("ส่งออกทั้งปี…"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons = (self.files_button, self.folder_button, self.code_button, self.open_button, self.export_button)
        for button in (*buttons, self.due_day_button):
            button.setAutoDefault(False)  # Enter in the code box takes the code, never opens a file chooser

    def _layout(self) -> None:
        may = self.context.permissions
        for button in (self.files_button, self.folder_button, self.code_button, self.due_day_box, self.due_day_button):
            button.setEnabled(may.may(Action.RECEIVE_EVIDENCE))
            button.setToolTip(may.reason(Action.RECEIVE_EVIDENCE))
        self.setAcceptDrops(may.may(Action.RECEIVE_EVIDENCE))
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("ปีงบประมาณ")), self.year_box, QLabel(self.tr("อำเภอ")), self.district_box):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.files_button)
        top.addWidget(self.folder_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._intake_part())
        splitter.addWidget(self._register_part())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _intake_part(self) -> QWidget:
        """The hint, the last intake's summary and pages, and the box for a typed code."""
        hint = QLabel(
            self.tr(
                "ลากไฟล์สแกน (PDF จากเครื่องสแกน หรือภาพ JPEG/PNG จากโทรศัพท์) หรือทั้งโฟลเดอร์มาวางที่หน้าต่างนี้ได้ "
                "· โปรแกรมอ่านรหัสจาก QR code ทุกหน้าแล้วจับคู่กับการพิมพ์ · หน้าที่อ่านรหัสไม่ได้ ให้เลือกแถวแล้วพิมพ์รหัสและเลขหน้าที่ท้ายแบบ"
            )
        )
        hint.setWordWrap(True)
        typing = QHBoxLayout()
        typing.addWidget(self.code_edit, 1)
        typing.addWidget(self.code_button)
        part = QWidget()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((hint, 0), (self.summary, 0), (self.results_view, 1)):
            column.addWidget(widget, stretch)
        column.addLayout(typing)
        return part

    def _register_part(self) -> QWidget:
        """The register and its buttons."""
        buttons = QHBoxLayout()
        for widget in (QLabel(self.tr("กำหนดส่ง: วันที่")), self.due_day_box, QLabel(self.tr("ของเดือนถัดจากสิ้นไตรมาส"))):
            buttons.addWidget(widget)
        buttons.addWidget(self.due_day_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        part = QWidget()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("<b>สำเนาที่ลงนามแล้วในทะเบียน</b>")))
        column.addWidget(self.register_view, 1)
        column.addLayout(buttons)
        return part

    def _connect(self) -> None:
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.code_button.clicked.connect(self.take_typed_code)
        self.code_edit.returnPressed.connect(self.take_typed_code)
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.export_year)
        self.due_day_button.clicked.connect(self.set_due_day)
        self.year_box.currentIndexChanged.connect(self.reload)
        self.district_box.currentIndexChanged.connect(self.reload)
        self.results_view.selectionModel().currentRowChanged.connect(self._row_picked)
        self._row_picked()

    # --- taking in -------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.take_in([Path(url.toLocalFile()) for url in event.mimeData().urls() if url.toLocalFile()])

    def choose_files(self) -> None:
        """Pick scanned files to take in."""
        chosen = open_file_names(self, FileKind.SCAN, self.tr("เลือกไฟล์สแกน จต.๒ ที่ลงนามแล้ว"), self.tr(SCANS))
        self.take_in([Path(p) for p in chosen])

    def choose_folder(self) -> None:
        """Pick a folder of scans (its subfolders too)."""
        folder = existing_folder(self, FileKind.SCAN, self.tr("เลือกโฟลเดอร์ของไฟล์สแกน"))
        self.take_in([Path(folder)] if folder else [])

    def take_in(self, paths: list[Path], codes: dict | None = None, replacing: int | None = None) -> None:
        """Read the scans off the GUI thread with progress and cancel, then show each page's outcome."""
        if not paths:
            return

        def done(result) -> None:
            new = list(result.result.pages)
            if replacing is None:
                self.pages = new + self.pages
            else:  # the typed page's outcome alone: the file's other pages are listed already
                picked = self.pages[replacing]
                self.pages[replacing : replacing + 1] = [p for p in new if p.page == picked.page] or new
            self.summary.setText(result.result.summary())
            self.show_pages()
            self._show_year_of(new)
            self.reload()

        perform_in_background(
            self,
            take_in_scans,
            on_done=done,
            progress=self.tr("กำลังอ่าน QR code จากไฟล์สแกน…"),
            paths=paths,
            codes=codes,
        )

    def _show_year_of(self, pages: list[PageResult]) -> None:
        """The register turns to the fiscal year of the copies just kept, when they are all of one other year."""
        years = {page.fiscal_year for page in pages if page.outcome in (Outcome.RECORDED, Outcome.BESIDE)}
        if len(years) == 1 and (year := years.pop()) != self.year_box.currentData():
            shown = [self.year_box.itemData(i) for i in range(self.year_box.count())]
            fill_years(self.year_box, sorted({*shown, year}, reverse=True), year)

    def show_pages(self) -> None:
        """The pages taken in during this window's life, newest first."""
        rows, colours, tips = [], [], []
        for page in self.pages:
            where = f"{page.file_name} {self.tr('หน้า')} {page.page}/{page.pages}" if page.pages else page.file_name
            figures = "" if page.matches is None else self.tr("ตรง") if page.matches else page.figures_text
            rows.append(
                [where, page.outcome_name, shown_code(page.code) if page.code else "", page.print_text, figures]
                + [page.reason]
            )
            colour = CHANGED if page.matches is False else UNSIGNED if page.unsigned else COLOURS[page.outcome]
            colours.append(QBrush(QColor(colour)))
            tips.append("\n".join(text for text in (page.print_text, page.reason, *page.changes) if text) or None)
        self.results.set_rows(rows, colours, tips)
        self._row_picked()

    def _row_picked(self, *_) -> None:
        page = self._picked_page()
        allowed = self.context.permissions.may(Action.RECEIVE_EVIDENCE)
        self.code_edit.setEnabled(allowed and _takes_a_code(page))
        self.code_button.setEnabled(self.code_edit.isEnabled())

    def _picked_page(self) -> PageResult | None:
        row = self.results_view.currentIndex().row()
        return self.pages[row] if 0 <= row < len(self.pages) else None

    def take_typed_code(self) -> None:
        """Match the picked unreadable page by the code and page typed from its footer."""
        page = self._picked_page()
        code = self.code_edit.text().strip()
        if not _takes_a_code(page) or not code:
            return
        self.code_edit.clear()
        self.take_in([Path(page.path)], {(page.path, page.page): code}, replacing=self.pages.index(page))

    # --- the register ----------------------------------------------------------------------------
    def set_due_day(self) -> None:
        """The province sets the day of the month after a quarter by which signed copies are due."""
        if perform(self, set_quarter_due_day, day=self.due_day_box.value()) is not None:
            self.reload()

    def reload(self) -> None:
        """Read the year's register off the GUI thread."""
        year = self.year_box.currentData()
        if year is None:
            return
        read_in_background(
            self,
            list_evidence,
            on_done=self.show_register,
            fiscal_year=year,
            district_code=self.district_box.currentData(),
        )

    def show_register(self, copies) -> None:
        """Each kept page: district, period, code, printed, received, file and page, figures."""
        self.copies = list(copies)
        rows, colours, tips = [], [], []
        for copy in self.copies:
            figures = self.tr("ตรง") if copy.matches else self.tr("เปลี่ยนหลังพิมพ์ {n} รายการ").format(n=len(copy.changes))
            rows.append(
                [
                    f"{copy.district_code} {copy.district_name}",
                    copy.period,
                    shown_code(copy.code),
                    f"{self.names.person(copy.printed_by)} {short_time(copy.printed_at)}",
                    f"{self.names.person(copy.received_by)} {short_time(copy.received_at)}",
                    copy.kept_text,
                    figures,
                ]
            )
            colours.append(None if copy.matches else QBrush(QColor(CHANGED)))
            tips.append("\n".join(copy.changes) or None)
        self.register.set_rows(rows, colours, tips)

    def open_selected(self) -> None:
        """Open the picked row's scanned file in the system's viewer (a copy written to a temporary folder)."""
        row = self.register_view.currentIndex().row()
        if not 0 <= row < len(self.copies):
            QMessageBox.information(self, self.windowTitle(), self.tr("กรุณาเลือกแถวในทะเบียนก่อน"))
            return
        folder = tempfile.mkdtemp(prefix="otop-scan-")
        done = perform(self, open_copy, file_id=self.copies[row].file_id, folder=folder)
        if done is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(done.result)))

    def export_year(self) -> None:
        """Write the year's scans into a folder, one folder per quarter and district."""
        folder = existing_folder(self, FileKind.SCAN, self.tr("เลือกโฟลเดอร์ที่จะส่งออกไฟล์สแกน"))
        if not folder:
            return

        def done(result) -> None:
            QMessageBox.information(
                self,
                self.windowTitle(),
                result.result.said,
            )

        perform_in_background(
            self,
            export_evidence,
            on_done=done,
            progress=self.tr("กำลังส่งออกไฟล์สแกน…"),
            fiscal_year=self.year_box.currentData(),
            folder=Path(folder),
        )
