"""Monthly entry: a month's list of entrepreneurs and amounts as the grid shows it, and each one's usual month.
Saving edits and Sync are in services/saving.py."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache, lru_cache

from sqlalchemy import String, and_, bindparam, func, or_, select, true, tuple_, type_coerce

from otop_desktop.core.users import UserInfo
from otop_desktop.models import (
    District,
    Entrepreneur,
    MonthlySale,
    ProductType,
    SalesSummary,
    SummaryStale,
    Tambon,
)
from otop_desktop.services import access
from otop_desktop.services.areas import check_district_visible
from otop_desktop.services.locks import LockState, locked_districts, unlock_hint
from otop_desktop.services.periods import check_period
from otop_desktop.services.thai import (
    first_day,
    format_thai_date,
    format_thai_datetime,
    month_label,
    periods_before,
    today_in_thailand,
)

AMOUNT_FIELDS = ("domestic_offline", "domestic_online", "export_offline", "export_online")
# The four sales channels, in the order of AMOUNT_FIELDS: every heading and label of a channel is made from these.
CHANNELS = ("ในประเทศ ออฟไลน์", "ในประเทศ ออนไลน์", "ต่างประเทศ ออฟไลน์", "ต่างประเทศ ออนไลน์")
# A month whose total is this many times the entrepreneur's usual month is flagged, not refused.
UNUSUAL_FACTOR = 10
# A channel this many times over its own usual month (or, in the province's check, under a fifth of it) is unusual
# though the month's total may not be: a digit typed once too often multiplies one channel by ten, and moves a total
# that other channels share by less than ten (158,899.78 typed 1,588,997.80 in one of two channels: the total 9.8×).
CHANNEL_FACTOR = 5
HISTORY_MONTHS = 12
MIN_HISTORY = 3
MAX_LISTED_IDS = 900  # above this, a query reads the whole area instead of listing ids

Amounts = tuple[int | None, int | None, int | None, int | None]


@dataclass(frozen=True)
class SaleRow:
    """One entrepreneur's line in a month: who, where, the four amounts in satang, and its history."""

    entrepreneur_id: int
    tambon_code: str
    tambon_name: str
    name: str
    product_type: str
    amounts: Amounts
    revision: int
    updated_by: str
    updated_at: datetime | None  # None: found by Sync, not saved yet
    otop_code: str | None = None  # the entrepreneur's OTOP registration code, if any
    import_id: int | None = None  # the district file the amounts came from (None: typed here), handed to a save

    @property
    def district_code(self) -> str:
        """The district, from the tambon's official code."""
        return self.tambon_code[:4]


@dataclass(frozen=True)
class MonthSheet:
    """A month's list for an area, as the entry grid shows it."""

    fiscal_year: int
    month: int
    area_code: str
    rows: tuple[SaleRow, ...]
    district_codes: tuple[str, ...]
    locked: dict[str, LockState]
    read_only: frozenset[str] = frozenset()  # districts whose rows this user may not change
    may_write: bool = (
        False  # whether the user may save or Sync now: the month has begun, they enter sales, not all locked
    )
    notice: str = ""  # what the grid's banner says, in Thai: why not, or what to do next ('' for nothing)
    notice_kind: str = ""  # "info" or "locked"

    @property
    def fully_locked(self) -> bool:
        """Whether every district the sheet covers is locked, so nothing in it can be written."""
        return bool(self.district_codes) and all(code in self.locked for code in self.district_codes)

    @property
    def last_saved(self) -> SaleRow | None:
        """The most recently changed row, for 'last saved by … at …'."""
        return max(self.rows, key=lambda row: row.updated_at, default=None)


@dataclass(frozen=True)
class UsualMonths:
    """Each entrepreneur's usual month (satang) over an area as the grid read it for a month, with a mark of
    the history it came from: a save handed these uses them while the mark still holds, instead of reading
    the 12 months again."""

    fiscal_year: int
    month: int
    area_code: str  # the tambon-code prefix read ('' for the whole country)
    totals: dict[int, int]
    mark: tuple | None  # None: the history's summary was stale, so nothing vouches for it later
    channels: dict[int, tuple] = field(default_factory=dict)  # each channel's usual month (None: under 3 months)


def code_range(prefix: str, column=Entrepreneur.tambon_code):
    """A WHERE clause for codes (an entrepreneur's tambon by default) starting with a prefix, as a range the
    index can use ('' is all), where LIKE would read the whole table."""
    if not prefix:
        return true()
    bounds = code_bounds(prefix)
    return and_(column >= bounds["low"], column < bounds["high"])


def code_bounds(prefix: str) -> dict[str, str]:
    """The parameters `low` and `high` of the codes that start with a prefix (none for '', every code)."""
    return {"low": prefix, "high": prefix[:-1] + chr(ord(prefix[-1]) + 1)} if prefix else {}


def is_unusual(total: int, typical_total: int | None) -> bool:
    """Whether a month's total is far above the entrepreneur's usual month (a warning, never a refusal)."""
    return bool(typical_total) and total > typical_total * UNUSUAL_FACTOR


def unusual_channel(amounts, typical) -> int | None:
    """The first channel whose amount is far above that channel's own usual month (a warning, never a refusal),
    or None; `typical` is the channels' usual months (None where unknown), or None for none at all. One call a
    row: a save looks at a province's month."""
    if typical:
        for channel, (amount, usual) in enumerate(zip(amounts, typical)):
            if amount and usual and amount > usual * CHANNEL_FACTOR:
                return channel
    return None


def is_unusual_channel(amount: int | None, typical: int | None) -> bool:
    """Whether one channel's amount is far above that channel's own usual month (unusual_channel's rule)."""
    return unusual_channel((amount,), (typical,)) is not None


def scope_prefix(user: UserInfo, district_code: str | None, tambon_code: str | None) -> str:
    if tambon_code:
        check_district_visible(user, tambon_code[:4])
        return tambon_code
    if district_code:
        check_district_visible(user, district_code)
        return district_code
    return "" if user.is_national else user.area_code


def typical_months(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    district_code: str | None = None,
    tambon_code: str | None = None,
    entrepreneur_ids=None,
) -> tuple[dict[int, int], dict[int, tuple]]:
    """Each entrepreneur's usual month (the median of its non-zero totals over the 12 months before), and its usual
    month per channel (the same of the channel's non-zero figures), from one read of the history; under three
    such months there is none (left out of the totals, None for a channel). Slower than load_month, so the grid
    shows first and marks unusual amounts when this arrives."""
    check_period(fiscal_year, month)
    prefix = scope_prefix(user, district_code, tambon_code)
    periods = periods_before(fiscal_year, month, HISTORY_MONTHS)
    total = sum(func.coalesce(getattr(MonthlySale, f), 0) for f in AMOUNT_FIELDS)
    # The rows come plain and the median is taken here: SQL's window functions sorted every month of the
    # area's year (0.09 s at a province, three times this read).
    months = (
        select(MonthlySale.entrepreneur_id, total, *(getattr(MonthlySale, f) for f in AMOUNT_FIELDS))
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(code_range(prefix), tuple_(MonthlySale.fiscal_year, MonthlySale.month).in_(periods), total > 0)
    )
    if entrepreneur_ids is not None and len(entrepreneur_ids) <= MAX_LISTED_IDS:
        months = months.where(MonthlySale.entrepreneur_id.in_(sorted(entrepreneur_ids)))
    history: dict[int, list[int]] = {}
    channels: dict[int, list[list[int]]] = {}
    for entrepreneur_id, month_total, *amounts in uow.session.connection().execute(months):
        history.setdefault(entrepreneur_id, []).append(month_total)
        found = channels.setdefault(entrepreneur_id, [[] for _ in AMOUNT_FIELDS])
        for figures, amount in zip(found, amounts):
            if amount:
                figures.append(amount)
    totals = {i: usual for i, figures in history.items() if (usual := usual_month(figures)) is not None}
    return totals, {i: tuple(map(usual_month, found)) for i, found in channels.items()}


def usual_month(figures: list[int]) -> int | None:
    """The usual month of some months' figures: the middle one, or the mean of the two middle ones truncated to
    satang; None under MIN_HISTORY months (the grid, the save and the province's check all judge by it)."""
    if len(figures) < MIN_HISTORY:
        return None
    ordered, middle = sorted(figures), len(figures) // 2
    return ordered[middle] if len(figures) % 2 else (ordered[middle - 1] + ordered[middle]) // 2


def usual_months(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    district_code: str | None = None,
    tambon_code: str | None = None,
) -> UsualMonths:
    """typical_months for the grid, with the mark of the history read, to hand to save_month."""
    prefix = scope_prefix(user, district_code, tambon_code)
    mark = history_mark(uow.session, prefix, fiscal_year, month)  # first: a change after it fails the check
    totals, channels = typical_months(
        uow=uow, user=user, fiscal_year=fiscal_year, month=month, district_code=district_code, tambon_code=tambon_code
    )
    return UsualMonths(fiscal_year, month, prefix, totals, mark, channels)


def history_mark(session, prefix: str, fiscal_year: int, month: int) -> tuple | None:
    """What the monthly summary says of the area's 12 months before (counts, sums, last saved), or None while
    any of them is marked stale. Every write of monthly_sale, and every entrepreneur moved, marks its month
    stale by trigger until the summary is rebuilt with the new figures, so an unchanged mark means unchanged
    history (a few hundred summary rows, where the history is tens of thousands). One statement: a save
    asks it on every save."""
    statement, parameters = mark_question(prefix, fiscal_year, month)
    return mark_of(session.connection().execute(statement, parameters).one())


def mark_question(prefix: str, fiscal_year: int, month: int) -> tuple:
    """history_mark's statement and its parameters, for a caller that asks it with others at once (a save)."""
    check_period(fiscal_year, month)
    return _mark_query(bool(prefix), tuple(periods_before(fiscal_year, month, HISTORY_MONTHS))), code_bounds(prefix[:4])


def mark_of(row) -> tuple | None:
    """The mark in the row history_mark's statement answers."""
    found, *mark = row
    return None if found is not None else tuple(mark)


@lru_cache(maxsize=64)
def _mark_query(narrowed: bool, periods: tuple):
    """history_mark's statement for the periods, over the districts from `low` to before `high` if
    `narrowed`: built once (a save asks it every time)."""
    stale = select(SummaryStale.month).where(_in_periods(SummaryStale, periods)).limit(1).scalar_subquery()
    sums = (func.sum(getattr(SalesSummary, f)) for f in ("listed", "reported", *AMOUNT_FIELDS))
    query = select(stale, func.count(), *sums, func.max(SalesSummary.last_saved)).where(
        _in_periods(SalesSummary, periods)
    )
    if narrowed:
        district = SalesSummary.district_code
        query = query.where(district >= bindparam("low"), district < bindparam("high"))
    return query


def _in_periods(table, periods):
    """The periods as one condition a year (month IN …), which the (fiscal_year, month) key can seek: SQLite
    scans the whole table for a list of (year, month) pairs."""
    years: dict[int, list[int]] = {}
    for year, month in periods:
        years.setdefault(year, []).append(month)
    return or_(*(and_(table.fiscal_year == year, table.month.in_(months)) for year, months in years.items()))


def load_month(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    district_code: str | None = None,
    tambon_code: str | None = None,
    today: date | None = None,
) -> MonthSheet:
    """The month's list for the user's area, narrowed to a district or tambon, by tambon then name, with
    whether the user may write it now (the month begun, by Thailand's date; their role; the locks) and why not."""
    check_period(fiscal_year, month)
    prefix = scope_prefix(user, district_code, tambon_code)
    rows = _month_rows(uow.session.connection(), prefix, fiscal_year, month)
    if len(prefix) >= 4:  # a district or one of its tambons: no need to ask which districts the area has
        codes = (prefix[:4],)
    else:
        districts = select(District.code).where(code_range(prefix, District.code)).order_by(District.code)
        codes = tuple(uow.session.connection().execute(districts).scalars())
    locked = locked_districts(uow.session, codes, fiscal_year, month)
    sheet = MonthSheet(fiscal_year, month, prefix, rows, codes, locked)
    may_enter = access.allowed(user, access.Action.ENTER_SALES)
    opens = first_day(fiscal_year, month)
    begun = opens <= (today or today_in_thailand())
    read_only = frozenset(locked) if may_enter else frozenset(row.district_code for row in rows)
    notice, kind = _notice(user, sheet, may_enter, begun, opens)
    if kind == "info" and not rows and may_enter and begun and not _has_entrepreneurs(uow.session, prefix):
        notice = _nobody_notice(user)
    return replace(
        sheet,
        read_only=read_only,
        may_write=may_enter and begun and not sheet.fully_locked,
        notice=notice,
        notice_kind=kind,
    )


def _month_rows(connection, prefix: str, fiscal_year: int, month: int) -> tuple[SaleRow, ...]:
    """The month's rows of an area by tambon then name, read plain (Core, not the ORM, the statement built once);
    a save's one timestamp is parsed once."""
    area = code_bounds(prefix)
    stamps: dict = {}
    return tuple(
        [
            SaleRow(*r[:5], (r[5], r[6], r[7], r[8]), r[9], r[10], stamps.get(r[11]) or _parsed(stamps, r[11]), *r[12:])
            for r in connection.execute(_month_query(bool(prefix)), {"year": fiscal_year, "month": month, **area}).all()
        ]
    )


def _parsed(stamps: dict, value) -> datetime | None:
    return stamps.setdefault(value, datetime.fromisoformat(value) if isinstance(value, str) else value)


@cache
def _month_query(narrowed: bool):
    """The month's rows for an area (`low` ≤ tambon code < `high`) or the whole country."""
    sale = MonthlySale.__table__.c
    rows = (
        select(
            Entrepreneur.id,
            Entrepreneur.tambon_code,
            Tambon.name_th,
            Entrepreneur.name,
            ProductType.name_th,
            *(sale[f] for f in AMOUNT_FIELDS),
            sale.revision,
            sale.updated_by,
            type_coerce(sale.updated_at, String),  # SQLite: the stored text (PostgreSQL's driver: a datetime)
            Entrepreneur.otop_code,
            sale.import_id,
        )
        .join(Entrepreneur, Entrepreneur.id == sale.entrepreneur_id)
        .join(Tambon, Tambon.code == Entrepreneur.tambon_code)
        .join(ProductType, ProductType.id == Entrepreneur.product_type_id)
        .where(sale.fiscal_year == bindparam("year"), sale.month == bindparam("month"))
        .order_by(Entrepreneur.tambon_code, Entrepreneur.name_key, Entrepreneur.id)
    )
    if narrowed:
        rows = rows.where(Entrepreneur.tambon_code >= bindparam("low"), Entrepreneur.tambon_code < bindparam("high"))
    return rows


def _notice(user: UserInfo, sheet: MonthSheet, may_enter: bool, begun: bool, opens: date) -> tuple[str, str]:
    """The banner above the month's grid: not begun, not the user's to type, locked, or an empty list."""
    if not begun:
        return (
            f"เดือน{month_label(sheet.fiscal_year, sheet.month)} ยังไม่เริ่ม "
            f"บันทึกยอดจำหน่ายได้ตั้งแต่วันที่ {format_thai_date(opens)}",
            "info",
        )
    if not may_enter:
        return access.refusal(user, access.Action.ENTER_SALES) + " · เลือกอำเภอเพื่อดูรายละเอียด", "info"
    if sheet.locked:
        return _lock_notice(user, sheet), "locked"
    if not sheet.rows:
        return "เดือนนี้ยังไม่มีรายชื่อผู้ประกอบการ กด “Sync ข้อมูล” เพื่อดึงรายชื่อจากเดือนก่อนหน้า", "info"
    return "", ""


def _has_entrepreneurs(session, prefix: str) -> bool:
    """Whether the area has any active entrepreneur (Sync lists only those)."""
    found = select(Entrepreneur.id).where(code_range(prefix), Entrepreneur.active).limit(1)
    return session.scalar(found) is not None


def _nobody_notice(user: UserInfo) -> str:
    """An empty list where Sync has nobody to bring (a new office's first day): who adds the entrepreneurs."""
    if access.allowed(user, access.Action.MANAGE_ENTREPRENEURS):
        said = "ยังไม่มีผู้ประกอบการในพื้นที่นี้ กด “เพิ่มผู้ประกอบการ” เพื่อเพิ่มรายแรก แล้วกรอกยอดจำหน่ายได้"
        if user.role == "admin":  # a new office's first login: its officers' logins are made here too
            said += " ส่วนผู้ใช้งานของเจ้าหน้าที่ (อำเภอหรือจังหวัด) เพิ่มได้ที่เมนู ผู้ดูแลระบบ → ผู้ใช้งาน…"
        return said
    # A district's PC keeps its own database: its admin adds the entrepreneurs (no file brings them from the
    # province); on a province's server, the province's staff do.
    return (
        "ยังไม่มีผู้ประกอบการของอำเภอนี้ในโปรแกรม ผู้ดูแลระบบของโปรแกรมที่สำนักงานนี้ "
        "(หรือเจ้าหน้าที่จังหวัด เมื่อใช้ฐานข้อมูลร่วมกับจังหวัด) เพิ่มผู้ประกอบการได้ด้วยปุ่ม “เพิ่มผู้ประกอบการ” ในแท็บนี้"
    )


def _lock_notice(user: UserInfo, sheet: MonthSheet) -> str:
    if sheet.fully_locked and len(sheet.district_codes) == 1:
        state = sheet.locked[sheet.district_codes[0]]
        return (
            f"เดือนนี้ล็อก (ยืนยันข้อมูล) แล้ว โดย {state.shown_by} เมื่อ {format_thai_datetime(state.changed_at)} "
            f"แก้ไขไม่ได้ {unlock_hint(user, sheet.district_codes[0])}"
        )
    if sheet.fully_locked:
        return "ทุกอำเภอในรายการนี้ล็อก (ยืนยันข้อมูล) แล้ว แก้ไขไม่ได้ ปลดล็อกได้ที่แท็บ “ล็อกข้อมูล”"
    return f"{len(sheet.locked)} อำเภอในรายการนี้ล็อกแล้ว แถวของอำเภอเหล่านั้น (ตัวอักษรสีเทา) แก้ไขไม่ได้"


def list_fiscal_years(*, uow, user: UserInfo | None = None, today_fiscal_year: int) -> list[int]:
    """Fiscal years with any sales, plus the current and next one, newest first."""
    stored = set(uow.session.scalars(select(MonthlySale.fiscal_year).distinct()))
    return sorted(stored | {today_fiscal_year, today_fiscal_year + 1}, reverse=True)
