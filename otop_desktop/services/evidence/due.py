"""When a quarter's signed จต.๒ is due at the province: on a day of the month after the quarter ends, the 5th
unless the province sets another (the letter asks for them once a quarter; a province may give its districts
longer to get the signatures)."""

from datetime import date

from sqlalchemy import select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import UserInfo
from otop_desktop.models import Setting
from otop_desktop.services import access
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.deadlines import DEADLINE_DAY, deadline_of
from otop_desktop.services.forms.jt2 import quarter_months
from otop_desktop.services.periods import check_period

DUE_DAY_KEY = "evidence.quarter_due_day"
LAST_DAY = 28  # a day every month has


def quarter_due_day(*, uow, user: UserInfo | None = None) -> int:
    """The day of the month after a quarter by which its signed copy is due (the 5th unless set)."""
    value = uow.session.scalar(select(Setting.value).where(Setting.key == DUE_DAY_KEY))
    return int(value) if value and value.isdigit() and 1 <= int(value) <= LAST_DAY else DEADLINE_DAY


def quarter_due(fiscal_year: int, quarter: int, day: int) -> date:
    """The date a quarter's signed copy is due: `day` of the month after its last month."""
    check_period(fiscal_year, quarter=quarter)
    return deadline_of(fiscal_year, quarter_months(quarter)[-1]).replace(day=day)


def set_quarter_due_day(*, uow, user: UserInfo, day: int) -> int:
    """The province sets the day (1–28 of the month after a quarter) by which signed copies are due; audited."""
    access.check(user, access.Action.RECEIVE_EVIDENCE)
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= LAST_DAY:
        raise InvalidInput(f"วันที่กำหนดส่งสำเนา จต.๒ ที่ลงนามแล้วต้องเป็นวันที่ 1 ถึง {LAST_DAY} ของเดือนถัดจากสิ้นไตรมาส")
    old = quarter_due_day(uow=uow)
    if old != day:
        uow.session.merge(Setting(key=DUE_DAY_KEY, value=str(day)))
        note = AuditNote(user.username, "update", "setting", DUE_DAY_KEY, "value", str(old), str(day))
        record(uow.session, [note])
        uow.note(touched(Kind.PRINTS))
    uow.commit()
    return day
