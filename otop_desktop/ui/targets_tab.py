"""The ค่าเป้าหมาย tab: the letter's target columns with achievement, coloured by the tier reached;
the year's rule, bases from data, taking in a printed table, and export to Excel."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.core.changes import Kind
from otop_desktop.core.errors import OtopError
from otop_desktop.services import entry
from otop_desktop.services.access import Action
from otop_desktop.services.money import MAX_BASE_SATANG, format_baht, parse_amount
from otop_desktop.services.targets import printed, rule, workbook
from otop_desktop.services.thai import fiscal_year_of, today_in_thailand
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.common import FirstShow, agrees, save_cancel_buttons
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.errors import error_label, show_error
from otop_desktop.ui.file_dialogs import FileKind, open_file_name, save_file_name
from otop_desktop.ui.frozen_columns import FrozenColumns, fit_columns_to_contents
from otop_desktop.ui.operations import perform, perform_in_background, perform_waiting, read_in_background
from otop_desktop.ui.period_picker import fill_years
from otop_desktop.ui.plain_table import PlainTableModel
from otop_desktop.ui.target_import_dialog import TargetImportDialog

TIER_BRUSHES = tuple(QBrush(QColor(f"#{rgb}")) for rgb in workbook.TIER_FILLS)


def cell_text(value) -> str:
    """A figure of the table as shown: baht with separators, text as it is, '-' for nothing."""
    if value is None:
        return "-"
    return format_baht(int(value * 100)) if isinstance(value, Decimal) else str(value)


def heading_lines(heading: str) -> str:
    """The letter's long headings over up to four short lines, so the columns stay narrow:
    'ค่าเป้าหมาย / ขั้นมาตรฐาน / ปี 2569 / (เพิ่มขึ้น 3%)', 'ยอดจำหน่าย / OTOP / รอบประเมินที่ 1'."""
    heading = heading.replace("ค่าเป้าหมายขั้น", "ค่าเป้าหมาย\nขั้น")
    return re.sub(r" (?=OTOP |\(|ปี 25\d\d|รอบประเมินที่)", "\n", heading)


class SettingsDialog(QDialog):
    """The year's rule: base year, adjustment factor and the three tier percentages."""

    def __init__(self, context: AppContext, settings: rule.Settings, parent=None):
        super().__init__(parent)
        self.context, self.fiscal_year = context, settings.fiscal_year
        self.setWindowTitle(self.tr("หลักเกณฑ์ค่าเป้าหมาย ปีงบประมาณ {year}").format(year=settings.fiscal_year))
        self.base_year = QSpinBox()
        self.base_year.setRange(settings.fiscal_year - 10, settings.fiscal_year - 1)
        self.base_year.setValue(settings.base_year)
        self.factor = QLineEdit(str(settings.factor))
        self.percents = [QLineEdit(str(p)) for p in settings.percents]
        self.error_label = error_label()  # its dialog grows to show a long refusal whole
        form = QFormLayout()
        form.addRow(self.tr("ปีฐาน (พ.ศ.)"), self.base_year)
        form.addRow(self.tr("ตัวปรับลดยอดจำหน่าย"), self.factor)
        for name, edit in zip(rule.TIER_NAMES, self.percents):
            form.addRow(self.tr("{tier} เพิ่มขึ้นร้อยละ").format(tier=name), edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(save_cancel_buttons(self, self.tr("บันทึก")))

    def accept(self) -> None:
        if perform(
            self,
            rule.save_settings,
            fiscal_year=self.fiscal_year,
            base_year=self.base_year.value(),
            factor=self.factor.text(),
            percents=[edit.text() for edit in self.percents],
            refused=lambda error: self.error_label.setText(error.message),
        ):
            super().accept()


class TargetsTab(QWidget):
    """Targets and achievement per district and for the province."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.context, self.user = context, context.user
        self.table: rule.TargetTable | None = None
        self._today = today or today_in_thailand()
        current = fiscal_year_of(self._today)
        self.year_box, self.round_box = QComboBox(), QComboBox()
        fill_years(self.year_box, [current])  # the years there are come off the GUI thread
        read_in_background(
            self,
            entry.list_fiscal_years,
            on_done=lambda years: fill_years(self.year_box, years),
            today_fiscal_year=current,
        )
        self.round_box.addItem(self.tr("รอบที่ 1 (ตุลาคม - มีนาคม)"), 1)
        self.round_box.addItem(self.tr("รอบที่ 2 (ทั้งปีงบประมาณ)"), 2)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)  # the round's months named after the rule: never wider than the screen
        self.settings_button = QPushButton(self.tr("ตั้งค่าหลักเกณฑ์…"))
        self.compute_button = QPushButton(self.tr("คำนวณยอดปีฐานจากข้อมูล"))
        self.import_button = QPushButton(self.tr("นำเข้าตาราง…"))
        self.export_button = QPushButton(self.tr("ส่งออก Excel…"))
        self.model = PlainTableModel([], self)
        self.model.right_aligned = {2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13}
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setMinimumHeight(104)
        self.view.doubleClicked.connect(self.enter_base)
        self.frozen = FrozenColumns(self.view, 2)  # the number and the district stay in view while scrolled
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("background:#fff3e0; color:#e65100; padding:6px;")
        self.show_bases = QCheckBox(self.tr("แสดงยอดปีฐานและยอดปรับลด"))
        self.show_bases.toggled.connect(self._show_columns)
        text = self.tr(
            "สีของแถว: แดง = ยังไม่ถึงขั้นต้น · เหลือง = ขั้นต้น · เขียวอ่อน = ขั้นมาตรฐาน · เขียว = ขั้นสูง "
            "· ระหว่างรอบ เทียบยอดจริงของเดือนที่พ้นกำหนดยืนยัน (วันที่ 5 ของเดือนถัดไป) แล้วกับค่าเป้าหมายตามสัดส่วนของเดือน "
            "(เช่น 2/6 เดือน: ต.ค. พ.ย.) "
            "· ค่าเป้าหมายปัดเป็นบาท (ปัดครึ่งขึ้น) ทุกขั้นตอน ส่วนยอดจริงและยอดที่ขาดแสดงถึงสตางค์"
        )
        text += f" · {workbook.NEED_NOTE}"
        self.may_set = context.permissions.may(Action.SET_TARGETS)
        if self.may_set:
            text += self.tr(" · ดับเบิลคลิกแถวเพื่อกรอกยอดปีฐานเอง")
        self.legend = legend = QLabel(text)
        legend.setWordWrap(True)
        legend.setStyleSheet("color:#555;")
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("ปีงบประมาณ")), self.year_box, QLabel(self.tr("รอบการประเมิน")), self.round_box):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.show_bases)
        for button in (self.settings_button, self.compute_button, self.import_button, self.export_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.stale_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        self.year_box.currentIndexChanged.connect(self.reload)
        self.round_box.currentIndexChanged.connect(self.reload)
        self.settings_button.clicked.connect(self.edit_settings)
        self.compute_button.clicked.connect(self.compute_bases)
        self.import_button.clicked.connect(self.import_table)
        self.export_button.clicked.connect(self.export)
        context.bus.changed.connect(self._on_change)
        for button in (self.settings_button, self.compute_button, self.import_button):
            button.setEnabled(self.may_set)
            button.setToolTip(context.permissions.reason(Action.SET_TARGETS))
        self.first_show = FirstShow(self, self.reload)

    @property
    def fiscal_year(self) -> int:
        """The picked fiscal year."""
        return self.year_box.currentData()

    @property
    def round_no(self) -> int:
        """The picked round, 1 or 2."""
        return self.round_box.currentData()

    def reload(self) -> None:
        """Read the targets of the picked year and round and show them."""
        done = perform_waiting(  # off the GUI thread (0.3-0.4 s at a province), the window drawing meanwhile
            self,
            rule.target_table,
            progress=self.tr("กำลังคำนวณค่าเป้าหมาย…"),
            fiscal_year=self.fiscal_year,
            round_no=self.round_no,
            today=self._today,
        )
        if done is None:
            return
        self.table = done.result
        table, settings = self.table, self.table.settings
        # The letter's long headings over two or three lines: "ยอดจำหน่าย / OTOP ปี 2569", "… / ปี 2570 / (เพิ่มขึ้น 2%)".
        self.model.headers = [heading_lines(h) for h in workbook.headings(table)]
        lines = table.numbered
        rows = [[cell_text(v) for v in workbook.line_values(number, line)] for number, line in lines]
        brushes = [TIER_BRUSHES[line.achievement.shown_tier] if line.achievement else None for _, line in lines]
        tips = [
            self.tr("ค่าที่พิมพ์ในตารางที่นำเข้า (เลือกเก็บไว้)")
            if line.printed
            else self.tr("ยอดปีฐานคำนวณจากข้อมูลไว้ {then} บาท แต่ข้อมูลตอนนี้รวม {now} บาท").format(
                then=format_baht(line.base), now=format_baht(line.base_now)
            )
            if line.base_stale
            else None
            for _, line in lines
        ]
        self.model.set_rows(rows, brushes, tips, bold_rows={len(rows) - 1} if table.total else set())
        # Amounts as wide as the widest (billions of baht, never "694,172,822...."); the number and the district
        # stay pinned on the left while a 1366-pixel screen scrolls to the last columns.
        for column, width in enumerate((34, 130)):
            self.view.setColumnWidth(column, width)
        fit_columns_to_contents(self.view, range(2, self.model.columnCount()))
        self._show_columns()
        state = "" if settings.saved else self.tr(" (ค่าเริ่มต้นตามหนังสือ ยังไม่ได้บันทึก)")
        self.rule_label.setText(
            self.tr(
                "หลักเกณฑ์ปี {year}: ปีฐาน {base} · ตัวปรับลด {factor} · ขั้นต้น +{p1}% · ขั้นมาตรฐาน +{p2}% · ขั้นสูง +{p3}%{state}"
            ).format(
                year=settings.fiscal_year,
                base=settings.base_year,
                factor=settings.factor,
                p1=settings.percents[0],
                p2=settings.percents[1],
                p3=settings.percents[2],
                state=state,
            )
            + (f" · {table.pace_words}" if table.pace_words else "")
        )
        has_targets = any(line.figures for line in table.lines)
        self.stale_label.setVisible(bool(table.stale))
        self.stale_label.setText(
            self.tr(
                "ยอดปีฐานที่คำนวณจากข้อมูลของ {count} อำเภอ ({names}) ไม่ตรงกับยอดจำหน่ายปี {year} ในโปรแกรมตอนนี้ "
                "(มีการนำเข้าหรือแก้ไขภายหลัง) ค่าเป้าหมายจึงยังใช้ยอดเดิม{action}"
            ).format(
                count=len(table.stale),
                names=", ".join(line.district_name for line in table.stale[:5])
                + (" …" if len(table.stale) > 5 else ""),
                year=settings.base_year,
                action=self.tr(" กด “คำนวณยอดปีฐานจากข้อมูล” เพื่อคำนวณใหม่") if self.may_set else "",
            )
        )
        self.empty_label.setVisible(not has_targets)
        if self.may_set:
            self.empty_label.setText(
                self.tr(
                    "ยังไม่มียอดจำหน่ายปีฐานของปีนี้: กด “คำนวณยอดปีฐานจากข้อมูล” "
                    "หรือ “นำเข้าตาราง…” จากไฟล์ตารางค่าเป้าหมาย (.csv หรือ .xlsx)"
                )
            )
        else:
            self.empty_label.setText(
                self.tr(
                    "ยังไม่มีค่าเป้าหมายของปีนี้: สำนักงานพัฒนาชุมชนจังหวัดเป็นผู้กำหนดยอดปีฐาน ระหว่างนี้ตารางแสดงยอดจำหน่ายจริงของอำเภอ"
                )
            )

    def _show_columns(self, *_) -> None:
        for column in (2, 3):
            self.view.setColumnHidden(column, not self.show_bases.isChecked())
        self.frozen.follow()

    def _on_change(self, notice: Notice) -> None:
        if self.first_show.pending:  # not looked at yet: it reads when first shown
            return
        if notice.origin is not self and notice.changes.touches(Kind.TARGETS | Kind.SALES, self.fiscal_year):
            self.reload()

    def edit_settings(self) -> None:
        """Edit the year's rule."""
        if SettingsDialog(self.context, self.table.settings, self).exec():
            self.reload()

    def compute_bases(self) -> None:
        """Take every district's base from the program's own sales of the base year (a province's year of
        sales: off the GUI thread), after asking when it replaces printed figures taken in from the letter or
        bases the officer typed."""
        base_year = self.table.settings.base_year
        kept = sum(1 for line in self.table.lines if line.printed)
        typed = [line.district_name for line in self.table.lines if line.base_source == "entered"]
        if kept and not agrees(
            self,
            self.tr("คำนวณยอดปีฐาน"),
            self.tr(
                "มีค่าเป้าหมายที่นำเข้าจากตารางที่พิมพ์ไว้ {kept} อำเภอ การคำนวณยอดปีฐาน {base} จากข้อมูลในโปรแกรม"
                "จะแทนที่ค่าเหล่านั้นด้วยค่าที่คำนวณตามหลักเกณฑ์ ต้องการคำนวณต่อหรือไม่"
            ).format(kept=kept, base=base_year),
        ):
            return
        if typed and not agrees(
            self,
            self.tr("คำนวณยอดปีฐาน"),
            self.tr(
                "ยอดปีฐานของ {count} อำเภอกรอกเองไว้ ({names}) การคำนวณจะแทนที่ด้วยยอดจำหน่ายปี {base} จากข้อมูลในโปรแกรม"
                " ต้องการคำนวณต่อหรือไม่"
            ).format(count=len(typed), names=", ".join(typed[:5]) + (" …" if len(typed) > 5 else ""), base=base_year),
        ):
            return

        def done(result) -> None:
            self.reload()
            QMessageBox.information(
                self,
                self.tr("คำนวณยอดปีฐาน"),
                self.tr("คำนวณยอดจำหน่ายปีฐาน {base} จากข้อมูลในโปรแกรมแล้ว {count} อำเภอ").format(
                    base=base_year, count=len(result.result)
                ),
            )

        perform_in_background(
            self,
            rule.bases_from_data,
            fiscal_year=self.fiscal_year,
            replace_printed=True,  # asked above, when there were any
            replace_entered=True,
            progress=self.tr("กำลังคำนวณยอดปีฐาน…"),
            on_done=done,
        )

    def enter_base(self, index=None) -> None:
        """Type a district's base-year sales (double-click its row)."""
        row = index.row() if index is not None else -1
        if not self.may_set or not 0 <= row < len(self.table.lines):
            return
        line = self.table.lines[row]
        text, ok = QInputDialog.getText(
            self,
            self.tr("ยอดจำหน่ายปีฐาน"),
            self.tr("ยอดจำหน่ายปีฐาน {year} ของอำเภอ{name} (บาท):").format(
                year=self.table.settings.base_year, name=line.district_name
            ),
            text=format_baht(line.base) if line.base is not None else "",
        )
        if not ok:
            return
        try:
            satang = parse_amount(text, maximum=MAX_BASE_SATANG)
        except OtopError as error:
            show_error(self, error)
            return
        if perform(
            self, rule.enter_base, fiscal_year=self.fiscal_year, district_code=line.district_code, base_satang=satang
        ):
            self.reload()

    def import_table(self) -> None:
        """Take in a printed table; nothing is saved until the officer confirms in the dialog."""
        path = open_file_name(
            self, FileKind.WORKBOOK, self.tr("เลือกไฟล์ตารางค่าเป้าหมาย"), self.tr("ตาราง (*.csv *.xlsx)")
        )
        if not path:
            return
        done = perform_waiting(  # the file read and checked off the GUI thread; an unreadable one is refused in Thai
            self,
            printed.preview_printed,
            progress=self.tr("กำลังอ่านตาราง…"),
            path=Path(path),
            fiscal_year=self.fiscal_year,
            round_no=self.round_no,
        )
        if done is None:
            return
        dialog = TargetImportDialog(self.context, done.result, Path(path).name, self.fiscal_year, self.round_no, self)
        if dialog.exec():
            self.reload()

    def export(self) -> None:
        """Save the table as an Excel workbook in the letter's layout."""
        suggested = f"ค่าเป้าหมาย-{self.fiscal_year}-รอบที่{self.round_no}.xlsx"
        path, _ = save_file_name(self, FileKind.WORKBOOK, self.tr("ส่งออก Excel"), suggested, self.tr("Excel (*.xlsx)"))
        if not path:
            return
        perform_in_background(
            self,
            workbook.save_targets_workbook,
            fiscal_year=self.fiscal_year,
            round_no=self.round_no,
            path=Path(path).with_suffix(".xlsx"),
            progress=self.tr("กำลังบันทึกไฟล์ Excel…"),
            on_done=lambda done: QMessageBox.information(
                self, self.tr("ส่งออก Excel"), self.tr("บันทึกไฟล์แล้ว: {path}").format(path=done.result)
            ),
        )
