"""ประวัติของยอดนี้: right-click a figure of the entry grid to see every change of that entrepreneur's month."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services import history
from otop_desktop.services.history import StepKind
from otop_desktop.services.money import format_baht
from otop_desktop.ui.common import fit_to_screen
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.operations import read_in_background
from otop_desktop.ui.plain_table import PlainTableModel
from otop_desktop.ui.sales_model import ENTREPRENEUR_ID_ROLE

SHADES = {
    StepKind.FILE: QBrush(QColor("#e3f2fd")),
    StepKind.UNDO: QBrush(QColor("#fff3e0")),
    StepKind.LOCK: QBrush(QColor("#eeeeee")),
    StepKind.EARLIER: QBrush(QColor("#f5f5f5")),
}


class FigureHistoryDialog(QDialog):
    """The steps of one entrepreneur's month, oldest first: when, who, what, old → new, which file, the lock."""

    def __init__(self, context: AppContext, entrepreneur_id: int, year: int, month: int, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("ประวัติของยอดนี้"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.heading = QLabel(self.tr("กำลังอ่านประวัติ…"))
        self.heading.setStyleSheet("font-weight:bold; font-size:15px;")
        self.heading.setWordWrap(True)
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.model = PlainTableModel(
            [
                self.tr("เมื่อ"),
                self.tr("ผู้ทำรายการ"),
                self.tr("รายการ"),
                self.tr("ยอดที่เปลี่ยน (เดิม → ใหม่, บาท)"),
                self.tr("ที่มา / หมายเหตุ"),
                self.tr("สถานะการล็อก"),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column, width in enumerate((215, 190, 110, 310, 330, 130)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.current):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1300, 560)
        read_in_background(
            self,
            history.figure_history,
            on_done=self.show_history,
            entrepreneur_id=entrepreneur_id,
            year=year,
            month=month,
        )

    def show_history(self, found: history.FigureHistory) -> None:
        """Fill the dialog with a figure's history."""
        self.heading.setText(self.tr("ประวัติยอดของ {title}").format(title=found.title))
        if found.current is None:
            now = self.tr("ไม่อยู่ในรายการของเดือนนี้")
        else:
            now = " · ".join(
                f"{channel} {format_baht(amount, blank='—')}"
                for channel, amount in zip(history.CHANNELS, found.current, strict=True)
            )
        self.current.setText(self.tr("ยอดปัจจุบัน: {now}").format(now=now))
        steps = found.steps
        self.model.set_rows(
            [
                [step.when, step.who, step.what, "\n".join(c.text() for c in step.changes) or "—", step.detail]
                + [step.lock_state]
                for step in steps
            ],
            backgrounds=[SHADES.get(step.kind) for step in steps],
        )
        if not steps:
            self.current.setText(self.current.text() + "\n" + self.tr("ยังไม่มีการเปลี่ยนแปลงของยอดนี้"))
        self.table.resizeRowsToContents()


def offer_history(view: QTableView, context: AppContext, period) -> None:
    """Let a right-click on a row of the grid open its figure's history; `period()` gives (year, month)."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def menu(position) -> None:
        entrepreneur_id = view.indexAt(position).data(ENTREPRENEUR_ID_ROLE)
        if entrepreneur_id is None:
            return
        popup = QMenu(view)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = popup.addAction(view.tr("ประวัติของยอดนี้"))
        action.triggered.connect(lambda: open_history(view, context, entrepreneur_id, *period()))
        popup.popup(view.viewport().mapToGlobal(position))

    view.customContextMenuRequested.connect(menu)


def open_history(parent: QWidget, context: AppContext, entrepreneur_id: int, year: int, month: int) -> None:
    """Show a figure's history beside the grid (not modal: the grid stays usable)."""
    FigureHistoryDialog(context, entrepreneur_id, year, month, parent.window()).show()
