"""The entry grid's table model: a month's rows, edits with undo, paste of blocks; and the totals footer."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand, QUndoStack

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.entry import CHANNEL_FACTOR, CHANNELS, is_unusual, is_unusual_channel
from otop_desktop.services.money import entered_total, format_baht, parse_amount, sum_amounts
from otop_desktop.services.saving import SaleChange
from otop_desktop.services.thai import sort_key

CODE_COLUMN = 2
FIRST_AMOUNT = 4
TOTAL_COLUMN = FIRST_AMOUNT + len(CHANNELS)
EDITED = QBrush(QColor("#fff4c2"))
NEW_ROW = QBrush(QColor("#e3f2fd"))
UNUSUAL = QBrush(QColor("#ffb74d"))
TOTALS = QBrush(QColor("#e8eef7"))
LOCKED_TEXT = QBrush(QColor("#757575"))
NO_CODE_TEXT = QBrush(QColor("#757575"))
ENTREPRENEUR_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's entrepreneur, read through any proxy of the grid
BOLD = QFont()
BOLD.setBold(True)


class _SetCells(QUndoCommand):
    """One edit, paste or clear: cells (row, amount column, satang) with the values they replace."""

    def __init__(self, model: "SalesTableModel", cells: list[tuple[int, int, int | None]], text: str):
        super().__init__(text)
        self.model = model
        self.new = cells
        self.old = [(row, column, model.amount(row, column)) for row, column, _ in cells]

    def redo(self) -> None:
        self.model._write(self.new)

    def undo(self) -> None:
        self.model._write(self.old)


class SalesTableModel(QAbstractTableModel):
    """A month's sales rows; amounts are satang; TotalsModel shows their sums below the grid."""

    input_refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.locked_districts: frozenset[str] = frozenset()
        self._rows = ()
        self._amounts: list[list[int | None]] = []
        self._typical: dict[int, int] = {}
        self._typical_channels: dict[int, tuple] = {}
        self._text_keys: dict[tuple[int, int], str] = {}
        self.headers = [
            self.tr("ตำบล"),
            self.tr("ชื่อผู้ประกอบการ"),
            self.tr("รหัส OTOP"),
            self.tr("ประเภทผลิตภัณฑ์"),
            *(self.tr(label) for label in CHANNELS),
            self.tr("รวม (บาท)"),
        ]

    # --- loading -------------------------------------------------------------------------
    def load(self, rows, locked_districts=frozenset()) -> None:
        """Show a month's SaleRows, forgetting edits and undo history; rows of locked districts are read-only."""
        self.beginResetModel()
        self.locked_districts = frozenset(locked_districts)
        self._rows = tuple(rows)
        self._amounts = [list(row.amounts) for row in self._rows]
        self._typical, self._typical_channels = {}, {}
        self._text_keys = {}
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.endResetModel()

    def add_rows(self, rows) -> None:
        """Append rows Sync found (not saved yet): they count as unsaved changes until บันทึกข้อมูล."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows = self._rows + tuple(rows)
        self._amounts.extend(list(row.amounts) for row in rows)
        self.endInsertRows()

    def is_new(self, row: int) -> bool:
        """Whether a grid row was added by Sync and is not on the saved list yet."""
        return self._rows[row].updated_at is None

    def set_typical_totals(self, typical: dict[int, int], channels: dict[int, tuple] | None = None) -> None:
        """Each entrepreneur's usual month, and each channel's, which mark unusual totals and amounts (as the save
        asks about them); arrives after the rows."""
        self._typical, self._typical_channels = typical, channels or {}
        if self._rows:
            self.dataChanged.emit(self.index(0, FIRST_AMOUNT), self.index(len(self._rows) - 1, TOTAL_COLUMN))

    def entrepreneur_id(self, row: int) -> int | None:
        """The entrepreneur on a grid row, None for no row."""
        return self._rows[row].entrepreneur_id if 0 <= row < len(self._rows) else None

    def sale_row(self, row: int):
        """The SaleRow a grid row shows (who, where, as loaded)."""
        return self._rows[row]

    def code_text(self, row: int) -> str:
        """The OTOP code, or the program's own number for an entrepreneur without one."""
        source = self._rows[row]
        return source.otop_code or self.tr("เลขที่ {id}").format(id=source.entrepreneur_id)

    def row_label(self, row: int) -> str:
        """A row named so that two namesakes differ: 'name (code, ต.tambon)'."""
        source = self._rows[row]
        return self.tr("{name} ({code}, ต.{tambon})").format(
            name=source.name, code=self.code_text(row), tambon=source.tambon_name
        )

    def sort_value(self, row: int, column: int):
        """What sorting compares in a cell: Thai dictionary order for text, satang for amounts (blank first)."""
        if column >= TOTAL_COLUMN:
            return self.row_total(row)
        if column >= FIRST_AMOUNT:
            amount = self.amount(row, column)
            return -1 if amount is None else amount
        key = self._text_keys.get((row, column))
        if key is None:
            key = self._text_keys[row, column] = sort_key(self._cell_text(row, column))
        return key

    # --- reading ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def all_count(self) -> int:
        """Every row of the month, shown or not (the same as rowCount here; a filter shows fewer)."""
        return len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else TOTAL_COLUMN + 1

    def amount(self, row: int, column: int) -> int | None:
        """The current amount of a cell in satang."""
        return self._amounts[row][column - FIRST_AMOUNT]

    def row_total(self, row: int) -> int:
        """The derived total of a grid row."""
        return sum_amounts(self._amounts[row])

    def grand_total(self) -> int:
        """The total of every row."""
        return sum(sum_amounts(amounts) for amounts in self._amounts)

    def column_total(self, column: int) -> int:
        """The sum of one amount column."""
        return sum_amounts(amounts[column - FIRST_AMOUNT] for amounts in self._amounts)

    def is_unusual(self, row: int) -> bool:
        """Whether a row's total is far above the entrepreneur's usual month."""
        return is_unusual(self.row_total(row), self._typical.get(self._rows[row].entrepreneur_id))

    def _channel_usual(self, row: int, column: int) -> int | None:
        usual = self._typical_channels.get(self._rows[row].entrepreneur_id)
        return usual[column - FIRST_AMOUNT] if usual else None

    def is_unusual_amount(self, row: int, column: int) -> bool:
        """Whether an amount is far above its channel's usual month (the letter's one digit typed too many)."""
        return is_unusual_channel(self.amount(row, column), self._channel_usual(row, column))

    def _unusual_amount_tip(self, row: int, column: int) -> str:
        return self.tr(
            "ยอดช่องทางนี้ {amount} บาท สูงกว่า {factor} เท่าของยอดปกติของช่องทางนี้ (ค่ามัธยฐาน 12 เดือนก่อน {usual} บาท) "
            "อาจพิมพ์ตัวเลขเกินหนึ่งหลัก กรุณาตรวจสอบ หากถูกต้องบันทึกได้ตามปกติ"
        ).format(
            amount=format_baht(self.amount(row, column)),
            factor=CHANNEL_FACTOR,
            usual=format_baht(self._channel_usual(row, column)),
        )

    def _cell_text(self, row: int, column: int) -> str:
        if column >= TOTAL_COLUMN:
            return format_baht(entered_total(self._amounts[row]))
        if column >= FIRST_AMOUNT:
            return format_baht(self.amount(row, column))
        if column == CODE_COLUMN:
            return self.code_text(row)
        source = self._rows[row]
        return (source.tambon_name, source.name, "", source.product_type)[column]

    def _unusual_tip(self, row: int) -> str:
        usual = self._typical.get(self._rows[row].entrepreneur_id)
        return self.tr(
            "ยอดรวมเดือนนี้ {total} บาท สูงกว่า 10 เท่าของยอดปกติ (ค่ามัธยฐาน 12 เดือนก่อน {usual} บาท) "
            "กรุณาตรวจสอบ หากถูกต้องบันทึกได้ตามปกติ"
        ).format(total=format_baht(self.row_total(row)), usual=format_baht(usual))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(row, column)
        if role == ENTREPRENEUR_ID_ROLE:
            return self._rows[row].entrepreneur_id
        if role == Qt.ItemDataRole.EditRole and FIRST_AMOUNT <= column < TOTAL_COLUMN:
            value = self.amount(row, column)
            return "" if value is None else format_baht(value).replace(",", "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIRST_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == TOTAL_COLUMN:
            return BOLD
        if role == Qt.ItemDataRole.ForegroundRole and self._rows[row].district_code in self.locked_districts:
            return LOCKED_TEXT
        if role == Qt.ItemDataRole.ForegroundRole and column == CODE_COLUMN and not self._rows[row].otop_code:
            return NO_CODE_TEXT
        if role == Qt.ItemDataRole.BackgroundRole:
            if column < FIRST_AMOUNT and self.is_new(row):
                return NEW_ROW
            if column == TOTAL_COLUMN and self.is_unusual(row):
                return UNUSUAL
            if FIRST_AMOUNT <= column < TOTAL_COLUMN and self.is_unusual_amount(row, column):
                return UNUSUAL
            if (
                FIRST_AMOUNT <= column < TOTAL_COLUMN
                and self.amount(row, column) != self._rows[row].amounts[column - FIRST_AMOUNT]
            ):
                return EDITED
        if role == Qt.ItemDataRole.ToolTipRole and column == TOTAL_COLUMN and self.is_unusual(row):
            return self._unusual_tip(row)
        if role == Qt.ItemDataRole.ToolTipRole and FIRST_AMOUNT <= column < TOTAL_COLUMN:
            return self._unusual_amount_tip(row, column) if self.is_unusual_amount(row, column) else None
        if role == Qt.ItemDataRole.ToolTipRole and column < FIRST_AMOUNT:
            text = self._cell_text(row, column)  # the whole name or product type, which the column may cut
            if column == CODE_COLUMN and not self._rows[row].otop_code:
                text = self.tr("ยังไม่มีรหัส OTOP: แสดงเลขที่ของผู้ประกอบการในโปรแกรมแทน ({number})").format(number=text)
            if self.is_new(row):
                text += "\n" + self.tr("ดึงรายชื่อมาด้วย Sync ยังไม่ได้บันทึก: กด “บันทึกข้อมูล” เพื่อเพิ่มในรายชื่อของเดือนนี้")
            return text
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and FIRST_AMOUNT <= section < TOTAL_COLUMN:
            return self.headers[section].replace(" ", "\n", 1)  # "ต่างประเทศ\nออฟไลน์": two lines, never cut
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return str(section + 1)

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        if self.is_editable(index.row(), index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def is_editable(self, row: int, column: int) -> bool:
        """Amount cells of entrepreneur rows, unless their district's month is locked."""
        return (
            0 <= row < len(self._rows)
            and FIRST_AMOUNT <= column < TOTAL_COLUMN
            and self._rows[row].district_code not in self.locked_districts
        )

    # --- editing -------------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_editable(index.row(), index.column()):
            return False
        try:
            satang = parse_amount(str(value))
        except InvalidInput as refused:
            self.input_refused.emit(self._refusal(index.row(), index.column(), refused.message))
            return False
        if satang == self.amount(index.row(), index.column()):
            return True
        self.undo_stack.push(_SetCells(self, [(index.row(), index.column(), satang)], self.tr("แก้ไขยอดจำหน่าย")))
        return True

    def _refusal(self, row: int, column: int, message: str) -> str:
        return self.tr("ไม่รับค่าของ {who} ช่อง “{column}”: {message}").format(
            who=self.row_label(row), column=self.headers[column], message=message
        )

    def paste_block(self, top: int, left: int, text: str, rows: list[int] | None = None) -> bool:
        """Paste tab-separated rows (as Excel copies them) from a cell; all cells are checked first. `rows`
        are the grid rows from the top one down as they are shown (sorted or filtered), all rows by default."""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        block = [line.split("\t") for line in lines]
        width = max(len(cells) for cells in block)
        rows = list(range(top, len(self._rows))) if rows is None else rows
        rows_editable = all(self.is_editable(rows[r], left) for r in range(min(len(block), len(rows))))
        if not rows_editable or left + width > TOTAL_COLUMN or len(block) > len(rows):
            self.input_refused.emit(
                self.tr(
                    "วางข้อมูลไม่ได้: ข้อมูลที่คัดลอกมามี {rows} แถว {columns} คอลัมน์ "
                    "ซึ่งเกินช่องยอดจำหน่ายที่แก้ไขได้ (หรือมีแถวของอำเภอที่ล็อกแล้ว) "
                    "กรุณาเลือกช่องเริ่มต้นในคอลัมน์ยอดจำหน่ายให้ถูกต้อง ไม่มีข้อมูลใดถูกเปลี่ยน"
                ).format(rows=len(block), columns=width)
            )
            return False
        cells = []
        for r, values in enumerate(block):
            for c, value in enumerate(values):
                try:
                    cells.append((rows[r], left + c, parse_amount(value)))
                except InvalidInput as refused:
                    self.input_refused.emit(
                        self._refusal(rows[r], left + c, refused.message) + self.tr(" ไม่มีข้อมูลใดถูกวาง")
                    )
                    return False
        self.undo_stack.push(_SetCells(self, cells, self.tr("วางข้อมูล")))
        return True

    def clear_cells(self, cells: list[tuple[int, int]]) -> None:
        """Blank the given editable cells, as one undo step."""
        editable = [(r, c, None) for r, c in cells if self.is_editable(r, c) and self.amount(r, c) is not None]
        if editable:
            self.undo_stack.push(_SetCells(self, editable, self.tr("ลบข้อมูล")))

    def _write(self, cells: list[tuple[int, int, int | None]]) -> None:
        rows = set()
        for row, column, satang in cells:
            self._amounts[row][column - FIRST_AMOUNT] = satang
            rows.add(row)
        self.dataChanged.emit(self.index(min(rows), FIRST_AMOUNT), self.index(max(rows), TOTAL_COLUMN))

    # --- saving ----------------------------------------------------------------------------------
    def changes(self) -> list[SaleChange]:
        """Rows whose amounts differ from what was loaded."""
        return [
            SaleChange(source.entrepreneur_id, tuple(amounts), source.revision, (source.amounts, source.import_id))
            for source, amounts in zip(self._rows, self._amounts)
            if tuple(amounts) != source.amounts or source.updated_at is None
        ]

    def all_amounts(self) -> dict[int, tuple]:
        """Each row's four amounts as they stand, by entrepreneur (one pass over a province's thousands)."""
        return {source.entrepreneur_id: tuple(self._amounts[row]) for row, source in enumerate(self._rows)}

    def keep_edits(self, edits: dict[int, tuple]) -> int:
        """Type again, as one undo step, the amounts an officer had typed before the month was reloaded
        ({entrepreneur: four amounts}), on the rows still shown and open; returns how many rows took them."""
        cells, rows = [], 0
        for row, source in enumerate(self._rows):
            amounts = edits.get(source.entrepreneur_id)
            if amounts is None or not self.is_editable(row, FIRST_AMOUNT):
                continue
            changed = [(row, FIRST_AMOUNT + i, a) for i, a in enumerate(amounts) if a != self._amounts[row][i]]
            cells += changed
            rows += bool(changed)
        if cells:
            self.undo_stack.push(_SetCells(self, cells, self.tr("คงยอดที่แก้ไขไว้")))
        return rows

    def is_dirty(self) -> bool:
        """Whether there are unsaved edits."""
        return bool(self.changes())


class TotalsModel(QAbstractTableModel):
    """The one-row footer under the grid: the number of entrepreneurs and the sum of each amount column, of
    the rows shown (`sales` is the grid's model: the month, or its filtered rows, which say "x จาก y ราย")."""

    def __init__(self, sales):
        super().__init__(sales)
        self.sales = sales
        self.header_width = 0
        for signal in (sales.dataChanged, sales.modelReset, sales.rowsInserted, sales.rowsRemoved, sales.layoutChanged):
            signal.connect(self._refresh)

    def _refresh(self, *_) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(0, TOTAL_COLUMN))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else TOTAL_COLUMN + 1

    def text(self, column: int) -> str:
        """What the footer shows in a column."""
        if column == TOTAL_COLUMN:
            return format_baht(self.sales.grand_total())
        if column >= FIRST_AMOUNT:
            return format_baht(self.sales.column_total(column))
        shown, total = self.sales.rowCount(), self.sales.all_count()
        if column == 1 and shown != total:
            return self.tr("{shown} จาก {total} ราย").format(shown=f"{shown:,}", total=f"{total:,}")
        if column == 1:
            return self.tr("{count} ราย").format(count=f"{shown:,}")
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= FIRST_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return BOLD
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTALS
        return None

    def set_header_width(self, width: int) -> None:
        """Make the footer's row header as wide as the grid's, so the columns line up."""
        if width != self.header_width:
            self.header_width = width
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, 0)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Vertical:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("รวม")
        if role == Qt.ItemDataRole.SizeHintRole and self.header_width:
            return QSize(self.header_width, 28)
        return None
