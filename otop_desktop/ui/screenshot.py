"""Rendering the login dialog and each tab of the main window to PNG files, offscreen."""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from otop_desktop.core.files import output_folder, write_bytes
from otop_desktop.core.users import UserInfo
from otop_desktop.services.connection import Database
from otop_desktop.ui.bus import DataBus
from otop_desktop.ui.charts import png_bytes
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.login import LoginDialog
from otop_desktop.ui.main_window import MainWindow
from otop_desktop.ui.tasks import wait_for_background

# The file name of each tab's picture, by the main window's attribute: a tab added later is named, not shifted.
SLUGS = {
    "dashboard_tab": "dashboard",
    "entry_tab": "entry",
    "quality_tab": "quality",
    "locks_tab": "locks",
    "targets_tab": "targets",
    "reports_tab": "reports",
    "roadmap_tab": "roadmap",
}


def _settle() -> None:
    wait_for_background()
    for _ in range(3):
        QApplication.processEvents()


def render_screenshots(
    database: Database,
    user: UserInfo,
    out_dir: Path,
    *,
    today: date | None = None,
    period: tuple[int, int] | None = None,
    district_code: str | None = None,
) -> list[Path]:
    """Save login.png and one PNG per tab of the main window as `user` sees it; returns the files."""
    output_folder(out_dir)
    saved = []
    login = LoginDialog(database)
    login.username_edit.setText(user.username)
    login.show()
    _settle()
    saved.append(out_dir / "00-login.png")
    write_bytes(saved[-1], png_bytes(login))
    login.close()
    window = MainWindow(AppContext(database, user, DataBus()), today=today)
    tab = window.entry_tab
    for name in SLUGS:  # each tab built now (a tab is built when first turned to), to be shown at `period`
        getattr(window, name)
    _settle()  # the tabs' years (and first figures) are read off the GUI thread
    if period:
        tab.picker.set_period(*period)
        window.locks_tab.picker.set_period(*period)
        window.targets_tab.year_box.setCurrentIndex(window.targets_tab.year_box.findData(period[0]))
        window.dashboard_tab.picker.set_period(*period)
        window.roadmap_tab.year_box.setCurrentIndex(window.roadmap_tab.year_box.findData(period[0]))
    if district_code and window.context.permissions.wide:
        tab.district_box.setCurrentIndex(tab.district_box.findData(district_code))
    window.show()
    slugs = {id(getattr(window, name)): slug for name, slug in SLUGS.items()}
    for number in range(1, window.tabs.count() + 1):
        window.tabs.setCurrentIndex(number - 1)
        _settle()
        slug = slugs.get(id(window.tabs.currentWidget()), f"tab{number}")
        saved.append(out_dir / f"{number:02d}-{slug}.png")
        write_bytes(saved[-1], png_bytes(window))
    window.close()
    return saved
