"""The dashboard's figures (หน้าหลัก): a fiscal year's total and its split by channel and product type, sales
by district (by province at the department), the months' actual sales beside the forecast and the year's
target tiers, and how many districts have entered and been locked in a month."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from otop_desktop.core.errors import OtopError
from otop_desktop.core.users import UserInfo
from otop_desktop.models import District, DistrictLock, Forecast, ProductType, Province
from otop_desktop.services import access, deadlines, locks
from otop_desktop.services.entry import AMOUNT_FIELDS, CHANNELS
from otop_desktop.services.evidence.register import quarter_evidence
from otop_desktop.services.periods import check_period
from otop_desktop.services.reports import figures, summary, zones
from otop_desktop.services.reports.figures import Scope, Sums
from otop_desktop.services.targets import rule
from otop_desktop.services.thai import (
    FISCAL_MONTHS,
    THAI_MONTHS_SHORT,
    fiscal_index,
    format_thai_datetime,
    month_label,
    now_utc,
)

TIER_NAMES = ("ขั้นต้น", "ขั้นมาตรฐาน", "ขั้นสูง")


@dataclass(frozen=True)
class Bar:
    """One area's sales in the bar chart: its code (to open it), name and total in satang."""

    code: str
    name: str
    total: int


@dataclass(frozen=True)
class MonthPoint:
    """A month of the line chart: actual sales and the forecast (None where there is none), in satang."""

    month: int
    label: str
    actual: int | None
    forecast: int | None


@dataclass(frozen=True)
class MonthProgress:
    """How far the areas are with a month: entered in full, in part, locked (confirmed), of how many."""

    month: int
    label: str
    areas: int
    complete: int
    partial: int
    locked: int
    listed: int = 0  # entrepreneurs on the month's lists
    reported: int = 0  # of them, with figures
    expected: int = 0  # the area's own list: those listed and its active entrepreneurs not listed yet


@dataclass(frozen=True)
class Dashboard:
    """Everything the หน้าหลัก tab shows, computed in one read."""

    area_name: str
    fiscal_year: int
    at_text: str
    total: Sums
    channels: tuple[tuple[str, int], ...]
    product_types: tuple[tuple[str, int], ...]
    bar_unit: str  # อำเภอ or จังหวัด
    bars: tuple[Bar, ...]
    months: tuple[MonthPoint, ...]
    tiers: tuple[tuple[str, int], ...]  # the year's target tiers (round 2: the whole year), where set
    tiers_note: str
    progress: MonthProgress
    confirmed_only: bool  # the department: only confirmed months count
    bars_open_district: bool = False  # a bar is a district the user may open in the entry tab
    regions: tuple = ()  # the department: zones.RegionBar of each region, its provinces within
    due: deadlines.MonthDeadline | None = None  # the month to confirm next and how urgent (services/deadlines.py)
    signed: tuple[int, int, int] | None = None  # quarter, districts with its signed จต.๒ on file, districts


def _bars(session, scope: Scope) -> tuple[str, tuple[Bar, ...]]:
    if not scope.prefix:
        unit, names = "จังหวัด", dict(session.execute(select(Province.code, Province.name_th)).all())
        key = "province"
    else:
        unit, key = "อำเภอ", "district"
        names = dict(
            session.execute(select(District.code, District.name_th).where(District.code.startswith(scope.prefix))).all()
        )
    sums = summary.sums_by(session, scope, key)
    return unit, tuple(Bar(code, names[code], sums.get((code,), figures.NO_SALES).total) for code in sorted(names))


def _forecast(session, scope: Scope) -> dict[int, int]:
    if len(scope.prefix) != 2:  # the forecast is a province's; a district or the country has none of its own
        return {}
    total = sum(func.coalesce(getattr(Forecast, field), 0) for field in AMOUNT_FIELDS)
    query = select(Forecast.month, total).where(
        Forecast.province_code == scope.prefix, Forecast.fiscal_year == scope.fiscal_year
    )
    return {month: int(amount) for month, amount in session.execute(query)}


def _tiers(uow, user: UserInfo, fiscal_year: int) -> tuple[tuple[tuple[str, int], ...], str]:
    """The whole year's tiers (round 2) of the user's province or district, where targets exist."""
    if user.is_national:
        return (), ""
    try:
        table = rule.target_table(uow=uow, user=user, fiscal_year=fiscal_year, round_no=2)
    except OtopError:
        return (), ""
    line = table.lines[0] if user.role == "district" and table.lines else table.total
    if line.figures is None:
        return (), "ยังไม่มีค่าเป้าหมายของปีนี้"
    note = "" if user.role == "district" else f"ค่าเป้าหมายรวม {table.covered} จาก {table.district_count} อำเภอที่มีเป้าหมาย"
    return tuple(zip(TIER_NAMES, line.figures.tiers)), note


def _locked_count(session, scope: Scope, month_scope: Scope) -> tuple[int, int]:
    """How many areas there are and how many have locked (confirmed) the month."""
    if not scope.prefix:
        areas = session.scalar(select(func.count()).select_from(Province))
        return areas, len(figures.confirmed_months(session, month_scope))
    areas = session.scalar(select(func.count()).select_from(District).where(District.code.startswith(scope.prefix)))
    locked = session.scalar(
        select(func.count())
        .select_from(DistrictLock)
        .where(
            DistrictLock.district_code.startswith(scope.prefix),
            DistrictLock.fiscal_year == scope.fiscal_year,
            DistrictLock.month == month_scope.months[0],
            DistrictLock.locked,
        )
    )
    return areas, locked


def _progress(session, scope: Scope, month: int) -> MonthProgress:
    """A district's or province's month is counted against the area's own list: the month's list and the
    active entrepreneurs not on it yet (as the lock panel counts); the department counts confirmed lists."""
    month_scope = Scope(scope.prefix, scope.fiscal_year, (month,), scope.confirmed_only, scope.area_name)
    unit = "province" if not scope.prefix else "district"
    sums = summary.sums_by(session, month_scope, unit)
    unlisted = locks.unlisted_counts(session, scope.prefix, scope.fiscal_year, month) if scope.prefix else {}
    codes = {code for (code,) in sums} | set(unlisted)
    expected = {code: sums.get((code,), figures.NO_SALES).listed + unlisted.get(code, 0) for code in codes}
    reported = {code: s.reported for (code,), s in sums.items()}
    areas, locked = _locked_count(session, scope, month_scope)
    return MonthProgress(
        month,
        month_label(scope.fiscal_year, month),
        areas,
        sum(1 for code, n in expected.items() if n and reported.get(code, 0) == n),
        sum(1 for code, n in expected.items() if 0 < reported.get(code, 0) < n),
        locked,
        sum(s.listed for s in sums.values()),
        sum(reported.values()),
        sum(expected.values()),
    )


def dashboard(*, uow, user: UserInfo, fiscal_year: int, month: int, today: date | None = None) -> Dashboard:
    """The figures of the user's area for a fiscal year, the progress of one of its months, read from the
    monthly summary (brought up to date first), and the month due for confirmation as of `today`."""
    check_period(fiscal_year, month)
    scope = figures.scope_for(uow, user, fiscal_year)
    summary.refresh(uow)
    session = uow.session
    total = summary.sums_by(session, scope).get((), figures.NO_SALES)
    types = session.execute(select(ProductType.id, ProductType.name_th).order_by(ProductType.id)).all()
    by_type = summary.sums_by(session, scope, "product_type")
    by_month = summary.sums_by(session, scope, "month")
    forecast = _forecast(session, scope)
    unit, bars = _bars(session, scope)
    tiers, tiers_note = _tiers(uow, user, fiscal_year)
    months = tuple(
        MonthPoint(m, THAI_MONTHS_SHORT[m - 1], by_month[(m,)].total if (m,) in by_month else None, forecast.get(m))
        for m in FISCAL_MONTHS
    )
    return Dashboard(
        scope.area_name,
        fiscal_year,
        f"ข้อมูล ณ วันที่ {format_thai_datetime(now_utc())}",
        total,
        tuple(zip(CHANNELS, total.amounts)),
        tuple((name, by_type.get((type_id,), figures.NO_SALES).total) for type_id, name in types),
        unit,
        bars,
        months,
        tiers,
        tiers_note,
        _progress(session, scope, month),
        scope.confirmed_only,
        bars_open_district=unit == "อำเภอ" and access.permissions(user).wide,
        regions=zones.region_bars(session, bars) if unit == "จังหวัด" else (),
        due=deadlines.due_month(uow=uow, user=user, today=today),
        signed=_signed(uow, user, fiscal_year, month, bars) if unit == "อำเภอ" else None,
    )


def _signed(uow, user: UserInfo, fiscal_year: int, month: int, bars) -> tuple[int, int, int]:
    """(quarter, districts whose signed จต.๒ of the month's quarter is on file, districts)."""
    quarter = fiscal_index(month) // 3 + 1
    codes = [bar.code for bar in bars]
    on_file = quarter_evidence(uow=uow, user=user, fiscal_year=fiscal_year, district_codes=codes, figures=False)
    return quarter, sum(quarters[quarter - 1].on_file for quarters in on_file.values()), len(codes)
