"""A table's first columns kept in view while it scrolls sideways (Qt's "frozen column" example): a second
view of the same model and selection laid over the left edge, showing only those columns."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def fit_columns_to_contents(view: QTableView, columns) -> None:
    """Make each of `columns` as wide as its widest cell or heading, so no amount is cut to "1,234,5..."."""
    for column in columns:
        view.resizeColumnToContents(column)


class FrozenColumns(QTableView):
    """The first `count` columns of `view`, pinned over its left edge; rows, widths and selection follow it."""

    def __init__(self, view: QTableView, count: int):
        super().__init__(view)
        self.view, self.count = view, count
        self.setModel(view.model())
        self.setSelectionModel(view.selectionModel())
        self.setSelectionBehavior(view.selectionBehavior())
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(view.verticalScrollMode())
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setStyleSheet("QTableView { border-right: 2px solid #90a4ae; }")
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.viewport().stackUnder(self)
        view.horizontalHeader().sectionResized.connect(self.follow)
        view.verticalHeader().sectionResized.connect(lambda row, _old, height: self.setRowHeight(row, height))
        view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        self.doubleClicked.connect(view.doubleClicked)
        for signal in (view.model().modelReset, view.model().layoutChanged, view.model().headerDataChanged):
            signal.connect(self.follow)
        self._watcher = _ResizeWatcher(self.follow, view)
        view.installEventFilter(self._watcher)
        self.follow()
        self.show()

    def follow(self, *_) -> None:
        """Show only the pinned columns, as wide as the table's, over its left edge."""
        model = self.model()
        for column in range(model.columnCount()):
            self.setColumnHidden(column, column >= self.count or self.view.isColumnHidden(column))
            if column < self.count:
                self.setColumnWidth(column, self.view.columnWidth(column))
        self.horizontalHeader().setFixedHeight(self.view.horizontalHeader().height())
        frame = self.view.frameWidth()
        width = sum(self.view.columnWidth(c) for c in range(min(self.count, model.columnCount())))
        left = frame + (self.view.verticalHeader().width() if self.view.verticalHeader().isVisible() else 0)
        height = self.view.viewport().height() + self.view.horizontalHeader().height()
        self.setGeometry(left, frame, width + 2, height)
        self.verticalScrollBar().setValue(self.view.verticalScrollBar().value())


class _ResizeWatcher(QObject):
    """Calls back when the watched table is resized or shown (its viewport's height changes)."""

    def __init__(self, callback, parent):
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.callback()
        return False
