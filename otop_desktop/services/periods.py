"""The one check of a period: a Buddhist-era fiscal year, a month (1-12) and a fiscal quarter (1-4), with
the Thai refusal that says the range. Every service taking a fiscal year, month or quarter calls it."""

from datetime import date

from otop_desktop.core.errors import InvalidInput, NotYet
from otop_desktop.services.thai import (
    FISCAL_MONTHS,
    first_day,
    format_thai_date,
    last_day,
    month_label,
    shown_safely,
    today_in_thailand,
)

FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR = 2500, 2700  # พ.ศ. 2500-2700: a Christian-era year (2026) or a typo is refused
QUARTERS = (1, 2, 3, 4)  # 1 = October to December, as the fiscal year runs


def check_period(fiscal_year, month=None, *, months=(), quarter=None) -> None:
    """Refuse a fiscal year, month, months or quarter that cannot exist (None: not given), in Thai."""
    if not _whole(fiscal_year) or not FIRST_FISCAL_YEAR <= fiscal_year <= LAST_FISCAL_YEAR:
        christian = _whole(fiscal_year) and FIRST_FISCAL_YEAR - 543 <= fiscal_year <= LAST_FISCAL_YEAR - 543
        hint = f" ปีที่ใส่ ({fiscal_year}) เป็นปี ค.ศ. ซึ่งตรงกับ พ.ศ. {fiscal_year + 543}" if christian else ""
        raise InvalidInput(
            f"ปีงบประมาณต้องเป็นปี พ.ศ. {FIRST_FISCAL_YEAR} ถึง {LAST_FISCAL_YEAR} เช่น 2569"
            + (hint or f" (ที่ใส่มาคือ {_shown(fiscal_year)})")
        )
    for each in ([] if month is None else [month]) + list(months):
        if not _whole(each) or not 1 <= each <= 12:
            raise InvalidInput(f"เดือนต้องเป็นตัวเลข 1 ถึง 12 (1 = มกราคม, 10 = ตุลาคม) ที่ใส่มาคือ {_shown(each)}")
    if quarter is not None and (not _whole(quarter) or quarter not in QUARTERS):
        raise InvalidInput(f"ไตรมาสต้องเป็น 1 ถึง 4 (1 = ตุลาคม-ธันวาคม) ที่ใส่มาคือ {_shown(quarter)}")


def _whole(value) -> bool:
    return type(value) is int  # not a bool, a float or a text of digits


def _shown(value) -> str:
    return shown_safely(str(value))[:20]


def check_month_begun(
    fiscal_year: int, month: int, today: date | None = None, action: str = "บันทึกยอดจำหน่ายของเดือนนี้"
) -> None:
    """Refuse a month that has not begun (by Thailand's date): sales are entered, and its forms printed, from
    the month's first day on; `action` words what waits ('พิมพ์แบบ จต.๒ ของเดือนนี้')."""
    check_period(fiscal_year, month)
    opens = first_day(fiscal_year, month)
    if opens > (today or today_in_thailand()):
        raise NotYet(f"เดือน{month_label(fiscal_year, month)} ยังไม่เริ่ม {action}ได้ตั้งแต่วันที่ {format_thai_date(opens)}")


def check_month_at_end(fiscal_year: int, month: int, today: date | None = None, action: str = "") -> None:
    """Refuse a month before its last day (by Thailand's date), the day its sales are recorded: a certified
    form or a lock is of the whole month, and until then the month's figures are still being typed (a จต.๒ of
    December printed on 5 December read "ถูกต้องตามความเป็นจริง", and the province counted it received).
    `action` words what waits ('พิมพ์แบบ จต.๒ ของเดือนนี้')."""
    check_month_begun(fiscal_year, month, today, action)
    ends = last_day(fiscal_year, month)
    if ends > (today or today_in_thailand()):
        raise NotYet(
            f"เดือน{month_label(fiscal_year, month)} ยังไม่ถึงวันสิ้นเดือน ยอดของเดือนยังบันทึกเพิ่มได้"
            f" {action}ได้ตั้งแต่วันที่ {format_thai_date(ends)} (วันสิ้นเดือน) เป็นต้นไป"
        )


def months_ended(fiscal_year: int, today: date | None = None) -> tuple[int, ...]:
    """The months of a fiscal year that have ended by Thailand's date, in fiscal order: what a district sends."""
    check_period(fiscal_year)
    today = today or today_in_thailand()
    return tuple(m for m in FISCAL_MONTHS if last_day(fiscal_year, m) < today)


def stored_months(text: str | None) -> tuple[int, ...]:
    """The months a ledger entry or a print record keeps as text ('8,9'), as numbers, in the order kept."""
    return tuple(int(m) for m in (text or "").split(",") if m.strip().isdigit())
