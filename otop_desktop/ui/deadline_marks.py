"""How a month's confirmation deadline looks wherever it is marked (lock tab, dashboard, roadmap): green,
orange from three days before, red once late; the rule of which is which is services/deadlines.py."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from otop_desktop.services.deadlines import MonthDeadline, Urgency

TEXT_COLOURS = {
    Urgency.CONFIRMED: "#1b5e20",
    Urgency.CALM: "#1b5e20",
    Urgency.SOON: "#e65100",
    Urgency.LATE: "#b71c1c",
}
BACKGROUNDS = {
    Urgency.CONFIRMED: "#C8E6C9",
    Urgency.CALM: "#E3F2FD",
    Urgency.SOON: "#FFE0B2",
    Urgency.LATE: "#FFCDD2",
}


def label_style(urgency: Urgency) -> str:
    """A label's style sheet for a deadline of this urgency: bold once it needs attention."""
    weight = " font-weight:bold;" if urgency in (Urgency.SOON, Urgency.LATE) else ""
    return f"color:{TEXT_COLOURS[urgency]};{weight}"


def kept_by_others_style(urgency: Urgency) -> str:
    """A label's style sheet for a deadline the officer does not keep (the province's, said to a district): calm
    until it passes, orange after (an overdue month read green to a district late with its own figures), never the
    red of a month the officer must confirm."""
    return label_style(Urgency.SOON if urgency is Urgency.LATE else Urgency.CALM)


def show_due(label: QLabel, due: MonthDeadline | None) -> None:
    """Put the month to confirm next in a label ('▶ ต้องยืนยันเดือนพฤศจิกายน 2569 ภายใน … (อีก 1 วัน)'), coloured."""
    label.setVisible(due is not None)
    if due is None:
        return
    if due.urgency is Urgency.CONFIRMED:
        text = QCoreApplication.translate("DeadlineMarks", "ยืนยันข้อมูลถึงเดือน%1แล้ว").replace("%1", due.label)
    elif not due.user_confirms:  # a district's officer: the province confirms; said, not raised as the officer's
        text = (
            QCoreApplication.translate("DeadlineMarks", "เดือนที่รอจังหวัดยืนยัน: %1 · กำหนด %2")  # %2 has its own ( )
            .replace("%1", due.label)
            .replace("%2", due.due_text.removeprefix("ภายใน "))
        )
        label.setText(text)
        label.setStyleSheet(kept_by_others_style(due.urgency))
        return
    else:
        text = (
            QCoreApplication.translate("DeadlineMarks", "▶ ต้องยืนยันเดือน%1 %2")
            .replace("%1", due.label)
            .replace("%2", due.due_text)
        )
    label.setText(text)
    label.setStyleSheet(label_style(due.urgency))
