"""The verify box under the printed forms: a print's verification code typed in says which print it is, who
printed it and when, and whether its figures are still those in the database."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from otop_desktop.services import names
from otop_desktop.services.forms import verify
from otop_desktop.services.thai import format_thai_datetime
from otop_desktop.ui.context import AppContext
from otop_desktop.ui.operations import perform, read


class VerifyBox(QWidget):
    """A code to type, a button, and what the database says of the print."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._names: names.Names | None = None
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("รหัสตรวจสอบเอกสารที่ท้ายแบบที่พิมพ์ เช่น ABCD-EFGH-JKLM"))
        self.verify_button = QPushButton(self.tr("ตรวจสอบ"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("ตรวจสอบแบบที่พิมพ์แล้ว (รหัสตรวจสอบเอกสาร):")), 0, 0)
        layout.addWidget(self.code_edit, 0, 1)
        layout.addWidget(self.verify_button, 0, 2)
        layout.addWidget(self.result, 1, 0, 1, 3)
        layout.setColumnStretch(1, 1)
        self.verify_button.clicked.connect(self.verify_code)
        self.code_edit.returnPressed.connect(self.verify_code)

    def verify_code(self) -> None:
        """Name the print a code belongs to, say whether its figures are still those in the database, and list
        the other prints of the same figures."""
        code = self.code_edit.text().strip()
        if not code:
            return
        done = perform(self, verify.verify, code=code)
        if done is None:
            return
        result = done.result
        self.result.setToolTip("")
        if result.malformed or not result.found:
            self.result.setText(
                result.problem
                if result.malformed
                else self.tr("ไม่พบรหัสตรวจสอบเอกสาร {code} ในฐานข้อมูลนี้").format(code=code)
            )
            self.result.setStyleSheet("color:#b71c1c;")
            self._fit()
            return
        self.result.setText("\n".join(self._lines(result)))
        logins = dict.fromkeys([result.printed_by, *(other.printed_by for other in result.others)])
        self.result.setToolTip(self.tr("ชื่อผู้ใช้ที่พิมพ์: {logins}").format(logins=", ".join(logins)))
        self.result.setStyleSheet("color:#1b5e20;" if result.matches else "color:#b71c1c;")
        self._fit()

    def _fit(self) -> None:
        """Keep the answer's lines in view (up to twelve): the tab's layout does not ask a wrapped label's height."""
        most = self.result.fontMetrics().lineSpacing() * 12
        self.result.setMinimumHeight(min(self.result.heightForWidth(max(self.result.width(), 200)), most))
        self.setMinimumHeight(self.layout().minimumSize().height())

    def _lines(self, result) -> list[str]:
        lines = [
            self.tr("แบบ {form} {area} {period} พิมพ์โดย {user} เมื่อ {at}").format(
                form=result.form_name,
                area=result.area_name,
                period=result.period,
                user=self._person(result.printed_by),
                at=format_thai_datetime(result.printed_at),
            )
        ]
        if result.received:
            lines.append(result.received)
        if result.legacy:
            lines.append(self.tr("รหัสแบบเดิมนี้ระบุชุดตัวเลข ไม่ระบุครั้งที่พิมพ์: ดูเวลาพิมพ์ที่ท้ายกระดาษเทียบกับรายการด้านล่าง"))
        if result.completeness:
            lines.append(self.tr("บนแบบระบุว่า{text}").format(text=result.completeness))
        if result.matches:
            lines.append(self.tr("ตรงกับข้อมูลในฐานข้อมูลทุกรายการ"))
        else:
            lines.append(
                self.tr("ข้อมูลเปลี่ยนไปหลังพิมพ์ {n} รายการ (ยอด {order}):").format(
                    n=len(result.differences), order=verify.AMOUNT_ORDER
                )
            )
            lines.extend(difference.describe() for difference in result.differences)
        if result.others:
            lines.append(self.tr("ตัวเลขชุดเดียวกันนี้พิมพ์อีก {n} ครั้ง:").format(n=len(result.others)))
            lines.extend(
                self.tr("{code} พิมพ์โดย {user} เมื่อ {at}").format(
                    code=verify.shown_code(other.code),
                    user=self._person(other.printed_by),
                    at=format_thai_datetime(other.printed_at),
                )
                for other in result.others
            )
        return lines

    def _person(self, login: str) -> str:
        """A login as the person's display name (read once, when a code is first verified)."""
        if self._names is None:
            self._names = read(self, names.list_names) or names.Names()
        return self._names.person(login)
