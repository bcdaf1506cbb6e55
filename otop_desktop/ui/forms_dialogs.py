"""Dialogs of the รายงาน tab: the province's forecast (แบบประมาณการรายได้), entered month by month beside
the actual sales with totals derived; and an office's signatories, who prepare, certify and sign."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.core.errors import OtopError
from otop_desktop.services.forms import forecast, signatories
from otop_desktop.services.money import format_baht, parse_amount
from otop_desktop.ui.amount_editor import ItemAmountDelegate
from otop_desktop.ui.common import fit_to_screen, save_cancel_buttons
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.errors import error_label
from otop_desktop.ui.frozen_columns import fit_columns_to_contents
from otop_desktop.ui.operations import perform

AMOUNT_COLUMNS = range(1, 5)
TOTAL_COLUMN, ACTUAL_COLUMN, REMARK_COLUMN = 5, 6, 7


class ForecastDialog(QDialog):
    """Twelve months × four channels and a remark; the row totals, the grand total and the actual sales
    are shown, never typed."""

    def __init__(self, context: AppContext, fiscal_year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.fiscal_year = context, fiscal_year
        self.setWindowTitle(self.tr("ประมาณการรายได้ ปีงบประมาณ {year}").format(year=fiscal_year))
        self.table = QTableWidget(13, 8, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("เดือน"),
                self.tr("ในประเทศ\nออฟไลน์"),
                self.tr("ในประเทศ\nออนไลน์"),
                self.tr("ต่างประเทศ\nออฟไลน์"),
                self.tr("ต่างประเทศ\nออนไลน์"),
                self.tr("รวมทั้งสิ้น"),
                self.tr("ยอดจริง"),
                self.tr("หมายเหตุ"),
            ]
        )
        self.table.verticalHeader().hide()
        for column, width in enumerate((130, 120, 120, 120, 120, 130, 130, 220)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)  # the remark takes what the amounts leave
        self.amount_editor = ItemAmountDelegate(self.table)
        for column in AMOUNT_COLUMNS:
            self.table.setItemDelegateForColumn(column, self.amount_editor)
        self.error_label = error_label()
        buttons = save_cancel_buttons(self, self.tr("บันทึก"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("กรอกเป็นบาท · รวมทั้งสิ้นคำนวณให้ ไม่ต้องกรอก · ยอดจริงมาจากข้อมูลที่บันทึกแล้ว"))
        note.setStyleSheet("color:#555;")
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 1150, 560)
        self.sheet = None
        done = perform(self, forecast.load_forecast, fiscal_year=fiscal_year)
        if done is not None:
            self._show(done.result)
        self.table.itemChanged.connect(self._recalculate)

    def _item(self, text: str, editable: bool, right: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _show(self, sheet) -> None:
        self.sheet = sheet
        self.table.blockSignals(True)
        for row, month in enumerate(sheet.rows):
            self.table.setItem(row, 0, self._item(month.label, False))
            for column, amount in zip(AMOUNT_COLUMNS, month.amounts):
                self.table.setItem(row, column, self._item(format_baht(amount), sheet.editable, True))
            self.table.setItem(row, TOTAL_COLUMN, self._item(format_baht(month.total), False, True))
            self.table.setItem(row, ACTUAL_COLUMN, self._item(format_baht(month.actual, blank="-"), False, True))
            remark = self._item(month.remark, sheet.editable)
            remark.setToolTip(month.remark)  # the column may cut a long remark
            self.table.setItem(row, REMARK_COLUMN, remark)
        self.table.setItem(12, 0, self._item(self.tr("รวมทั้งสิ้น"), False))
        for column in (*AMOUNT_COLUMNS, TOTAL_COLUMN, ACTUAL_COLUMN, REMARK_COLUMN):
            self.table.setItem(12, column, self._item("", False, True))
        self.table.blockSignals(False)
        self._recalculate()

    def _amounts(self, row: int) -> tuple:
        return tuple(parse_amount(self.table.item(row, column).text()) for column in AMOUNT_COLUMNS)

    def _recalculate(self, *_) -> None:
        """Row totals and the grand total from what is typed; a cell that is not an amount says why."""
        self.table.blockSignals(True)
        try:
            totals, grand, actual = [0, 0, 0, 0], 0, 0
            for row in range(12):
                amounts = self._amounts(row)
                self.table.item(row, TOTAL_COLUMN).setText(format_baht(sum(a or 0 for a in amounts)))
                totals = [t + (a or 0) for t, a in zip(totals, amounts)]
                grand += sum(a or 0 for a in amounts)
                actual += self.sheet.rows[row].actual or 0 if self.sheet else 0
            for column, total in zip(AMOUNT_COLUMNS, totals):
                self.table.item(12, column).setText(format_baht(total))
            self.table.item(12, TOTAL_COLUMN).setText(format_baht(grand))
            self.table.item(12, ACTUAL_COLUMN).setText(format_baht(actual))
            # Billions of baht in the total row: each amount column as wide as its widest, never "7,628,088,6...".
            fit_columns_to_contents(self.table, (*AMOUNT_COLUMNS, TOTAL_COLUMN, ACTUAL_COLUMN))
            self.error_label.setText("")
        except OtopError as refused:
            self.error_label.setText(refused.message)
        finally:
            self.table.blockSignals(False)

    def accept(self) -> None:
        try:
            months = {
                month.month: (self._amounts(row), self.table.item(row, REMARK_COLUMN).text())
                for row, month in enumerate(self.sheet.rows)
            }
        except OtopError as refused:
            self.error_label.setText(refused.message)
            return
        if perform(
            self,
            forecast.save_forecast,
            fiscal_year=self.fiscal_year,
            months=months,
            refused=lambda error: self.error_label.setText(error.message),
        ):
            super().accept()


class SignatoriesDialog(QDialog):
    """Who prepares, certifies and signs an office's forms: a name and a position each."""

    def __init__(self, context: AppContext, area_code: str, area_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.area_code = context, area_code
        self.setWindowTitle(self.tr("ผู้ลงนามบนแบบพิมพ์: {area}").format(area=area_name))
        done = perform(self, signatories.get_signatories, area_code=area_code)
        found = done.result if done else {}
        self.edits = {}
        layout = QVBoxLayout(self)
        for duty, title in signatories.DUTIES.items():
            box = QGroupBox(title)
            form = QFormLayout(box)
            person = found.get(duty)
            name, position = QLineEdit(person.name if person else ""), QLineEdit(person.position if person else "")
            form.addRow(self.tr("ชื่อ-สกุล"), name)
            form.addRow(self.tr("ตำแหน่ง"), position)
            self.edits[duty] = (name, position, person)
            layout.addWidget(box)
        hint = QLabel(  # as jt2_form fills it: the district's officer printing its own form prepared it
            self.tr(
                "เว้นชื่อว่างไว้ แบบพิมพ์จะเป็นเส้นประให้เขียนเอง\n"
                "ยกเว้นผู้จัดทำ: เจ้าหน้าที่อำเภอพิมพ์แบบของอำเภอตนเอง แบบจะใส่ชื่อและตำแหน่งของผู้พิมพ์"
            )
        )
        hint.setStyleSheet("color:#555;")
        self.error_label = error_label()
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(save_cancel_buttons(self, self.tr("บันทึก")))
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        for duty, (name, position, before) in self.edits.items():
            unchanged = (name.text().strip(), position.text().strip()) == (
                (before.name, before.position) if before else ("", "")
            )
            if unchanged:
                continue
            if not perform(
                self,
                signatories.set_signatory,
                area_code=self.area_code,
                duty=duty,
                name=name.text(),
                position=position.text(),
                refused=lambda error: self.error_label.setText(error.message),
            ):
                return
        super().accept()
