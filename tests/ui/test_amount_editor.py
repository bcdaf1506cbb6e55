"""One amount editor: what an officer types in Thai digits into the forecast dialog is taken and shown back as
the entry grid shows it, and a slip is refused with the grid's own words."""

from otop_desktop.ui.forms_dialogs import ForecastDialog
from tests.ui.conftest import open_window, type_into_cell


def forecast_dialog(qtbot, world):
    window = open_window(qtbot, world.database, world.province)
    dialog = ForecastDialog(window.context, 2569, window.reports_tab)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_thai_digits_typed_in_the_forecast_are_shown_as_the_entry_grid_shows_them(qtbot, world, messages):
    dialog = forecast_dialog(qtbot, world)
    type_into_cell(qtbot, dialog.table, 0, 1, "๘๒๕,๐๐๐,๐๐๐")
    assert dialog.table.item(0, 1).text() == "825,000,000.00"
    type_into_cell(qtbot, dialog.table, 0, 2, "๕๐.๒๕ บาท")
    assert dialog.table.item(0, 2).text() == "50.25"
    assert dialog.table.item(0, 5).text() == "825,000,050.25" and dialog.error_label.text() == ""

    type_into_cell(qtbot, dialog.table, 1, 1, "๑๒x")  # a slip stays as typed, refused in the grid's words
    assert dialog.table.item(1, 1).text() == "๑๒x" and "กรุณากรอกเป็นตัวเลข" in dialog.error_label.text()
    type_into_cell(qtbot, dialog.table, 1, 1, "๑๒")
    assert dialog.table.item(1, 1).text() == "12.00" and dialog.error_label.text() == ""
    assert dialog.table.item(12, 5).text() == "825,000,062.25"
