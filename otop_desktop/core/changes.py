"""What an action changed, as typed flags a view can test: the kinds of data, and the fiscal years,
months and districts they touched. Services note their changes on the unit of work as they write; the
notes count once the unit of work commits (a refused action changes nothing, so it announces nothing)."""

import enum
from dataclasses import dataclass


class Kind(enum.Flag):
    """The kinds of data an action can change."""

    NONE = 0
    SALES = enum.auto()
    ENTREPRENEURS = enum.auto()
    LOCKS = enum.auto()
    TARGETS = enum.auto()
    USERS = enum.auto()
    KEYS = enum.auto()
    FILES = enum.auto()  # the exchange's own records: files sent, files taken in, receipts
    PRINTS = enum.auto()  # printed forms' records
    REVIEWS = enum.auto()  # findings of the data-quality check marked checked


@dataclass(frozen=True)
class Changes:
    """The union of what one action wrote."""

    kinds: Kind = Kind.NONE
    fiscal_years: frozenset[int] = frozenset()
    months: frozenset[tuple[int, int]] = frozenset()  # (fiscal year, month)
    districts: frozenset[str] = frozenset()

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            self.kinds | other.kinds,
            self.fiscal_years | other.fiscal_years,
            self.months | other.months,
            self.districts | other.districts,
        )

    def __bool__(self) -> bool:
        return self.kinds != Kind.NONE

    def touches(self, kinds: Kind, fiscal_year: int | None = None) -> bool:
        """Whether the action changed any of these kinds (in this fiscal year, when the action says which)."""
        if not self.kinds & kinds:
            return False
        return fiscal_year is None or not self.fiscal_years or fiscal_year in self.fiscal_years


def touched(
    kind: Kind, *, fiscal_year: int | None = None, month: int | None = None, months=(), districts=()
) -> Changes:
    """One note: a kind, and where it was written."""
    periods = {(fiscal_year, m) for m in months} | ({(fiscal_year, month)} if month is not None else set())
    return Changes(
        kind,
        frozenset({fiscal_year}) if fiscal_year is not None else frozenset(),
        frozenset(periods),
        frozenset(districts),
    )
