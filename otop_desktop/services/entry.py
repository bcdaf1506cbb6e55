"""Monthly entry: loading a month's list of entrepreneurs and amounts, saving edits, and Sync."""

from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache, lru_cache

from sqlalchemy import String, and_, bindparam, func, or_, select, true, tuple_, type_coerce

from otop_desktop.core.changes import Kind, touched
from otop_desktop.core.errors import InvalidInput, PermissionDenied
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
from otop_desktop.services.audit import as_row, record_rows, sale_trail
from otop_desktop.services.entrepreneurs import entrepreneur_labels
from otop_desktop.services.locks import LockState, locked_districts, unlock_hint
from otop_desktop.services.money import MAX_SATANG, check_amount, format_baht
from otop_desktop.services.names import person_names
from otop_desktop.services.periods import check_period
from otop_desktop.services.sales_guard import check_sales_writable
from otop_desktop.services.thai import (
    first_day,
    format_thai_date,
    format_thai_datetime,
    month_label,
    now_utc,
    periods_before,
    sort_key,
    today_in_thailand,
)
from otop_desktop.store.bulk import collector_paused, insert_rows, stored_time

AMOUNT_FIELDS = ("domestic_offline", "domestic_online", "export_offline", "export_online")
# The four sales channels, in the order of AMOUNT_FIELDS: every heading and label of a channel is made from these.
CHANNELS = ("ในประเทศ ออฟไลน์", "ในประเทศ ออนไลน์", "ต่างประเทศ ออฟไลน์", "ต่างประเทศ ออนไลน์")
# A month whose total is this many times the entrepreneur's usual month is flagged, not refused.
UNUSUAL_FACTOR = 10
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
class SaleChange:
    """New amounts, in satang, for one entrepreneur in the month being saved."""

    entrepreneur_id: int
    amounts: Amounts
    # The row's revision when the user's grid showed it (0: not on the month's list yet). A save refuses the
    # change if someone saved the row since (a lost update); None skips the check (the command line).
    seen_revision: int | None = None


@dataclass(frozen=True)
class SaveResult:
    """What a save did."""

    saved_at: datetime
    rows_changed: int
    cells_changed: int


@dataclass(frozen=True)
class SyncResult:
    """What Sync found: the rows new to the month (no amounts yet), how many were listed already, and
    where the list came from. The GUI puts `rows` in the grid to be saved; the CLI saves them at once."""

    rows: tuple[SaleRow, ...]
    already_listed: int
    from_previous_month: bool

    @property
    def added(self) -> int:
        """How many entrepreneurs Sync puts on the month's list."""
        return len(self.rows)


@dataclass(frozen=True)
class UnusualAmount:
    """A saved month far above the entrepreneur's usual month, which the user must confirm."""

    entrepreneur_id: int
    name: str  # with the OTOP code and tambon, as messages name an entrepreneur
    total: int
    typical: int

    def text(self) -> str:
        """'กลุ่มทอผ้าไหม: 99,999.99 บาท (ปกติเดือนละ 12,000.00 บาท)'."""
        return f"{self.name}: {format_baht(self.total)} บาท (ปกติเดือนละ {format_baht(self.typical)} บาท)"


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


class SavedMeanwhile(InvalidInput):
    """Rows someone else saved after the user's grid showed them: nothing was saved; `rows` lists them as
    (name, saved by, saved at)."""

    title = "มีผู้บันทึกข้อมูลนี้ไปก่อนแล้ว"

    def __init__(self, message: str, rows):
        super().__init__(message)
        self.rows = rows


class UnusualAmounts(InvalidInput):
    """A save with unusual amounts the user has not confirmed; `amounts` lists them."""

    title = "ยอดจำหน่ายสูงผิดปกติ"

    def __init__(self, message: str, amounts):
        super().__init__(message)
        self.amounts = tuple(amounts)


def code_range(prefix: str, column=Entrepreneur.tambon_code):
    """A WHERE clause for codes (an entrepreneur's tambon by default) starting with a prefix, as a range the
    index can use ('' is all), where LIKE would read the whole table."""
    if not prefix:
        return true()
    bounds = _bounds(prefix)
    return and_(column >= bounds["low"], column < bounds["high"])


def _bounds(prefix: str) -> dict[str, str]:
    """The parameters `low` and `high` of the codes starting with a prefix (none for '', every code)."""
    return {"low": prefix, "high": prefix[:-1] + chr(ord(prefix[-1]) + 1)} if prefix else {}


def is_unusual(total: int, typical_total: int | None) -> bool:
    """Whether a month's total is far above the entrepreneur's usual month (a warning, never a refusal)."""
    return bool(typical_total) and total > typical_total * UNUSUAL_FACTOR


def _scope_prefix(user: UserInfo, district_code: str | None, tambon_code: str | None) -> str:
    if tambon_code:
        check_district_visible(user, tambon_code[:4])
        return tambon_code
    if district_code:
        check_district_visible(user, district_code)
        return district_code
    return "" if user.is_national else user.area_code


def typical_totals(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    district_code: str | None = None,
    tambon_code: str | None = None,
    entrepreneur_ids=None,
) -> dict[int, int]:
    """Each entrepreneur's usual month: the median of its non-zero totals over the 12 months before.

    Entrepreneurs with fewer than three such months have no usual month. Slower than load_month,
    so the grid shows first and marks unusual amounts when this arrives.
    """
    check_period(fiscal_year, month)
    prefix = _scope_prefix(user, district_code, tambon_code)
    periods = periods_before(fiscal_year, month, HISTORY_MONTHS)
    total = sum(func.coalesce(getattr(MonthlySale, f), 0) for f in AMOUNT_FIELDS)
    # The rows come plain and the median is taken here: SQL's window functions sorted every month of the
    # area's year (0.09 s at a province, three times this read).
    months = (
        select(MonthlySale.entrepreneur_id, total)
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(code_range(prefix), tuple_(MonthlySale.fiscal_year, MonthlySale.month).in_(periods), total > 0)
    )
    if entrepreneur_ids is not None and len(entrepreneur_ids) <= MAX_LISTED_IDS:
        months = months.where(MonthlySale.entrepreneur_id.in_(sorted(entrepreneur_ids)))
    history: dict[int, list[int]] = {}
    for entrepreneur_id, month_total in uow.session.connection().execute(months):
        history.setdefault(entrepreneur_id, []).append(month_total)
    return {i: _median(totals) for i, totals in history.items() if len(totals) >= MIN_HISTORY}


def _median(totals: list[int]) -> int:
    """The middle month, or the mean of the two middle ones, truncated to satang."""
    totals.sort()
    middle = len(totals) // 2
    return totals[middle] if len(totals) % 2 else (totals[middle - 1] + totals[middle]) // 2


def usual_months(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    district_code: str | None = None,
    tambon_code: str | None = None,
) -> UsualMonths:
    """typical_totals for the grid, with the mark of the history read, to hand to save_month."""
    prefix = _scope_prefix(user, district_code, tambon_code)
    mark = _history_mark(uow.session, prefix, fiscal_year, month)  # first: a change after it fails the check
    totals = typical_totals(
        uow=uow, user=user, fiscal_year=fiscal_year, month=month, district_code=district_code, tambon_code=tambon_code
    )
    return UsualMonths(fiscal_year, month, prefix, totals, mark)


def _history_mark(session, prefix: str, fiscal_year: int, month: int) -> tuple | None:
    """What the monthly summary says of the area's 12 months before (counts, sums, last saved), or None while
    any of them is marked stale. Every write of monthly_sale, and every entrepreneur moved, marks its month
    stale by trigger until the summary is rebuilt with the new figures, so an unchanged mark means unchanged
    history (a few hundred summary rows, where the history is tens of thousands). One statement: a save
    asks it on every save."""
    query = _mark_query(bool(prefix), tuple(periods_before(fiscal_year, month, HISTORY_MONTHS)))
    found, *mark = session.connection().execute(query, _bounds(prefix[:4])).one()
    return None if found is not None else tuple(mark)


@lru_cache(maxsize=64)
def _mark_query(narrowed: bool, periods: tuple):
    """_history_mark's statement for the periods, over the districts from `low` to before `high` if
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
    prefix = _scope_prefix(user, district_code, tambon_code)
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
    area = _bounds(prefix)
    stamps: dict = {}
    return tuple(
        [
            SaleRow(*r[:5], (r[5], r[6], r[7], r[8]), r[9], r[10], stamps.get(r[11]) or _parsed(stamps, r[11]), r[12])
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


def _baht_text(satang: int | None) -> str | None:
    return None if satang is None else f"{satang // 100}.{satang % 100:02d}"


def _area_month(session, user: UserInfo, fiscal_year: int, month: int) -> tuple[dict[int, str], dict[int, tuple]]:
    """In one statement, every entrepreneur of the user's area with its tambon, and the month's rows
    already there (amounts, revision, the import that wrote them): what a save checks and writes against.
    The statement is built once and its rows fetched at once (a province's month: thousands)."""
    prefix = _scope_prefix(user, None, None)
    connection = session.connection()
    query = _area_query(bool(prefix), bool(prefix) and connection.dialect.name == "postgresql")
    tambons, existing = {}, {}
    for entrepreneur_id, tambon, a, b, c, d, revision, import_id in connection.execute(
        query, {"year": fiscal_year, "month": month, **_bounds(prefix)}
    ).all():  # unpacked: cheaper than a Row's slices
        tambons[entrepreneur_id] = tambon
        if revision is not None:
            existing[entrepreneur_id] = ((a, b, c, d), revision, import_id)
    return tambons, existing


@cache
def _area_query(narrowed: bool, lateral: bool):
    """Every entrepreneur of an area (`low` ≤ tambon code < `high`, or the whole country) and its row of the
    month if any. For an area on PostgreSQL, each entrepreneur's row is looked up by its key (a lateral join): a
    plain join let the planner read the whole country's month, or every entrepreneur of the country, for one
    province's (a third of a national save)."""
    sale = MonthlySale.__table__.c
    of_month = and_(
        sale.entrepreneur_id == Entrepreneur.id, sale.fiscal_year == bindparam("year"), sale.month == bindparam("month")
    )
    found = (*(sale[f] for f in AMOUNT_FIELDS), sale.revision, sale.import_id)
    if lateral:
        row = select(*found).where(of_month).limit(1).lateral()
        query = select(Entrepreneur.id, Entrepreneur.tambon_code, *row.c).outerjoin(row, true())
    else:
        query = select(Entrepreneur.id, Entrepreneur.tambon_code, *found).outerjoin(MonthlySale.__table__, of_month)
    if narrowed:
        query = query.where(Entrepreneur.tambon_code >= bindparam("low"), Entrepreneur.tambon_code < bindparam("high"))
    return query


def _existing_rows(session, prefix: str, fiscal_year: int, month: int) -> dict[int, tuple]:
    query = (
        select(
            MonthlySale.entrepreneur_id,
            *(getattr(MonthlySale, f) for f in AMOUNT_FIELDS),
            MonthlySale.revision,
            MonthlySale.import_id,
        )
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(MonthlySale.fiscal_year == fiscal_year, MonthlySale.month == month, code_range(prefix))
    )
    return {row[0]: (tuple(row[1:5]), row[5], row[6]) for row in session.execute(query)}


@collector_paused
def save_month(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    changes: list[SaleChange],
    today: date | None = None,
    unusual_ok: bool = False,
    usual: UsualMonths | None = None,
) -> SaveResult:
    """Save edited amounts of a month in one transaction; a refused row means nothing is saved.
    A change for an entrepreneur not yet on the month's list puts it there (what Sync found), amounts or not.
    Totals far above an entrepreneur's usual month are refused (UnusualAmounts, listing them) until the
    user has seen them and confirmed (`unusual_ok`); the confirmation is recorded in the audit log.
    `usual`, the grid's usual months, spares reading the history again while its mark still holds."""
    check_period(fiscal_year, month)
    _check_amounts(changes)
    uow.begin_write()  # what is read below (locks, revisions) cannot change before the write
    tambons, existing = _area_month(uow.session, user, fiscal_year, month)
    outside = [c.entrepreneur_id for c in changes if c.entrepreneur_id not in tambons]
    if outside:
        raise PermissionDenied(f"ผู้ประกอบการรหัส {outside[0]} ไม่อยู่ในพื้นที่ของท่าน ไม่ได้บันทึกข้อมูลใด ๆ")
    check_sales_writable(
        uow=uow,
        user=user,
        fiscal_year=fiscal_year,
        month=month,
        district_codes={tambons[c.entrepreneur_id][:4] for c in changes},
        today=today,
    )
    _check_not_saved_meanwhile(uow.session, changes, existing, fiscal_year, month)
    changed = [
        c for c in changes if c.entrepreneur_id not in existing or tuple(c.amounts) != existing[c.entrepreneur_id][0]
    ]
    usual = _usual_still(uow.session, usual, (fiscal_year, month), {tambons[c.entrepreneur_id] for c in changed})
    unusual = _unusual(uow, user, (fiscal_year, month), changed, usual)
    if unusual and not unusual_ok:
        raise _unusual_refusal(unusual)
    saved_at = now_utc()
    cells_changed = 0
    if changed:
        uow.note(
            touched(
                Kind.SALES,
                fiscal_year=fiscal_year,
                month=month,
                districts={tambons[c.entrepreneur_id][:4] for c in changed},
            )
        )
        cells_changed = _write_changes(uow.session, user, (fiscal_year, month), changed, existing, unusual, saved_at)
    uow.commit()
    return SaveResult(saved_at, len(changed), cells_changed)


def _check_amounts(changes) -> None:
    """Refuse a change without four amounts or with one no cell may hold (check_amount's rule). A whole
    province's month is looked at once; only one with something wrong goes through the cells one by one,
    so that the first wrong cell is the one named."""
    width = len(AMOUNT_FIELDS)
    if all(len(change.amounts) == width for change in changes):
        cells = [amount for change in changes for amount in change.amounts if amount is not None]
        if not cells or (set(map(type, cells)) == {int} and min(cells) >= 0 and max(cells) < MAX_SATANG):
            return
    for change in changes:
        if len(change.amounts) != width:
            raise InvalidInput("ข้อมูลยอดจำหน่ายต้องมี 4 ช่อง")
        for amount in change.amounts:
            check_amount(amount)


def _unusual_refusal(unusual: list["UnusualAmount"]) -> UnusualAmounts:
    return UnusualAmounts(
        f"ยังไม่ได้บันทึก: ยอดรวมของ {len(unusual)} รายสูงกว่า {UNUSUAL_FACTOR} เท่าของเดือนปกติ "
        f"(ค่ามัธยฐาน 12 เดือนก่อน): "
        + "; ".join(u.text() for u in unusual[:10])
        + (f" และอีก {len(unusual) - 10} ราย" if len(unusual) > 10 else "")
        + " กรุณาตรวจสอบ หากถูกต้องให้ยืนยันอีกครั้ง",
        unusual,
    )


SALE_COLUMNS = ("entrepreneur_id", "fiscal_year", "month", *AMOUNT_FIELDS, "revision", "updated_by", "updated_at")
SALE_COLUMNS += ("origin", "import_id")


def _write_changes(session, user: UserInfo, period, changed, existing: dict, unusual, saved_at) -> int:
    """Upsert the changed rows and write their audit entries, each as one bulk statement of plain tuples
    (the rows of a province's month: no ORM object or dict a row); returns how many cells changed."""
    fiscal_year, month = period
    stamp, name, origin = stored_time(saved_at), user.username, user.area_code
    typed, imported = [], []
    for change in changed:
        entrepreneur_id = change.entrepreneur_id
        _, old_revision, old_import = existing.get(entrepreneur_id, _UNLISTED)
        # import_id None: typed here, no longer the figure of a file
        (typed if old_import is None else imported).append(
            (entrepreneur_id, fiscal_year, month, *change.amounts, old_revision + 1, name, stamp, origin, None)
        )
    audit, cells = _upsert_sales(  # the audit entries are made while the server upserts
        session, typed, imported, meanwhile=lambda: _audit_rows(user, period, changed, existing, unusual)
    )
    record_rows(session, audit, at=saved_at)
    return cells


_UNLISTED = ((None,) * len(AMOUNT_FIELDS), 0, None)  # a row not yet on the month's list: no amounts, revision 0


def _audit_rows(user: UserInfo, period, changed, existing: dict, unusual) -> tuple[list[tuple], int]:
    """The save's audit entries and how many cells changed: one entry a changed cell, then what the save
    noted beside them (rows newly listed, a file's figures overwritten), the unusual totals confirmed, and the
    month's list grown."""
    fiscal_year, month = period
    name, suffix = user.username, f"/{fiscal_year}/{month:02d}"
    rows, trail = [], []
    for change in changed:
        entrepreneur_id = change.entrepreneur_id
        old_amounts, _, old_import = existing.get(entrepreneur_id, _UNLISTED)
        key = f"{entrepreneur_id}{suffix}"
        for field, old, new in zip(AMOUNT_FIELDS, old_amounts, change.amounts):
            if old != new:
                rows.append((name, "save", "monthly_sale", key, field, _baht_text(old), _baht_text(new), None))
        listed = entrepreneur_id not in existing
        if listed or old_import is not None:
            trail += map(as_row, sale_trail(name, key, listed=listed, import_id=old_import))
    cells = len(rows)
    rows += trail
    note = f"ยืนยันยอดสูงกว่า {UNUSUAL_FACTOR} เท่าของเดือนปกติ"
    rows.extend(
        (name, "confirm_unusual", "monthly_sale", f"{u.entrepreneur_id}{suffix}", "total")
        + (_baht_text(u.typical), _baht_text(u.total), note)
        for u in unusual
    )
    listed = sum(1 for change in changed if change.entrepreneur_id not in existing)
    if listed:
        key = f"{user.area_code}{suffix}"
        rows.append(
            (name, "sync", "month", key, "entrepreneurs", str(len(existing)), str(len(existing) + listed), None)
        )
    return rows, cells


def _upsert_sales(session, typed: list[tuple], imported: list[tuple], meanwhile):
    """Upsert the rows (import_id None in each), those typed before apart from those a file wrote: a row typed
    before keeps its import_id (None) untouched, since SQLite rewrites the index of every column an upsert sets,
    changed or not, and import_id's index entries lie as scattered as the rows (a third of the pages a save
    wrote); a row from a file has its import_id cleared. `meanwhile` runs during the last upsert (insert_rows);
    its result is returned."""
    table, conflict = MonthlySale.__table__, ("entrepreneur_id", "fiscal_year", "month")
    batches = [(rows, update) for rows, update in ((typed, SALE_COLUMNS[3:-1]), (imported, SALE_COLUMNS[3:])) if rows]
    for rows, update in batches[:-1]:
        insert_rows(session, table, SALE_COLUMNS, rows, conflict=conflict, update=update, plain=True)
    rows, update = batches[-1] if batches else ([], ())
    return insert_rows(
        session, table, SALE_COLUMNS, rows, conflict=conflict, update=update, plain=True, meanwhile=meanwhile
    )


def _check_not_saved_meanwhile(session, changes, existing: dict, fiscal_year: int, month: int) -> None:
    """Refuse the whole save if a row changed since the user's grid showed it, naming who saved it and when."""
    stale = [
        c.entrepreneur_id
        for c in changes
        if c.seen_revision is not None and existing.get(c.entrepreneur_id, (None, 0))[1] != c.seen_revision
    ]
    if not stale:
        return
    query = (
        select(MonthlySale.entrepreneur_id, MonthlySale.updated_by, MonthlySale.updated_at)
        .where(
            MonthlySale.entrepreneur_id.in_(stale), MonthlySale.fiscal_year == fiscal_year, MonthlySale.month == month
        )
        .order_by(MonthlySale.updated_at.desc())
    )
    found = session.execute(query).all()
    labels = entrepreneur_labels(session, [number for number, _, _ in found])
    rows = [(labels[number], by, at) for number, by, at in found]
    people = person_names(session, [by for _, by, _ in rows[:5]])
    shown = "; ".join(f"{name} (โดย {people.get(by, by)} เมื่อ {format_thai_datetime(at)})" for name, by, at in rows[:5])
    more = f" และอีก {len(rows) - 5} ราย" if len(rows) > 5 else ""
    raise SavedMeanwhile(
        f"ยังไม่ได้บันทึก: ระหว่างที่ท่านแก้ไข มีผู้บันทึกยอดของ {len(stale):,} รายในเดือน{month_label(fiscal_year, month)} "
        f"ไปก่อนแล้ว: {shown}{more} ถ้าบันทึกตอนนี้จะทับข้อมูลของผู้อื่น กรุณาโหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง",
        rows,
    )


def _usual_still(session, usual: UsualMonths | None, period, tambons) -> UsualMonths | None:
    """The grid's usual months if they are of this month, cover the changed rows' tambons, and the history has
    not changed since they were read; otherwise None (the save reads the history itself)."""
    if usual is None or usual.mark is None or (usual.fiscal_year, usual.month) != period:
        return None
    if not all(tambon.startswith(usual.area_code) for tambon in tambons):
        return None
    return usual if _history_mark(session, usual.area_code, *period) == usual.mark else None


def _unusual(uow, user: UserInfo, period, changes, usual: UsualMonths | None) -> list[UnusualAmount]:
    totals = {c.entrepreneur_id: total for c in changes if (total := sum(filter(None, c.amounts)))}  # None, 0: none
    if not totals:
        return []
    fiscal_year, month = period
    if usual is not None:
        typical = usual.totals
    else:
        typical = typical_totals(
            uow=uow, user=user, fiscal_year=fiscal_year, month=month, entrepreneur_ids=list(totals)
        )
    flagged = {i: total for i, total in totals.items() if is_unusual(total, typical.get(i))}
    if not flagged:
        return []
    names = entrepreneur_labels(uow.session, flagged)  # name, code and tambon: namesakes differ
    return sorted(
        (UnusualAmount(i, names[i], total, typical[i]) for i, total in flagged.items()),
        key=lambda u: (sort_key(u.name), u.entrepreneur_id),
    )


def sync_preview(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    district_code: str | None = None,
    today: date | None = None,
) -> SyncResult:
    """The previous month's active entrepreneurs missing from this month's list, never their amounts;
    nothing is written. With no list the month before (a first month), every active entrepreneur of the
    area. Refused, like a save, for a locked month or one that has not begun."""
    check_period(fiscal_year, month)
    prefix = _scope_prefix(user, district_code, None)
    session = uow.session
    active = {
        entrepreneur_id: tambon[:4]
        for entrepreneur_id, tambon in session.execute(
            select(Entrepreneur.id, Entrepreneur.tambon_code).where(code_range(prefix), Entrepreneur.active)
        )
    }
    previous_year, previous_month = periods_before(fiscal_year, month, 1)[0]
    previous = set(_existing_rows(session, prefix, previous_year, previous_month))
    source = [i for i in active if i in previous] if previous else list(active)
    current = set(_existing_rows(session, prefix, fiscal_year, month))
    missing = [i for i in source if i not in current]
    # The whole scope must be open, even when nothing is missing: Sync on a locked month says so.
    scope_districts = set(active.values()) | ({prefix} if len(prefix) == 4 else set())
    check_sales_writable(
        uow=uow, user=user, fiscal_year=fiscal_year, month=month, district_codes=scope_districts, today=today
    )
    query = (
        select(
            Entrepreneur.id,
            Entrepreneur.tambon_code,
            Tambon.name_th,
            Entrepreneur.name,
            ProductType.name_th,
            Entrepreneur.otop_code,
        )
        .join(Tambon, Tambon.code == Entrepreneur.tambon_code)
        .join(ProductType, ProductType.id == Entrepreneur.product_type_id)
        .where(Entrepreneur.id.in_(missing))
        .order_by(Entrepreneur.tambon_code, Entrepreneur.name_key, Entrepreneur.id)
    )
    rows = tuple(SaleRow(*row[:5], (None,) * len(AMOUNT_FIELDS), 0, "", None, row[5]) for row in session.execute(query))
    return SyncResult(rows, len(current), bool(previous))


def sync_month(
    *,
    uow,
    user: UserInfo,
    fiscal_year: int,
    month: int,
    district_code: str | None = None,
    today: date | None = None,
) -> SyncResult:
    """Sync and save in one step (the command line, which has no separate save): lists what Sync found."""
    result = sync_preview(
        uow=uow, user=user, fiscal_year=fiscal_year, month=month, district_code=district_code, today=today
    )
    if result.rows:
        save_month(
            uow=uow,
            user=user,
            fiscal_year=fiscal_year,
            month=month,
            today=today,
            changes=[SaleChange(row.entrepreneur_id, row.amounts) for row in result.rows],
        )
    else:
        uow.commit()
    return result


def list_fiscal_years(*, uow, user: UserInfo | None = None, today_fiscal_year: int) -> list[int]:
    """Fiscal years with any sales, plus the current and next one, newest first."""
    stored = set(uow.session.scalars(select(MonthlySale.fiscal_year).distinct()))
    return sorted(stored | {today_fiscal_year, today_fiscal_year + 1}, reverse=True)
