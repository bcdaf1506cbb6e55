"""The entry grid's rows as shown: filtered (name, OTOP code, tambon) and sorted (any column, Thai order),
over the month's model, which keeps every edit and the undo history whatever is shown."""

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from otop_desktop.services.money import sum_amounts
from otop_desktop.services.thai import search_key, sort_key
from otop_desktop.ui.sales_model import SalesTableModel


class SalesRows(QAbstractProxyModel):
    """The grid's model: the month's rows filtered and sorted, with the month model's API in grid rows.

    Rows stay where they are while the officer types (no re-sorting under the cursor; rows Sync adds come
    last); a header click or a new search orders them again. Edits, paste, clear and undo go to the month
    model by its own rows, so nothing shown or hidden loses an edit. The order is computed in Python with
    one key per row (a province's thousands of rows sort in milliseconds, not a Python call per comparison)."""

    def __init__(self, sales: SalesTableModel, parent=None):
        super().__init__(parent)
        self.sales = sales
        self.needle = ""
        self.tambon_code: str | None = None
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self._haystacks: dict[int, tuple[str, ...]] = {}
        self._order: list[int] = []  # the month model's rows, as shown
        self._position: list[int] = []  # for each of its rows, where it is shown (-1: hidden)
        self.setSourceModel(sales)
        sales.modelAboutToBeReset.connect(self.beginResetModel)
        sales.modelReset.connect(self._source_reset)
        sales.dataChanged.connect(self._source_changed)
        sales.rowsInserted.connect(self._source_inserted)
        self._order, self._position = self._arranged()

    # --- the proxy ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.sales.columnCount()

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._order) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=QModelIndex()) -> QModelIndex:
        return QModelIndex()

    def mapToSource(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid() or index.row() >= len(self._order):
            return QModelIndex()
        return self.sales.index(self._order[index.row()], index.column())

    def mapFromSource(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid() or index.row() >= len(self._position) or self._position[index.row()] < 0:
            return QModelIndex()
        return self.index(self._position[index.row()], index.column())

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None  # numbered as shown
        return self.sales.headerData(section, orientation, role)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (Thai dictionary order for text); column -1: the month's own order."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()  # the current cell and the selection stay on their entrepreneurs
        cells = [(self._order[i.row()], i.column()) for i in before]
        self._order, self._position = self._arranged()
        self.changePersistentIndexList(before, [self.index(self._position[r], c) for r, c in cells])
        self.layoutChanged.emit()

    def _arranged(self) -> tuple[list[int], list[int]]:
        rows = [row for row in range(self.sales.rowCount()) if self._accepts(row)]
        if self.sort_column >= 0:
            column, descending = self.sort_column, self.sort_order == Qt.SortOrder.DescendingOrder
            rows.sort(key=lambda row: self.sales.sort_value(row, column), reverse=descending)  # stable
        position = [-1] * self.sales.rowCount()
        for shown, row in enumerate(rows):
            position[row] = shown
        return rows, position

    def _rearrange(self) -> None:
        self.beginResetModel()
        self._order, self._position = self._arranged()
        self.endResetModel()

    def _source_reset(self) -> None:
        self._haystacks.clear()
        self._order, self._position = self._arranged()
        self.endResetModel()

    def _source_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        shown = [self._position[r] for r in range(top_left.row(), bottom_right.row() + 1) if self._position[r] >= 0]
        if shown:
            first, last = self.index(min(shown), top_left.column()), self.index(max(shown), bottom_right.column())
            self.dataChanged.emit(first, last, roles)

    def _source_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if first != len(self._position):  # not appended (the month model only appends): arrange anew
            self._rearrange()
            return
        self._position.extend([-1] * (last - first + 1))
        added = [row for row in range(first, last + 1) if self._accepts(row)]
        if added:  # Sync's rows come last, as the banner says, whatever the order
            start = len(self._order)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            for shown, row in enumerate(added, start):
                self._position[row] = shown
            self._order.extend(added)
            self.endInsertRows()

    # --- what is shown -----------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Show the rows whose name, OTOP code or tambon contains `text` (spaces ignored)."""
        needle = search_key(text)
        if needle != self.needle:
            self.needle = needle
            self._rearrange()

    def set_tambon(self, tambon_code: str | None) -> None:
        """Show one tambon's rows (None: every tambon)."""
        if tambon_code != self.tambon_code:
            self.tambon_code = tambon_code
            self._rearrange()

    def _accepts(self, source_row: int) -> bool:
        source = self.sales.sale_row(source_row)
        if self.tambon_code and source.tambon_code != self.tambon_code:
            return False
        if not self.needle:
            return True
        haystack = self._haystacks.get(source_row)
        if haystack is None:
            texts = (source.name, self.sales.code_text(source_row), source.tambon_name)
            haystack = self._haystacks[source_row] = tuple(search_key(text) for text in texts)
        return any(self.needle in text for text in haystack)

    def tambons(self) -> list[tuple[str, str]]:
        """The month's tambons (code, name), in Thai order, for the tambon filter."""
        found = {}
        for row in range(self.sales.rowCount()):
            source = self.sales.sale_row(row)
            found[source.tambon_code] = source.tambon_name
        return sorted(found.items(), key=lambda item: sort_key(item[1]))

    # --- the month model's API, in grid rows ---------------------------------------------------
    def source_row(self, row: int) -> int:
        """The month model's row of a grid row (-1 for none)."""
        return self._order[row] if 0 <= row < len(self._order) else -1

    def _shown(self) -> list[int]:
        return self._order

    def amount(self, row: int, column: int) -> int | None:
        """The current amount of a cell in satang."""
        return self.sales.amount(self.source_row(row), column)

    def row_total(self, row: int) -> int:
        """The derived total of a grid row."""
        return self.sales.row_total(self.source_row(row))

    def is_editable(self, row: int, column: int) -> bool:
        """Whether a cell of a grid row may be typed in."""
        return self.sales.is_editable(self.source_row(row), column)

    def is_new(self, row: int) -> bool:
        """Whether a grid row was added by Sync and is not saved yet."""
        return self.sales.is_new(self.source_row(row))

    def is_unusual(self, row: int) -> bool:
        """Whether a grid row's total is far above the entrepreneur's usual month."""
        return self.sales.is_unusual(self.source_row(row))

    def entrepreneur_id(self, row: int) -> int | None:
        """The entrepreneur on a grid row, None for no row."""
        return self.sales.entrepreneur_id(self.source_row(row)) if 0 <= row < self.rowCount() else None

    def row_label(self, row: int) -> str:
        """A grid row named so that two namesakes differ."""
        return self.sales.row_label(self.source_row(row))

    def paste_block(self, top: int, left: int, text: str) -> bool:
        """Paste a block from a grid cell into the rows shown from there down."""
        return self.sales.paste_block(top, left, text, rows=self._shown()[top:])

    def clear_cells(self, cells: list[tuple[int, int]]) -> None:
        """Blank the given cells of grid rows, as one undo step."""
        self.sales.clear_cells([(self.source_row(row), column) for row, column in cells])

    def column_total(self, column: int) -> int:
        """The sum of an amount column over the rows shown."""
        return sum_amounts(self.sales.amount(row, column) for row in self._shown())

    def grand_total(self) -> int:
        """The total of the rows shown."""
        return sum(self.sales.row_total(row) for row in self._shown())

    def all_count(self) -> int:
        """Every row of the month, shown or not."""
        return self.sales.rowCount()

    # the month as a whole: loading, saving, undo
    def load(self, rows, locked_districts=frozenset()) -> None:
        """Show a month's rows (see SalesTableModel.load); the filter and the order stay."""
        self.sales.load(rows, locked_districts)

    def add_rows(self, rows) -> None:
        """Append rows Sync found."""
        self.sales.add_rows(rows)

    def set_typical_totals(self, typical: dict[int, int], channels: dict[int, tuple] | None = None) -> None:
        """Each entrepreneur's usual month, and each channel's."""
        self.sales.set_typical_totals(typical, channels)

    def changes(self):
        """Every unsaved change of the month, shown or not."""
        return self.sales.changes()

    def is_dirty(self) -> bool:
        """Whether the month has unsaved edits, shown or not."""
        return self.sales.is_dirty()

    @property
    def undo_stack(self):
        """The month's undo history."""
        return self.sales.undo_stack

    @property
    def input_refused(self):
        """The month model's signal for refused input."""
        return self.sales.input_refused

    @property
    def headers(self) -> list[str]:
        """The column headings."""
        return self.sales.headers

    @property
    def locked_districts(self) -> frozenset[str]:
        """The districts whose rows are read-only."""
        return self.sales.locked_districts


class FilterBar(QWidget):
    """ค้นหา (name, OTOP code, tambon; Ctrl+F), a tambon picker for a district's own list, and how many show."""

    def __init__(self, rows: SalesRows, with_tambons: bool, shortcut_owner: QWidget, parent=None):
        super().__init__(parent)
        self.rows = rows
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("ค้นหาชื่อ รหัส OTOP หรือตำบล (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.tambon_box = QComboBox()
        self.tambon_box.setMinimumWidth(160)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color:#0d47a1;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("ค้นหา")))
        layout.addWidget(self.search)
        self.tambon_label = QLabel(self.tr("ตำบล"))
        layout.addWidget(self.tambon_label)
        layout.addWidget(self.tambon_box)
        layout.addWidget(self.count_label)
        layout.addStretch(1)
        for widget in (self.tambon_label, self.tambon_box):
            widget.setVisible(with_tambons)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), shortcut_owner)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self.search.textChanged.connect(rows.set_search)
        self.search.textChanged.connect(self._count)
        self.tambon_box.currentIndexChanged.connect(lambda _: rows.set_tambon(self.tambon_box.currentData()))
        self.tambon_box.currentIndexChanged.connect(self._count)
        rows.sales.modelReset.connect(self._fill_tambons)
        rows.sales.rowsInserted.connect(self._fill_tambons)
        self._fill_tambons()

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected to type over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
        else:
            super().keyPressEvent(event)

    def _fill_tambons(self, *_) -> None:
        picked = self.tambon_box.currentData()
        self.tambon_box.blockSignals(True)
        self.tambon_box.clear()
        self.tambon_box.addItem(self.tr("ทุกตำบล"), None)
        for code, name in self.rows.tambons():
            self.tambon_box.addItem(name, code)
        self.tambon_box.setCurrentIndex(max(0, self.tambon_box.findData(picked)))
        self.tambon_box.blockSignals(False)
        self.rows.set_tambon(self.tambon_box.currentData())
        self._count()

    def _count(self, *_) -> None:
        shown, total = self.rows.rowCount(), self.rows.all_count()
        filtered = shown != total or bool(self.rows.needle or self.rows.tambon_code)
        self.count_label.setText(
            self.tr("แสดง {shown} จาก {total} ราย").format(shown=f"{shown:,}", total=f"{total:,}") if filtered else ""
        )
