"""How a month's confirmation deadline looks wherever it is marked (lock tab, dashboard, roadmap): green,
orange from three days before, red once late; the rule of which is which is services/deadlines.py."""

from otop_desktop.services.deadlines import Urgency

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
