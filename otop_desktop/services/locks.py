"""Locks: the province confirms (locks) each district's month, or the whole province's, by the 5th;
a locked district-month cannot be written by anyone until it is unlocked with a reason."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import String, bindparam, case, cast, func, select

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput, MonthLocked
from otop_desktop.core.users import UserInfo
from otop_desktop.models import AuditEntry, District, DistrictLock, Entrepreneur, MonthlySale, ProvinceLock
from otop_desktop.services import access
from otop_desktop.services.areas import check_district_visible
from otop_desktop.services.audit import AuditNote, record
from otop_desktop.services.deadlines import (  # the deadline's rule; deadline_of/deadline_text kept here for callers
    DEADLINE_DAY,  # noqa: F401
    Urgency,
    deadline_of,  # noqa: F401
    deadline_text,  # noqa: F401
    month_deadline,
)
from otop_desktop.services.names import person_names
from otop_desktop.services.periods import check_month_at_end, check_period
from otop_desktop.services.thai import (
    fiscal_index,
    format_thai_datetime,
    free_text,
    last_day,
    month_end_stored,
    month_label,
    now_utc,
    today_in_thailand,
)


@dataclass(frozen=True)
class LockState:
    """Who last locked or unlocked a district-month or province-month, when, and why."""

    locked: bool
    changed_by: str  # the login
    changed_at: datetime
    reason: str
    by_name: str = ""  # the person's display name, where a message says who (services/names.py)

    @property
    def shown_by(self) -> str:
        """Who, as a message names them: the display name, else the login."""
        return self.by_name or self.changed_by


@dataclass(frozen=True)
class DistrictStatus:
    """One line of the lock panel."""

    district_code: str
    district_name: str
    lock: LockState | None
    listed: int  # entrepreneurs on the month's list
    entered: int  # of them, those with any amount
    last_saved_at: datetime | None
    last_saved_by: str | None
    unlisted: int = 0  # active entrepreneurs of the district not on the month's list (they have no figures yet)
    may_lock: bool = False  # what this user may do to the district-month now (the policy and the state)
    may_unlock: bool = False
    unlock_refusal: str = ""  # why a locked district cannot be unlocked on its own now ('' when it can)

    @property
    def locked(self) -> bool:
        """Whether the district-month is locked."""
        return bool(self.lock and self.lock.locked)

    @property
    def expected(self) -> int:
        """How many entrepreneurs should have figures: the month's list and the district's active entrepreneurs
        not on it (one entrepreneur added by the province does not make a district's month complete)."""
        return self.listed + self.unlisted

    @property
    def missing(self) -> int:
        """How many of them have no figures yet."""
        return max(0, self.expected - self.entered)

    @property
    def nothing_entered(self) -> bool:
        """Whether the district has entered nothing although it has entrepreneurs."""
        return self.expected > 0 and self.entered == 0

    def entry_text(self) -> str:
        """'กรอกแล้ว 3 จาก 120 ราย', 'ยังไม่กรอกเลย (0 จาก 120 ราย)', or 'ครบ 120 ราย'."""
        if self.nothing_entered:
            return f"ยังไม่กรอกเลย (0 จาก {self.expected:,} ราย)"
        if self.missing:
            return f"กรอกแล้ว {self.entered:,} จาก {self.expected:,} ราย"
        return f"ครบ {self.entered:,} ราย" if self.expected else "ไม่มีผู้ประกอบการ"


@dataclass(frozen=True)
class LockOverview:
    """The lock panel of a province-month."""

    province_code: str
    fiscal_year: int
    month: int
    province_lock: LockState | None
    districts: tuple[DistrictStatus, ...]  # those the user may see: all, or a district user's own
    locked_count: int  # of the whole province
    district_count: int
    deadline: date
    refusal: str = ""  # why this user may not lock or unlock ('' for provincial staff)
    deadline_words: str = ""  # 'กำหนดยืนยันข้อมูล 5 ธันวาคม 2569 (อีก 3 วัน)' (deadline_text)
    urgency: Urgency = Urgency.CALM  # how urgent the month's confirmation is (services/deadlines.py)
    not_yet: str = ""  # why the month cannot be locked yet (before its last day: check_month_at_end), '' when it can
    lockable_from: date | None = None  # the day it can be (its last), while not_yet

    @property
    def late(self) -> bool:
        """Whether the deadline has passed and the province has not confirmed the month."""
        return self.urgency is Urgency.LATE

    @property
    def may_lock_province(self) -> bool:
        """Whether this user may lock the whole province's month now."""
        return not self.refusal and not self.not_yet and not self.province_locked

    @property
    def may_unlock_province(self) -> bool:
        """Whether this user may unlock the whole province's month now (some of it is locked)."""
        return not self.refusal and (self.province_locked or self.locked_count > 0)

    @property
    def province_locked(self) -> bool:
        """Whether the whole province is confirmed, so the month counts as reported upward."""
        return bool(self.province_lock and self.province_lock.locked)

    @property
    def kept_by_unlock(self) -> int:
        """How many districts stay locked when the province is unlocked (confirmed on their own before)."""
        locked = {d.district_code: d.lock for d in self.districts if d.locked}
        return len(confirmed_on_their_own(self.province_lock, locked))

    @property
    def incomplete(self) -> tuple[DistrictStatus, ...]:
        """The visible districts with entrepreneurs still missing figures for the month."""
        return tuple(d for d in self.districts if d.missing)

    def status_line(self) -> str:
        """The letter's status line, e.g. 'สถานะการล็อกข้อมูลระดับจังหวัด (อำเภอที่ล็อกข้อมูล: 3/25 อำเภอ)'."""
        return f"สถานะการล็อกข้อมูลระดับจังหวัด (อำเภอที่ล็อกข้อมูล: {self.locked_count}/{self.district_count} อำเภอ)"


class IncompleteMonth(InvalidInput):
    """A lock was asked for while its districts still miss figures; `districts` lists them."""

    def __init__(self, message: str, districts):
        super().__init__(message)
        self.districts = tuple(districts)


def _state(row) -> LockState | None:
    return None if row is None else LockState(row.locked, row.changed_by, row.changed_at, row.reason)


_LOCKED = select(
    DistrictLock.district_code,
    DistrictLock.locked,
    DistrictLock.changed_by,
    DistrictLock.changed_at,
    DistrictLock.reason,
).where(
    DistrictLock.district_code.in_(bindparam("codes", expanding=True)),
    DistrictLock.fiscal_year == bindparam("year"),
    DistrictLock.month == bindparam("month"),
    DistrictLock.locked,
)


def locked_districts(session, district_codes, fiscal_year: int, month: int) -> dict[str, LockState]:
    """The given districts that are locked for the month, with who locked them."""
    check_period(fiscal_year, month)
    rows = session.connection().execute(  # plain rows, not ORM objects: the month's grid and every save ask
        _LOCKED, {"codes": sorted(set(district_codes)), "year": fiscal_year, "month": month}
    )
    states = {row.district_code: _state(row) for row in rows}
    people = person_names(session, {state.changed_by for state in states.values()})
    return {code: replace(state, by_name=people.get(state.changed_by, "")) for code, state in states.items()}


def unlock_hint(user: UserInfo | None, district_code: str) -> str:
    """What the reader of a locked month can do: unlock it in the lock tab, or ask the province to."""
    if user is not None and access.allowed(user, access.Action.LOCK, district_code):
        return "หากต้องการแก้ไข ให้ปลดล็อกที่แท็บ “ล็อกข้อมูล” (หรือคำสั่ง unlock) พร้อมเหตุผล"
    return "หากต้องการแก้ไข กรุณาติดต่อสำนักงานพัฒนาชุมชนจังหวัดเพื่อปลดล็อก"


NOTHING_SAVED = "จึงไม่ได้บันทึกข้อมูลใด ๆ"
PROVINCE_LOCKED_FIRST = "ข้อมูลทั้งจังหวัดถูกล็อกอยู่ กรุณาปลดล็อกทั้งจังหวัดก่อน (อำเภอที่ล็อกไว้ก่อนล็อกทั้งจังหวัดจะยังล็อกอยู่) แล้วจึงปลดล็อกอำเภอนี้"


def check_not_locked(
    session, district_codes, fiscal_year: int, month: int, user: UserInfo | None = None, consequence=NOTHING_SAVED
) -> None:
    """Refuse a write when any of the districts is locked for the month, naming who locked it and when, what was
    not written (`consequence`: a save's everything, a file's rows of that month) and what the user can do."""
    locked = locked_districts(session, district_codes, fiscal_year, month)
    if not locked:
        return
    code, state = sorted(locked.items())[0]
    name = session.get(District, code).name_th
    others = f" และอีก {len(locked) - 1} อำเภอ" if len(locked) > 1 else ""
    raise MonthLocked(
        f"ข้อมูลเดือน{month_label(fiscal_year, month)} ของอำเภอ{name}{others} ถูกล็อก (ยืนยันข้อมูล) แล้ว "
        f"โดย {state.shown_by} เมื่อ {format_thai_datetime(state.changed_at)} {consequence} " + unlock_hint(user, code)
    )


def _check_manager(user: UserInfo, district_code: str | None = None) -> None:
    access.check(user, access.Action.LOCK, district_code)


def _check_reason(reason: str) -> str:
    return free_text(reason, "เหตุผลในการปลดล็อก", limit=500, required=True)


def _set_district(uow, user: UserInfo, codes, fiscal_year: int, month: int, locked: bool, reason: str, at) -> None:
    uow.note(touched(Kind.LOCKS, fiscal_year=fiscal_year, month=month, districts=codes))
    session = uow.session
    for code in codes:
        row = session.get(DistrictLock, (code, fiscal_year, month))
        if row is None:
            row = DistrictLock(district_code=code, fiscal_year=fiscal_year, month=month)
            session.add(row)
        row.locked, row.changed_by, row.changed_at, row.reason = locked, user.username, at, reason
    record(
        session,
        [
            AuditNote(
                username=user.username,
                action="lock" if locked else "unlock",
                entity="district_lock",
                entity_key=f"{code}/{fiscal_year}/{month:02d}",
                field="locked",
                old_value=str(int(not locked)),
                new_value=str(int(locked)),
                note=reason,
            )
            for code in codes
        ],
        at=at,
    )


def _district_name(session, code: str) -> str:
    district = session.get(District, code)
    if district is None:
        raise InvalidInput(f"ไม่พบรหัสอำเภอ {code}")
    return district.name_th


def _province_row(session, province_code: str, fiscal_year: int, month: int):
    return session.get(ProvinceLock, (province_code, fiscal_year, month))


def lock_district(
    *, uow, user: UserInfo, district_code: str, fiscal_year: int, month: int, incomplete_ok: bool = False
) -> None:
    """Button 1: confirm one district's month; it can no longer be edited. A month before its last day has nothing
    whole to confirm. A district that has not entered every entrepreneur refuses the lock unless the caller has
    shown how many are missing and the user confirmed (`incomplete_ok`), as for the whole province."""
    check_month_at_end(fiscal_year, month, action="ล็อกข้อมูลของเดือนนี้")
    _check_manager(user, district_code)
    uow.begin_write()  # a save racing the lock lands whole before it or is refused after it
    session = uow.session
    name = _district_name(session, district_code)
    if locked_districts(session, [district_code], fiscal_year, month):
        raise InvalidInput(f"อำเภอ{name} ล็อกข้อมูลเดือน{month_label(fiscal_year, month)} อยู่แล้ว")
    statuses = _district_statuses(session, district_code[:2], fiscal_year, month)
    missing = [d for d in statuses if d.district_code == district_code and d.missing]
    if missing and not incomplete_ok:
        raise IncompleteMonth(
            f"ยังไม่ได้ล็อก: อำเภอ{name} ยังกรอกยอดเดือน{month_label(fiscal_year, month)} ไม่ครบ:"
            f" {missing[0].entry_text()} หากต้องการล็อกทั้งที่ยังไม่ครบ กรุณายืนยันอีกครั้ง",
            missing,
        )
    _set_district(uow, user, [district_code], fiscal_year, month, True, "", now_utc())
    uow.commit()


def unlock_district(*, uow, user: UserInfo, district_code: str, fiscal_year: int, month: int, reason: str) -> None:
    """Button 2: let one district edit its month again; refused while the whole province is locked."""
    check_period(fiscal_year, month)
    _check_manager(user, district_code)
    uow.begin_write()  # a save racing the lock lands whole before it or is refused after it
    reason = _check_reason(reason)
    session = uow.session
    name = _district_name(session, district_code)
    province = _province_row(session, district_code[:2], fiscal_year, month)
    if province is not None and province.locked:
        raise InvalidInput(PROVINCE_LOCKED_FIRST)
    if not locked_districts(session, [district_code], fiscal_year, month):
        raise InvalidInput(f"อำเภอ{name} ยังไม่ได้ล็อกข้อมูลเดือน{month_label(fiscal_year, month)}")
    _set_district(uow, user, [district_code], fiscal_year, month, False, reason, now_utc())
    uow.commit()


def _province_districts(session, province_code: str) -> list[str]:
    return list(
        session.scalars(select(District.code).where(District.province_code == province_code).order_by(District.code))
    )


def _set_province(uow, user: UserInfo, fiscal_year: int, month: int, locked: bool, reason: str, at) -> None:
    uow.note(touched(Kind.LOCKS, fiscal_year=fiscal_year, month=month))
    session = uow.session
    row = _province_row(session, user.province_code, fiscal_year, month)
    if row is None:
        row = ProvinceLock(province_code=user.province_code, fiscal_year=fiscal_year, month=month)
        session.add(row)
    row.locked, row.changed_by, row.changed_at, row.reason = locked, user.username, at, reason
    record(
        session,
        [
            AuditNote(
                username=user.username,
                action="lock" if locked else "unlock",
                entity="province_lock",
                entity_key=f"{user.province_code}/{fiscal_year}/{month:02d}",
                field="locked",
                old_value=str(int(not locked)),
                new_value=str(int(locked)),
                note=reason,
            )
        ],
        at=at,
    )


def incomplete_text(districts, limit: int = 10) -> str:
    """'อำเภอเมือง: ยังไม่กรอกเลย (0 จาก 3 ราย); … และอีก 5 อำเภอ' for a refusal or an audit note."""
    shown = [f"อำเภอ{d.district_name}: {d.entry_text()}" for d in districts[:limit]]
    more = f" และอีก {len(districts) - limit} อำเภอ" if len(districts) > limit else ""
    return "; ".join(shown) + more


def lock_province(*, uow, user: UserInfo, fiscal_year: int, month: int, incomplete_ok: bool = False) -> int:
    """Button 3: confirm the whole province's month, locking every district; returns how many it locked.

    Districts that entered nothing or only part of their entrepreneurs refuse the lock unless the caller
    has shown them and the user confirmed (`incomplete_ok`); the audit note then names them."""
    check_month_at_end(fiscal_year, month, action="ล็อกข้อมูลของเดือนนี้")
    _check_manager(user)
    uow.begin_write()  # a save racing the lock lands whole before it or is refused after it
    session = uow.session
    province = _province_row(session, user.province_code, fiscal_year, month)
    if province is not None and province.locked:
        raise InvalidInput(f"ข้อมูลทั้งจังหวัดเดือน{month_label(fiscal_year, month)} ล็อกอยู่แล้ว")
    incomplete = [d for d in _district_statuses(session, user.province_code, fiscal_year, month) if d.missing]
    if incomplete and not incomplete_ok:
        raise IncompleteMonth(
            f"ยังไม่ได้ล็อก: ข้อมูลเดือน{month_label(fiscal_year, month)} ยังกรอกไม่ครบ {len(incomplete)} อำเภอ: "
            f"{incomplete_text(incomplete)} หากต้องการล็อกทั้งที่ยังไม่ครบ กรุณายืนยันอีกครั้ง",
            incomplete,
        )
    codes = _province_districts(session, user.province_code)
    already = locked_districts(session, codes, fiscal_year, month)
    newly = [code for code in codes if code not in already]
    at = now_utc()
    note = f"ยืนยันทั้งที่ยังกรอกไม่ครบ {len(incomplete)} อำเภอ: {incomplete_text(incomplete, 50)}" if incomplete else ""
    _set_province(uow, user, fiscal_year, month, True, note, at)
    _set_district(uow, user, newly, fiscal_year, month, True, "ล็อกทั้งจังหวัด", at)
    uow.commit()
    return len(newly)


def unlock_province(*, uow, user: UserInfo, fiscal_year: int, month: int, reason: str) -> int:
    """Button 4: unlock the whole province; returns how many districts it unlocked. A province that is locked
    goes back to where it stood before: the districts its lock locked open again, and those confirmed on their
    own before it stay confirmed (as DHIS2 takes back an approval one level up); unlock them one by one. A
    province not locked as a whole opens every locked district."""
    check_period(fiscal_year, month)
    _check_manager(user)
    uow.begin_write()  # a save racing the lock lands whole before it or is refused after it
    reason = _check_reason(reason)
    session = uow.session
    province = _province_row(session, user.province_code, fiscal_year, month)
    locked = locked_districts(session, _province_districts(session, user.province_code), fiscal_year, month)
    if not locked and (province is None or not province.locked):
        raise InvalidInput(f"ยังไม่มีอำเภอใดล็อกข้อมูลเดือน{month_label(fiscal_year, month)}")
    kept = confirmed_on_their_own(_state(province), locked)
    at = now_utc()
    _set_province(uow, user, fiscal_year, month, False, reason, at)
    _set_district(uow, user, sorted(set(locked) - kept), fiscal_year, month, False, reason, at)
    uow.commit()
    return len(locked) - len(kept)


def confirmed_on_their_own(province: LockState | None, locked: dict[str, LockState]) -> set[str]:
    """The locked districts that unlocking the province leaves locked: while the province is locked, those
    confirmed before its lock (its lock locked the others in the same moment, and nothing changes a district
    while the province is locked)."""
    if province is None or not province.locked:
        return set()
    return {code for code, state in locked.items() if state.changed_at != province.changed_at}


def unlisted_counts(session, area_code: str, fiscal_year: int, month: int) -> dict[str, int]:
    """Per district of the area (a province or one district), its active entrepreneurs with no row in the month
    that the office knew by then: added before the month ended, or listed in it or a month before (the demo's and
    a district file's entrepreneurs are added on the day, with their months), and not ticked active again only
    after it. They count as expected and not entered, on the lock panel, the dashboard, the check and the printed
    form; one added or taken back today does not make a month confirmed long ago look incomplete."""
    check_period(fiscal_year, month)
    district = func.substr(Entrepreneur.tambon_code, 1, 4)
    listed = select(MonthlySale.entrepreneur_id).where(
        MonthlySale.entrepreneur_id == Entrepreneur.id,
        MonthlySale.fiscal_year == fiscal_year,
        MonthlySale.month == month,
    )
    listed_by_then = select(MonthlySale.entrepreneur_id).where(
        MonthlySale.entrepreneur_id == Entrepreneur.id,
        (MonthlySale.fiscal_year < fiscal_year)
        | ((MonthlySale.fiscal_year == fiscal_year) & ((MonthlySale.month + 2) % 12 <= fiscal_index(month))),
    )
    ended = month_end_stored(fiscal_year, month)
    back_since = select(AuditEntry.id).where(  # ticked active again after the month: not expected in it either
        AuditEntry.entity == "entrepreneur",
        AuditEntry.entity_key == cast(Entrepreneur.id, String),
        AuditEntry.field == "active",
        AuditEntry.old_value == "False",
        AuditEntry.new_value == "True",
        AuditEntry.at >= ended,
    )
    known = ((Entrepreneur.created_at < ended) | listed_by_then.exists()) & ~back_since.exists()
    query = (
        select(district, func.count())
        .where(Entrepreneur.tambon_code.startswith(area_code), Entrepreneur.active, ~listed.exists(), known)
        .group_by(district)
    )
    return dict(session.execute(query).all())


def _district_statuses(session, province_code: str, fiscal_year: int, month: int) -> tuple[DistrictStatus, ...]:
    codes = session.execute(
        select(District.code, District.name_th).where(District.province_code == province_code).order_by(District.code)
    ).all()
    locks = {
        row.district_code: _state(row)
        for row in session.scalars(
            select(DistrictLock).where(
                DistrictLock.district_code.startswith(province_code),
                DistrictLock.fiscal_year == fiscal_year,
                DistrictLock.month == month,
            )
        )
    }
    counts = _entry_counts(session, province_code, fiscal_year, month)
    unlisted = unlisted_counts(session, province_code, fiscal_year, month)
    return tuple(
        DistrictStatus(code, name, locks.get(code), *counts.get(code, (0, 0, None, None)), unlisted.get(code, 0))
        for code, name in codes
    )


def _entry_counts(session, province_code: str, fiscal_year: int, month: int) -> dict[str, tuple]:
    district = func.substr(Entrepreneur.tambon_code, 1, 4)
    entered = case(
        (
            MonthlySale.domestic_offline.is_not(None)
            | MonthlySale.domestic_online.is_not(None)
            | MonthlySale.export_offline.is_not(None)
            | MonthlySale.export_online.is_not(None),
            1,
        ),
        else_=0,
    )
    month_rows = (
        select()
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(
            MonthlySale.fiscal_year == fiscal_year,
            MonthlySale.month == month,
            Entrepreneur.tambon_code.startswith(province_code),
        )
    )
    counts = month_rows.add_columns(
        district, func.count(), func.sum(entered), func.max(MonthlySale.updated_at)
    ).group_by(district)
    # Who saved last in each district: the newest row's saver (a window, as both SQLite and PostgreSQL read it).
    newest = month_rows.add_columns(
        district.label("code"),
        MonthlySale.updated_by.label("saved_by"),
        func.row_number().over(partition_by=district, order_by=MonthlySale.updated_at.desc()).label("rank"),
    ).subquery()
    saved_by = dict(session.execute(select(newest.c.code, newest.c.saved_by).where(newest.c.rank == 1)).all())
    return {row[0]: (*row[1:], saved_by.get(row[0])) for row in session.execute(counts)}


def lock_overview(*, uow, user: UserInfo, fiscal_year: int, month: int, today: date | None = None) -> LockOverview:
    """The lock panel of the user's province for a month (a district user sees it read-only), with its
    deadline in words and whether it is late, judged on `today` (Thailand's date by default)."""
    check_period(fiscal_year, month)
    session = uow.session
    districts = _district_statuses(session, user.province_code, fiscal_year, month)
    province = _state(_province_row(session, user.province_code, fiscal_year, month))
    refusal = access.refusal(user, access.Action.LOCK) or ""
    province_locked = bool(province and province.locked)
    today = today or today_in_thailand()
    try:  # said on the buttons before anyone is asked to confirm (it asked, then refused)
        check_month_at_end(fiscal_year, month, today, action="ล็อกข้อมูลของเดือนนี้")
        not_yet = ""
    except InvalidInput as early:
        not_yet = early.message
    # A district is unlocked on its own only while the whole province is not: that unlock comes first.
    visible = tuple(
        replace(
            d,
            may_lock=not refusal and not not_yet and not d.locked,
            may_unlock=not refusal and d.locked and not province_locked,
            unlock_refusal=PROVINCE_LOCKED_FIRST if d.locked and province_locked else "",
        )
        for d in districts
        if access.allowed(user, access.Action.VIEW, d.district_code)
    )
    due = month_deadline(fiscal_year, month, today=today, confirmed=province_locked)
    return LockOverview(
        user.province_code,
        fiscal_year,
        month,
        province,
        visible,
        sum(d.locked for d in districts),
        len(districts),
        due.due_on,
        refusal,
        due.words,
        due.urgency,
        not_yet,
        last_day(fiscal_year, month) if not_yet else None,
    )


@dataclass(frozen=True)
class LockEvent:
    """One lock or unlock of a district-month or of its whole province."""

    at: datetime
    username: str
    action: str
    scope: str
    reason: str


def lock_history(*, uow, user: UserInfo, district_code: str, fiscal_year: int, month: int) -> list[LockEvent]:
    """Every lock and unlock of a district-month and of its province's month, newest first."""
    check_period(fiscal_year, month)
    check_district_visible(user, district_code)
    keys = {
        f"{district_code}/{fiscal_year}/{month:02d}": "อำเภอ",
        f"{district_code[:2]}/{fiscal_year}/{month:02d}": "ทั้งจังหวัด",
    }
    rows = uow.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity.in_(("district_lock", "province_lock")), AuditEntry.entity_key.in_(keys))
        .order_by(AuditEntry.id.desc())
    )
    return [
        LockEvent(
            row.at,
            row.username,
            "ล็อก" if row.action == "lock" else "ปลดล็อก",
            "ทั้งจังหวัด" if row.entity == "province_lock" else "อำเภอ",
            row.note or "",
        )
        for row in rows
    ]
