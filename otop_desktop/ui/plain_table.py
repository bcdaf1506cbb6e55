"""A read-only table model over rows of text, with optional colours per row, for small panels."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont


class PlainTableModel(QAbstractTableModel):
    """Rows of strings under headers; `set_rows` replaces them all."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list[list[str]] = []
        self.backgrounds: list[QBrush | None] = []
        self.foregrounds: list[QBrush | None] = []
        self.tooltips: list[str | None] = []
        self.bold_rows: set[int] = set()
        self.right_aligned: set[int] = set()
        self.cell_tips: dict[tuple[int, int], str] = {}  # (row, column): a cell's own tooltip, before its row's

    def set_rows(
        self, rows: list[list[str]], backgrounds=None, tooltips=None, bold_rows=(), foregrounds=None, cell_tips=None
    ) -> None:
        """Show new rows, each optionally with a background and a text brush and a tooltip; some rows bold; some
        cells with a tooltip of their own (a login behind the name shown)."""
        self.beginResetModel()
        self.rows = rows
        self.cell_tips = dict(cell_tips or {})
        self.backgrounds = list(backgrounds or [None] * len(rows))
        self.foregrounds = list(foregrounds or [None] * len(rows))
        self.tooltips = list(tooltips or [None] * len(rows))
        self.bold_rows = set(bold_rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.backgrounds[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foregrounds[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tips.get((index.row(), index.column())) or self.tooltips[index.row()]
        if role == Qt.ItemDataRole.FontRole and index.row() in self.bold_rows:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
