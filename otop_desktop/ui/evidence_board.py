"""The roadmap board's quarters of signed จต.๒ (ได้รับ จต.๒ ที่ลงนามแล้ว): four columns beside the months, one
row per district in the board's order, coloured like the months (on time, late, overdue, not yet due) by the
quarter's deadline (the 5th after it ends), marked where the figures changed after the copy on file was
printed; the last rows give the rate of districts with the quarter on file."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from otop_desktop.services.reports.roadmap import Board
from otop_desktop.services.thai import THAI_MONTHS_SHORT, format_thai_date

ON_TIME, LATE, OVERDUE, WAITING, NOT_BEGUN = "#C8E6C9", "#FFE0B2", "#FFCDD2", "#FFFDE7", "#EEEEEE"
CHANGED_TEXT = "#B71C1C"


def quarter_state(quarter) -> str:
    """The colour of a district's quarter: on time, late, overdue, waiting, or not begun."""
    if not quarter.begun:
        return NOT_BEGUN
    if quarter.on_file:
        return LATE if quarter.late else ON_TIME
    return OVERDUE if quarter.overdue else WAITING


class EvidenceModel(QAbstractTableModel):
    """The districts' quarters, then as many rows as the board has rates, the first giving the rate on file."""

    def __init__(self, rate_rows: int, parent=None):
        super().__init__(parent)
        self.board: Board | None = None
        self.rate_rows = rate_rows

    def set_board(self, board: Board) -> None:
        self.beginResetModel()
        self.board = board
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or self.board is None or not self.board.evidence:
            return 0
        return len(self.board.rows) + self.rate_rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def quarter(self, row: int, column: int):
        """The district's quarter at a row and column (None for the rate rows)."""
        if self.board is None or row >= len(self.board.rows):
            return None
        return self.board.evidence[self.board.rows[row].code][column]

    def _text(self, quarter) -> str:
        if not quarter.begun:
            return "–"
        if quarter.on_file:
            first = self.tr("รับ {day}").format(
                day=f"{quarter.received_at.day} {THAI_MONTHS_SHORT[quarter.received_at.month - 1]}"
            )
        elif quarter.months_on_file:
            first = self.tr("รับ {n}/3 เดือน").format(n=len(quarter.months_on_file))
        else:
            first = self.tr("ยังไม่รับ")
        return first + ("\n" + self.tr("เลขเปลี่ยน") if quarter.changed else "")

    def _tooltip(self, quarter) -> str:
        lines = [self.tr("กำหนดส่ง จต.๒ ที่ลงนามแล้ว: {due}").format(due=format_thai_date(quarter.due))]
        if quarter.received_at:
            lines.append(self.tr("ได้รับครบไตรมาส: {when}").format(when=format_thai_date(quarter.received_at)))
        elif quarter.months_on_file:
            names = " ".join(THAI_MONTHS_SHORT[m - 1] for m in quarter.months_on_file)
            lines.append(self.tr("ได้รับแล้วเฉพาะเดือน {months}").format(months=names))
        if quarter.changed:
            lines.append(self.tr("ตัวเลขในฐานข้อมูลเปลี่ยนไปหลังพิมพ์ฉบับที่ลงนาม: ควรขอฉบับใหม่"))
        return "\n".join(lines)

    def _rate(self, row: int, column: int) -> str:
        if row or not self.board.evidence_rates:
            return ""
        on_file, expected = self.board.evidence_rates[column]
        # not due yet: "0% (0/25)" read as a failing score, where a month reads "–"
        if self.board.today < self.board.evidence_due(column):
            return "–"
        return f"{100 * on_file / expected:.0f}% ({on_file}/{expected})" if expected else ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.board is None:
            return None
        quarter = self.quarter(index.row(), index.column())
        if quarter is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._rate(index.row() - len(self.board.rows), index.column())
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(quarter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(quarter_state(quarter)))
        if role == Qt.ItemDataRole.ForegroundRole and quarter.changed:
            return QBrush(QColor(CHANGED_TEXT))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(quarter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("จต.๒") + "\n" + self.tr("ไตรมาส {n}").format(n=section + 1)
        return None


def evidence_view(board_view: QTableView, rate_rows: int) -> QTableView:
    """A narrow table beside the board's, its rows the board's rows (same height, scrolled together)."""
    model = EvidenceModel(rate_rows)
    view = QTableView()
    model.setParent(view)
    view.setModel(model)
    view.setWordWrap(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(board_view.verticalHeader().defaultSectionSize())
    samples = (model.tr("ไตรมาส 4"), model.tr("ยังไม่รับ"), model.tr("เลขเปลี่ยน"), "รับ 30 พ.ย.")
    column = max(view.fontMetrics().horizontalAdvance(text) for text in samples) + 14
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setDefaultSectionSize(column)
    view.setFixedWidth(4 * column + 2 * view.frameWidth())  # as narrow as its texts: the months keep their room
    heading = 2 * view.fontMetrics().lineSpacing() + 10  # two lines, on both tables, so their rows line up
    for header in (view.horizontalHeader(), board_view.horizontalHeader()):
        header.setFixedHeight(heading)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    board_view.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
    view.verticalScrollBar().valueChanged.connect(board_view.verticalScrollBar().setValue)
    return view
