"""Which month is due and how urgent: the province confirms (locks) each month by the 5th of the next one.
One rule for the lock tab (which month it opens on, the colour of its deadline), the dashboard and the
roadmap board (which month they mark), judged on Thailand's date."""

import enum
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from otop_desktop.core.users import UserInfo
from otop_desktop.models import DistrictLock, ProvinceLock
from otop_desktop.services import access
from otop_desktop.services.periods import check_period
from otop_desktop.services.thai import (
    BE_OFFSET,
    calendar_year_be,
    first_day,
    fiscal_year_of,
    format_thai_date,
    last_day,
    month_label,
    periods_before,
    previous_period,
    today_in_thailand,
)

DEADLINE_DAY = 5  # the roadmap: the province confirms by the 5th of the following month
SOON_DAYS = 3  # a deadline this close (or closer) is marked; past it, the month is late


class Urgency(enum.Enum):
    """How urgent a month's confirmation is."""

    CONFIRMED = "confirmed"  # confirmed: nothing to do
    CALM = "calm"  # more than SOON_DAYS days left
    SOON = "soon"  # SOON_DAYS days left or fewer, the deadline day included
    LATE = "late"  # the deadline has passed and the month is not confirmed


@dataclass(frozen=True)
class MonthDeadline:
    """A month's confirmation deadline as of a day: how many days are left and how urgent it is."""

    fiscal_year: int
    month: int
    due_on: date
    today: date  # the day it is judged on
    urgency: Urgency
    user_confirms: bool = True  # False for a district's officer: the province confirms (locks) its months

    @property
    def days_left(self) -> int:
        """Days until the deadline, negative once it has passed."""
        return (self.due_on - self.today).days

    @property
    def label(self) -> str:
        """'พฤศจิกายน 2569'."""
        return month_label(self.fiscal_year, self.month)

    @property
    def month_start(self) -> date:
        """The month's first day (a day inside the month, for a month picker)."""
        return first_day(self.fiscal_year, self.month)

    @property
    def check_start(self) -> date:
        """The first day of the month a check looks at: this one once it has ended; while it still runs (every
        month before it confirmed), the month before it, the latest whose figures are in. A running month is all
        "nothing entered" and "part entered" findings."""
        if self.today > last_day(self.fiscal_year, self.month):
            return self.month_start
        return first_day(*previous_period(self.fiscal_year, self.month))

    @property
    def words(self) -> str:
        """'กำหนดยืนยันข้อมูล 5 ธันวาคม 2569 (อีก 1 วัน)'."""
        return deadline_text(self.fiscal_year, self.month, self.today, self.urgency is Urgency.CONFIRMED)

    @property
    def due_text(self) -> str:
        """'ภายใน 5 ธันวาคม 2569 (อีก 1 วัน)'."""
        return f"ภายใน {format_thai_date(self.due_on)} ({_when(self.days_left, False)})"


def deadline_of(fiscal_year: int, month: int) -> date:
    """The 5th of the month after, when the province must have confirmed the month."""
    check_period(fiscal_year, month)
    year = calendar_year_be(fiscal_year, month) - BE_OFFSET
    return date(year + month // 12, month % 12 + 1, DEADLINE_DAY)


def reporting_month_start(today: date) -> date:
    """The first day of the month an office is reporting on `today`: last month until its deadline has passed
    (the first days of a month finish and print the month before), then this month. The entry and report tabs
    open on it."""
    last = previous_period(fiscal_year_of(today), today.month)
    return first_day(*last) if today <= deadline_of(*last) else today.replace(day=1)


def printing_month_start(today: date) -> date:
    """The first day of the latest month a form can certify on `today` (periods.check_month_at_end): this month on
    its last day, the month before until then. The reports tab opens on it."""
    this = (fiscal_year_of(today), today.month)
    return today.replace(day=1) if last_day(*this) == today else first_day(*previous_period(*this))


def deadline_text(fiscal_year: int, month: int, today: date, confirmed: bool = False) -> str:
    """'กำหนดยืนยันข้อมูล 5 ธันวาคม 2569 (อีก 3 วัน)', '(เลยกำหนด 2 วัน)', or '(ยืนยันทั้งจังหวัดแล้ว)'."""
    deadline = deadline_of(fiscal_year, month)
    return f"กำหนดยืนยันข้อมูล {format_thai_date(deadline)} ({_when((deadline - today).days, confirmed)})"


def _when(days: int, confirmed: bool) -> str:
    if confirmed:
        return "ยืนยันทั้งจังหวัดแล้ว"
    return "ครบกำหนดวันนี้" if days == 0 else f"อีก {days} วัน" if days > 0 else f"เลยกำหนด {-days} วัน"


def month_deadline(fiscal_year: int, month: int, *, today: date, confirmed: bool = False) -> MonthDeadline:
    """A month's deadline as of `today`: orange from SOON_DAYS days before, red once past, nothing when confirmed."""
    due_on = deadline_of(fiscal_year, month)
    days = (due_on - today).days
    urgency = (
        Urgency.CONFIRMED
        if confirmed
        else Urgency.LATE
        if days < 0
        else Urgency.SOON
        if days <= SOON_DAYS
        else Urgency.CALM
    )
    return MonthDeadline(fiscal_year, month, due_on, today, urgency)


def _candidates(today: date) -> list[tuple[int, int]]:
    """The months that may be due: this fiscal year's months begun so far and the month before this one,
    oldest first (older months are not looked at: a year's data taken in for its base is no month to confirm)."""
    fiscal_year = fiscal_year_of(today)
    current = (fiscal_year, today.month)
    begun = [p for p in periods_before(*current, 12) if p[0] == fiscal_year]
    previous = periods_before(*current, 1)
    return sorted({current, *begun, *previous}, key=lambda p: first_day(*p))


def _confirmed(session, user: UserInfo, periods) -> set[tuple[int, int]]:
    """The periods the user's area has confirmed: its province's lock, or a district user's own district's."""
    years = sorted({year for year, _ in periods})
    if user.district_code is not None:
        table, area = DistrictLock, DistrictLock.district_code == user.district_code
    else:
        table, area = ProvinceLock, ProvinceLock.province_code == user.province_code
    query = select(table.fiscal_year, table.month).where(area, table.locked, table.fiscal_year.in_(years))
    return {tuple(row) for row in session.execute(query)}


def due_month(*, uow, user: UserInfo, today: date | None = None) -> MonthDeadline:
    """The month to confirm next: of the months not yet confirmed (this fiscal year's so far and last month),
    the one whose deadline comes first; when all are confirmed, the current month. The department confirms
    nothing itself: its due month is the first whose deadline has not passed."""
    today = today or today_in_thailand()
    periods = _candidates(today)
    if user.is_national:
        confirmed: set = set()
        periods = [p for p in periods if deadline_of(*p) >= today] or periods[-1:]
    else:
        confirmed = _confirmed(uow.session, user, periods)
    waiting = [p for p in periods if p not in confirmed]
    fiscal_year, month = waiting[0] if waiting else periods[-1]
    due = month_deadline(fiscal_year, month, today=today, confirmed=(fiscal_year, month) in confirmed)
    return replace(due, user_confirms=access.allowed(user, access.Action.LOCK, user.area_code))
