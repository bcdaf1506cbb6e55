"""The sums every report, the dashboard and the exports read: sales of an area and a period grouped by
province, district, month, product type or entrepreneur, in satang; at the department only the months
each province has confirmed (locked) count, as the letter says."""

from dataclasses import dataclass

from sqlalchemy import and_, case, func, select

from otop_desktop.core.errors import InvalidInput
from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.models import Entrepreneur, MonthlySale, ProvinceLock
from otop_desktop.services import access, areas
from otop_desktop.services.entry import AMOUNT_FIELDS, code_range
from otop_desktop.services.periods import check_period
from otop_desktop.services.thai import FISCAL_MONTHS, THAI_MONTHS, calendar_year_be, month_label

PROVINCE = func.substr(Entrepreneur.tambon_code, 1, 2)
DISTRICT = func.substr(Entrepreneur.tambon_code, 1, 4)
KEYS = {
    "province": PROVINCE,
    "district": DISTRICT,
    "month": MonthlySale.month,
    "product_type": Entrepreneur.product_type_id,
    "entrepreneur": MonthlySale.entrepreneur_id,
}


@dataclass(frozen=True)
class Scope:
    """What a report covers: an area (a code prefix: '' the country, a province, a district), a fiscal
    year and its months, and whether only the provinces' confirmed months count (the department)."""

    prefix: str
    fiscal_year: int
    months: tuple[int, ...]
    confirmed_only: bool
    area_name: str

    @property
    def period_text(self) -> str:
        """'เดือนพฤศจิกายน 2568 (ปีงบประมาณ พ.ศ. 2569)' or the whole fiscal year with its span."""
        if len(self.months) == 1:
            return f"เดือน{month_label(self.fiscal_year, self.months[0])} (ปีงบประมาณ พ.ศ. {self.fiscal_year})"
        first, last = self.months[0], self.months[-1]
        return (
            f"ปีงบประมาณ พ.ศ. {self.fiscal_year} ({THAI_MONTHS[first - 1]} {calendar_year_be(self.fiscal_year, first)}"
            f" – {THAI_MONTHS[last - 1]} {calendar_year_be(self.fiscal_year, last)})"
        )


@dataclass(frozen=True)
class Sums:
    """An area's sales in a period: entrepreneurs on the lists, those with figures, and four channels."""

    listed: int
    reported: int
    amounts: tuple[int, int, int, int]

    @property
    def domestic(self) -> int:
        return self.amounts[0] + self.amounts[1]

    @property
    def export(self) -> int:
        return self.amounts[2] + self.amounts[3]

    @property
    def total(self) -> int:
        return sum(self.amounts)


NO_SALES = Sums(0, 0, (0, 0, 0, 0))


def scope_for(uow, user: UserInfo, fiscal_year: int, month: int | None = None, area_code: str | None = None) -> Scope:
    """The user's own area, or a district (or, for the department, a province) inside it; refused outside."""
    check_period(fiscal_year, month)
    if area_code:
        if len(area_code) not in (2, 4) or not area_code.isdigit():
            raise InvalidInput(f"“{area_code}”: รหัสพื้นที่ต้องเป็นรหัสจังหวัด 2 หลัก หรือรหัสอำเภอ 4 หลัก")
        access.check(user, access.Action.VIEW, area_code)
        prefix = area_code
    else:
        prefix = user.area_code if user.role == "district" else "" if user.is_national else user.province_code
    name = areas.describe_area(uow=uow, area_code=prefix or NATIONAL)
    return Scope(prefix, fiscal_year, (month,) if month else FISCAL_MONTHS, user.is_national, name)


def entered_id():
    """The entrepreneur's id on a row with any figure, NULL on a row still blank (count() skips NULLs)."""
    return case(
        (
            MonthlySale.domestic_offline.is_not(None)
            | MonthlySale.domestic_online.is_not(None)
            | MonthlySale.export_offline.is_not(None)
            | MonthlySale.export_online.is_not(None),
            MonthlySale.entrepreneur_id,
        )
    )


def restrict(query, scope: Scope):
    """A query over monthly_sale joined to its entrepreneurs, kept to the scope's area, period and confirmation."""
    query = query.join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id).where(
        code_range(scope.prefix), MonthlySale.fiscal_year == scope.fiscal_year, MonthlySale.month.in_(scope.months)
    )
    if scope.confirmed_only:  # the department sees a province's month only once the province confirmed it
        query = query.join(
            ProvinceLock,
            and_(
                ProvinceLock.province_code == PROVINCE,
                ProvinceLock.fiscal_year == MonthlySale.fiscal_year,
                ProvinceLock.month == MonthlySale.month,
                ProvinceLock.locked,
            ),
        )
    return query


def sums_by(session, scope: Scope, *keys: str) -> dict[tuple, Sums]:
    """The scope's sums grouped by the named keys (KEYS), each group's key a tuple in the keys' order."""
    columns = [KEYS[key] for key in keys]
    query = select(
        *columns,
        func.count(func.distinct(MonthlySale.entrepreneur_id)),
        func.count(func.distinct(entered_id())),
        *(func.coalesce(func.sum(getattr(MonthlySale, field)), 0) for field in AMOUNT_FIELDS),
    )
    query = restrict(query, scope)
    if columns:
        query = query.group_by(*columns)
    width = len(keys)
    result = {}
    for row in session.execute(query):
        if width == 0 and row[width] == 0:
            continue  # no rows at all: an empty aggregate
        result[tuple(row[:width])] = Sums(int(row[width]), int(row[width + 1]), tuple(int(v) for v in row[width + 2 :]))
    return result


def confirmed_months(session, scope: Scope) -> dict[str, set[int]]:
    """Per province of the scope, the months of the period it has confirmed (locked)."""
    query = select(ProvinceLock.province_code, ProvinceLock.month).where(
        ProvinceLock.fiscal_year == scope.fiscal_year, ProvinceLock.month.in_(scope.months), ProvinceLock.locked
    )
    if scope.prefix:
        query = query.where(ProvinceLock.province_code == scope.prefix[:2])
    confirmed: dict[str, set[int]] = {}
    for province, month in session.execute(query):
        confirmed.setdefault(province, set()).add(month)
    return confirmed
