"""The sales guard: the one check every path that writes sales goes through (who may write which district and
month, the month begun, the locks), and the months a file may not write."""

from collections.abc import Collection
from datetime import date

from sqlalchemy import bindparam, text

from otop_desktop.core.errors import MonthLocked
from otop_desktop.core.users import UserInfo
from otop_desktop.services import access
from otop_desktop.services.locks import NOTHING_SAVED, check_not_locked
from otop_desktop.services.periods import check_month_begun, check_period


def check_sales_writable(
    *,
    uow,
    user: UserInfo,
    district_codes,
    fiscal_year: int,
    month: int,
    from_file: bool = False,
    today: date | None = None,
    locked: Collection[str] | None = None,
    consequence: str = "",
) -> None:
    """Refuse writing sales of these districts for the month unless the user's area covers them, the
    month has begun and none of them is locked. Every path that writes sales calls this first. The
    department writes only what the provinces' confirmed files bring (`from_file`); a file's months
    were checked when the district typed them, on the district's own clock. `locked`: the districts locked
    for the month as read in this transaction (locked_question's answer), or None to read them here.
    `consequence`: what a refusal did not do, where it is neither a save's nor a file's (an undo's)."""
    _check_allowed(user, district_codes, fiscal_year, month, from_file)
    if not from_file:
        check_month_begun(fiscal_year, month, today)
    if locked is None or not set(locked).isdisjoint(district_codes):
        consequence = consequence or ("จึงไม่รับยอดของเดือนนี้จากไฟล์ (แถวเดือนอื่นรับตามปกติ)" if from_file else NOTHING_SAVED)
        check_not_locked(uow.session, district_codes, fiscal_year, month, user, consequence)


_LOCKED_IN_AREA = text(
    "SELECT district_code FROM district_lock WHERE fiscal_year = :year AND month = :month AND locked"
    " AND district_code LIKE :area"
)


def locked_question(area_code: str, fiscal_year: int, month: int) -> tuple:
    """The statement and parameters that list the districts of an area ('' the whole country) locked for the
    month, for check_sales_writable's `locked`: for a caller that asks it with other questions at once."""
    check_period(fiscal_year, month)
    return _LOCKED_IN_AREA, {"year": fiscal_year, "month": month, "area": f"{area_code[:4]}%"}


def _check_allowed(user: UserInfo, district_codes, fiscal_year: int, month: int, from_file: bool) -> None:
    """The half of the check that needs no database: a real month, and the user's area."""
    check_period(fiscal_year, month)
    if not from_file:
        access.check(user, access.Action.ENTER_SALES)
    for district_code in sorted(set(district_codes)):
        access.check(user, access.Action.VIEW, district_code)


_LOCKED_MONTHS = text(
    "SELECT month FROM district_lock WHERE district_code = :district AND fiscal_year = :year"
    " AND locked AND month IN :months"
).bindparams(bindparam("months", expanding=True))


def refused_months(*, uow, user: UserInfo, district_code: str, fiscal_year: int, months) -> dict[int, str]:
    """The months (of one area) a file may not write, each with the reason, checked at once for speed:
    the same rule as check_sales_writable, whose message each refusal carries. It runs once per file of a
    merge, so the locks are read with one plain query and only a locked month goes through the full check."""
    months = sorted(set(months))
    for month in months:
        _check_allowed(user, [district_code], fiscal_year, month, from_file=True)
    locked = [
        month
        for (month,) in uow.session.execute(
            _LOCKED_MONTHS, {"district": district_code, "year": fiscal_year, "months": months}
        )
    ]
    refused = {}
    for month in sorted(locked):
        try:
            check_sales_writable(
                uow=uow, user=user, district_codes=[district_code], fiscal_year=fiscal_year, month=month, from_file=True
            )
        except MonthLocked as error:
            refused[month] = error.message
    return refused
