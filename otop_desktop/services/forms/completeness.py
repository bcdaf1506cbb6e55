"""How complete a district's month is when its จต.๒ is printed ('กรอกแล้ว n จาก N ราย'), and the rule that a
month with entrepreneurs not yet entered is printed only when the officer confirms it, so nobody signs an
incomplete report unknowingly: the paper itself says how many were entered."""

from dataclasses import dataclass

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services.locks import unlisted_counts
from otop_desktop.services.thai import month_label


@dataclass(frozen=True)
class MonthEntry:
    """How many of a district-month's entrepreneurs have figures (`entered`) of those expected: the month's
    list and the district's active entrepreneurs not on it (as the lock panel counts)."""

    district_name: str
    fiscal_year: int
    month: int
    entered: int
    expected: int

    @property
    def complete(self) -> bool:
        """Whether every expected entrepreneur has figures."""
        return self.entered >= self.expected

    def text(self) -> str:
        """'กรอกแล้ว 2 จาก 3 ราย'."""
        return f"กรอกแล้ว {self.entered:,} จาก {self.expected:,} ราย"

    def line(self) -> str:
        """'อำเภอเมืองอุบลราชธานี สิงหาคม 2569: กรอกแล้ว 2 จาก 3 ราย'."""
        return f"อำเภอ{self.district_name} {month_label(self.fiscal_year, self.month)}: {self.text()}"


def entered_of_expected(entries) -> str:
    """'88/98': entrepreneurs (over several months, entrepreneur-months) entered of those expected."""
    return f"{sum(e.entered for e in entries):,}/{sum(e.expected for e in entries):,}"


def month_entry(session, district_code: str, district_name: str, sheet) -> MonthEntry:
    """The completeness of a district's month from its loaded sheet."""
    entered = sum(1 for row in sheet.rows if any(amount is not None for amount in row.amounts))
    unlisted = unlisted_counts(session, district_code, sheet.fiscal_year, sheet.month).get(district_code, 0)
    expected = len(sheet.rows) + unlisted
    return MonthEntry(district_name, sheet.fiscal_year, sheet.month, entered, expected)


def paper_text(entries) -> str:
    """What the paper says beside the certification: 'กรอกแล้ว 2 จาก 3 ราย (ยังไม่ครบ)', for a quarter month by
    month; '' when there is nothing to say (no entrepreneur expected)."""
    shown = [entry for entry in entries if entry.expected]
    if not shown:
        return ""
    if len(entries) == 1:
        text = shown[0].text()
    else:
        text = "กรอกแล้ว " + " · ".join(
            f"{month_label(e.fiscal_year, e.month)}: {e.entered:,} จาก {e.expected:,} ราย" for e in shown
        )
    return text + ("" if all(entry.complete for entry in shown) else " (ยังไม่ครบ)")


class IncompleteForm(InvalidInput):
    """A form asked for while entrepreneurs of its months have no figures yet; `entries` lists those months."""

    title = "ข้อมูลยังกรอกไม่ครบ"

    def __init__(self, message: str, entries):
        super().__init__(message)
        self.entries = tuple(entries)


def check_complete(entries, form_name: str, incomplete_ok: bool, limit: int = 10) -> None:
    """Refuse to print a form over months not completely entered unless the officer confirmed it."""
    missing = [entry for entry in entries if not entry.complete]
    if not missing or incomplete_ok:
        return
    lines = "; ".join(entry.line() for entry in missing[:limit])
    more = f" และอีก {len(missing) - limit} รายการ" if len(missing) > limit else ""
    raise IncompleteForm(
        f"ยังไม่ได้พิมพ์{form_name}: ข้อมูลยังกรอกไม่ครบ {lines}{more} "
        "หากต้องการพิมพ์ทั้งที่ยังไม่ครบ กรุณายืนยัน แบบที่พิมพ์จะระบุจำนวนที่กรอกแล้วไว้ข้างคำรับรอง",
        missing,
    )
