"""Adding or editing an entrepreneur (provincial staff): name, tambon, types, main product, OTOP code."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services import areas, entrepreneurs
from otop_desktop.services.entrepreneurs import EntrepreneurInfo
from otop_desktop.ui.common import save_cancel_buttons
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.errors import error_label
from otop_desktop.ui.operations import perform, read


class EntrepreneurDialog(QDialog):
    """A form for one entrepreneur; saving goes through the entrepreneurs service."""

    def __init__(
        self,
        context: AppContext,
        entrepreneur_id: int | None,
        parent: QWidget | None = None,
        *,
        list_in: tuple[int, int] | None = None,
        district_code: str | None = None,
        tambon_code: str | None = None,
    ):
        super().__init__(parent)
        self.context, self.entrepreneur_id, self.list_in = context, entrepreneur_id, list_in
        self.setWindowTitle(self.tr("เพิ่มผู้ประกอบการ") if entrepreneur_id is None else self.tr("แก้ไขผู้ประกอบการ"))
        self.name_edit, self.product_edit, self.code_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.district_box, self.tambon_box = QComboBox(), QComboBox()
        self.product_type_box, self.kind_box = QComboBox(), QComboBox()
        self.active_box = QCheckBox(self.tr("ยังดำเนินกิจการ (แสดงในรายชื่อเมื่อกด Sync)"))
        self.active_box.setChecked(True)
        self.error_label = error_label()  # its dialog grows to show a long refusal whole
        form = QFormLayout()
        form.addRow(self.tr("ชื่อผู้ประกอบการ"), self.name_edit)
        form.addRow(self.tr("อำเภอ"), self.district_box)
        form.addRow(self.tr("ตำบล"), self.tambon_box)
        form.addRow(self.tr("ประเภทผลิตภัณฑ์"), self.product_type_box)
        form.addRow(self.tr("ประเภทผู้ประกอบการ"), self.kind_box)
        form.addRow(self.tr("ผลิตภัณฑ์หลัก"), self.product_edit)
        form.addRow(self.tr("รหัส OTOP (ถ้ามี)"), self.code_edit)
        form.addRow("", self.active_box)
        buttons = save_cancel_buttons(self, self.tr("บันทึก"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if not self._fill(district_code, tambon_code):  # the entrepreneur could not be read (said): nothing to save
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.resize(520, self.sizeHint().height())

    def _fill(self, district_code: str | None, tambon_code: str | None) -> bool:
        """The form's lists, and the entrepreneur's details when editing; False when they could not be read."""
        for district in read(self, areas.list_districts) or []:
            self.district_box.addItem(district.name, district.code)
        for choice in read(self, entrepreneurs.list_product_types) or []:
            self.product_type_box.addItem(choice.name, choice.id)
        for choice in read(self, entrepreneurs.list_entrepreneur_types) or []:
            self.kind_box.addItem(choice.name, choice.id)
        current = None
        if self.entrepreneur_id is not None:
            current = read(self, entrepreneurs.get_entrepreneur, entrepreneur_id=self.entrepreneur_id)
            if current is not None:
                tambon_code, district_code = current.tambon_code, current.tambon_code[:4]
        self.district_box.currentIndexChanged.connect(self._fill_tambons)
        self.district_box.setCurrentIndex(max(0, self.district_box.findData(district_code)))
        self._fill_tambons()
        self.tambon_box.setCurrentIndex(max(0, self.tambon_box.findData(tambon_code)))
        if current is not None:
            self.name_edit.setText(current.name)
            self.product_type_box.setCurrentIndex(self.product_type_box.findData(current.product_type_id))
            self.kind_box.setCurrentIndex(self.kind_box.findData(current.entrepreneur_type_id))
            self.product_edit.setText(current.main_product)
            self.code_edit.setText(current.otop_code or "")
            self.active_box.setChecked(current.active)
        return self.entrepreneur_id is None or current is not None

    def _fill_tambons(self) -> None:
        self.tambon_box.clear()
        for tambon in read(self, areas.list_tambons, district_code=self.district_box.currentData()) or []:
            self.tambon_box.addItem(tambon.name, tambon.code)

    def info(self) -> EntrepreneurInfo:
        """What the form holds."""
        return EntrepreneurInfo(
            self.entrepreneur_id,
            self.name_edit.text(),
            self.tambon_box.currentData() or "",
            self.product_type_box.currentData(),
            self.kind_box.currentData(),
            self.product_edit.text(),
            self.code_edit.text(),
            self.active_box.isChecked(),
        )

    def accept(self) -> None:
        if perform(
            self,
            entrepreneurs.save_entrepreneur,
            info=self.info(),
            list_in=self.list_in,
            refused=lambda error: self.error_label.setText(error.message),
        ):
            super().accept()
