"""The roadmap board: districts down, the fiscal year's months across; each cell says how far the district
is with the month (entered, จต.๒ printed, file sent or taken in, locked), coloured by the roadmap's dates
— green on time, orange done late, red overdue — and the month's reporting and on-time rates below."""

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from otop_desktop.core.changes import Kind
from otop_desktop.services import deadlines, entry
from otop_desktop.services.reports.roadmap import Board, Cell, roadmap_board
from otop_desktop.services.thai import (
    FISCAL_MONTHS,
    THAI_MONTHS_SHORT,
    fiscal_year_of,
    format_thai_date,
    month_label,
    today_in_thailand,
)
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.common import FirstShow
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.deadline_marks import BACKGROUNDS, show_due
from otop_desktop.ui.evidence_board import evidence_view
from otop_desktop.ui.evidence_dialog import EvidenceDialog
from otop_desktop.ui.operations import perform_in_background, read, read_in_background
from otop_desktop.ui.period_picker import fill_years

ON_TIME, LATE, OVERDUE, WAITING, NOT_BEGUN = "#C8E6C9", "#FFE0B2", "#FFCDD2", "#FFFDE7", "#EEEEEE"


def _day(moment) -> str:
    return f"{moment.day} {THAI_MONTHS_SHORT[moment.month - 1]}"


def cell_state(cell: Cell) -> str:
    """ON_TIME, LATE (done, but after the roadmap's date), OVERDUE (past the date, not done), WAITING, NOT_BEGUN."""
    if not cell.begun and not cell.listed:
        return NOT_BEGUN
    overdue = (cell.entry_late and not cell.complete) or (cell.lock_late and cell.locked_at is None)
    if overdue:
        return OVERDUE
    if cell.entry_late or cell.lock_late:
        return LATE
    return ON_TIME if cell.locked_at is not None else WAITING


class BoardModel(QAbstractTableModel):
    """The board's rows, then three rows of rates."""

    RATE_ROWS = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.board: Board | None = None

    def set_board(self, board: Board) -> None:
        self.beginResetModel()
        self.board = board
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.board is None else len(self.board.rows) + self.RATE_ROWS

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FISCAL_MONTHS)

    def cell(self, row: int, column: int) -> Cell | None:
        """The board's cell at a row and column (None for the rate rows)."""
        return self.board.rows[row].cells[column] if self.board and row < len(self.board.rows) else None

    def _text(self, cell: Cell) -> str:
        """Two short lines: entered of listed (พ printed, ส sent), then the lock."""
        if not cell.begun and not cell.listed:
            return "–"
        first = f"{cell.entered}/{cell.listed}" if cell.listed else self.tr("ไม่มีรายชื่อ")
        first += self.tr(" พ") if cell.printed_at else ""
        first += self.tr(" ส") if cell.sent_at else ""
        second = self.tr("ล็อก {day}").format(day=_day(cell.locked_at)) if cell.locked_at else self.tr("ยังไม่ล็อก")
        return f"{first}\n{second}"

    def _tooltip(self, cell: Cell) -> str:
        when = lambda moment: f"{format_thai_date(moment)} {moment:%H:%M} น." if moment else self.tr("ยังไม่มี")  # noqa: E731
        lines = [
            self.tr("บันทึกล่าสุด: {when} (กำหนด {due})").format(
                when=when(cell.saved_at), due=format_thai_date(cell.entry_due)
            ),
            self.tr("พิมพ์ จต.๒: {when}").format(when=when(cell.printed_at)),
            self.tr("ส่ง/นำเข้าไฟล์: {when}").format(when=when(cell.sent_at)),
            self.tr("ล็อก: {when} (กำหนด {due})").format(when=when(cell.locked_at), due=format_thai_date(cell.lock_due)),
        ]
        if cell.entry_late:
            lines.append(self.tr("กรอกข้อมูลไม่ทันสิ้นเดือน") if cell.complete else self.tr("เลยสิ้นเดือนแล้วยังกรอกไม่ครบ"))
        if cell.lock_late:
            lines.append(self.tr("ล็อกหลังวันที่ 5") if cell.locked_at else self.tr("เลยวันที่ 5 แล้วยังไม่ล็อก"))
        return "\n".join(lines)

    def _rate_text(self, row: int, column: int) -> str:
        rate = self.board.rates[column]
        shown = rate.shown(("complete", "on_time", "locked")[row])
        return "–" if shown is None else f"{shown[1]:.0f}% ({shown[0]}/{rate.expected})"

    def due_column(self) -> int | None:
        """The column of the month to confirm next, when it is in the board's year."""
        due = self.board.due if self.board else None
        if due is None or due.fiscal_year != self.board.fiscal_year:
            return None
        return FISCAL_MONTHS.index(due.month)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.board is None:
            return None
        row, column = index.row(), index.column()
        cell = self.cell(row, column)
        if cell is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._rate_text(row - len(self.board.rows), column)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(cell)
        if role == Qt.ItemDataRole.FontRole:  # a month's two lines ("ไม่มีรายชื่อ", "ล็อก 30 พ.ย.") fit its column
            font = QFont()
            font.setPointSizeF(font.pointSizeF() * 0.85)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(cell_state(cell)))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.board is None:
            return None
        if orientation == Qt.Orientation.Horizontal and section == self.due_column():
            return self._due_header(role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return THAI_MONTHS_SHORT[FISCAL_MONTHS[section] - 1]
        if section < len(self.board.rows):
            return f"{self.board.rows[section].name} ({self.board.rows[section].code})"
        return (self.tr("อัตราการรายงาน"), self.tr("รายงานทันเวลา"), self.tr("ล็อกแล้ว"))[section - len(self.board.rows)]

    def _due_header(self, role: int):
        """The month to confirm next: marked '▶', coloured by how urgent, its deadline in the tooltip."""
        due = self.board.due
        if role == Qt.ItemDataRole.DisplayRole:
            return "▶ " + THAI_MONTHS_SHORT[due.month - 1]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(BACKGROUNDS[due.urgency]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("เดือนที่ต้องยืนยันถัดไป: {month} · {words}").format(month=due.label, words=due.words)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class RoadmapTab(QWidget):
    """ติดตามงาน: the roadmap board of the user's area for a fiscal year."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.context, self._today = context, today
        today = today or today_in_thailand()
        due = read(self, deadlines.due_month, today=today)  # it opens on the year of the month to confirm next
        self.year_box = QComboBox()
        fill_years(self.year_box, [due.fiscal_year if due else fiscal_year_of(today)])  # the rest come later
        read_in_background(
            self,
            entry.list_fiscal_years,
            on_done=self._set_years,
            today_fiscal_year=fiscal_year_of(today),
        )
        self.refresh_button = QPushButton(self.tr("ปรับปรุง"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.due_label = QLabel()
        self.model = BoardModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)
        self.evidence_view = evidence_view(self.view, BoardModel.RATE_ROWS)  # the quarters' signed จต.๒
        self.evidence_button = QPushButton(self.tr("ทะเบียน จต.๒ ที่ลงนามแล้ว…"))
        self.evidence_button.clicked.connect(self.open_evidence)
        legend = QLabel(
            self.tr(
                "กำหนดตามแผน: กรอกข้อมูลภายในสิ้นเดือน · ล็อก (ยืนยัน) ภายในวันที่ 5 ของเดือนถัดไป · "
                "ช่องแสดง กรอกแล้ว/รายชื่อ (พ = พิมพ์ จต.๒ แล้ว, ส = ส่งหรือนำเข้าไฟล์แล้ว) และวันที่ล็อก<br>"
                "<span style='background:{a}'>&nbsp;ทันกำหนด&nbsp;</span> "
                "<span style='background:{b}'>&nbsp;ทำแล้วแต่ช้า&nbsp;</span> "
                "<span style='background:{c}'>&nbsp;เลยกำหนดยังไม่ทำ&nbsp;</span> "
                "<span style='background:{d}'>&nbsp;ยังไม่ถึงกำหนด&nbsp;</span>"
            ).format(a=ON_TIME, b=LATE, c=OVERDUE, d=WAITING)
            + self.tr(
                " · จต.๒ ไตรมาส: ได้รับสำเนา จต.๒ ที่ลงนามแล้วครบไตรมาส ภายในกำหนดของจังหวัด "
                "(เลขเปลี่ยน = ตัวเลขแก้หลังพิมพ์ ควรขอฉบับใหม่)"
            )
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("ปีงบประมาณ")))
        top.addWidget(self.year_box)
        top.addWidget(self.refresh_button)
        top.addSpacing(16)
        top.addWidget(self.due_label)
        top.addStretch(1)
        top.addWidget(self.evidence_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(legend)
        layout.addWidget(self.summary)
        tables = QHBoxLayout()
        tables.setSpacing(0)
        tables.addWidget(self.view, 1)
        tables.addWidget(self.evidence_view)
        layout.addLayout(tables, 1)
        self.year_box.currentIndexChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        context.bus.changed.connect(self._on_change)
        self._loading = None
        self.first_show = FirstShow(self, self.reload, deferred=True)

    def reload(self) -> None:
        """Read the board off the GUI thread and show it."""
        year = self._loading = self.year_box.currentData()

        def done(result) -> None:
            if self._loading == year:
                self.show_board(result.result)

        perform_in_background(self, roadmap_board, on_done=done, fiscal_year=year, today=self._today)

    def show_board(self, board: Board) -> None:
        """Show a board and a sentence on the month to confirm next (else the latest month whose entry is due,
        else the latest begun)."""
        self.model.set_board(board)
        show_due(self.due_label, board.due)
        self.evidence_view.model().set_board(board)
        self.evidence_view.setVisible(bool(board.evidence))
        cells = [row.cells for row in board.rows]
        due = [i for i in range(12) if cells and cells[0][i].entry_due < board.today]
        begun = [i for i in range(12) if any(c[i].begun for c in cells)]
        if not begun:
            self.summary.setText(self.tr("ปีงบประมาณนี้ยังไม่เริ่ม"))
            return
        index = self.model.due_column()
        index = (due or begun)[-1] if index is None else index
        rate = board.rates[index]
        overdue = sum(cell_state(r.cells[index]) == OVERDUE for r in board.rows)
        self.summary.setText(
            self.tr(
                "{area} เดือน{month}: กรอกครบ {complete} จาก {expected} {unit} · ทันเวลา {on_time} · "
                "ล็อกแล้ว {locked} · เลยกำหนด {overdue} {unit}"
            ).format(
                area=board.area_name,
                month=month_label(board.fiscal_year, FISCAL_MONTHS[index]),
                complete=rate.complete,
                expected=rate.expected,
                unit=board.unit_name,
                on_time=rate.on_time,
                locked=rate.locked,
                overdue=overdue,
            )
        )
        if board.evidence_rates:  # the signed จต.๒ of the month's quarter
            on_file, expected = board.evidence_rates[index // 3]
            due = board.evidence_due(index // 3)
            self.summary.setText(
                self.summary.text()
                + self.tr(
                    " · ได้รับ จต.๒ ที่ลงนามแล้ว ไตรมาส {quarter}: {on_file} จาก {expected} อำเภอ (กำหนด {due})"
                ).format(quarter=index // 3 + 1, on_file=on_file, expected=expected, due=format_thai_date(due))
            )

    def open_evidence(self) -> None:
        """The register of signed จต.๒: take in scans, open and export them."""
        dialog = EvidenceDialog(self.context, self, today=self._today, fiscal_year=self.year_box.currentData())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one each time, on the year shown then
        dialog.setModal(True)
        dialog.show()

    def _set_years(self, years) -> None:
        """The fiscal years there are, the one shown kept."""
        fill_years(self.year_box, sorted({*years, self.year_box.currentData()}, reverse=True))

    def _on_change(self, notice: Notice) -> None:
        if self.first_show.pending:  # not looked at yet: it reads when first shown
            return
        if notice.changes.touches(Kind.SALES | Kind.LOCKS | Kind.PRINTS | Kind.FILES, self.year_box.currentData()):
            self.reload()
