"""The exchange dialog's page of signing keys: this office's own (its fingerprint to read out over the phone, a
file of it to send, a new one in its place) and the other offices' keys it trusts (registered from their key
file or a fingerprint read out, or retired), each file's signature checked against them."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from otop_desktop.services import names
from otop_desktop.services.exchange import keys
from otop_desktop.ui.common import agrees, code_tips, read_only_view
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.file_dialogs import FileKind, open_file_name, save_file_name
from otop_desktop.ui.operations import perform, read
from otop_desktop.ui.plain_table import PlainTableModel


class KeysPage(QWidget):
    """The keys this office signs with and trusts."""

    registered = Signal()  # another office's key registered: files refused for want of it may be taken now

    def __init__(self, context: AppContext, names_shown: names.Names, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.user, self.names = context, context.user, names_shown
        self.own_fingerprint = fingerprint = read(self, keys.own_fingerprint) or ""
        self.fingerprint_label = QLabel(
            self.tr("ลายนิ้วมือกุญแจของสำนักงานนี้ (อ่านให้อีกสำนักงานทางโทรศัพท์): <b>{f}</b>").format(f=keys.spoken(fingerprint))
        )
        self.keys_model = PlainTableModel(
            [self.tr("พื้นที่"), self.tr("ลายนิ้วมือ"), self.tr("ลงทะเบียนโดย"), self.tr("หมายเหตุ")], self
        )
        write, from_file, by_phone = (
            QPushButton(self.tr("บันทึกไฟล์กุญแจของสำนักงานนี้…")),
            QPushButton(self.tr("ลงทะเบียนจากไฟล์กุญแจ…")),
            QPushButton(self.tr("ลงทะเบียนด้วยลายนิ้วมือ…")),
        )
        self.retire_button, renew = (
            QPushButton(self.tr("ยกเลิกกุญแจที่เลือก…")),
            QPushButton(self.tr("สร้างกุญแจใหม่ของสำนักงานนี้…")),
        )
        write.clicked.connect(self.write_key)
        from_file.clicked.connect(self.register_key_file)
        by_phone.clicked.connect(self.register_fingerprint)
        self.retire_button.clicked.connect(self.retire_selected_key)
        renew.clicked.connect(self.replace_own_key)
        buttons = QHBoxLayout()
        for button in (write, from_file, by_phone, self.retire_button, renew):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fingerprint_label)
        layout.addLayout(buttons)
        self.keys_view = read_only_view(self.keys_model, (230, 260, 160))  # "อำเภอเฉลิมพระเกียรติ (3424)" whole
        layout.addWidget(self.keys_view)
        self.refresh_keys()

    def retire_selected_key(self) -> None:
        """Stop trusting the selected office's key, after asking: its files are refused from now on."""
        selected = self.keys_view.selectionModel().selectedRows()
        known = self.known_keys[selected[0].row()] if selected else None
        if known is None or known.area_code == keys.OWN or known.retired:
            QMessageBox.information(
                self,
                self.tr("ยกเลิกกุญแจ"),
                self.tr("กรุณาเลือกกุญแจของสำนักงานอื่นที่ยังใช้อยู่ในตารางก่อน (กุญแจของสำนักงานนี้เปลี่ยนได้ด้วยปุ่มสร้างกุญแจใหม่)"),
            )
            return
        if not agrees(
            self,
            self.tr("ยกเลิกกุญแจ"),
            self.tr("ยกเลิกกุญแจของ{area} ({f}) หรือไม่? ไฟล์ที่ลงนามด้วยกุญแจนี้จะไม่รับอีก").format(
                area=self.names.area(known.area_code), f=keys.spoken(known.fingerprint)
            ),
        ):
            return
        if perform(self, keys.retire_key, area_code=known.area_code, fingerprint=known.fingerprint):
            self.refresh_keys()

    def replace_own_key(self) -> None:
        """Make a new key for this office, after asking; the old one is retired."""
        if not agrees(  # No by default: Enter must not retire the key every registered office trusts
            self,
            self.tr("สร้างกุญแจใหม่"),
            self.tr(
                "สร้างกุญแจใหม่ของสำนักงานนี้และยกเลิกกุญแจเดิมหรือไม่? จากนั้นต้องส่งไฟล์กุญแจใหม่ให้อีกสำนักงานลงทะเบียน "
                "ไฟล์ที่ส่งออกหลังจากนี้จะลงนามด้วยกุญแจใหม่"
            ),
        ):
            return
        done = perform(self, keys.replace_own_key)
        if done is None:
            return
        self.own_fingerprint = fingerprint = done.result
        self.fingerprint_label.setText(
            self.tr("ลายนิ้วมือกุญแจของสำนักงานนี้ (อ่านให้อีกสำนักงานทางโทรศัพท์): <b>{f}</b>").format(f=keys.spoken(fingerprint))
        )
        self.refresh_keys()

    def refresh_keys(self) -> None:
        """List the keys this office knows."""
        done = perform(self, keys.list_keys)
        self.known_keys = known = done.result if done else []
        self.keys_model.set_rows(
            [
                [
                    self.tr("สำนักงานนี้") if k.area_code == keys.OWN else self.names.area(k.area_code),
                    keys.spoken(k.fingerprint),
                    self.names.person(k.registered_by),
                    k.retired or ("" if k.has_public_key else self.tr("รอไฟล์แรกเพื่อยืนยันกุญแจ")),
                ]
                for k in known
            ],
            cell_tips=code_tips(
                known, {0: "area_code", 2: "registered_by"}, self.tr("รหัส/ชื่อผู้ใช้: {code}"), skip=(keys.OWN,)
            ),
        )

    def write_key(self) -> None:
        """Save this office's public key to a file for the other office."""
        path, _ = save_file_name(
            self, FileKind.KEY, self.tr("ไฟล์กุญแจ"), f"{self.user.area_code}.key", self.tr("กุญแจ (*.key)")
        )
        if not path:
            return
        done = perform(self, keys.write_key_file, path=path)
        if done is None:
            return
        saved = done.result
        QMessageBox.information(
            self,
            self.tr("ไฟล์กุญแจ"),
            self.tr("บันทึกไฟล์กุญแจแล้ว: {path}\nส่งไฟล์นี้ให้อีกสำนักงานลงทะเบียน แล้วโทรแจ้งลายนิ้วมือ {f} เพื่อยืนยัน").format(
                path=saved, f=keys.spoken(self.own_fingerprint)
            ),
        )

    def register_key_file(self) -> None:
        """Register another office's key from its key file."""
        path = open_file_name(self, FileKind.KEY, self.tr("ไฟล์กุญแจ"), self.tr("กุญแจ (*.key)"))
        if not path:
            return
        found = read(self, keys.key_file_fingerprint, path=path)
        if found is None:
            return
        area_code, fingerprint = found
        if agrees(  # No by default: a key is trusted only once its fingerprint is compared, digit by digit
            self,
            self.tr("ลงทะเบียนกุญแจ"),
            self.tr(
                "กุญแจในไฟล์นี้เป็นของ{area}\nลายนิ้วมือ: {f}\n\nตรงกับลายนิ้วมือที่สำนักงานนั้นอ่านให้ฟังทางโทรศัพท์"
                "ทุกหลักหรือไม่? ถ้ายังไม่ได้โทรถาม กรุณาโทรถามก่อน: กุญแจที่ไม่ได้ยืนยันอาจมาจากไฟล์ปลอม"
            ).format(area=self.names.area(area_code), f=keys.spoken(fingerprint)),
        ):
            self._register(keys.register_key_file, path=path, fingerprint=fingerprint)

    def register_fingerprint(self) -> None:
        """Register another office's key by the fingerprint read out over the phone, the office picked from a list."""
        offices = read(self, keys.key_offices)
        if offices is None:
            return
        names = [f"{code} {name}" for code, name in offices]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("ลงทะเบียนด้วยลายนิ้วมือ"), self.tr("กุญแจของสำนักงาน:"), names, 0, False
        )
        if not ok or chosen not in names:
            return
        fingerprint, ok = QInputDialog.getText(
            self, self.tr("ลงทะเบียนด้วยลายนิ้วมือ"), self.tr("ลายนิ้วมือ (อย่างน้อย 20 หลัก):")
        )
        if ok:
            self._register(keys.register_key, area_code=offices[names.index(chosen)][0], fingerprint=fingerprint)

    def _register(self, service, **kwargs) -> None:
        done = perform(self, service, **kwargs)
        if done is None:
            return
        info = done.result
        QMessageBox.information(
            self,
            self.tr("ลงทะเบียนกุญแจ"),
            self.tr("ลงทะเบียนกุญแจของ{area} แล้ว ({f})").format(
                area=self.names.area(info.area_code), f=keys.spoken(info.fingerprint)
            )
            + (f"\n{info.others_text}" if info.others_text else ""),
        )
        self.refresh_keys()
        self.registered.emit()
