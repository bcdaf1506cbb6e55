"""Taking in a printed target table: each district match to confirm, every cell that breaks the rule,
and the officer's choice per row (printed or computed). Nothing is saved until บันทึก."""

from dataclasses import replace

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from otop_desktop.services.money import format_baht
from otop_desktop.services.targets import printed
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.operations import perform_waiting
from otop_desktop.ui.plain_table import PlainTableModel

PRINTED, COMPUTED = "printed", "computed"


class TargetImportDialog(QDialog):
    """Preview of a printed table against the year's rule, with the officer's choices."""

    def __init__(
        self,
        context: AppContext,
        preview: printed.PrintedPreview,
        name: str,
        fiscal_year: int,
        round_no: int,
        parent=None,
    ):
        """`preview`: the file as printed.preview_printed read and checked it (off the GUI thread)."""
        super().__init__(parent)
        self.context, self.fiscal_year, self.round_no = context, fiscal_year, round_no
        self.printed, self.matches, self.districts = preview.table, list(preview.matches), preview.districts
        self.setWindowTitle(
            self.tr("นำเข้าตารางค่าเป้าหมาย: {file} (ปีงบประมาณ {year} รอบที่ {round})").format(
                file=name, year=fiscal_year, round=round_no
            )
        )
        self.hints = QLabel()
        self.hints.setWordWrap(True)
        self.hints.setStyleSheet("color:#e65100;")
        self.rows = QTableWidget(len(self.matches), 6, self)
        self.rows.setHorizontalHeaderLabels(
            [
                self.tr("แถว"),
                self.tr("อำเภอตามที่พิมพ์"),
                self.tr("อำเภอในระบบ"),
                self.tr("ความคล้าย"),
                self.tr("ยืนยันการจับคู่"),
                self.tr("ใช้ค่า"),
            ]
        )
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.disagreements = PlainTableModel(
            [
                self.tr("แถว"),
                self.tr("อำเภอ"),
                self.tr("คอลัมน์"),
                self.tr("ค่าที่พิมพ์"),
                self.tr("ตามหลักเกณฑ์"),
                self.tr("ต่าง (บาท)"),
                self.tr("ต่าง (ร้อยละ)"),
            ],
            self,
        )
        self.disagreements.right_aligned = {3, 4, 5, 6}
        disagreement_view = QTableView(self)
        disagreement_view.setModel(self.disagreements)
        disagreement_view.verticalHeader().hide()
        disagreement_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        all_printed, all_computed = QPushButton(self.tr("ใช้ค่าที่พิมพ์ทุกแถว")), QPushButton(self.tr("ใช้ค่าคำนวณทุกแถว"))
        all_printed.clicked.connect(lambda: self.choose_all(PRINTED))
        all_computed.clicked.connect(lambda: self.choose_all(COMPUTED))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("บันทึกตามที่เลือก"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก (ไม่บันทึก)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        choices = QHBoxLayout()
        choices.addWidget(all_printed)
        choices.addWidget(all_computed)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hints)
        layout.addWidget(QLabel(self.tr("การจับคู่อำเภอ (แถวที่ไม่แน่ใจต้องยืนยันก่อนบันทึก)")))
        layout.addWidget(self.rows, 2)
        layout.addLayout(choices)
        layout.addWidget(self.summary)
        layout.addWidget(disagreement_view, 3)
        layout.addWidget(self.buttons)
        self._fill_rows()
        self._show_report(preview.report)
        self.resize(1100, 760)

    def _fill_rows(self) -> None:
        for row, match in enumerate(self.matches):
            self.rows.setItem(row, 0, QTableWidgetItem(match.row_no))
            self.rows.setItem(row, 1, QTableWidgetItem(match.printed_name))
            district = QComboBox()
            for area in self.districts:
                district.addItem(f"{area.code} {area.name}", area.code)
            district.setCurrentIndex(district.findData(match.district_code))
            district.currentIndexChanged.connect(lambda _, r=row: self._rematch(r))
            self.rows.setCellWidget(row, 2, district)
            self.rows.setItem(row, 3, QTableWidgetItem(f"{match.score:.0%}"))
            confirm = QCheckBox(self.tr("ถูกต้อง"))
            confirm.setChecked(not match.needs_confirmation)
            confirm.toggled.connect(self._update_save)
            self.rows.setCellWidget(row, 4, confirm)
            choice = QComboBox()
            choice.addItem(self.tr("ค่าคำนวณตามหลักเกณฑ์"), COMPUTED)
            choice.addItem(self.tr("ค่าที่พิมพ์"), PRINTED)
            self.rows.setCellWidget(row, 5, choice)
        for column, width in enumerate((50, 170, 220, 80, 120, 200)):
            self.rows.setColumnWidth(column, width)

    def _rematch(self, row: int) -> None:
        box = self.rows.cellWidget(row, 2)
        self.matches[row] = replace(
            self.matches[row],
            district_code=box.currentData(),
            district_name=box.currentText().split(" ", 1)[1],
            score=1.0,
            by_code=False,
        )
        self.rows.cellWidget(row, 4).setChecked(True)
        self.recheck()

    def recheck(self) -> None:
        """Check every cell against the rule with the current matches."""
        done = perform_waiting(
            self,
            printed.check_printed,
            progress=self.tr("กำลังตรวจสอบกับหลักเกณฑ์…"),
            fiscal_year=self.fiscal_year,
            round_no=self.round_no,
            table=self.printed,
            matches=self.matches,
        )
        if done is not None:
            self._show_report(done.result)

    def _show_report(self, report: printed.CheckReport) -> None:
        self.report = report
        self.hints.setText(
            "\n".join(
                [self.tr("ข้อสังเกต: ") + hint for hint in self.report.hints]
                + [self.tr("ปัดเศษสตางค์: ") + note for note in self.printed.rounded]
            )
        )
        self.disagreements.set_rows(
            [
                [
                    d.row_no,
                    d.district_name,
                    printed.COLUMN_NAMES[d.column],
                    format_baht(d.printed),
                    format_baht(d.expected),
                    format_baht(d.difference),
                    d.percent_text,
                ]
                for d in self.report.disagreements
            ]
        )
        self.summary.setText(
            self.tr("ช่องที่ไม่ตรงหลักเกณฑ์ {cells} ช่อง ใน {rows} อำเภอ (รวมแถว “รวม”) ปัดเศษต่างไม่ถึง 1 บาทไม่นับ").format(
                cells=len(self.report.disagreements), rows=len(self.report.codes_disagreeing())
            )
            if self.report.disagreements
            else self.tr("ทุกช่องตรงตามหลักเกณฑ์ (ปัดเศษต่างไม่ถึง 1 บาทไม่นับ)")
        )
        self._update_save()

    def choose_all(self, choice: str) -> None:
        """Take the printed figures, or the computed ones, for every row."""
        for row in range(self.rows.rowCount()):
            box = self.rows.cellWidget(row, 5)
            box.setCurrentIndex(box.findData(choice))

    def keep_printed(self) -> set[str]:
        """The districts whose printed figures the officer keeps."""
        return {
            m.district_code
            for row, m in enumerate(self.matches)
            if self.rows.cellWidget(row, 5).currentData() == PRINTED
        }

    def _update_save(self) -> None:
        confirmed = all(self.rows.cellWidget(row, 4).isChecked() for row in range(self.rows.rowCount()))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(confirmed)
        save.setToolTip("" if confirmed else self.tr("กรุณายืนยันการจับคู่อำเภอทุกแถวก่อน"))

    def accept(self) -> None:
        if perform_waiting(
            self,
            printed.apply_printed,
            progress=self.tr("กำลังบันทึกค่าเป้าหมาย…"),
            fiscal_year=self.fiscal_year,
            round_no=self.round_no,
            table=self.printed,
            matches=self.matches,
            keep_printed=self.keep_printed(),
        ):
            super().accept()
