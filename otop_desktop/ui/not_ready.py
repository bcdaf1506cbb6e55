"""A tab whose feature has not landed yet, saying so plainly."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class NotReadyTab(QWidget):
    """Says in Thai that this part of the program is not ready yet, and what it will do."""

    def __init__(self, title: str, purpose: str, parent: QWidget | None = None):
        super().__init__(parent)
        label = QLabel(
            self.tr("<h2>{title}: ยังไม่พร้อมใช้งาน</h2><p>ส่วนนี้อยู่ระหว่างการพัฒนา จะใช้สำหรับ{purpose}</p>"
                    "<p>ขณะนี้ยังไม่มีปุ่มหรือข้อมูลใดในแท็บนี้ที่ใช้งานได้</p>").format(title=title, purpose=purpose)
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
