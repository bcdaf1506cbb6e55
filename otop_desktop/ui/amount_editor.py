"""The entry grid's amount editor for tables of items (the forecast dialog): the same right-aligned line and
keys, the same parser (services/money.parse_amount: Thai or Arabic digits, separators, "บาท"), and what is
typed shown back as the grid shows it, "๘๒๕,๐๐๐,๐๐๐" as 825,000,000.00."""

from PySide6.QtCore import Qt

from otop_desktop.core.errors import OtopError
from otop_desktop.services.money import format_baht, parse_amount
from otop_desktop.ui.sales_view import AmountDelegate


def shown_amount(text: str) -> str:
    """A typed amount as the program shows amounts; text that is not an amount is kept, for the refusal."""
    try:
        return format_baht(parse_amount(text))
    except OtopError:
        return text


class ItemAmountDelegate(AmountDelegate):
    """The grid's amount editor over a model that keeps text (a QTableWidget): it stores the amount as shown."""

    def setModelData(self, editor, model, index):
        model.setData(index, shown_amount(editor.text()), Qt.ItemDataRole.EditRole)
