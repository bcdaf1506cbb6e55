"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every call returning nothing and aborts
after a few thousand. This fails if an upgrade brings that back."""

import sys

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget


def test_none_refcount_survives_fifty_thousand_void_calls(qapp):
    widget, table = QWidget(), QTableWidget(1, 1)
    item = QTableWidgetItem("x")
    before = sys.getrefcount(None)
    for number in range(25_000):
        widget.setWindowTitle("otop")
        item.setText(str(number & 7))
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references in 50,000 calls"
    table.setItem(0, 0, item)
