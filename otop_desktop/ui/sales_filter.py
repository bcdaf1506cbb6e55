"""The entry grid's rows as shown: filtered (name, OTOP code, tambon) and sorted (any column, Thai order),
over the month's model, which keeps every edit and the undo history whatever is shown."""

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from otop_desktop.services.money import sum_amounts
from otop_desktop.services.thai import search_key, sort_key
from otop_desktop.ui.sales_model import SalesTableModel


class SalesRows(QSortFilterProxyModel):
    """The grid's model: the month's rows filtered and sorted, with the month model's API in grid rows.

    Rows stay where they are while the officer types (no re-sorting under the cursor); a header click or a
    new filter orders them again. Edits, paste, clear and undo go to the month model by its own rows."""

    def __init__(self, sales: SalesTableModel, parent=None):
        super().__init__(parent)
        self.sales = sales
        self.setSourceModel(sales)
        self.setDynamicSortFilter(False)
        self.needle = ""
        self.tambon_code: str | None = None
        self._haystacks: dict[int, tuple[str, ...]] = {}
        self._rows_shown: list[int] | None = None
        sales.modelReset.connect(self._haystacks.clear)
        for signal in (self.modelReset, self.layoutChanged, self.rowsInserted, self.rowsRemoved):
            signal.connect(self._forget_order)

    def _forget_order(self, *_) -> None:
        self._rows_shown = None

    # --- what is shown -----------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Show the rows whose name, OTOP code or tambon contains `text` (spaces ignored)."""
        needle = search_key(text)
        if needle != self.needle:
            self.needle = needle
            self.invalidate()

    def set_tambon(self, tambon_code: str | None) -> None:
        """Show one tambon's rows (None: every tambon)."""
        if tambon_code != self.tambon_code:
            self.tambon_code = tambon_code
            self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
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

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        column = left.column()
        return self.sales.sort_value(left.row(), column) < self.sales.sort_value(right.row(), column)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)  # numbered as shown, like a spreadsheet's rows
        return super().headerData(section, orientation, role)

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
        return self.mapToSource(self.index(row, 0)).row() if 0 <= row < self.rowCount() else -1

    def _shown(self) -> list[int]:
        if self._rows_shown is None:
            self._rows_shown = [self.source_row(row) for row in range(self.rowCount())]
        return self._rows_shown

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

    def set_typical_totals(self, typical: dict[int, int]) -> None:
        """Each entrepreneur's usual month."""
        self.sales.set_typical_totals(typical)

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
