"""Sync (Sync ข้อมูล): the entrepreneurs a month's list is missing, from the month before (or, for a first month,
every active one of the area), never their amounts; the grid puts them on the list to be saved, the command line
saves them at once."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from otop_desktop.core.users import UserInfo
from otop_desktop.models import Entrepreneur, MonthlySale, ProductType, Tambon
from otop_desktop.services.entry import AMOUNT_FIELDS, SaleRow, code_range, scope_prefix
from otop_desktop.services.periods import check_period
from otop_desktop.services.sales_guard import check_sales_writable
from otop_desktop.services.saving import SaleChange, save_month
from otop_desktop.services.thai import periods_before


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


def _listed(session, prefix: str, fiscal_year: int, month: int) -> set[int]:
    """The entrepreneurs of the area on the month's list (what Sync compares)."""
    query = (
        select(MonthlySale.entrepreneur_id)
        .join(Entrepreneur, Entrepreneur.id == MonthlySale.entrepreneur_id)
        .where(MonthlySale.fiscal_year == fiscal_year, MonthlySale.month == month, code_range(prefix))
    )
    return set(session.scalars(query))


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
    prefix = scope_prefix(user, district_code, None)
    session = uow.session
    active = {
        entrepreneur_id: tambon[:4]
        for entrepreneur_id, tambon in session.execute(
            select(Entrepreneur.id, Entrepreneur.tambon_code).where(code_range(prefix), Entrepreneur.active)
        )
    }
    previous_year, previous_month = periods_before(fiscal_year, month, 1)[0]
    previous = _listed(session, prefix, previous_year, previous_month)
    source = [i for i in active if i in previous] if previous else list(active)
    current = _listed(session, prefix, fiscal_year, month)
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
