"""A yes/no question about a list (districts not yet complete before a province lock): the list scrolls in a
table of its own, its name column as wide as the longest name, so 25 or 32 districts and the buttons fit a
768-pixel screen."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.ui.common import read_only_view
from otop_desktop.ui.plain_table import PlainTableModel

LIST_HEIGHT = 260  # about eight rows; more scroll
DIALOG_WIDTH = 640


class ListQuestion(QDialog):
    """`intro`, then `rows` under `headers` in a scrolling table, then `question`; ใช่ / ไม่ใช่, ไม่ใช่ by default."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        headers: list[str],
        rows: list[list[str]],
        question: str,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.question = QLabel(question)
        for label in (self.intro, self.question):
            label.setWordWrap(True)
        self.model = PlainTableModel(headers, self)
        self.model.set_rows(rows)
        self.table = read_only_view(self.model, parent=self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # a name is never cut
        header.setStretchLastSection(True)
        needed = header.sizeHint().height() + len(rows) * self.table.verticalHeader().defaultSectionSize() + 4
        self.table.setFixedHeight(min(LIST_HEIGHT, needed))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
        self.yes_button = self.buttons.button(QDialogButtonBox.StandardButton.Yes)
        self.no_button = self.buttons.button(QDialogButtonBox.StandardButton.No)
        self.yes_button.setText(self.tr("ใช่"))
        self.no_button.setText(self.tr("ไม่ใช่"))
        self.no_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.question)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(DIALOG_WIDTH)
        self.resize(DIALOG_WIDTH, max(self.sizeHint().height(), layout.totalHeightForWidth(DIALOG_WIDTH)))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """ไม่ใช่ takes the focus as the dialog shows: the focus given before went to the first button or the table
        once shown, and a focused button is the one Enter presses (Enter locked a province of 25 incomplete
        districts)."""
        super().showEvent(event)
        self.no_button.setFocus()


def ask_about_list(
    parent: QWidget | None, title: str, intro: str, headers: list[str], rows: list[list[str]], question: str
) -> bool:
    """Ask the question with the list beside it; True when the officer says yes."""
    return ListQuestion(parent, title, intro, headers, rows, question).exec() == QDialog.DialogCode.Accepted
