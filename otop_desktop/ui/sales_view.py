"""The entry grid's view: spreadsheet keys (typing replaces, Enter and Tab move, Esc cancels), copy and paste."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QTableView,
)

from otop_desktop.services.sheet_text import csv_text
from otop_desktop.ui.sales_model import FIRST_AMOUNT, TOTAL_COLUMN


class AmountDelegate(QStyledItemDelegate):
    """Edits an amount in a right-aligned line; Enter commits and moves down."""

    enter_pressed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.start_empty = False

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor, index):
        # Typing into a cell replaces its value, as in a spreadsheet; F2 or a double-click edits it.
        editor.setText("" if self.start_empty else index.data(Qt.ItemDataRole.EditRole) or "")
        self.start_empty = False

    def setModelData(self, editor, model, index):
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)


class SalesTableView(QTableView):
    """A QTableView that behaves like a spreadsheet for the entry grid."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.amount_delegate = AmountDelegate(self)
        for column in range(FIRST_AMOUNT, TOTAL_COLUMN):
            self.setItemDelegateForColumn(column, self.amount_delegate)
        self.amount_delegate.enter_pressed.connect(self.move_down)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        # Wide enough for the footer's "รวม" under it, however few rows (one digit would cut it to "ร").
        self.verticalHeader().setMinimumWidth(self.fontMetrics().horizontalAdvance(self.tr("รวม")) + 14)

    def set_column_widths(self) -> None:
        """Widths that fit Thai names and, in the totals row's bold, a month's billions of baht in any column,
        on a 1366-pixel screen."""
        for column, width in enumerate((105, 290, 100, 130)):
            self.setColumnWidth(column, width)
        bold = QFont(self.font())
        bold.setBold(True)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        amount = QFontMetrics(bold).horizontalAdvance("9,999,999,999.99") + 2 * margin + 2
        for column in range(FIRST_AMOUNT, TOTAL_COLUMN + 1):
            self.setColumnWidth(column, amount)

    def enable_sorting(self) -> None:
        """A header click sorts by that column (again: descending; a third time: the month's own order)."""
        header = self.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:  # the public slot edit(index); Qt calls back with a trigger
            return super().edit(index)
        self.amount_delegate.start_empty = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        started = super().edit(index, trigger, event)
        if not started:
            self.amount_delegate.start_empty = False
        return started

    def finish_editing(self) -> None:
        """Commit and close an open cell editor, so a save includes what is being typed."""
        if self.state() == QAbstractItemView.State.EditingState:
            editor = self.indexWidget(self.currentIndex())
            if editor is not None:
                self.commitData(editor)
                self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def move_down(self) -> None:
        """Go to the cell below, as Enter does in a spreadsheet."""
        current = self.currentIndex()
        below = current.siblingAtRow(min(current.row() + 1, self.model().rowCount() - 1))
        if below.isValid():
            self.setCurrentIndex(below)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.model().undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.model().undo_stack.redo()
        elif (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.model().clear_cells([(i.row(), i.column()) for i in self.selectedIndexes()])
        elif (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.move_down()
        else:
            super().keyPressEvent(event)

    def paste(self) -> None:
        """Paste the clipboard's block of cells (from Excel or LibreOffice) at the current cell."""
        current = self.currentIndex()
        text = QGuiApplication.clipboard().text()
        if current.isValid() and text:
            self.model().paste_block(current.row(), current.column(), text)

    def copy(self) -> None:
        """Copy the selected cells as tab-separated text, a name that a spreadsheet would run neutralised as in CSV."""
        indexes = sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return
        rows: dict[int, list[str]] = {}
        for index in indexes:
            rows.setdefault(index.row(), []).append(csv_text(index.data() or ""))
        QGuiApplication.clipboard().setText("\n".join("\t".join(cells) for cells in rows.values()))


class TotalsFooter(QTableView):
    """The totals row pinned under the grid, its columns kept in step with the grid's."""

    def __init__(self, grid: QTableView, parent=None):
        super().__init__(parent)
        self.grid = grid
        self.horizontalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().setDefaultSectionSize(28)
        self.setFixedHeight(30)
        grid.horizontalHeader().sectionResized.connect(lambda column, _old, width: self.setColumnWidth(column, width))
        grid.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        grid.verticalHeader().geometriesChanged.connect(self.follow_grid)

    def follow_grid(self) -> None:
        """Copy the grid's column widths and the width of its row-number header."""
        for column in range(self.model().columnCount()):
            self.setColumnWidth(column, self.grid.columnWidth(column))
        header = self.grid.verticalHeader()
        self.model().set_header_width(max(header.sizeHint().width(), header.minimumWidth()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.follow_grid()
