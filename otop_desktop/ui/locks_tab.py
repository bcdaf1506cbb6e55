"""The ล็อกข้อมูล tab: the province confirms (locks) each district's month or the whole province's,
with the letter's four buttons, the status line, the deadline and each district-month's history."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.core.changes import Kind
from otop_desktop.services import deadlines, entry, locks, names
from otop_desktop.services.quality import reviews
from otop_desktop.services.thai import (
    fiscal_year_of,
    format_thai_date,
    format_thai_datetime,
    month_label,
    today_in_thailand,
)
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.common import FirstShow, agrees, read_only_view
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.deadline_marks import kept_by_others_style, label_style
from otop_desktop.ui.list_question import ask_about_list
from otop_desktop.ui.operations import perform, perform_waiting, read, read_in_background
from otop_desktop.ui.period_picker import PeriodPicker
from otop_desktop.ui.plain_table import PlainTableModel
from otop_desktop.ui.quality_tab import unchecked_sentence

NOTHING_ENTERED = QBrush(QColor("#ffcdd2"))
PARTLY_ENTERED = QBrush(QColor("#ffe0b2"))
LOCKED = QBrush(QColor("#e8f5e9"))


class LocksTab(QWidget):
    """Lock state of every district for a month, and the buttons to change it (provincial staff)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.context, self.user = context, context.user
        self._today = today or today_in_thailand()
        self.overview: locks.LockOverview | None = None
        self.names = read(self, names.list_names) or names.Names()  # logins as the people's names
        self.unchecked: dict[str, int] = {}  # the month's findings of the data-quality check not yet checked
        due = read(self, deadlines.due_month, today=self._today)  # it opens on the month to confirm next
        self.picker = PeriodPicker(due.month_start if due else self._today)
        read_in_background(
            self,
            entry.list_fiscal_years,
            on_done=lambda years: self.picker.set_years(sorted({*years, self.picker.year}, reverse=True)),
            today_fiscal_year=fiscal_year_of(self._today),
        )
        self.deadline_label = QLabel()
        self.province_status, self.district_status = QLabel(), QLabel()
        self.lock_district_button = QPushButton(self.tr("ล็อก (อำเภอ)"))
        self.unlock_district_button = QPushButton(self.tr("ปลดล็อก (อำเภอ)"))
        self.lock_province_button = QPushButton(self.tr("ล็อก (ทั้งจังหวัด)"))
        self.unlock_province_button = QPushButton(self.tr("ปลดล็อก (ทั้งจังหวัด)"))
        self.table_model = PlainTableModel(
            [
                self.tr("รหัส"),
                self.tr("อำเภอ"),
                self.tr("สถานะ"),
                self.tr("ล็อก/ปลดล็อก\nโดย"),
                self.tr("เมื่อ"),
                self.tr("เหตุผล"),
                self.tr("การกรอกยอด"),
                self.tr("บันทึกล่าสุด"),
            ],
            self,
        )
        self.table = read_only_view(self.table_model, (45, 130, 80, 150, 235, 110, 215, 285), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_label = QLabel()
        self.history_model = PlainTableModel(
            [self.tr("เมื่อ"), self.tr("ผู้ใช้"), self.tr("การทำงาน"), self.tr("ระดับ"), self.tr("เหตุผล")], self
        )
        self.history = read_only_view(self.history_model, (240, 130, 90, 110, 400), self)
        self._layout()
        self._connect()
        self.first_show = FirstShow(self, self.reload)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addSpacing(24)
        top.addWidget(self.deadline_label)
        top.addStretch(1)
        panel = QGridLayout()
        panel.addWidget(self.province_status, 0, 0)
        panel.addWidget(self.lock_province_button, 0, 1)
        panel.addWidget(self.unlock_province_button, 0, 2)
        panel.addWidget(self.district_status, 1, 0)
        panel.addWidget(self.lock_district_button, 1, 1)
        panel.addWidget(self.unlock_district_button, 1, 2)
        panel.setColumnStretch(0, 1)
        note = QLabel(
            self.tr(
                "ข้อควรระวัง: ถ้าจังหวัดไม่ล็อก (ยืนยัน) ข้อมูลไว้ ข้อมูลจะไม่ถูกยืนยันและไม่ขึ้นในระบบรายงานของกรมฯ "
                "อำเภอที่ล็อกแล้วจะแก้ไขข้อมูลของเดือนนั้นไม่ได้"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#b71c1c;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(panel)
        layout.addWidget(note)
        # The districts above, the chosen one's history below, the line between them movable: at 1366×768 the
        # table shows 13 of a province's districts (it showed 8 beside a history of fixed height, mostly empty).
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.history_label)
        below.addWidget(self.history)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)  # a taller window gives its height to the districts
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([600, 110])
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.picker.changed.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.lock_district_button.clicked.connect(self.lock_district)
        self.unlock_district_button.clicked.connect(self.unlock_district)
        self.lock_province_button.clicked.connect(self.lock_province)
        self.unlock_province_button.clicked.connect(self.unlock_province)
        self.context.bus.changed.connect(self._on_change)

    # --- showing -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the month's lock panel and show it, keeping the selected district."""
        selected = self.selected_district()
        done = perform_waiting(  # off the GUI thread (0.1-0.2 s at a province), the window drawing meanwhile
            self,
            locks.lock_overview,
            progress=self.tr("กำลังอ่านสถานะการล็อกข้อมูล…"),
            fiscal_year=self.picker.year,
            month=self.picker.month,
            today=self._today,
        )
        if done is None:
            return
        self.overview = overview = done.result
        self._count_unchecked(overview)
        rows, backgrounds, tips = [], [], []
        for status in overview.districts:
            rows.append(self._row(status))
            # A missing report stays marked after a lock: locking confirms, it does not fill anything in.
            backgrounds.append(
                NOTHING_ENTERED
                if status.nothing_entered
                else PARTLY_ENTERED
                if status.missing
                else LOCKED
                if status.locked
                else None
            )
            tips.append(
                self.tr("ยังไม่บันทึกยอดจำหน่ายของเดือนนี้: {text}").format(text=status.entry_text())
                if status.missing
                else None
            )
        self.table_model.set_rows(rows, backgrounds, tips, cell_tips=self._login_tips(overview.districts))
        codes = [d.district_code for d in overview.districts]
        self.select_district(selected if selected in codes else (codes[0] if codes else None))
        line = overview.status_line() + (self.tr(" — ยืนยันทั้งจังหวัดแล้ว") if overview.province_locked else "")
        if not overview.districts and overview.refusal:  # the department's: no district of its own to count
            line = overview.refusal
        if overview.incomplete and not overview.refusal:
            line += self.tr(" · ยังกรอกไม่ครบ {count} อำเภอ (แถวสีแดง/ส้ม)").format(count=len(overview.incomplete))
        if overview.lockable_from and not overview.refusal:  # why the lock buttons are off (said whole on them)
            line += self.tr(" · ล็อกได้ตั้งแต่ {day} (วันสิ้นเดือน)").format(day=format_thai_date(overview.lockable_from))
        self.province_status.setText(line)
        self.deadline_label.setText(overview.deadline_words)
        # A district's officer cannot lock: the province's deadline is said, not raised as the officer's in red.
        urgency = overview.urgency
        self.deadline_label.setStyleSheet(kept_by_others_style(urgency) if overview.refusal else label_style(urgency))
        self._on_selection()

    def _count_unchecked(self, overview: locks.LockOverview) -> None:
        """The data-quality check's unchecked findings per district, for the lock question (off the GUI thread)."""
        self.unchecked, period = {}, (overview.fiscal_year, overview.month)
        if not overview.refusal:
            read_in_background(
                self,
                reviews.unchecked_counts,
                on_done=lambda counts: setattr(self, "unchecked", counts) if self._current() == period else None,
                fiscal_year=period[0],
                month=period[1],
            )

    def _current(self) -> tuple[int, int] | None:
        return (self.overview.fiscal_year, self.overview.month) if self.overview else None

    def _row(self, status: locks.DistrictStatus) -> list[str]:
        lock = status.lock
        saved = (
            self.tr("{when} โดย {user}").format(
                when=format_thai_datetime(status.last_saved_at), user=self.names.person(status.last_saved_by)
            )
            if status.last_saved_at
            else self.tr("ยังไม่บันทึกข้อมูล")
        )
        return [
            status.district_code,
            status.district_name,
            self.tr("ล็อกแล้ว") if status.locked else self.tr("ยังไม่ล็อก"),
            self.names.person(lock.changed_by) if lock else "",
            format_thai_datetime(lock.changed_at) if lock else "",
            lock.reason if lock else "",
            status.entry_text(),
            saved,
        ]

    def _login_tips(self, districts) -> dict[tuple[int, int], str]:
        """The login behind each name shown in the lock and last-saved columns."""
        tips = {}
        for row, status in enumerate(districts):
            if status.lock:
                tips[(row, 3)] = self.tr("ชื่อผู้ใช้: {login}").format(login=status.lock.changed_by)
            if status.last_saved_by:  # the whole line too: a long name may not fit the column
                tips[(row, 7)] = self.tr("บันทึกล่าสุด {when} โดย {name} (ชื่อผู้ใช้: {login})").format(
                    when=format_thai_datetime(status.last_saved_at),
                    name=self.names.person(status.last_saved_by),
                    login=status.last_saved_by,
                )
        return tips

    def selected_district(self) -> str | None:
        """The district code of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.overview is None:
            return None
        return self.overview.districts[rows[0].row()].district_code

    def select_district(self, code: str | None) -> None:
        """Select a district's row."""
        codes = [d.district_code for d in self.overview.districts] if self.overview else []
        if code in codes:
            self.table.selectRow(codes.index(code))

    def _selected_status(self) -> locks.DistrictStatus | None:
        code = self.selected_district()
        return next((d for d in self.overview.districts if d.district_code == code), None) if code else None

    def _on_selection(self, *_) -> None:
        status = self._selected_status()
        if status is None:
            self.district_status.setText(self.tr("สถานะการล็อกข้อมูลระดับอำเภอ: กรุณาเลือกอำเภอในตาราง"))
            self.history_model.set_rows([])
            for button in (self.lock_district_button, self.unlock_district_button):
                button.setEnabled(False)
            if self.overview is not None:  # no district listed (the department's): the province's buttons too
                for button, may in (
                    (self.lock_province_button, self.overview.may_lock_province),
                    (self.unlock_province_button, self.overview.may_unlock_province),
                ):
                    button.setEnabled(may)
                    button.setToolTip(self.overview.refusal or self.overview.not_yet)
            return
        state = self.tr("ล็อกแล้ว") if status.locked else self.tr("ยังไม่ล็อก")
        self.district_status.setText(
            self.tr("สถานะการล็อกข้อมูลระดับอำเภอ: อำเภอ{name} ({state})").format(name=status.district_name, state=state)
        )
        overview = self.overview  # the service says what this user may do now; a button off says why
        for button, may in (
            (self.lock_district_button, status.may_lock),
            (self.unlock_district_button, status.may_unlock),
            (self.lock_province_button, overview.may_lock_province),
            (self.unlock_province_button, overview.may_unlock_province),
        ):
            button.setEnabled(may)
            button.setToolTip(overview.refusal)
        for button in (self.lock_district_button, self.lock_province_button):
            button.setToolTip(overview.refusal or overview.not_yet)
        if not overview.refusal:  # the district locked with the whole province: that unlock comes first
            self.unlock_district_button.setToolTip(status.unlock_refusal)
        self._show_history(status)

    def _show_history(self, status: locks.DistrictStatus) -> None:
        done = perform(
            self,
            locks.lock_history,
            district_code=status.district_code,
            fiscal_year=self.picker.year,
            month=self.picker.month,
        )
        events = done.result if done else []
        self.history_label.setText(
            self.tr("ประวัติการล็อกของอำเภอ{name} เดือน{month}").format(
                name=status.district_name, month=month_label(self.picker.year, self.picker.month)
            )
        )
        self.history_model.set_rows(
            [[format_thai_datetime(e.at), self.names.person(e.username), e.action, e.scope, e.reason] for e in events],
            cell_tips={(row, 1): self.tr("ชื่อผู้ใช้: {login}").format(login=e.username) for row, e in enumerate(events)},
        )

    # --- the four buttons -------------------------------------------------------------------------
    def _confirm(self, title: str, text: str) -> bool:
        return agrees(self, title, text)

    def _reason(self, title: str, text: str) -> str | None:
        reason, ok = QInputDialog.getText(self, title, text, QLineEdit.EchoMode.Normal, "")
        if not ok:
            return None
        if not reason.strip():
            QMessageBox.warning(self, title, self.tr("กรุณาระบุเหตุผลในการปลดล็อก ยังไม่ได้ปลดล็อก"))
            return None
        return reason

    def _act(self, action, **kwargs) -> None:
        if perform(self, action, fiscal_year=self.picker.year, month=self.picker.month, **kwargs):
            self.reload()

    def _period(self) -> str:
        return month_label(self.picker.year, self.picker.month)

    def lock_district(self) -> None:
        """Button 1: confirm the selected district's month."""
        status = self._selected_status()
        if status is None:
            return
        text = self.tr("ยืนยันข้อมูลเดือน{month} ของอำเภอ{name}? หลังล็อกแล้วอำเภอจะแก้ไขข้อมูลเดือนนี้ไม่ได้").format(
            month=self._period(), name=status.district_name
        )
        if status.missing:
            text = (
                self.tr("อำเภอ{name} ยังกรอกยอดไม่ครบ: {entry}\n\n").format(
                    name=status.district_name, entry=status.entry_text()
                )
                + text
            )
        text = unchecked_sentence(self.unchecked, status.district_code) + text
        if self._confirm(self.tr("ล็อก (อำเภอ)"), text):
            self._act(locks.lock_district, district_code=status.district_code, incomplete_ok=True)  # asked above

    def unlock_district(self) -> None:
        """Button 2: let the selected district edit its month again, with a reason."""
        status = self._selected_status()
        if status is None:
            return
        reason = self._reason(
            self.tr("ปลดล็อก (อำเภอ)"),
            self.tr("เหตุผลในการปลดล็อกข้อมูลเดือน{month} ของอำเภอ{name}:").format(
                month=self._period(), name=status.district_name
            ),
        )
        if reason is not None:
            self._act(locks.unlock_district, district_code=status.district_code, reason=reason)

    def lock_province(self) -> None:
        """Button 3: confirm the whole province's month; no district can edit it."""
        text = self.tr("ยืนยันข้อมูลเดือน{month} ทั้งจังหวัด? ทุกอำเภอจะแก้ไขข้อมูลเดือนนี้ไม่ได้ และข้อมูลจะนับเป็นรายงานต่อกรมฯ").format(
            month=self._period()
        )
        incomplete = self.overview.incomplete if self.overview else ()
        if not incomplete:
            if self._confirm(self.tr("ล็อก (ทั้งจังหวัด)"), unchecked_sentence(self.unchecked) + text):
                self._act(locks.lock_province, incomplete_ok=True)
            return
        intro = self.tr("มี {count} อำเภอที่ยังกรอกยอดเดือน{month} ไม่ครบ:").format(
            count=len(incomplete), month=self._period()
        )
        intro = unchecked_sentence(self.unchecked) + intro
        warning = self.tr("ถ้าล็อกตอนนี้ อำเภอเหล่านี้จะส่งข้อมูลเพิ่มไม่ได้จนกว่าจะปลดล็อก และรายชื่อนี้จะถูกบันทึกไว้กับการล็อก")
        rows = [[self.tr("อำเภอ{name}").format(name=d.district_name), d.entry_text()] for d in incomplete]
        if ask_about_list(
            self,
            self.tr("ล็อก (ทั้งจังหวัด)"),
            intro,
            [self.tr("อำเภอ"), self.tr("การกรอกยอด")],
            rows,
            warning + "\n\n" + text,
        ):
            self._act(locks.lock_province, incomplete_ok=True)

    def unlock_province(self) -> None:
        """Button 4: unlock the whole province, with a reason; says which districts stay confirmed."""
        kept = self.overview.kept_by_unlock
        if kept:
            after = self.tr(
                "อำเภอที่ล็อกพร้อมกับทั้งจังหวัดจะแก้ไขได้อีกครั้ง ส่วน {kept} อำเภอที่ยืนยันไว้ก่อนจะยังล็อกอยู่ ซึ่งปลดล็อกทีละอำเภอได้"
            ).format(kept=kept)
        else:
            after = self.tr("ทุกอำเภอจะแก้ไขได้อีกครั้ง")
        reason = self._reason(
            self.tr("ปลดล็อก (ทั้งจังหวัด)"),
            self.tr("เหตุผลในการปลดล็อกข้อมูลเดือน{month} ทั้งจังหวัด\n{after}").format(month=self._period(), after=after),
        )
        if reason is not None:
            self._act(locks.unlock_province, reason=reason)

    def _on_change(self, notice: Notice) -> None:
        if self.first_show.pending:  # not looked at yet: it reads when first shown
            return
        if notice.origin is not self and notice.changes.touches(
            Kind.LOCKS | Kind.SALES | Kind.ENTREPRENEURS | Kind.REVIEWS, self.picker.year
        ):
            self.reload()
