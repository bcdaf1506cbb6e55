"""The บันทึกข้อมูล tab: pick a month (and, for the province, a district and tambon), type, Sync, save."""

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.core.changes import Kind
from otop_desktop.core.errors import MonthLocked
from otop_desktop.services import areas, deadlines, entry, names, saving, sync
from otop_desktop.services.access import Action
from otop_desktop.services.thai import fiscal_year_of, format_thai_datetime, today_in_thailand
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.entrepreneur_dialog import EntrepreneurDialog
from otop_desktop.ui.errors import show_error
from otop_desktop.ui.history_dialog import offer_history
from otop_desktop.ui.operations import (
    perform,
    perform_in_background,
    perform_waiting,
    read_in_background,
    read_once_drawn,
)
from otop_desktop.ui.period_picker import PeriodPicker
from otop_desktop.ui.sales_filter import FilterBar, SalesRows
from otop_desktop.ui.sales_model import FIRST_AMOUNT, SalesTableModel, TotalsModel
from otop_desktop.ui.sales_view import SalesTableView, TotalsFooter
from otop_desktop.ui.save_refusals import SaveRefusals
from otop_desktop.ui.tasks import after_drawing

BANNER_STYLES = {
    "info": "background:#e3f2fd; color:#0d47a1;",
    "ok": "background:#e8f5e9; color:#1b5e20;",
    "error": "background:#ffebee; color:#b71c1c;",
    "locked": "background:#fff3e0; color:#e65100; font-weight:bold;",
}


class EntryTab(QWidget):
    """Monthly entry of the four amounts for every entrepreneur on the month's list."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.context = context
        self.user = context.user
        self.permissions = context.permissions
        self._today = today or today_in_thailand()
        self._period = None  # what the grid shows: (fiscal_year, month, district, tambon)
        self._loading = None  # what is being loaded
        self._usual = None  # the shown month's usual months, handed to its save (spares reading them again)
        self._last_saved = None  # the month's last save, for the line under the grid
        self._names = None  # who saved it, as the person's name (read once the window is drawn)
        self.refusals = SaveRefusals(self)  # what a refused save offers the officer
        self._names_asked: set[str] = set()  # logins the names lacked, read again once each
        self.model = SalesRows(SalesTableModel(self), self)  # the month's rows as shown: filtered, sorted
        self.view = SalesTableView(self)
        self.view.setModel(self.model)
        self.view.set_column_widths()
        self.view.enable_sorting()
        offer_history(self.view, context, lambda: self.picked_period()[:2])  # right-click: ประวัติของยอดนี้
        self.footer_totals = TotalsFooter(self.view, self)
        self.footer_totals.setModel(TotalsModel(self.model))
        self._build()
        read_once_drawn(self, names.list_names, on_done=self._got_names)
        self.model.input_refused.connect(lambda message: self.show_banner(message, "error"))
        self.model.rowsInserted.connect(self._update_footer)  # Sync's rows: the line agrees with the totals row
        self.model.undo_stack.indexChanged.connect(self._clear_refusal)  # a valid edit after a refused one
        for button in (self.add_button, self.edit_button):
            button.setEnabled(self.permissions.may(Action.MANAGE_ENTREPRENEURS))
            button.setToolTip(self.permissions.reason(Action.MANAGE_ENTREPRENEURS))
        self.model.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        context.bus.changed.connect(self._on_change)
        # The tab officers work in reads at once (the department's: nothing), off the GUI thread, once drawn.
        after_drawing(self, self.reload)

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.picker = PeriodPicker(deadlines.reporting_month_start(self._today))  # the month being reported
        read_in_background(
            self, entry.list_fiscal_years, on_done=self.picker.set_years, today_fiscal_year=fiscal_year_of(self._today)
        )
        self.year_box, self.month_box = self.picker.year_box, self.picker.month_box
        self.district_box, self.tambon_box = QComboBox(), QComboBox()
        self.sync_button = QPushButton(self.tr("Sync ข้อมูล"))
        self.sync_button.setToolTip(self.tr("ดึงรายชื่อผู้ประกอบการจากเดือนก่อนหน้า (ไม่ดึงยอดเงิน)"))
        self.add_button = QPushButton(self.tr("เพิ่มผู้ประกอบการ"))
        self.edit_button = QPushButton(self.tr("แก้ไขผู้ประกอบการ"))
        self.undo_button = QPushButton(self.tr("เลิกทำ"))
        self.undo_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("บันทึกข้อมูล"))
        self.save_button.setDefault(True)
        self.save_button.setStyleSheet("font-weight:bold; padding:4px 16px;")
        pickers = QHBoxLayout()
        pickers.addWidget(self.picker)
        if self.permissions.wide:
            pickers.addWidget(QLabel(self.tr("อำเภอ")))
            pickers.addWidget(self.district_box)
            pickers.addWidget(QLabel(self.tr("ตำบล")))
            pickers.addWidget(self.tambon_box)
            self._fill_districts()
        pickers.addStretch(1)
        for button in (self.sync_button, self.add_button, self.edit_button, self.undo_button, self.save_button):
            pickers.addWidget(button)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        # The banner's place is kept when it is hidden, two lines high: the grid below it no longer moves as a
        # message comes and goes, and a click meant for one row lands on it (an officer's walk: a row off).
        banner_place = QWidget()
        placed = QVBoxLayout(banner_place)
        placed.setContentsMargins(0, 0, 0, 0)
        placed.addWidget(self.banner)
        placed.addStretch(1)
        banner_place.setMinimumHeight(2 * self.banner.fontMetrics().lineSpacing() + 16)
        self.footer = QLabel()
        hint = QLabel(self._save_hint())
        hint.setStyleSheet("color:#555;")
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(banner_place)
        self.filter_bar = FilterBar(self.model, not self.permissions.wide, self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer_totals)
        layout.addWidget(self.footer)
        layout.addWidget(hint)
        self.picker.changed.connect(self._on_period_picked)
        for box in (self.district_box, self.tambon_box):
            box.currentIndexChanged.connect(self._on_period_picked)
        self.district_box.currentIndexChanged.connect(self._fill_tambons)
        self.sync_button.clicked.connect(lambda: self.sync())
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.model.undo_stack.undo)
        self.add_button.clicked.connect(self.add_entrepreneur)
        self.edit_button.clicked.connect(self.edit_entrepreneur)

    def _save_hint(self) -> str:
        """The letter's line under the grid, for whom it is true: a district confirms its own figures; the province
        (or the department) that corrects a district's figures confirms its corrections."""
        if self.user.district_code:
            return self.tr("การกดปุ่ม “บันทึกข้อมูล” ถือว่าเป็นการตรวจสอบและยืนยันข้อมูลของอำเภอแล้ว กรุณาตรวจสอบให้เรียบร้อยก่อนกดปุ่ม")
        return self.tr(
            "การกดปุ่ม “บันทึกข้อมูล” ถือว่าได้ตรวจสอบและยืนยันข้อมูลที่แก้ไขแทนอำเภอแล้ว"
            " โดยบันทึกชื่อผู้แก้ไขไว้ในประวัติ กรุณาตรวจสอบให้เรียบร้อยก่อนกดปุ่ม"
        )

    def _fill_districts(self) -> None:
        if self.permissions.picks_district_first:  # the country's month is 100,000 rows
            self.district_box.addItem(self.tr("— เลือกอำเภอ —"), None)
            self.district_box.addItem(self.tr("ทุกอำเภอ (ทั้งประเทศ)"), "")
        else:
            self.district_box.addItem(self.tr("ทุกอำเภอ"), None)
        self._fill_tambons()
        read_once_drawn(
            self,
            areas.list_districts,
            on_done=lambda districts: [self.district_box.addItem(d.name, d.code) for d in districts],
        )

    def _got_names(self, found: names.Names) -> None:
        self._names = found
        self._update_footer()

    def _person(self, login: str) -> str:
        """The login as its person's name; one the names lack (a user added since they were read) has them
        read again, once."""
        if self._names is None:
            return login
        if login not in self._names.people and login not in self._names_asked:
            self._names_asked.add(login)
            read_in_background(self, names.list_names, on_done=self._got_names)
        return self._names.person(login)

    def _fill_tambons(self) -> None:
        self.tambon_box.blockSignals(True)
        self.tambon_box.clear()
        self.tambon_box.addItem(self.tr("ทุกตำบล"), None)
        district = self.district_box.currentData()
        if district:
            done = perform(self, areas.list_tambons, district_code=district)
            for tambon in done.result if done else []:
                self.tambon_box.addItem(tambon.name, tambon.code)
        self.tambon_box.setEnabled(district is not None)
        self.tambon_box.blockSignals(False)

    # --- the period shown ------------------------------------------------------------------------
    def picked_period(self) -> tuple[int, int, str | None, str | None]:
        """What the pickers say: fiscal year, month, district (or None), tambon (or None)."""
        wide = self.permissions.wide
        district = self.district_box.currentData() if wide else None
        tambon = self.tambon_box.currentData() if wide else None
        return self.picker.year, self.picker.month, district, tambon

    def _on_period_picked(self) -> None:
        if self.picked_period() == self._period:
            return
        if not self.confirm_leave():
            self._show_pickers(self._period)
            return
        self.reload()

    def _show_pickers(self, period) -> None:
        year, month, district, tambon = period
        self.picker.set_period(year, month, quiet=True)
        self.district_box.blockSignals(True)
        self.district_box.setCurrentIndex(max(0, self.district_box.findData(district)))
        self.district_box.blockSignals(False)
        if self.permissions.wide:
            self._fill_tambons()
            self.tambon_box.setCurrentIndex(max(0, self.tambon_box.findData(tambon)))

    def open_period(
        self, fiscal_year: int, month: int, district_code: str | None = None, entrepreneur_id=None, channel: int = -1
    ) -> None:
        """Show a district's month (asked from another tab), at an entrepreneur's cell (a channel, -1 for its first
        amount) when given; unsaved edits are asked about first."""
        period = (fiscal_year, month, district_code if self.permissions.wide else None, None)
        if period == self._period:
            self.show_cell(entrepreneur_id, channel)
            return
        if not self.confirm_leave():
            return
        self._show_pickers(period)
        self.reload(then=lambda: self.show_cell(entrepreneur_id, channel))

    def show_cell(self, entrepreneur_id, channel: int = -1) -> None:
        """Select and show an entrepreneur's amount in a channel (nothing when it is not on the grid)."""
        rows = [row for row in range(self.model.rowCount()) if self.model.entrepreneur_id(row) == entrepreneur_id]
        if entrepreneur_id is None or not rows:
            return
        index = self.model.index(rows[0], FIRST_AMOUNT + max(channel, 0))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()

    def reload(self, then=None) -> None:
        """Load the picked month into the grid off the GUI thread (a whole province's month is thousands of
        rows), then run `then`; the usual totals follow in the background after it."""
        period = self._loading = self.picked_period()
        year, month, district, tambon = period
        if self.permissions.picks_district_first and district is None:
            self._ask_for_district(period)
            return

        def done(result) -> None:
            if self._loading == period:  # else a newer load is on its way
                self._show_sheet(period, result.result)
                if then is not None:
                    then()

        perform_in_background(
            self,
            entry.load_month,
            on_done=done,
            fiscal_year=year,
            month=month,
            district_code=district,
            tambon_code=tambon,
            today=self._today,
        )

    def _ask_for_district(self, period) -> None:
        """The department's first view: nothing read, a prompt to pick a district (or the whole country)."""
        self._period, self._usual, self._last_saved = period, None, None
        self.model.load((), frozenset())
        self.footer.clear()
        self.sync_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.show_banner(self.tr("เลือกอำเภอเพื่อดูยอดจำหน่ายของเดือน (หรือ “ทุกอำเภอ” เพื่อดูทั้งประเทศ)"), "info")

    def _show_sheet(self, period, sheet) -> None:
        self._period = period
        self._usual = None
        self.model.load(sheet.rows, sheet.read_only)
        self.footer_totals.follow_grid()
        self.banner.setVisible(False)
        self._show_footer(sheet)
        self.sync_button.setEnabled(sheet.may_write)
        self.save_button.setEnabled(sheet.may_write)
        if sheet.notice:
            self.show_banner(sheet.notice, sheet.notice_kind)
        self._load_typical_totals(period)

    def _load_typical_totals(self, period) -> None:
        year, month, district, tambon = period

        def done(result) -> None:
            if period == self._period:
                self._usual = result.result
                self.model.set_typical_totals(result.result.totals, result.result.channels)

        perform_in_background(
            self,
            entry.usual_months,
            on_done=done,
            fiscal_year=year,
            month=month,
            district_code=district,
            tambon_code=tambon,
        )

    def _show_footer(self, sheet) -> None:
        self._last_saved = sheet.last_saved
        self._update_footer()

    def _update_footer(self, *_) -> None:
        """The month's rows (the totals row's count when nothing is filtered out), those Sync added and not saved
        yet, and the last save."""
        month = self.model.sales  # every row of the month, the filter's hidden ones too
        rows = month.rowCount()
        text = self.tr("ผู้ประกอบการในรายชื่อของเดือน {count} ราย").format(count=f"{rows:,}")
        unsaved = sum(1 for row in range(rows) if month.is_new(row))
        if unsaved:
            text += self.tr(" (ดึงมาด้วย Sync ยังไม่ได้บันทึก {count} ราย)").format(count=f"{unsaved:,}")
        last = self._last_saved
        if last is not None:
            text += self.tr(" · แก้ไขล่าสุดโดย {user} เมื่อ {when}").format(
                user=self._person(last.updated_by), when=format_thai_datetime(last.updated_at)
            )
        self.footer.setText(text)

    def show_banner(self, text: str, kind: str, until_edit: bool = False) -> None:
        """A message above the grid: information, success or a refusal; `until_edit`: about the figures as they
        stand, gone at the next edit or undo (as a refusal is)."""
        self.banner_kind, self._banner_until_edit = kind, until_edit or kind == "error"
        self.banner.setText(text)
        self.banner.setStyleSheet(BANNER_STYLES[kind] + "padding:6px; border-radius:4px;")
        self.banner.setVisible(True)

    def _clear_refusal(self, *_) -> None:
        if not self.banner.isHidden() and getattr(self, "_banner_until_edit", False):
            self.banner.setVisible(False)

    # --- actions ---------------------------------------------------------------------------------
    def confirm_leave(self) -> bool:
        """With unsaved edits, ask to save, discard or stay; True when it is fine to move on."""
        if not self.model.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("ยังไม่ได้บันทึก"),
            self.tr("มีข้อมูลที่แก้ไขแล้วแต่ยังไม่ได้บันทึก ต้องการบันทึกก่อนหรือไม่?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def save(self) -> bool:
        """Save the month's edits in one transaction; True when saved (or nothing to save)."""
        self.view.finish_editing()
        if getattr(self, "banner_kind", None) == "ok":  # the last save's "บันทึกเรียบร้อย" is not this one's
            self.banner.setVisible(False)
        changes = self.model.changes()
        if not changes:
            self.show_banner(self.tr("ไม่มีข้อมูลที่เปลี่ยนแปลง"), "info")
            return True
        year, month, _, _ = self._period
        unusual = []

        def refused(error) -> None:
            if isinstance(error, saving.UnusualAmounts):
                unusual.append(error)
            elif isinstance(error, saving.SavedMeanwhile):
                self.refusals.offer_newest(error)
            elif isinstance(error, MonthLocked):  # locked since the grid was shown: the reload shows it locked
                self.refusals.offer_locked_month(error, self.tr("ยังไม่ได้บันทึก: เดือนนี้ถูกล็อก (ยืนยันข้อมูล) แล้ว"))
            else:
                show_error(self, error)

        # A whole province's month is thousands of rows: saved off the GUI thread, the window waiting.
        waiting = self.tr("กำลังบันทึกข้อมูล {rows} ราย…").format(rows=f"{len(changes):,}")
        # First without confirming: the service lists unusual totals, if any, for the officer to confirm.
        done = perform_waiting(
            self,
            saving.save_month,
            progress=waiting,
            refused=refused,
            fiscal_year=year,
            month=month,
            changes=changes,
            today=self._today,
            unusual_ok=False,
            usual=self._usual,
        )
        if unusual:
            if not self.refusals.confirm_unusual(unusual[0].amounts):
                self.show_banner(self.tr("ยังไม่ได้บันทึก: กรุณาตรวจสอบยอดที่สูงผิดปกติ (ช่องรวมสีส้ม)"), "info", until_edit=True)
                return False
            done = perform_waiting(
                self,
                saving.save_month,
                progress=waiting,
                fiscal_year=year,
                month=month,
                changes=changes,
                today=self._today,
                unusual_ok=True,
                usual=self._usual,
            )
        if done is None:
            return False
        result = done.result
        message = self.tr("บันทึกข้อมูลเรียบร้อย เมื่อ {when} ({rows} ราย)").format(
            when=format_thai_datetime(result.saved_at), rows=f"{result.rows_changed:,}"
        )
        self.reload(then=lambda: self.show_banner(message, "ok"))
        return True

    def sync(self, again: bool = False) -> None:
        """Put the previous month's entrepreneurs in the grid, without amounts; บันทึกข้อมูล saves them. A month
        listed elsewhere since it was shown (another PC, the command line) is read again first, when nothing
        typed would be lost: Sync said "ครบแล้ว (0 ราย)" over a grid that showed none of them."""
        self.view.finish_editing()
        year, month, district, _ = self._period
        done = perform(
            self, sync.sync_preview, fiscal_year=year, month=month, district_code=district, today=self._today
        )
        if done is None:
            return
        result = done.result
        month = self.model.sales  # every row of the month, the filter's hidden ones too
        listed_here = sum(1 for row in range(month.rowCount()) if not month.is_new(row))
        if result.already_listed != listed_here and not again and not self.model.is_dirty():
            self.reload(then=lambda: self.sync(again=True))
            return
        shown = {month.entrepreneur_id(row) for row in range(month.rowCount())}
        rows = [row for row in result.rows if row.entrepreneur_id not in shown]
        self.model.add_rows(rows)
        if not rows:
            text = self.tr("รายชื่อผู้ประกอบการของเดือนนี้ครบแล้ว ({count} ราย) ไม่มีรายชื่อเพิ่ม").format(
                count=f"{self.model.all_count():,}"
            )
        elif result.from_previous_month:
            where = self.tr("แถวสีฟ้าท้ายตาราง") if shown else self.tr("แถวสีฟ้า")  # a month empty before: all of it
            text = self.tr(
                "ดึงรายชื่อผู้ประกอบการจากเดือนก่อนหน้า {added} ราย ({where} ไม่ดึงยอดเงิน) "
                "ยังไม่ได้บันทึก: กรอกยอดจำหน่ายแล้วกด “บันทึกข้อมูล”"
            ).format(added=f"{len(rows):,}", where=where)
        else:
            text = self.tr(
                "เดือนก่อนหน้าไม่มีรายชื่อ จึงใส่ผู้ประกอบการที่ยังดำเนินกิจการทั้งหมด {added} ราย "
                "(แถวสีฟ้า) ยังไม่ได้บันทึก: กรอกยอดจำหน่ายแล้วกด “บันทึกข้อมูล”"
            ).format(added=f"{len(rows):,}")
        self.show_banner(text, "info")

    def add_entrepreneur(self) -> None:
        """Province staff add an entrepreneur to the month (the button says why it is off for others)."""
        if not self.confirm_leave():
            return
        year, month, district, tambon = self._period
        dialog = EntrepreneurDialog(
            self.context, None, self, list_in=(year, month), district_code=district, tambon_code=tambon
        )
        dialog.exec()  # a saved entrepreneur is announced; this tab reloads on the notice

    def edit_entrepreneur(self) -> None:
        """Province staff edit the details of the entrepreneur on the current row."""
        entrepreneur_id = self.model.entrepreneur_id(self.view.currentIndex().row())
        if entrepreneur_id is None:
            self.show_banner(self.tr("กรุณาเลือกแถวของผู้ประกอบการที่ต้องการแก้ไข"), "info")
            return
        if not self.confirm_leave():
            return
        EntrepreneurDialog(self.context, entrepreneur_id, self).exec()  # reloads on the notice

    def _on_change(self, notice: Notice) -> None:
        shown = Kind.SALES | Kind.ENTREPRENEURS | Kind.LOCKS
        if notice.origin is not self and not self.model.is_dirty() and self._period:
            if notice.changes.touches(shown, self._period[0]):
                self.reload()
