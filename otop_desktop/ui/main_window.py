"""The main window: the tabs, the menus (file exchange, one's own password, log out, quit) and a status bar
with the user, their area and the database file."""

from datetime import date

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from otop_desktop.services import areas
from otop_desktop.services.access import Action
from otop_desktop.ui import backup_dialog
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.dashboard_tab import DashboardTab
from otop_desktop.ui.elsewhere import ElsewhereBar
from otop_desktop.ui.entry_tab import EntryTab
from otop_desktop.ui.exchange_dialog import ExchangeDialog
from otop_desktop.ui.idle_lock import IdleLock
from otop_desktop.ui.lazy_tabs import LazyTabs
from otop_desktop.ui.locks_tab import LocksTab
from otop_desktop.ui.operations import read_in_background
from otop_desktop.ui.password_dialog import OwnPasswordDialog
from otop_desktop.ui.quality_tab import QualityTab
from otop_desktop.ui.reports_tab import ReportsTab
from otop_desktop.ui.roadmap_tab import RoadmapTab
from otop_desktop.ui.targets_tab import TargetsTab
from otop_desktop.ui.users_dialog import UsersDialog

DASHBOARD, ENTRY, QUALITY, LOCKS, TARGETS, REPORTS, ROADMAP = range(7)  # the tabs' places on the tab bar


class MainWindow(QMainWindow):
    """หน้าหลัก, บันทึกข้อมูล, ตรวจสอบข้อมูล, ล็อกข้อมูล, ค่าเป้าหมาย, รายงาน, ติดตามงาน."""

    def __init__(self, context: AppContext, today: date | None = None):
        super().__init__()
        self.context = context
        self.area_name = ""
        self.setWindowTitle(self.tr("รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP"))
        # Each tab is built when first turned to (ui/lazy_tabs.py): the first, current one at once, and the entry tab.
        self.tabs = LazyTabs()
        self.tabs.add_page(lambda: self._dashboard(context, today), self.tr("หน้าหลัก"))
        self.tabs.add_page(lambda: EntryTab(context, today=today), self.tr("บันทึกข้อมูล"))
        self.tabs.add_page(lambda: self._quality(context, today), self.tr("ตรวจสอบข้อมูล"))
        self.tabs.add_page(lambda: LocksTab(context, today=today), self.tr("ล็อกข้อมูล"))
        self.tabs.add_page(lambda: TargetsTab(context, today=today), self.tr("ค่าเป้าหมาย"))
        self.tabs.add_page(lambda: ReportsTab(context, today=today), self.tr("รายงาน"))
        self.tabs.add_page(lambda: RoadmapTab(context, today=today), self.tr("ติดตามงาน"))
        # The entry tab at once, as the first: the tab officers work in reads the month due as the window opens, and
        # the others open a month in it (a bar, a finding), which its lists, read off the GUI thread, must hold by then.
        self.tabs.page(ENTRY)
        self.backup_banner = backup_dialog.BackupBanner(context)
        self.backup_banner.back_up_now.connect(lambda: backup_dialog.back_up(self))
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.elsewhere = ElsewhereBar(context)  # watched by the running program (run_gui), not by a window alone
        column.addWidget(self.backup_banner)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.elsewhere)  # below: shown mid-work, it moves no tab or row under the mouse
        self.idle_lock = IdleLock(self, self.context)  # a window left alone asks its officer's password again
        self.setCentralWidget(central)
        self._today = today
        self.logged_out = False  # a log out or a restore: run_gui shows the login again rather than ending the program
        self._file_menu()
        user = context.user
        if context.permissions.may(Action.MANAGE_USERS):
            self.users_action = self.menuBar().addMenu(self.tr("ผู้ดูแลระบบ")).addAction(self.tr("ผู้ใช้งาน…"))
            self.users_action.triggered.connect(self.open_users)
        who = user.display_name or user.username
        self.statusBar().addWidget(
            QLabel(
                self.tr("ผู้ใช้: {who} ({username}, {role})").format(who=who, username=user.username, role=user.role_name)
            )
        )
        self.area_label = QLabel()
        self.statusBar().addWidget(self.area_label)
        # Every tab builds empty and reads off the GUI thread when first shown: the window draws at once.
        read_in_background(self, areas.describe_area, on_done=self._show_area, area_code=user.area_code)
        self.statusBar().addPermanentWidget(QLabel(self.tr("ฐานข้อมูล: {path}").format(path=context.database.place)))
        self.resize(1366, 768)

    def _dashboard(self, context: AppContext, today: date | None) -> DashboardTab:
        tab = DashboardTab(context, today=today)
        tab.open_district.connect(self.open_district_month)
        return tab

    def _quality(self, context: AppContext, today: date | None) -> QualityTab:
        tab = QualityTab(context, today=today)
        tab.open_cell.connect(self.open_entry_cell)
        return tab

    # The tabs, in the order of the tab bar; asking for one builds it if it was not yet.
    dashboard_tab = property(lambda self: self.tabs.page(DASHBOARD))
    entry_tab = property(lambda self: self.tabs.page(ENTRY))
    quality_tab = property(lambda self: self.tabs.page(QUALITY))
    locks_tab = property(lambda self: self.tabs.page(LOCKS))
    targets_tab = property(lambda self: self.tabs.page(TARGETS))
    reports_tab = property(lambda self: self.tabs.page(REPORTS))
    roadmap_tab = property(lambda self: self.tabs.page(ROADMAP))

    def _show_area(self, name: str) -> None:
        self.area_name = name
        self.setWindowTitle(self.tr("รายงานยอดจำหน่ายผลิตภัณฑ์ OTOP - {area}").format(area=name))
        self.area_label.setText(self.tr("พื้นที่: {area}").format(area=name))

    def _add_backup_actions(self, files) -> None:
        files.addSeparator()
        self.backup_action = files.addAction(self.tr("สำรองข้อมูล…"))
        self.backup_action.triggered.connect(lambda: backup_dialog.back_up(self))
        self.restore_action = files.addAction(self.tr("กู้คืนจากไฟล์สำรอง…"))
        self.restore_action.triggered.connect(lambda: backup_dialog.restore(self))
        permissions = self.context.permissions
        for action, needed in ((self.backup_action, Action.BACK_UP), (self.restore_action, Action.RESTORE)):
            action.setEnabled(permissions.may(needed))
            action.setToolTip(permissions.reason(needed))
        files.setToolTipsVisible(True)

    def _file_menu(self) -> None:
        files = self.menuBar().addMenu(self.tr("ไฟล์"))
        self.exchange_action = files.addAction(self.tr("แลกเปลี่ยนไฟล์ข้อมูล…"))
        self.exchange_action.triggered.connect(self.open_exchange)
        self._add_backup_actions(files)
        files.addSeparator()
        self.password_action = files.addAction(self.tr("เปลี่ยนรหัสผ่านของฉัน…"))
        self.password_action.triggered.connect(self.change_own_password)
        self.log_out_action = files.addAction(self.tr("ออกจากระบบ / เปลี่ยนผู้ใช้"))
        self.log_out_action.triggered.connect(self.log_out)
        files.addSeparator()
        self.quit_action = files.addAction(self.tr("ออกจากโปรแกรม"))
        # Windows binds no key to the standard Quit: Ctrl+Q there too, as on Linux.
        self.quit_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        )
        self.quit_action.triggered.connect(self.close)

    def change_own_password(self) -> None:
        """The user's own password: the current one, the new one twice."""
        OwnPasswordDialog(self.context, self).exec()

    def log_out(self) -> None:
        """Back to the login on the same database (unsaved edits asked about first, as on closing)."""
        self.logged_out = True
        if not self.close():
            self.logged_out = False

    def open_district_month(self, district_code: str, fiscal_year: int, month: int) -> None:
        """Show a district's month in the entry tab (a bar of the dashboard was clicked)."""
        self.tabs.setCurrentWidget(self.entry_tab)
        self.entry_tab.open_period(fiscal_year, month, district_code)

    def open_entry_cell(self, district_code: str, fiscal_year: int, month: int, entrepreneur_id: int, channel: int):
        """Show a finding's cell in the entry tab (a line of the data-quality check was opened)."""
        self.tabs.setCurrentWidget(self.entry_tab)
        self.entry_tab.open_period(fiscal_year, month, district_code, entrepreneur_id or None, channel)

    def open_exchange(self) -> None:
        """The file-exchange dialog: export, import with preview, receipts, keys."""
        ExchangeDialog(self.context, self, today=self._today).exec()

    def open_users(self) -> None:
        """Users of the province: add one, set a new password."""
        UsersDialog(self.context, self).exec()

    def closeEvent(self, event) -> None:
        if self.entry_tab.confirm_leave():
            self.idle_lock.stop()
            event.accept()
        else:
            event.ignore()
