"""One app-wide signal that says what changed, so each tab refreshes only what it shows."""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Change:
    """What changed: a kind ('sales', 'entrepreneurs', …), the period and area it touched."""

    kind: str
    fiscal_year: int | None = None
    month: int | None = None
    area_code: str | None = None
    origin: object = None  # the widget that made the change, which has refreshed itself already


class DataBus(QObject):
    """Carries Change notices from whoever changed data to every tab."""

    changed = Signal(object)
