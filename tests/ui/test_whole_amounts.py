"""At 1366×768, on the demo province (billions of baht), no table cuts an amount to "694,172,822....":
every tab of the main window, the forecast dialog and the target import preview."""

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QTableView

from otop_desktop.services import auth
from otop_desktop.services.office import Office
from otop_desktop.services.targets import printed
from otop_desktop.store.database import open_database
from otop_desktop.ui.bus import DataBus
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.forms_dialogs import ForecastDialog
from otop_desktop.ui.target_import_dialog import TargetImportDialog
from tests.conftest import demo_copy
from tests.ui.conftest import open_window, settle

NOVEMBER = date(2026, 11, 20)  # fiscal 2570, the demo's year of targets and forecast
AMOUNT = re.compile(r"^-?[0-9๐-๙][0-9๐-๙,]*(\.[0-9๐-๙]+)?$")
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_built):
    return demo_copy(demo_built, tmp_path_factory.mktemp("whole") / "otop.db")


@pytest.fixture
def province(demo):
    database = open_database(demo.path)
    login = next(login for login in demo.logins if login.role == "province")
    with database.unit_of_work() as uow:
        user = auth.authenticate(uow=uow, username=login.username, password=login.password)
    yield database, user
    database.close()


def cut_amounts(view: QTableView) -> list[str]:
    """Every amount cell whose text is wider than its column leaves for text (what Qt elides with "...")."""
    model, cut = view.model(), []
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        room = view.columnWidth(column) - (1 if view.showGrid() else 0) - 2 * margin  # the grid line takes a pixel
        for row in range(model.rowCount()):
            index = model.index(row, column)
            text = str(index.data() or "")
            if not AMOUNT.match(text):
                continue
            font = QFont(index.data(Qt.ItemDataRole.FontRole) or view.font())
            if QFontMetrics(font).horizontalAdvance(text) > room:
                cut.append(f"{type(view.window()).__name__} column {column} row {row}: {text}")
    return cut


def tables_in(widget) -> list[QTableView]:
    return [view for view in widget.findChildren(QTableView) if view.isVisible()]


def test_every_tab_shows_every_amount_whole_at_1366_by_768(qtbot, province):
    database, user = province
    window = open_window(qtbot, database, user, today=NOVEMBER)
    window.resize(1366, 768)
    settle()
    cut, seen = [], 0
    for number in range(window.tabs.count()):
        bar = window.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(number).center())
        settle()
        for view in tables_in(window.tabs.currentWidget()):
            seen += view.model().rowCount()
            cut += cut_amounts(view)
    entry = window.entry_tab  # and the whole province's October in the entry grid, its totals row in billions
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(entry)).center())
    entry.month_box.setCurrentIndex(entry.month_box.findData(10))
    settle()
    assert entry.model.rowCount() > 2000
    cut += [text for view in tables_in(entry) for text in cut_amounts(view)]
    assert not cut, "\n".join(cut[:20])
    assert seen > 50, "the tabs showed no figures to check"


def test_the_targets_tab_keeps_the_district_in_view_while_scrolled_to_the_last_column(qtbot, province):
    database, user = province
    window = open_window(qtbot, database, user, today=NOVEMBER, tab="targets_tab")
    window.resize(1366, 768)
    settle()
    view = window.targets_tab.view
    last = view.model().columnCount() - 1
    view.scrollTo(view.model().index(0, last))
    settle()
    district = view.model().index(0, 1).data()

    def in_sight(v) -> bool:
        left = v.columnViewportPosition(1)
        return not v.isColumnHidden(1) and left >= 0 and left + v.columnWidth(1) <= v.viewport().width()

    assert any(in_sight(v) for v in tables_in(window.targets_tab)), f"the district column ({district}) scrolled away"


def test_the_forecast_dialog_and_the_import_preview_show_every_amount_whole(qtbot, province):
    database, user = province
    context = AppContext(database, user, DataBus())
    forecast = ForecastDialog(context, 2570)
    qtbot.addWidget(forecast)
    forecast.show()
    settle()
    read = Office(database, user).query(printed.preview_printed, path=DATA / "round1.csv", fiscal_year=2570, round_no=1)
    preview = TargetImportDialog(context, read, "round1.csv", 2570, 1)
    qtbot.addWidget(preview)
    preview.show()
    settle()
    for dialog in (forecast, preview):
        assert dialog.width() <= 1366 and dialog.height() <= 768
        views = tables_in(dialog)
        assert views and any(v.model().rowCount() for v in views)
        cut = [text for view in views for text in cut_amounts(view)]
        assert not cut, "\n".join(cut[:20])
