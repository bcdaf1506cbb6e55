"""One app-wide signal that says what changed, so each tab refreshes only what it shows."""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from otop_desktop.core.changes import Changes


@dataclass(frozen=True)
class Notice:
    """What an action changed (as its service reported it) and the widget that acted, which has
    refreshed itself already."""

    changes: Changes
    origin: object = None


class DataBus(QObject):
    """Carries a Notice from the operations helper to every view after an action succeeded."""

    changed = Signal(object)
