"""แลกเปลี่ยนไฟล์ข้อมูล: the province previews and imports many district files (drag and drop too) with progress
and cancel, and undoes the last imports (its ledger); every office sends its .otop file and handles receipts
(ui/send_page.py) and the offices' keys (ui/keys_page.py)."""

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services import names
from otop_desktop.services.access import Action
from otop_desktop.services.exchange import batch, merge, undo
from otop_desktop.services.exchange.kinds import Outcome, RowKind
from otop_desktop.services.money import format_baht
from otop_desktop.services.thai import (
    format_thai_datetime,
    month_label,
)
from otop_desktop.ui.common import agrees, code_tips, fit_to_screen, read_only_view
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.file_dialogs import FileKind, open_file_names
from otop_desktop.ui.keys_page import KeysPage
from otop_desktop.ui.operations import perform, perform_batch_in_background, read, read_in_background
from otop_desktop.ui.plain_table import PlainTableModel
from otop_desktop.ui.send_page import FILES, SendPage


class _DiffRows(PlainTableModel):
    """A file's rows to read; each conflicting row carries a tick: take the file's figures for it."""

    CHOICE_COLUMN = 2
    chosen = Signal()

    def __init__(self, headers, parent=None):
        super().__init__(headers, parent)
        self.diffs: list[merge.RowDiff] = []
        self.take: set = set()

    def show(self, rows, diffs, take: set, tooltips=None) -> None:
        """Show the rows of one file; `take` is that file's chosen set, changed in place."""
        self.diffs, self.take = diffs, take
        self.set_rows(rows, tooltips=tooltips)

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if index.column() == self.CHOICE_COLUMN and self.diffs[index.row()].kind == RowKind.CONFLICT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.isValid()
            and index.column() == self.CHOICE_COLUMN
            and self.diffs[index.row()].kind == RowKind.CONFLICT
        ):
            return Qt.CheckState.Checked if self.diffs[index.row()].key in self.take else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not (self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable):
            return False
        key = self.diffs[index.row()].key
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.take.add(key)
        else:
            self.take.discard(key)
        self.dataChanged.emit(index, index, [role])
        self.chosen.emit()
        return True

    def choose_all(self, checked: bool) -> None:
        """Tick or clear every conflict of the file."""
        conflicts = {diff.key for diff in self.diffs if diff.kind == RowKind.CONFLICT}
        if checked:
            self.take |= conflicts
        else:
            self.take -= conflicts
        if self.rows:
            self.dataChanged.emit(self.index(0, self.CHOICE_COLUMN), self.index(len(self.rows) - 1, self.CHOICE_COLUMN))


class _FilesRows(PlainTableModel):
    """The files of a batch; the status cell's tooltip is its whole text, wrapped (a refusal is long)."""

    STATUS_COLUMN = 8

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self.STATUS_COLUMN:
            return f"<p>{html.escape(self.rows[index.row()][self.STATUS_COLUMN])}</p>"  # rich text: Qt wraps it
        return super().data(index, role)


class ExchangeDialog(QDialog):
    """File exchange for the logged-in office."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, today=None):
        super().__init__(parent)
        self.context, self.user = context, context.user
        self.names = read(self, names.list_names) or names.Names()  # codes and logins as people read them
        self.setWindowTitle(self.tr("แลกเปลี่ยนไฟล์ข้อมูล (ไม่ต้องใช้อินเทอร์เน็ต)"))
        self.tabs = QTabWidget()
        # The province takes in its districts' files; the department takes in the provinces' files and
        # sends nothing further up.
        self.permissions = permissions = context.permissions
        self.takes_files = permissions.may(Action.IMPORT_FILES)
        if self.takes_files:
            self.tabs.addTab(self._import_page(), self.tr("นำเข้าไฟล์{senders}").format(senders=permissions.senders_name))
            self.tabs.addTab(self._ledger_page(), self.tr("ประวัติการนำเข้า"))
        if permissions.may(Action.EXPORT_FILE):
            self.send_page = SendPage(context, self.names, today)
            self.tabs.addTab(
                self.send_page,
                self.tr("ส่งออก / ใบตอบรับ") if permissions.may(Action.WRITE_RECEIPT) else self.tr("ส่งออกไฟล์"),
            )
        self.keys_page = KeysPage(context, self.names)
        self.keys_page.registered.connect(self._key_registered)
        self.tabs.addTab(self.keys_page, self.tr("กุญแจลงนาม"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setAcceptDrops(self.takes_files)
        fit_to_screen(self, 1100, 680)
        self.previews: dict[str, merge.ImportPreview] = {}

    # --- import (province) -----------------------------------------------------------------------------
    def _import_page(self) -> QWidget:
        page = QWidget()
        self.files: list[Path] = []
        self.files_model = _FilesRows(
            [
                self.tr("ไฟล์"),
                self.tr("จาก"),
                self.tr("ใหม่"),
                self.tr("เปลี่ยน"),
                self.tr("เหมือนเดิม"),
                self.tr("เก่ากว่า"),
                self.tr("ขัดแย้ง"),
                self.tr("ไม่รับ"),
                self.tr("สถานะ"),
            ],
            self,
        )
        self.files_view = read_only_view(self.files_model, (200, 170, 60, 60, 80, 70, 60, 60))
        self.rows_model = _DiffRows(
            [
                self.tr("ผู้ประกอบการ"),
                self.tr("เดือน"),
                self.tr("ผล\n(ติ๊ก = ใช้ค่าจากไฟล์)"),
                self.tr("ยอดเดิม (บาท)\nในประเทศ ออฟ/ออน · ตปท. ออฟ/ออน"),
                self.tr("ยอดในไฟล์ (บาท)\nลำดับเดียวกัน"),
                self.tr("เหตุผล"),
            ],
            self,
        )
        self.rows_view = read_only_view(self.rows_model, (300, 140, 130, 250, 250))  # a name and "พฤศจิกายน 2569" whole
        self.take_box = QCheckBox(
            self.tr("แถวที่ขัดแย้งของไฟล์ที่เลือก: ใช้ค่าจากไฟล์ทุกแถว (ไม่ติ๊ก = คงค่าของจังหวัดไว้; เลือกทีละแถวได้ในตารางด้านล่าง)")
        )
        add, clear = QPushButton(self.tr("เพิ่มไฟล์…")), QPushButton(self.tr("ล้างรายการ"))
        self.import_button = QPushButton(self.tr("นำเข้าทั้งหมด"))
        self.import_button.setEnabled(False)
        add.clicked.connect(self.choose_files)
        clear.clicked.connect(lambda: self.set_files([]))
        self.import_button.clicked.connect(self.import_all)
        self.files_view.selectionModel().selectionChanged.connect(self._show_rows)
        self.take_box.clicked.connect(self._take_toggled)
        self.rows_model.chosen.connect(self._sync_take_box)
        self.take: dict[str, set] = {}
        buttons = QHBoxLayout()
        for widget in (add, clear):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        hint = QLabel(
            self.tr(
                "ลากไฟล์ .otop มาวางที่หน้าต่างนี้ได้ · ตรวจลายมือชื่อ ลายนิ้วมือไฟล์ และพื้นที่ก่อน "
                "แสดงผลที่จะเกิดขึ้นโดยยังไม่เปลี่ยนข้อมูล · สำรองฐานข้อมูลก่อนนำเข้าทุกครั้ง"
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.files_view, 2)
        layout.addWidget(self.take_box)
        layout.addWidget(self.rows_view, 3)
        return page

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.add_files([Path(url.toLocalFile()) for url in event.mimeData().urls() if url.toLocalFile()])

    def choose_files(self) -> None:
        """Pick district files to preview."""
        chosen = open_file_names(self, FileKind.DISTRICT_FILE, self.tr("เลือกไฟล์ข้อมูลที่จะนำเข้า"), self.tr(FILES))
        self.add_files([Path(p) for p in chosen])

    def add_files(self, paths: list[Path]) -> None:
        """Add files to the list (each file once, by its full path: two 'amphoe.otop' from two folders are two
        files)."""
        known = {path.resolve() for path in self.files}
        fresh = []
        for path in paths:
            if path.resolve() not in known:
                known.add(path.resolve())
                fresh.append(path)
        self.set_files(self.files + fresh)

    def set_files(self, files: list[Path]) -> None:
        """Work out, off the GUI thread, exactly what importing the files would do (a dry run: nothing
        changes) and list each file's outcome; the rows follow when a file is selected."""
        self.files, self.previews, self.take = list(files), {}, {}
        self.files_model.set_rows([[path.name, "", "", "", "", "", "", "", self.tr("กำลังตรวจสอบ…")] for path in files])
        self.rows_model.show([], [], set())
        self.import_button.setEnabled(False)
        if not files:
            return
        paths = list(files)
        perform_batch_in_background(
            self,
            batch.import_files,
            paths=paths,
            dry_run=True,
            on_done=lambda done: self._show_previews(paths, done.result),
        )

    def _show_previews(self, paths: list[Path], outcomes) -> None:
        if paths != self.files:
            return  # the list changed while this ran; a newer check is on its way
        rows, tips, cell_tips = [], [], {}
        for path, outcome in zip(paths, outcomes):
            preview = outcome.preview
            if preview is None:
                rows.append([path.name, "-", "", "", "", "", "", "", self.tr("ไม่รับ: ") + outcome.message])
                tips.append(f"{path}\n{outcome.message}")
                continue
            self.previews[str(path)] = preview
            counts = preview.counts
            status = (
                outcome.message
                if outcome.status == Outcome.ALREADY
                else (self.tr("พร้อมนำเข้า (มีแถวที่ไม่รับ ดูด้านล่าง)") if counts[RowKind.REFUSED] else self.tr("พร้อมนำเข้า"))
            )
            if preview.moved:
                status += self.tr(" · ผู้ประกอบการย้ายพื้นที่แล้ว {n} ราย (คงพื้นที่ใหม่ไว้)").format(n=len(preview.moved))
            # what the sender read out with the file, to compare before importing (export.sent_words)
            status += self.tr(" · ลายนิ้วมือไฟล์ {digest}").format(digest=preview.opened.digest[:16])
            source = preview.opened.manifest.source_area
            cell_tips[(len(rows), 1)] = self.tr("รหัสพื้นที่: {code}").format(code=source)
            rows.append([path.name, self.names.area(source), *(f"{counts[k]:,}" for k in merge.KINDS_SHOWN), status])
            tips.append(f"{path}\n{status}")
        self.files_model.set_rows(rows, tooltips=tips, cell_tips=cell_tips)
        self.import_button.setEnabled(bool(self.previews))
        if rows:
            self.files_view.selectRow(0)

    def _selected_preview(self) -> merge.ImportPreview | None:
        selected = self.files_view.selectionModel().selectedRows()
        if not selected or selected[0].row() >= len(self.files):
            return None
        return self.previews.get(str(self.files[selected[0].row()]))

    def _show_rows(self, *_) -> None:
        preview = self._selected_preview()
        shown = [*preview.rows, *preview.new_rows()] if preview else []
        take = self.take.setdefault(preview.opened.digest, set()) if preview else set()
        moved = {person.uid: person for person in preview.moved} if preview else {}
        rows, tips = [], []
        for row in shown:
            reason = row.reason
            if row.uid in moved:
                reason = (reason + " " if reason else "") + self.tr("ย้ายไปอำเภอ{name}แล้ว (คงพื้นที่ใหม่ไว้)").format(
                    name=moved[row.uid].district_name
                )
            rows.append(
                [
                    row.name,
                    month_label(row.fiscal_year, row.month),
                    merge.KINDS_SHOWN[row.kind],
                    self._amounts(row.old),
                    self._amounts(row.new),
                    reason,
                ]
            )
            tips.append(reason or None)
        self.rows_model.show(rows, shown, take, tooltips=tips)
        self.take_box.setEnabled(bool(preview and preview.conflicts))
        self._sync_take_box()

    def _amounts(self, values) -> str:
        if values is None:
            return self.tr("(ยังไม่มีข้อมูล)")
        return " / ".join(format_baht(a, blank="-") for a in values)

    def _sync_take_box(self) -> None:
        """The file's box: ticked when every conflict takes the file's figures, partly when some do."""
        preview = self._selected_preview()
        conflicts = {row.key for row in preview.conflicts} if preview else set()
        chosen = len(conflicts & self.rows_model.take)
        state = (
            Qt.CheckState.Unchecked
            if not chosen
            else Qt.CheckState.Checked
            if chosen == len(conflicts)
            else Qt.CheckState.PartiallyChecked
        )
        self.take_box.setCheckState(state)

    def _take_toggled(self, *_) -> None:
        """A click on the file's box: take every conflict from the file, or, when all were taken, none."""
        preview = self._selected_preview()
        conflicts = {row.key for row in preview.conflicts} if preview else set()
        self.rows_model.choose_all(not conflicts <= self.rows_model.take)
        self._sync_take_box()

    def import_all(self) -> None:
        """Import every listed file off the GUI thread, with progress and a cancel button."""
        paths = list(self.files)
        take = {digest: set(chosen) for digest, chosen in self.take.items()}  # the worker gets its own copy
        perform_batch_in_background(
            self,
            batch.import_files,
            paths=paths,
            take=take,
            progress=self.tr("กำลังนำเข้าไฟล์…"),
            on_done=lambda done: self.show_outcomes(done.result, cancelled=len(done.result) < len(paths)),
        )

    def show_outcomes(self, outcomes, cancelled: bool = False) -> None:
        """Say what happened to each file, and tell the other tabs."""
        self.last_outcomes = outcomes
        lines = [f"{o.file_name}: {o.message}" for o in outcomes]
        if cancelled:
            lines.append(self.tr("ยกเลิกระหว่างทาง: ไฟล์ที่เหลือยังไม่ได้นำเข้า (ไฟล์ที่นำเข้าแล้วสมบูรณ์ทุกไฟล์)"))
        QMessageBox.information(self, self.tr("ผลการนำเข้า"), "\n".join(lines) or self.tr("ไม่มีไฟล์"))
        self.set_files([])
        self.refresh_ledger()

    # --- ledger (province) ------------------------------------------------------------------------------------
    def _ledger_page(self) -> QWidget:
        page = QWidget()
        self.ledger_model = PlainTableModel(
            [self.tr("เมื่อ"), self.tr("ไฟล์"), self.tr("จาก"), self.tr("ผล"), self.tr("โดย"), self.tr("รายละเอียด")], self
        )
        self.undo_last_button = undo_last = QPushButton(self.tr("ยกเลิกการนำเข้าครั้งล่าสุด…"))
        undo_last.clicked.connect(self.undo_last)
        self.undo_chosen_button = QPushButton(self.tr("ยกเลิกการนำเข้ารายการที่เลือก…"))
        self.undo_chosen_button.clicked.connect(self.undo_chosen)
        layout = QVBoxLayout(page)
        self.ledger_view = read_only_view(self.ledger_model, (220, 200, 170, 80, 140))
        layout.addWidget(self.ledger_view)
        self.ledger_view.selectionModel().selectionChanged.connect(self._offer_undo)
        bottom = QHBoxLayout()
        if not self.context.office.database.on_server:  # a local file is copied before each import, as well
            self.backups_box = QSpinBox()
            self.backups_box.setRange(1, 1000)
            kept = read(self, batch.backups_kept)
            self.backups_box.setValue(kept if kept is not None else batch.DEFAULT_BACKUPS_KEPT)
            self.backups_box.editingFinished.connect(self.set_backups_kept)
            bottom.addWidget(QLabel(self.tr("เก็บไฟล์สำรองก่อนนำเข้าไว้")))
            bottom.addWidget(self.backups_box)
            bottom.addWidget(QLabel(self.tr("ไฟล์ล่าสุด (ไฟล์ที่เก่ากว่าจะถูกลบ)")))
        bottom.addStretch(1)
        bottom.addWidget(self.undo_chosen_button)
        bottom.addWidget(undo_last)
        layout.addLayout(bottom)
        self.refresh_ledger()
        return page

    def set_backups_kept(self) -> None:
        """Keep the number of backups the province chose."""
        perform(self, batch.set_backups_kept, count=self.backups_box.value())

    def refresh_ledger(self) -> None:
        """Show the newest ledger entries."""
        if not hasattr(self, "ledger_model"):
            return
        done = perform(self, batch.list_ledger)
        entries = done.result if done else []
        self.ledger_entries = entries
        self.ledger_model.set_rows(
            [
                [
                    format_thai_datetime(e.imported_at),
                    e.file_name,
                    self.names.area(e.source_area),
                    e.outcome_name,
                    self.names.person(e.imported_by),
                    e.details,
                ]
                for e in entries
            ],
            tooltips=[e.details for e in entries],
            cell_tips=code_tips(entries, {2: "source_area", 4: "imported_by"}, self.tr("รหัส/ชื่อผู้ใช้: {code}")),
        )
        self._offer_undo()

    def _offer_undo(self, *_) -> None:
        """The undo buttons only when there is an import to undo (the chosen one: a row that changed data)."""
        applied = [e.outcome == Outcome.APPLIED for e in self.ledger_entries]
        self.undo_last_button.setEnabled(any(applied))
        self.undo_last_button.setToolTip("" if any(applied) else self.tr("ไม่มีการนำเข้าที่ยกเลิกได้"))
        rows = self.ledger_view.selectionModel().selectedRows()
        chosen = bool(rows) and applied[rows[0].row()]
        self.undo_chosen_button.setEnabled(chosen)
        self.undo_chosen_button.setToolTip("" if chosen else self.tr("เลือกรายการที่นำเข้าแล้ว (ยังไม่ยกเลิก) ในตารางก่อน"))

    def undo_last(self) -> None:
        """Undo the last batch of imports, after checking it can be undone and asking."""
        self._check_ask_undo(undo.undo_last_import)

    def undo_chosen(self) -> None:
        """Undo the import picked in the history, the last or an earlier one, after checking and asking."""
        rows = self.ledger_view.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, self.tr("ยกเลิกการนำเข้า"), self.tr("กรุณาเลือกรายการนำเข้าในตารางก่อน"))
            return
        ledger_id = self.ledger_entries[rows[0].row()].id
        self._check_ask_undo(undo.undo_import, ledger_id=ledger_id)

    def _check_ask_undo(self, service, **which) -> None:
        """The undo's checks off the GUI thread (a batch of many files reads each one's rows), then, unless they
        refuse (said alone), the question naming the files and rows that go back, then the undo."""

        def planned(plan) -> None:
            if agrees(self, self.tr("ยกเลิกการนำเข้า"), plan.question()):  # No by default: Enter takes back nothing
                self._undo(service, **which)

        read_in_background(self, undo.plan_undo, on_done=planned, **which)

    def _undo(self, service, **kwargs) -> None:
        def done(result) -> None:
            QMessageBox.information(self, self.tr("ยกเลิกการนำเข้า"), result.result)
            self.refresh_ledger()

        perform_batch_in_background(self, service, progress=self.tr("กำลังยกเลิกการนำเข้า…"), on_done=done, **kwargs)

    # --- keys (their own page) ----------------------------------------------------------------------------------

    def _key_registered(self) -> None:
        if self.takes_files and self.files:
            self.set_files(self.files)  # files refused for an unknown key may be fine now
